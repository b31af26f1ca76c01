import { LkipDocument } from '@lkip/schema';
import { validateDocumentJson } from '@lkip/schema/validate-json';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../src/index.js';

/** The model parts the issue-11 rules read: enumerations, office mentions and parts, activities, stated weights, prose categories, section headings. */

const TITLE = 'LAPORAN KINERJA INSTANSI PEMERINTAH BADAN PUSAT STATISTIK PROVINSI TELUK BIRU TAHUN 2024';

function page(...blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`;
}

describe('enumerations', () => {
  it('reads inline lists with their count, final conjunction, locators and partial leads', () => {
    const doc = parseDraft(
      page(
        'Survei ini meliputi 5 aspek yaitu: aspek manusia, metode, anggaran, sistem, sarana prasarana, dan kegiatan.',
        'Kegiatan dilaksanakan di 2 desa yaitu Desa Sukamaju, Kec. Lembah Hijau, dan Desa Mekar, Kec. Sungai Dalam.',
        'Faktor pendukung terdiri dari 4 faktor antara lain: komitmen pimpinan dan dukungan anggaran.',
        'Advokasi dilaksanakan pada masing-masing 2 lembaga yaitu instansi pemerintah, swasta dan sekolah.',
      ),
    );
    expect(doc.enumerations.map((e) => [e.count, e.items.length, e.completeness, e.noun])).toEqual([
      [5, 6, 'exact', 'aspek'],
      [2, 2, 'exact', 'desa'],
      [4, 2, 'partial', 'faktor'],
    ]);
    expect(doc.enumerations[0]?.items.map((i) => i.text)).toEqual(['aspek manusia', 'metode', 'anggaran', 'sistem', 'sarana prasarana', 'kegiatan']);
  });

  it('reads the list after a counted lead-in ending with a colon', () => {
    const doc = parseDraft(page('Penilaian terdiri dari 3 (tiga) komponen sebagai berikut:', '- 1) Komponen pengungkit;\n- 2) Komponen hasil;\n- 3) Komponen reform.'));
    expect(doc.enumerations.map((e) => [e.count, e.form, e.items.map((i) => i.text)])).toEqual([[3, 'list', ['Komponen pengungkit', 'Komponen hasil', 'Komponen reform']]]);
  });
});

describe('office mentions and parts', () => {
  const text = page(
    TITLE,
    'BAB III AKUNTABILITAS KINERJA',
    'Perbandingan realisasi BPS Kabupaten Lembah Hijau dan BPS Kota Batu Merah dengan tahun sebelumnya.',
    '1. BPS Kabupaten Lembah Hijau',
    'Realisasi meningkat berkat kerja sama dengan BPS Kota Batu Merah.',
    'c. Faktor Penyebab Keberhasilan',
    'Hubungan yang baik antara BPS Kota dengan pengguna data.',
  );
  const doc = parseDraft(text);

  it('marks partners and reads a bare office kind', () => {
    const mentions = doc.officeMentions.map((m) => [m.text, m.partner, m.unitId !== undefined, m.place ?? null]);
    expect(mentions).toContainEqual(['BPS Kota Batu Merah', true, true, 'Batu Merah']);
    expect(mentions).toContainEqual(['BPS Kota', false, false, null]);
  });

  it('gives an office heading its paragraphs up to the next lettered part', () => {
    expect(doc.officeParts.map((p) => [p.heading.line, p.paragraphs.map((x) => x.line)])).toEqual([[7, [9]]]);
  });
});

describe('supporting activities, stated weights, prose categories, section headings', () => {
  const text = page(
    TITLE,
    'IKHTISAR EKSEKUTIF',
    '1. Indikator Kinerja Utama Nilai Indeks Pelayanan Publik, target kinerja 4,00 Indeks. Untuk mendukung IKU tersebut BPS Provinsi Teluk Biru melakukan kegiatan survei kepuasan pengguna layanan. Realisasi 4,12 Indeks atau sebesar 103 %.',
    'BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA',
    '| No | Sasaran | Indikator Kinerja | Target |\n| --- | --- | --- | --- |\n| 1 | Meningkatnya pelayanan | Nilai Indeks Pelayanan Publik | 4,00 Indeks |\n| 2 | Meningkatnya data | Persentase publikasi tepat waktu | 95 % |',
    'BAB III AKUNTABILITAS KINERJA',
    '1. Indikator Kinerja Utama : Nilai Indeks Pelayanan Publik',
    'b. Metode Pengukuran dan Analisis Realisasi Indikator Kinerja Utama Persentase publikasi tepat waktu tahun 2024',
    'Nilai dihitung dari 3 aspek yaitu Kebijakan Pelayanan (30%), Profesionalisme SDM (30%) dan Sarana Prasarana (40%).',
    '| No | Satker | Kebijakan Pelayanan | Kebijakan Pelayanan | Sarana Prasarana | Nilai Indeks |\n| --- | --- | --- | --- | --- | --- |\n| 1 | BPS Provinsi Teluk Biru | 4,20 | 4,00 | 4,15 | 4,12 |',
    '- 1) Kategori sangat baik (3,26 – 4,00)\n- 2) Kategori baik (2,51 – 3,25)',
    'Tahun 2023 nilai indeks sebesar 3,18 indeks berkategori “Baik”.',
  );
  const doc = parseDraft(text);

  it('reads the activity named for an indicator', () => {
    expect(doc.activities.map((a) => [a.indicatorId, a.text])).toEqual([['i1', 'survei kepuasan pengguna layanan']]);
  });

  it('makes a weighted sum of named weights, placing a copied header by its position', () => {
    const formula = doc.formulas.find((f) => f.source === 'weights-sentence');
    expect(formula?.terms.map((t) => [t.name, t.weight])).toEqual([
      ['Kebijakan Pelayanan', 0.3],
      ['Profesionalisme SDM', 0.3],
      ['Sarana Prasarana', 0.4],
    ]);
    expect(formula?.applications.map((a) => [a.termColumns, a.resultColumn, a.mislabelled?.map((m) => m.expected)])).toEqual([[[2, 3, 4], 5, ['Profesionalisme SDM']]]);
  });

  it('reads a category with its value and year, and not the band definitions', () => {
    expect(doc.categoryStatements.map((c) => [c.year, c.label.text, c.value?.raw])).toEqual([[2023, 'Baik', '3,18']]);
  });

  it('records a sub-heading that names another indicator', () => {
    expect(doc.indicatorMentions.map((m) => [m.sectionIndicatorId, m.indicatorId])).toEqual([['i1', 'i2']]);
  });

  it('gives a model that validates against the schema', () => {
    const json = JSON.parse(JSON.stringify(doc));
    expect(validateDocumentJson(json).errors).toEqual([]);
    expect(LkipDocument.safeParse(json).success).toBe(true);
  });
});
