import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { brief, findings } from './harness.js';

const RULE = 'aggregate-mismatch';

/**
 * Budget realisation pages read by column role (pagu, realisasi, %, sisa), as a dinas PUPR, a
 * kecamatan and an inspektorat write them: every figure here is right.
 */
const PUPR = `Tabel 3.10 Realisasi Anggaran Dinas Pekerjaan Umum dan Penataan Ruang Tahun Anggaran 2024

| No | Program / Kegiatan | Pagu (Rp) | Realisasi (Rp) | % | Sisa (Rp) |
| --- | --- | --- | --- | --- | --- |
| 1 | Program Penunjang Urusan Pemerintahan Daerah | 12.450.000.000 | 11.902.335.400 | 95,60 | 547.664.600 |
| 2 | Program Pengelolaan Sumber Daya Air | 8.300.000.000 | 7.655.120.000 | 92,23 | 644.880.000 |
| 3 | Program Penyelenggaraan Jalan | 21.775.500.000 | 20.134.870.250 | 92,47 | 1.640.629.750 |
| | Jumlah | 42.525.500.000 | 39.692.325.650 | 93,34 | 2.833.174.350 |
`;

/** Programmes with their kegiatan nested below them: the total is the sum of the programmes. */
const KECAMATAN = `Tabel Realisasi Anggaran Kecamatan Lembah Hijau Tahun 2024

| Kode | Program/Kegiatan/Sub Kegiatan | Anggaran (Rp) | Realisasi (Rp) | % |
| --- | --- | --- | --- | --- |
| 1 | Program Penunjang Urusan Pemerintahan Daerah | 1.500.000.000 | 1.410.000.000 | 94,00 |
| 1.1 | Administrasi Keuangan Perangkat Daerah | 1.000.000.000 | 950.000.000 | 95,00 |
| 1.2 | Administrasi Umum Perangkat Daerah | 500.000.000 | 460.000.000 | 92,00 |
| 2 | Program Penyelenggaraan Pemerintahan dan Pelayanan Publik | 300.000.000 | 270.000.000 | 90,00 |
| 2.1 | Koordinasi Penyelenggaraan Kegiatan Pemerintahan Desa | 300.000.000 | 270.000.000 | 90,00 |
| | Jumlah | 1.800.000.000 | 1.680.000.000 | 93,33 |
`;

/** A tab table with a percentage of the remainder; 96,5 is 96,49… rounded, 3,5 its complement. */
const INSPEKTORAT = `Realisasi anggaran Inspektorat Kabupaten Sukadana tahun 2024:

Uraian\tAnggaran\tRealisasi Anggaran\t% Realisasi Anggaran\tSisa (%)
Belanja Pegawai\t2.134.567.000\t2.059.771.655\t96,5\t3,5
Belanja Barang dan Jasa\t1.250.000.000\t1.187.500.000\t95,0\t5,0
`;

describe('aggregate-mismatch on budget rows: valid', () => {
  it('stays silent on right pagu / realisasi / % / sisa rows and their totals', () => {
    expect(brief(findings(RULE, PUPR))).toEqual([]);
  });

  it('adds up only the programmes of a nested table', () => {
    expect(brief(findings(RULE, KECAMATAN))).toEqual([]);
  });

  it('stays silent on percentages right only thanks to rounding, and on remainder percentages', () => {
    expect(brief(findings(RULE, INSPEKTORAT))).toEqual([]);
  });
});

describe('aggregate-mismatch on budget rows: invalid', () => {
  it('reports a % that is not realisasi / pagu × 100', () => {
    const draft = PUPR.replace('| 92,23 |', '| 92,32 |');
    const at = locate(draft, '92,32');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'budgetPercent', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('92,23');
    expect(messages[0]?.fix?.text).toBe('92,23');
  });

  it('reports a sisa that is not pagu − realisasi, and not the column total that follows from it', () => {
    const draft = PUPR.replace('| 1.640.629.750 |', '| 1.640.692.750 |');
    const at = locate(draft, '1.640.692.750');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'budgetRemainder', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('1.640.629.750');
  });

  it('reports a wrong pagu total, and not the total % computed from it', () => {
    const draft = PUPR.replace('| 42.525.500.000 |', '| 42.552.500.000 |');
    const at = locate(draft, '42.552.500.000');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'columnTotal', line: at.line, column: at.column }]);
  });

  it('reports a total % taken as the mean of the rows instead of from the sums', () => {
    // (95,60 + 92,23 + 92,47) / 3 = 93,43; the sums give 93,34.
    const draft = PUPR.replace('| 93,34 |', '| 93,43 |');
    const at = locate(draft, '93,43');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'budgetPercent', line: at.line, column: at.column }]);
  });

  it('reports a nested table whose programmes do not add up to the total', () => {
    const draft = KECAMATAN.replace('| 1.800.000.000 | 1.680.000.000 | 93,33 |', '| 1.850.000.000 | 1.680.000.000 | 90,81 |');
    const at = locate(draft, '1.850.000.000');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'columnTotal', line: at.line, column: at.column }]);
  });

  it('reports a wrong remainder percentage in a tab table', () => {
    const draft = INSPEKTORAT.replace('95,0\t5,0', '95,0\t4,0');
    const at = locate(draft, '4,0');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'budgetRemainderPercent', line: at.line, column: at.column }]);
  });
});
