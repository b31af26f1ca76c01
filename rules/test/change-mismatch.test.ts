import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { brief, findings } from './harness.js';

const RULE = 'change-mismatch';

/** A dinas kesehatan's three-year comparison with a percentage change: every figure is right. */
const DINKES = `Tabel 3.5 Perbandingan Realisasi Kinerja Dinas Kesehatan Kabupaten Sukadana Tahun 2022–2024

| No | Indikator | 2022 | 2023 | 2024 | Perubahan (%) |
| --- | --- | --- | --- | --- | --- |
| 1 | Jumlah kunjungan rawat jalan puskesmas | 45.210 | 48.930 | 52.114 | 6,51 |
| 2 | Jumlah persalinan di fasilitas kesehatan | 3.904 | 3.870 | 3.912 | 1,09 |
| 3 | Jumlah kasus demam berdarah | 412 | 298 | 245 | -17,79 |
`;

/** A kecamatan's amounts: the change is N − N−1, which the rows show (no % anywhere). */
const KECAMATAN = `Tabel 3.6 Jumlah Sarana Kecamatan Lembah Hijau

Uraian\tTahun 2023\tTahun 2024\tKenaikan/Penurunan
Posyandu aktif\t42\t45\t3
Sekolah dasar\t18\t18\t0
Jalan desa beraspal (km)\t36,5\t41,2\t4,7
`;

/** Years in descending order, a decrease written without its sign under "Penurunan", rounded inputs. */
const DINSOS = `Tabel Capaian Dinas Sosial Kota Tanjung Permai

| Uraian | Realisasi 2024 | Realisasi 2023 | Kenaikan/Penurunan (%) |
| --- | --- | --- | --- |
| Indeks kepuasan layanan rehabilitasi sosial | 3,47 | 3,39 | 2,36 |
| Persentase PMKS tertangani | 81,2 | 84,6 | 4,02 |
`;

describe('change-mismatch: valid', () => {
  it('stays silent on right percentage changes, signed decreases included', () => {
    expect(brief(findings(RULE, DINKES))).toEqual([]);
  });

  it('reads a change of amounts from the rows', () => {
    expect(brief(findings(RULE, KECAMATAN))).toEqual([]);
  });

  it('accepts descending years, unsigned decreases and changes right thanks to rounding', () => {
    // (3,47 − 3,39) / 3,39 = 2,36 %; (81,2 − 84,6) / 84,6 = −4,02 %.
    expect(brief(findings(RULE, DINSOS))).toEqual([]);
  });

  it('stays silent when neither reading is certain', () => {
    // Row 1 fits N − N−1, row 2 fits (N − N−1)/N−1, row 3 neither: no reading wins.
    const draft = `Uraian\tTahun 2023\tTahun 2024\tPerubahan
Pos ronda\t40\t50\t10
Balai warga\t20\t22\t10
Pasar desa\t7\t8\t5
`;
    expect(brief(findings(RULE, draft))).toEqual([]);
  });
});

describe('change-mismatch: invalid', () => {
  it('reports a percentage change that is not (N − N−1) / N−1 × 100 and fixes it', () => {
    const draft = DINKES.replace('| 1,09 |', '| 1,90 |');
    const at = locate(draft, '1,90');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'relative', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('1,09');
    expect(messages[0]?.message).toContain('2024');
    expect(messages[0]?.fix?.text).toBe('1,09');
  });

  it('reports a change computed against the wrong year', () => {
    // (52.114 − 45.210) / 45.210 = 15,27 %: against 2022, not 2023.
    const draft = DINKES.replace('| 6,51 |', '| 15,27 |');
    const at = locate(draft, '15,27');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'relative', line: at.line, column: at.column }]);
  });

  it('reports a wrong amount change, as a suggestion since the reading was inferred', () => {
    const draft = KECAMATAN.replace('41,2\t4,7', '41,2\t4,2');
    const at = locate(draft, '4,2', 0);
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'absolute', line: at.line, column: at.column }]);
    expect(messages[0]?.fix).toBeUndefined();
    expect(messages[0]?.suggestions?.[0]?.fix.text).toBe('4,7');
  });

  it('reports a change with the wrong sign', () => {
    const draft = DINKES.replace('| -17,79 |', '| 17,79 |').replace('| 245 |', '| 351 |');
    // (351 − 298) / 298 = +17,79 %: right; now flip it.
    expect(brief(findings(RULE, draft))).toEqual([]);
    const wrong = DINKES.replace('| 6,51 |', '| -6,51 |');
    const at = locate(wrong, '-6,51');
    expect(brief(findings(RULE, wrong))).toEqual([{ ruleId: RULE, messageId: 'relative', line: at.line, column: at.column }]);
  });
});
