import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { findings, HAS_SEED, readDraft, SEED } from './harness.js';

const RULE = 'component-total';

function tableDraft(header: string, rows: string[], before = ''): string {
  return [
    'LAPORAN KINERJA INSTANSI PEMERINTAH INSPEKTORAT KABUPATEN LEMBAH HIJAU TAHUN 2024',
    'BAB III AKUNTABILITAS KINERJA',
    ...(before ? [before] : []),
    'Hasil penilaian tahun 2024.',
    [`| No | Unit Kerja | ${header} |`, `| ${header.split('|').map(() => '---').join(' | ')} | --- | --- |`, ...rows.map((r, i) => `| ${i + 1} | ${r} |`)].join('\n'),
  ].join('\n\n') + '\n';
}

describe('component-total', () => {
  it('is silent on totals that are the sum of their components', () => {
    expect(findings(RULE, tableDraft('Pengungkit | Hasil | Nilai ZI', ['Inspektorat | 32,72 | 35,49 | 68,21']))).toEqual([]);
    expect(findings(RULE, tableDraft('Komponen A | Komponen B | Komponen C | Skor Akhir', ['Bidang I | 20,5 | 30,25 | 10 | 60,75', 'Bidang II | 22 | 31 | 12,5 | 65,5']))).toEqual([]);
  });

  it('leaves alone a total between its parts (an average), and a total far from the sum of one row', () => {
    expect(findings(RULE, tableDraft('Nilai Perencanaan | Nilai Pelaksanaan | Nilai Kinerja Anggaran', ['Inspektorat | 99,43 | 89,56 | 94,50']))).toEqual([]);
    expect(findings(RULE, tableDraft('Pengungkit | Hasil | Nilai Indeks', ['Inspektorat | 32,72 | 35,49 | 95,00']))).toEqual([]);
  });

  it('leaves alone targets, realisations and shares', () => {
    expect(findings(RULE, tableDraft('Target | Realisasi | Nilai', ['Inspektorat | 32,72 | 35,49 | 70,21']))).toEqual([]);
  });

  it('reports a one-row total that misses the sum by a slip', () => {
    const text = tableDraft('Pengungkit | Hasil | Nilai ZI', ['Inspektorat | 32,72 | 35,49 | 70,21']);
    const found = findings(RULE, text);
    expect(found.map((m) => ({ id: m.messageId, ...{ line: m.line, column: m.column } }))).toEqual([{ id: 'notTheSum', ...locate(text, '70,21') }]);
    expect(found[0]?.suggestions?.[0]?.fix.text).toBe('68,21');
  });

  it('reports the row that does not add up when the others do', () => {
    const text = tableDraft('Komponen A | Komponen B | Nilai Akhir', ['Kantor A | 40,10 | 30,20 | 70,30', 'Kantor B | 41,00 | 29,00 | 71,00', 'Kantor C | 39,50 | 31,25 | 70,75']);
    const found = findings(RULE, text);
    expect(found.map((m) => ({ id: m.messageId, line: m.line }))).toEqual([{ id: 'notTheSumRows', line: locate(text, 'Kantor B').line }]);
  });
});

describe('component-total on the seed', () => {
  it.skipIf(!HAS_SEED)('stays silent: the seed’s ZI table adds up and its other component tables average or follow stated formulas (skipped without shared/seed)', () => {
    expect(findings(RULE, readDraft(SEED))).toEqual([]);
  });
});
