import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { brief, findings } from './harness.js';

const RULE = 'capaian-mismatch';

/**
 * Tables that give the model no measurement (no Perjanjian Kinerja, headers the first reader did
 * not know, rows the reader could not tie to an indicator): capaian-mismatch reads their rows by
 * column role. Invented agencies: a dinas PUPR, a puskesmas, a kecamatan, a dinas sosial.
 */
const PUPR = `Tabel 3.2 Capaian Indikator Kinerja Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sukadana Tahun 2023

| No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) |
| --- | --- | --- | --- | --- | --- |
| 1 | Persentase jalan kabupaten dalam kondisi mantap | % | 72,50 | 70,15 | 96,76 |
| 2 | Panjang jaringan irigasi dalam kondisi baik | Km | 405 | 388 | 95,80 |
| 3 | Kapasitas debit air bersih | Liter/detik | 65 | 60 | 92,31 |
| 4 | Rumah tangga dengan akses sanitasi layak | KK | 1.200 | 1.236 | 103 |
`;

const PUSKESMAS = `Capaian kinerja Puskesmas Sukamaju tahun 2024 disajikan pada tabel berikut.

Sasaran\tTarget\tRealisasi\tCapaian
Cakupan imunisasi dasar lengkap (%)\t95,00\t91,20\t96,00
Cakupan kunjungan ibu hamil K4 (%)\t90,00\t88,70\t98,56
Angka kematian ibu per 100.000 kelahiran hidup\t90\t75\t120,00
Prevalensi stunting pada balita (%)\t14,00\t15,40\t90,00
Persentase balita gizi kurang (%)\t8,0\t6,0\t133,33
`;

/** Figures right only thanks to rounding: 3,47 / 3,39 = 102,36 %, written 102,4 from unrounded data. */
const KECAMATAN = `Tabel 2. Pengukuran Kinerja Kecamatan Lembah Hijau Tahun 2024

Uraian\tTarget\tRealisasi\t% Capaian
Indeks kepuasan masyarakat terhadap layanan kecamatan\t3,39\t3,47\t102,4
Persentase desa yang menyusun APBDes tepat waktu\t100\t95\t95
`;

describe('capaian-mismatch on rows without a PK: valid', () => {
  it('stays silent on right rows in a pipe table of a dinas PUPR', () => {
    expect(brief(findings(RULE, PUPR))).toEqual([]);
  });

  it('stays silent on right rows of a puskesmas, lower-is-better ones under either formula', () => {
    // 90 / 75 × 100 = 120; (2 × 14 − 15,4) / 14 × 100 = 90; 8 / 6 × 100 = 133,33.
    expect(brief(findings(RULE, PUSKESMAS))).toEqual([]);
  });

  it('stays silent on a capaian that holds thanks to rounding', () => {
    expect(brief(findings(RULE, KECAMATAN))).toEqual([]);
  });

  it('stays silent when only an inverse formula fits and nothing says lower is better', () => {
    // 120 / 100 × 100 would be 83,33; 100 / 120 × 100 = 83,33 too: the second row is the inverse of a higher-is-better row.
    const draft = KECAMATAN.replace('100\t95\t95', '100\t120\t83,33');
    expect(brief(findings(RULE, draft))).toEqual([]);
  });

  it('accepts a capped achievement', () => {
    const draft = PUPR.replace('| 1.200 | 1.236 | 103 |', '| 1.000 | 1.400 | 120 |');
    expect(brief(findings(RULE, draft))).toEqual([]);
  });
});

describe('capaian-mismatch on rows without a PK: invalid', () => {
  it('reports a wrong capaian in a pipe table and offers the computed figure', () => {
    const draft = PUPR.replace('| 65 | 60 | 92,31 |', '| 65 | 60 | 98,31 |');
    const at = locate(draft, '98,31');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('92,31');
    expect(messages[0]?.message).toContain('Kapasitas debit air bersih');
    expect(messages[0]?.fix?.text).toBe('92,31');
  });

  it('reports a wrong capaian in a tab table of a puskesmas', () => {
    const draft = PUSKESMAS.replace('88,70\t98,56', '88,70\t98,65');
    const at = locate(draft, '98,65');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'mismatch', line: at.line, column: at.column }]);
  });

  it('names both formulas for a lower-is-better row that fits neither', () => {
    const draft = PUSKESMAS.replace('90\t75\t120,00', '90\t75\t112,00');
    const at = locate(draft, '112,00');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatchEitherPolarity', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('83,33');
    expect(messages[0]?.message).toContain('120,00');
    expect(messages[0]?.fix).toBeUndefined();
  });

  it('uses the configured polarity and formula', () => {
    const config = { polarity: [{ pattern: 'kematian ibu', polarity: 'lower-is-better' as const, formula: '2target-realisation' as const }] };
    // (2 × 90 − 75) / 90 × 100 = 116,67, not 120,00.
    const at = locate(PUSKESMAS, '120,00');
    const messages = findings(RULE, PUSKESMAS, config);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatchLowerIsBetterDifference', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('116,67');
  });

  it('reports a capaian written from rounded figures only at info level, with --report-rounding', () => {
    const draft = KECAMATAN.replace('3,47\t102,4', '3,47\t102,2');
    expect(brief(findings(RULE, draft))).toEqual([]);
    const messages = findings(RULE, draft, { reportRounding: true });
    expect(messages.map((m) => [m.messageId, m.severity])).toEqual([['holdsByRounding', 0]]);
  });

  it('reads a table of a dinas sosial whose header spells the capaian another way', () => {
    const draft = `Tabel Capaian Kinerja Dinas Sosial Kota Tanjung Permai Tahun 2024

| Sasaran Strategis | Target 2024 | Realisasi 2024 | Capaian 2024 (%) | Realisasi 2023 |
| --- | --- | --- | --- | --- |
| Persentase PMKS yang tertangani | 85 | 87,5 | 102,94 | 80,1 |
| Persentase penerima bantuan sosial tepat sasaran | 98 | 96 | 97,96 | 95 |
`;
    expect(brief(findings(RULE, draft))).toEqual([]);
    const wrong = draft.replace('| 96 | 97,96 |', '| 96 | 99,96 |');
    const at = locate(wrong, '99,96');
    expect(brief(findings(RULE, wrong))).toEqual([{ ruleId: RULE, messageId: 'mismatch', line: at.line, column: at.column }]);
  });
});
