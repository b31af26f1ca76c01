import { describe, expect, it } from 'vitest';
import { brief, findings, HAS_SEED, NTT_FIXTURE, readDraft, SEED } from './harness.js';
import { locate, table } from './draft-builders.js';

const RULE = 'restated-figure';

function report(agency: string, ...blocks: string[]): string {
  return [`LAPORAN KINERJA INSTANSI PEMERINTAH ${agency} TAHUN 2024`, 'BAB III AKUNTABILITAS KINERJA', 'A. Capaian Kinerja', ...blocks].join('\n\n') + '\n';
}

const PUSKESMAS_TABLE = [
  'Tabel 3.1 Capaian Indikator Kinerja Utama',
  table(
    ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)'],
    ['1', 'Persentase ibu hamil mendapatkan pelayanan antenatal', '100 %', '98,80 %', '98,80'],
    ['2', 'Persentase balita ditimbang', '90 %', '87,30 %', '97,00'],
  ),
].join('\n\n');

const PUPR_TABLE = [
  'Tabel 3.5 Realisasi Anggaran per Kegiatan',
  table(
    ['No', 'Program/Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)', '%'],
    ['1', 'Penyelenggaraan Jalan Kabupaten', '12.500.000.000', '11.980.000.000', '95,84'],
    ['2', 'Pengelolaan Sumber Daya Air', '4.200.000.000', '4.105.000.000', '97,74'],
  ),
].join('\n\n');

const KECAMATAN_TABLE = [
  'Tabel 3.2 Pelayanan Administrasi Kependudukan per Kelurahan',
  table(
    ['No', 'Kelurahan', 'Target', 'Realisasi', 'Capaian (%)'],
    ['1', 'Kelurahan Tanjung Harapan', '250 dokumen', '243 dokumen', '97,20'],
    ['2', 'Kelurahan Bukit Indah', '180 dokumen', '180 dokumen', '100,00'],
  ),
].join('\n\n');

describe(RULE, () => {
  it('reports a capaian restated as 98,90 % for the 98,80 % of the table', () => {
    const sentence = 'Capaian indikator Persentase ibu hamil mendapatkan pelayanan antenatal sebesar 98,90 %, sedikit di bawah target.';
    const text = report('UPT PUSKESMAS SUKAMAJU', PUSKESMAS_TABLE, sentence);
    const found = findings(RULE, text);
    expect(brief(found)).toEqual([{ ruleId: RULE, messageId: 'restated', ...locate(text, '98,90 %') }]);
    expect(found[0]?.message).toContain('98,80');
    expect(found[0]?.related?.[0]?.line).toBe(locate(text, '98,80').line);
    expect(found[0]?.suggestions?.[0]?.fix.text).toBe('98,80 %');
  });

  it('reports a realisation of a budget line retyped with a slip', () => {
    const sentence = 'Realisasi anggaran kegiatan Penyelenggaraan Jalan Kabupaten sebesar Rp11.890.000.000 atau 95,84 % dari pagu.';
    const text = report('DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN CONTOH', PUPR_TABLE, sentence);
    expect(brief(findings(RULE, text))).toEqual([{ ruleId: RULE, messageId: 'restated', ...locate(text, 'Rp11.890.000.000') }]);
  });

  it("reports an office's realisation with two digits swapped", () => {
    const sentence = 'Realisasi Kelurahan Tanjung Harapan sebesar 234 dokumen dari target 250 dokumen.';
    const text = report('KECAMATAN LEMBAH HIJAU', KECAMATAN_TABLE, sentence);
    expect(brief(findings(RULE, text))).toEqual([{ ruleId: RULE, messageId: 'restated', ...locate(text, '234 dokumen') }]);
  });

  it('reads a percentage followed by what a "Persentase …" row counts', () => {
    const sentence = 'Survei kunjungan tahun 2024 mencatat 98,08 persen ibu hamil mendapatkan pelayanan antenatal.';
    const text = report('UPT PUSKESMAS SUKAMAJU', PUSKESMAS_TABLE, sentence);
    expect(brief(findings(RULE, text))).toEqual([{ ruleId: RULE, messageId: 'restated', ...locate(text, '98,08') }]);
  });

  it.each([
    ['a percentage of what the row counts, as the table states', 'Survei kunjungan tahun 2024 mencatat 98,80 persen ibu hamil mendapatkan pelayanan antenatal.'],
    ['the same figure', 'Capaian indikator Persentase ibu hamil mendapatkan pelayanan antenatal sebesar 98,80 %.'],
    ['the figure rounded', 'Capaian indikator Persentase ibu hamil mendapatkan pelayanan antenatal sebesar 98,8 %.'],
    ['the figure rounded to a whole number', 'Capaian indikator Persentase ibu hamil mendapatkan pelayanan antenatal hampir 99 %.'],
    ['another year', 'Pada tahun 2023 capaian indikator Persentase ibu hamil mendapatkan pelayanan antenatal sebesar 98,90 %.'],
    ['the previous year', 'Capaian indikator Persentase ibu hamil mendapatkan pelayanan antenatal tahun sebelumnya sebesar 98,90 %.'],
    ['a national benchmark', 'Capaian nasional indikator Persentase ibu hamil mendapatkan pelayanan antenatal sebesar 98,90 %.'],
    ['a figure far from the cell', 'Capaian indikator Persentase ibu hamil mendapatkan pelayanan antenatal meningkat, dengan cakupan K4 sebesar 76,40 %.'],
    ['no column word', 'Indikator Persentase ibu hamil mendapatkan pelayanan antenatal diukur pada 98,90 % sasaran.'],
    ['the other row named', 'Capaian indikator Persentase balita ditimbang sebesar 97,00 %.'],
  ])('stays silent on %s', (_, sentence) => {
    expect(findings(RULE, report('UPT PUSKESMAS SUKAMAJU', PUSKESMAS_TABLE, sentence))).toEqual([]);
  });

  it.each([
    ['the right realisation and percentage', 'Realisasi anggaran kegiatan Penyelenggaraan Jalan Kabupaten sebesar Rp11.980.000.000 atau 95,84 % dari pagu.'],
    ['an amount in another unit', 'Realisasi anggaran kegiatan Penyelenggaraan Jalan Kabupaten sebesar Rp11,98 miliar.'],
  ])('stays silent on a budget sentence with %s', (_, sentence) => {
    expect(findings(RULE, report('DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN CONTOH', PUPR_TABLE, sentence))).toEqual([]);
  });

  it.each([
    ['another year', 'Realisasi Kelurahan Tanjung Harapan tahun 2023 sebesar 234 dokumen.'],
    ['the right figure', 'Realisasi Kelurahan Tanjung Harapan sebesar 243 dokumen dari target 250 dokumen.'],
    ['two offices in one breath', 'Realisasi Kelurahan Tanjung Harapan dan Kelurahan Bukit Indah masing-masing 234 dan 180 dokumen.'],
  ])('stays silent on an office sentence with %s', (_, sentence) => {
    expect(findings(RULE, report('KECAMATAN LEMBAH HIJAU', KECAMATAN_TABLE, sentence))).toEqual([]);
  });

  it('stays silent when the sentence names a district office beside an indicator of the whole report', () => {
    const text = report(
      'BADAN CONTOH PROVINSI LEMBAH RAYA',
      PUSKESMAS_TABLE,
      'Capaian Badan Contoh Kabupaten Batu Merah untuk indikator Persentase ibu hamil mendapatkan pelayanan antenatal sebesar 98,90 %.',
      'Badan Contoh Kabupaten Batu Merah dan Badan Contoh Kota Karang melaporkan data bulanan kepada Badan Contoh Provinsi Lembah Raya.',
    );
    expect(findings(RULE, text)).toEqual([]);
  });

  it('stays silent on the NTT fixture', () => {
    expect(findings(RULE, readDraft(NTT_FIXTURE))).toEqual([]);
  });

  it.skipIf(!HAS_SEED)('stays silent on the seed', () => {
    expect(findings(RULE, readDraft(SEED))).toEqual([]);
  });
});
