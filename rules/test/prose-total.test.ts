import { describe, expect, it } from 'vitest';
import { brief, findings, HAS_SEED, lint, NTT_FIXTURE, readDraft, SEED } from './harness.js';
import { locate } from './draft-builders.js';

const RULE = 'prose-total';

/** A chapter of an invented report around the given prose. */
function chapter(agency: string, ...paragraphs: string[]): string {
  return [`LAPORAN KINERJA INSTANSI PEMERINTAH ${agency} TAHUN 2024`, 'BAB III AKUNTABILITAS KINERJA', 'A. Capaian Kinerja Organisasi', ...paragraphs].join('\n\n') + '\n';
}

const ROADS_WRONG = 'Panjang jalan kabupaten pada akhir Tahun 2024 adalah 412,75 km yang terdiri atas 198,40 km jalan beraspal, 126,15 km jalan kerikil dan 90,20 km jalan tanah.';
const ROADS_RIGHT = 'Panjang jalan kabupaten pada akhir Tahun 2024 adalah 412,75 km yang terdiri atas 198,40 km jalan beraspal, 126,15 km jalan kerikil dan 88,20 km jalan tanah.';
// 40,3 + 33,2 + 25,3 = 98,8: the total 98,75 holds only through the rounding of the parts.
const ROADS_ROUNDED = 'Panjang jalan provinsi di wilayah kerja UPTD Contoh 98,75 km terdiri atas 40,3 km jalan provinsi, 33,2 km jalan strategis dan 25,3 km jalan penghubung.';
const ROADS_WITH_SHARES = 'Jalan kabupaten sepanjang 500,00 km terdiri dari kondisi baik 310,00 km atau 62 %, kondisi sedang 120,00 km atau 24 % dan kondisi rusak 70,00 km atau 14 %.';

const STAFF_WRONG = 'Jumlah tenaga kesehatan Puskesmas Sukamaju sebanyak 48 orang yang terdiri dari 12 orang bidan, 15 orang perawat, 6 orang dokter dan 14 orang tenaga kesehatan lainnya.';
const STAFF_RIGHT = 'Jumlah tenaga kesehatan Puskesmas Sukamaju sebanyak 48 orang yang terdiri dari 12 orang bidan, 15 orang perawat, 6 orang dokter dan 15 orang tenaga kesehatan lainnya.';
const STAFF_TWO_BREAKDOWNS = 'Pegawai Kecamatan Lembah Hijau berjumlah 31 orang yang terdiri dari 14 orang laki-laki dan 17 orang perempuan, 22 orang PNS dan 9 orang PPPK.';
const STAFF_SELECTION = 'Pegawai Kecamatan Lembah Hijau berjumlah 31 orang yang terdiri dari antara lain 14 orang pelaksana dan 7 orang fungsional.';
const AREA_OTHER_UNITS = 'Wilayah Kecamatan Lembah Hijau seluas 86,4 km² terbagi atas 5 desa dan 2 kelurahan dengan 23 dusun.';

const AVERAGE_WRONG = 'Rata-rata capaian ketiga sasaran strategis sebesar 98,50 % (sasaran pertama 100 %, sasaran kedua 97,20 % dan sasaran ketiga 96,10 %).';
const AVERAGE_RIGHT = 'Rata-rata capaian ketiga sasaran strategis sebesar 97,77 % (sasaran pertama 100 %, sasaran kedua 97,20 % dan sasaran ketiga 96,10 %).';
// A target beside the items: which figures are averaged is not certain.
const AVERAGE_WITH_TARGET = 'Rata-rata capaian ketiga sasaran strategis sebesar 98,50 % dari target 95 % (sasaran pertama 100 %, sasaran kedua 97,20 % dan sasaran ketiga 96,10 %).';

describe(RULE, () => {
  it('reports a road length that is not the sum of its parts, at the total', () => {
    const text = chapter('DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN CONTOH', ROADS_WRONG);
    const found = findings(RULE, text);
    expect(brief(found)).toEqual([{ ruleId: RULE, messageId: 'sum', ...locate(text, '412,75 km') }]);
    expect(found[0]?.message).toContain('414,75');
    // The parts are the finding's places, each with its figure.
    expect(found[0]?.related?.map((r) => r.message)).toEqual(['rincian 198,40 km', 'rincian 126,15 km', 'rincian 90,20 km']);
    expect(found[0]?.suggestions?.[0]?.fix.text).toBe('414,75');
  });

  it('counts people exactly: 48 orang is not 12 + 15 + 6 + 14', () => {
    const text = chapter('UPT PUSKESMAS SUKAMAJU', STAFF_WRONG);
    expect(brief(findings(RULE, text))).toEqual([{ ruleId: RULE, messageId: 'sum', ...locate(text, '48 orang') }]);
  });

  it('reads past an aside in another unit', () => {
    const text = chapter('UPT PUSKESMAS SUKAMAJU', 'Pegawai Puskesmas Sukamaju berjumlah 48 orang yang terdiri dari 12 orang bidan di 3 desa binaan, 15 orang perawat dan 20 orang tenaga lainnya.');
    expect(brief(findings(RULE, text))).toEqual([{ ruleId: RULE, messageId: 'sum', ...locate(text, '48 orang') }]);
  });

  it('reports an average that is not the mean of the figures it names', () => {
    const text = chapter('KECAMATAN LEMBAH HIJAU', AVERAGE_WRONG);
    const found = findings(RULE, text);
    expect(brief(found)).toEqual([{ ruleId: RULE, messageId: 'average', ...locate(text, '98,50 %') }]);
    expect(found[0]?.message).toContain('97,77');
  });

  it('reports a share that is not part / whole × 100', () => {
    const sentence = 'Dari 500 rekomendasi hasil pemeriksaan, sebanyak 391 rekomendasi telah ditindaklanjuti, atau 78,02 % dari seluruh rekomendasi.';
    const text = chapter('INSPEKTORAT DAERAH KABUPATEN CONTOH', sentence);
    const found = findings(RULE, text);
    expect(brief(found)).toEqual([{ ruleId: RULE, messageId: 'share', ...locate(text, '78,02 %') }]);
    expect(found[0]?.message).toContain('78,20');
  });

  it.each([
    ['a right road total', ROADS_RIGHT],
    ['a right share', 'Perangkat daerah dengan nilai SAKIP minimal B berjumlah 25 dari 33 perangkat daerah, atau 75,76 %.'],
    ['a right share in parentheses', 'Dari 23 produk hukum yang dijadwalkan, 20 ditetapkan tepat waktu (86,96 %).'],
    ['a realisation against its target', 'Jembatan dalam kondisi baik mencapai 91 dari target 92, atau 98,90 %.'],
    ['a total right only through the rounding of its parts', ROADS_ROUNDED],
    ['shares written beside the parts', ROADS_WITH_SHARES],
    ['a right count of staff', STAFF_RIGHT],
    ['a right count with an aside in another unit', 'Pegawai Puskesmas Sukamaju berjumlah 48 orang yang terdiri dari 12 orang bidan di 3 desa binaan, 15 orang perawat dan 21 orang tenaga lainnya.'],
    ['a right count followed by another figure', 'Pegawai Puskesmas Sukamaju berjumlah 48 orang yang terdiri dari 12 orang bidan, 15 orang perawat dan 21 orang tenaga lainnya, tersebar di 4 pustu.'],
    ['two breakdowns of the same staff in one sentence', STAFF_TWO_BREAKDOWNS],
    ['a selection ("antara lain"), not the whole', STAFF_SELECTION],
    ['parts in other units than the total', AREA_OTHER_UNITS],
    ['a right average', AVERAGE_RIGHT],
    ['an average beside a target', AVERAGE_WITH_TARGET],
  ])('stays silent on %s', (_, sentence) => {
    expect(findings(RULE, chapter('DINAS CONTOH', sentence))).toEqual([]);
  });

  it('shows the rounding note only when asked', () => {
    const text = chapter('UPTD JALAN CONTOH', ROADS_ROUNDED);
    const notes = lint(text, [RULE], { reportRounding: true }).filter((m) => m.ruleId === RULE);
    expect(brief(notes)).toEqual([{ ruleId: RULE, messageId: 'holdsByRounding', ...locate(text, '98,75 km') }]);
  });

  it('stays silent on the NTT fixture', () => {
    expect(findings(RULE, readDraft(NTT_FIXTURE))).toEqual([]);
  });

  it.skipIf(!HAS_SEED)('stays silent on the seed', () => {
    expect(findings(RULE, readDraft(SEED))).toEqual([]);
  });
});
