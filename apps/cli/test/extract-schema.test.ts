import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDocument, type LkipDocument, type Position, type Quantity } from '@lkip/schema';
import { validateDocumentJson } from '@lkip/schema/validate-json';
import { fakeParse, lkip, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const at = (line: number): Position => ({ line, column: 1, offset: line * 10, endLine: line, endColumn: 5, endOffset: line * 10 + 4 });
const q = (raw: string, value: number, line: number, percent = false): Quantity => ({
  value,
  raw,
  decimals: (raw.split(/[,.]/)[1] ?? '').length,
  position: at(line),
  ...(percent ? { percent } : {}),
});

/** A document as the reader will produce it for a small draft, to show the overview's shape. */
function sampleDocument(): LkipDocument {
  const doc = emptyDocument('markdown', 2000);
  doc.meta = { title: 'Laporan Kinerja BNNP NTT Tahun 2024', agency: 'BNNP NTT', province: 'Nusa Tenggara Timur', fiscalYear: 2024 };
  doc.units = [
    { id: 'bnnp-ntt', name: 'BNNP NTT', kind: 'province', placeName: 'NTT', spellings: ['BNNP NTT'] },
    { id: 'bnnk-belu', name: 'BNNK Belu', kind: 'regency', placeName: 'Belu', spellings: ['BNNK Belu'] },
  ];
  doc.indicators = [
    {
      id: 'ikk-1',
      number: 1,
      name: 'Indeks Ketahanan Keluarga Anti Narkoba',
      names: ['Indeks Ketahanan Keluarga Anti Narkoba'],
      key: 'indeks ketahanan keluarga anti narkoba',
      unitOfMeasure: 'Indeks',
      polarity: 'higher-is-better',
      polaritySource: 'default',
    },
  ];
  const place = (kind: 'pk' | 'chapter-table') => ({ kind });
  doc.measurements = [
    { id: 'm1', indicatorId: 'ikk-1', unitId: 'bnnk-belu', year: 2024, measure: 'indicator', statement: 's1', role: 'target', quantity: q('87,60', 87.6, 10), place: place('pk'), position: at(10) },
    { id: 'm2', indicatorId: 'ikk-1', unitId: 'bnnk-belu', year: 2024, measure: 'indicator', statement: 's1', role: 'target', quantity: q('87,589', 87.589, 40), place: place('chapter-table'), position: at(40) },
    { id: 'm3', indicatorId: 'ikk-1', unitId: 'bnnk-belu', year: 2024, measure: 'indicator', statement: 's1', role: 'realisation', quantity: q('88,929', 88.929, 40), place: place('chapter-table'), position: at(40) },
    { id: 'm4', indicatorId: 'ikk-1', unitId: 'bnnk-belu', year: 2024, measure: 'indicator', statement: 's1', role: 'achievement', quantity: q('111,32', 111.32, 40, true), place: place('chapter-table'), position: at(40) },
    { id: 'm5', indicatorId: 'ikk-1', unitId: 'bnnk-belu', year: 2024, measure: 'indicator', statement: 's1', role: 'category', label: { text: 'Tinggi', position: at(40) }, place: place('chapter-table'), position: at(40) },
    { id: 'm6', indicatorId: 'ikk-1', unitId: 'bnnk-belu', year: 2023, measure: 'indicator', statement: 's1', role: 'realisation', quantity: q('80,00', 80, 50), place: place('chapter-table'), position: at(50) },
    { id: 'm7', indicatorId: 'ikk-1', year: 2024, measure: 'indicator', statement: 's1', role: 'achievement', quantity: q('101,5 %', 101.5, 60, true), place: { kind: 'summary' }, position: at(60) },
  ];
  doc.scales = [
    {
      id: 's1',
      name: 'Dektari',
      indicatorIds: ['ikk-1'],
      source: 'table',
      position: at(70),
      bands: [
        { label: 'Sangat Tinggi', min: q('53,71', 53.71, 71), minInclusive: true, maxInclusive: true, position: at(71) },
        { label: 'Tinggi', min: q('50,00', 50, 72), max: q('53,50', 53.5, 72), minInclusive: true, maxInclusive: true, position: at(72) },
      ],
    },
  ];
  doc.budget = [
    {
      id: 'b1',
      label: 'Total',
      total: true,
      group: 'pk',
      ceiling: q('Rp6.483.762.000', 6483762000, 80),
      realisation: q('Rp6.400.000.000', 6400000000, 80),
      percent: q('98,71%', 98.71, 80, true),
      place: { kind: 'chapter-table' },
      position: at(80),
    },
  ];
  return doc;
}

describe('extract', () => {
  it('prints the document as JSON that validates against the exported schema', async () => {
    writeFileSync(join(dir, 'draft.md'), 'satu ERR\r\ndua WARN\r\n');
    const r = await lkip(['extract', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as LkipDocument;
    expect(validateDocumentJson(doc)).toEqual({ valid: true, errors: [] });
    expect(doc.units.map((u) => [u.name, u.position?.line, u.position?.column])).toEqual([
      ['ERR', 1, 6],
      ['WARN', 2, 5],
    ]);
    expect(r.stdout).toMatch(/^\{\n {2}"schemaVersion": 1,/);
  });

  it('validates a full document too', async () => {
    writeFileSync(join(dir, 'draft.md'), 'x');
    const r = await lkip(['extract', 'draft.md', '--format', 'json'], { cwd: dir, parse: () => sampleDocument() });
    expect(validateDocumentJson(JSON.parse(r.stdout))).toEqual({ valid: true, errors: [] });
  });

  it('prints a readable summary within 100 columns, preferring the chapter tables', async () => {
    writeFileSync(join(dir, 'draft.md'), 'x');
    const r = await lkip(['extract', 'draft.md', '--format', 'summary', '--locale', 'en'], { cwd: dir, parse: () => sampleDocument() });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain('Agency          BNNP NTT');
    expect(r.stdout).toContain('Fiscal year     2024');
    expect(r.stdout).toContain('Reporting units (2)\n  BNNP NTT, BNNK Belu');
    expect(r.stdout).toContain('  1. Indeks Ketahanan Keluarga Anti Narkoba\n     unit: Indeks · higher is better');
    const belu = r.stdout.split('\n').find((l) => l.includes('BNNK Belu') && l.includes('88,929'));
    expect(belu).toMatch(/BNNK Belu\s+87,589\s+88,929\s+111,32 %\s+Tinggi/);
    expect(r.stdout).toMatch(/\(overall\)\s+–\s+–\s+101,5 %/);
    expect(r.stdout).not.toContain('80,00');
    expect(r.stdout).toContain('Dektari: Sangat Tinggi ≥ 53,71; Tinggi [50,00; 53,50]');
    expect(r.stdout).toContain('Total: ceiling Rp6.483.762.000, spent Rp6.400.000.000, 98,71%');
  });

  it('says what it did not find, in Indonesian by default', async () => {
    writeFileSync(join(dir, 'draft.md'), '');
    const r = await lkip(['extract', 'draft.md', '--format', 'summary'], { cwd: dir, parse: fakeParse });
    expect(r.stdout).toContain('Indikator (0)\n  (tidak ditemukan)');
  });

  it('exits 2 with one line for a missing file', async () => {
    const r = await lkip(['extract', 'nope.md', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lkip: nope.md: cannot read file: no such file or directory\n');
  });

  it('exits 2 without a file argument', async () => {
    const r = await lkip(['extract', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lkip: missing required argument 'file'/);
  });
});

describe('schema', () => {
  it('prints the document JSON Schema, draft 2020-12', async () => {
    const r = await lkip(['schema'], { cwd: dir });
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(r.stdout).toContain('"LkipDocument"');
  });

  it('prints the config JSON Schema with --config', async () => {
    const r = await lkip(['schema', '--config'], { cwd: dir });
    const schema = JSON.parse(r.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['rules', 'rounding', 'polarity']));
  });
});
