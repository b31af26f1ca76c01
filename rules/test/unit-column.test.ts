import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { findings, HAS_SEED, readDraft, SEED } from './harness.js';

const RULE = 'unit-column';

function recap(rows: [string, string, string, string][]): string {
  return [
    'LAPORAN KINERJA INSTANSI PEMERINTAH DINAS KESEHATAN KABUPATEN LEMBAH HIJAU TAHUN 2024',
    'REKAPITULASI INDIKATOR KINERJA UTAMA TAHUN 2024',
    ['| No | Indikator Kinerja | Target | Realisasi | % | Satuan |', '| --- | --- | --- | --- | --- | --- |', ...rows.map((r, i) => `| ${i + 1} | ${r[0]} | ${r[1]} | ${r[2]} | 100% | ${r[3]} |`)].join('\n'),
  ].join('\n\n') + '\n';
}

describe('unit-column', () => {
  it('is silent when each row has its own unit, or when every row measures what the column says', () => {
    expect(findings(RULE, recap([['Jumlah desa berstatus mandiri', '12', '12', 'Desa'], ['Indeks kepuasan masyarakat', '82,50', '82,50', 'Indeks'], ['Persentase balita gizi baik', '90', '90', 'Persen']]))).toEqual([]);
    expect(findings(RULE, recap([['Persentase balita gizi baik', '90 %', '90 %', 'Persen'], ['Persentase ibu hamil K4', '95 %', '95 %', 'Persen'], ['Persentase desa ODF', '60 %', '60 %', '%']]))).toEqual([]);
  });

  it('reports a unit copied down every row, once, at the first row measured otherwise', () => {
    const text = recap([
      ['Persentase balita gizi baik', '90 %', '90 %', 'Persen'],
      ['Jumlah desa berstatus mandiri', '12 Desa', '12 Desa', 'Persen'],
      ['Indeks kepuasan masyarakat', '82,50 Indeks', '82,50 Indeks', 'Person'],
    ]);
    const found = findings(RULE, text);
    expect(found.map((m) => ({ line: m.line }))).toEqual([{ line: locate(text, '| 2 |').line }]);
    expect(found[0]?.message).toContain('Desa');
    // The other rows and their units are the finding's places.
    expect(found[0]?.related?.[0]?.message).toContain('Indeks');
  });

  it('takes the unit from the cell after a bare figure, and a single wrong row is no pattern', () => {
    const split = [
      'REKAPITULASI INDIKATOR KINERJA UTAMA TAHUN 2024',
      ['| No | Indikator Kinerja | Target | | Realisasi | | % | Satuan |', '| --- | --- | --- | --- | --- | --- | --- | --- |', '| 1 | Nilai SAKIP | 80 | Indeks | 82 | Indeks | 102,5% | Persen |', '| 2 | Jumlah inovasi | 3 | Inovasi | 3 | Inovasi | 100% | Persen |'].join('\n'),
    ].join('\n\n') + '\n';
    expect(findings(RULE, split).map((m) => m.messageId)).toEqual(['copiedDown']);
    expect(findings(RULE, recap([['Persentase balita gizi baik', '90 %', '90 %', 'Persen'], ['Jumlah desa berstatus mandiri', '12 Desa', '12 Desa', 'Persen']]))).toEqual([]);
  });
});

describe('unit-column on the seed', () => {
  it.skipIf(!HAS_SEED)('finds the four recap tables whose SATUAN says “Persen” for every row (skipped without shared/seed)', () => {
    expect(findings(RULE, readDraft(SEED)).map((m) => m.line)).toEqual([2534, 2575, 2615, 2642]);
  });
});
