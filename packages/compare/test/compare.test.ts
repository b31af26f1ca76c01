import type { LintMessage } from '@lkip/engine';
import { describe, expect, it } from 'vitest';
import { compareDocuments, type Comparison } from '../src/index.js';
import { makeDoc } from './build.js';

const DEKTARI = 'Jumlah Kabupaten / Kota dengan Indeks ketahanan diri remaja terhadap penyalagunaan narkoba berkategori Tinggi di wilayah Provinsi';
const KEPUASAN = 'Indeks kepuasan penerima layanan pada fasilitas rehabilitasi BNN';

function message(line: number, column: number, extra: Partial<LintMessage> = {}): LintMessage {
  return { ruleId: 'capaian-mismatch', severity: 2, message: `finding at ${line}:${column}`, line, column, endLine: line, endColumn: column + 3, ...extra };
}

function draft(province: string, messages: LintMessage[] = []) {
  const doc = makeDoc({
    province,
    fiscalYear: 2024,
    agency: `Badan Narkotika Nasional Provinsi ${province}`,
    districts: [{ name: 'BNNK Belu' }, { name: 'BNN Kota Kupang', kind: 'city' }],
    indicators: [
      { number: 1, name: DEKTARI, unit: 'Kab/Kota', countOf: { measureName: 'Indeks ketahanan diri remaja', criterion: 'category', category: 'Tinggi' } },
      { number: 8, name: KEPUASAN, unit: 'Indeks' },
    ],
    figures: [
      // Indicator 1: the count for the province office, each office's own index in the per-office table.
      { indicator: 1, role: 'target', raw: '3', value: 3, quantityUnit: 'Kab/Kota', line: 40, place: 'summary' },
      { indicator: 1, role: 'target', raw: '3', value: 3, quantityUnit: 'Kab/Kota', line: 60 },
      { indicator: 1, role: 'realisation', raw: '2', value: 2, quantityUnit: 'Kab/Kota', line: 60 },
      { indicator: 1, role: 'achievement', raw: '66.67 %', value: 66.67, percent: true, line: 60 },
      { indicator: 1, unit: 'BNNK Belu', measure: 'unit-value', role: 'target', raw: '56.20', line: 70 },
      { indicator: 1, unit: 'BNNK Belu', measure: 'unit-value', role: 'realisation', raw: '55.55', line: 70 },
      { indicator: 1, unit: 'BNNK Belu', measure: 'unit-value', role: 'achievement', raw: '98.84', percent: true, line: 70 },
      { indicator: 1, unit: 'BNNK Belu', measure: 'unit-value', role: 'category', raw: 'Sangat Tinggi', line: 70 },
      { indicator: 1, unit: 'BNN Kota Kupang', measure: 'unit-value', role: 'achievement', raw: '76.40', percent: true, line: 71 },
      { indicator: 1, aggregate: true, measure: 'unit-value', role: 'achievement', raw: '95.34', percent: true, line: 72 },
      // Indicator 8: stated in prose first, then in the BAB III table (which wins).
      { indicator: 2, role: 'target', raw: '3.77', quantityUnit: 'Indeks', line: 45, place: 'chapter-prose' },
      { indicator: 2, role: 'target', raw: '3.77', quantityUnit: 'Indeks', line: 90 },
      { indicator: 2, role: 'realisation', raw: '3.77', quantityUnit: 'Indeks', line: 90 },
      { indicator: 2, role: 'achievement', raw: '100 %', value: 100, percent: true, line: 90 },
    ],
  });
  return { file: `${province}.md`, doc, messages };
}

describe('compareDocuments: the JSON shape', () => {
  const result = compareDocuments([draft('Nusa Tenggara Timur'), draft('Tanah Lada')]);

  it('has exactly the documented keys, numbers as numbers with their raw text beside', () => {
    expect(Object.keys(result)).toEqual(['documents', 'years', 'totals', 'indicators', 'unmatched', 'flags', 'skipped']);
    expect(result.years).toEqual([2024]);
    expect(result.skipped).toEqual([]);
    expect(Object.keys(result.documents[0] ?? {})).toEqual(['file', 'agency', 'province', 'fiscalYear', 'label', 'summary', 'findings']);
    expect(result.documents[0]).toMatchObject({ file: 'Nusa Tenggara Timur.md', agency: 'Badan Narkotika Nasional Provinsi Nusa Tenggara Timur', province: 'Nusa Tenggara Timur', fiscalYear: 2024, label: 'Nusa Tenggara Timur' });
    expect(Object.keys(result.documents[0]?.summary ?? {})).toEqual(['indicators', 'metShare', 'rank', 'findings', 'worst']);
    const indicator = result.indicators[0];
    expect(Object.keys(indicator ?? {})).toEqual(['key', 'name', 'number', 'unit', 'cells']);
    expect(indicator).toMatchObject({ number: 1, unit: 'Kab/Kota', key: 'jumlah kabkota indeks ketahanan diri remaja penyalahgunaan narkoba berkategori tinggi' });
    const cell = indicator?.cells[0];
    expect(Object.keys(cell ?? {})).toEqual(['document', 'unit', 'unitKind', 'measure', 'target', 'realisation', 'achievement', 'category', 'findings']);
    expect(cell?.target).toEqual({ value: 3, raw: '3', unit: 'Kab/Kota', line: 60, column: 10 });
    expect(cell?.achievement).toEqual({ value: 66.67, raw: '66.67 %', unit: '%', line: 60, column: 10 });
    // Survives JSON unchanged: no undefined, no NaN, nothing but plain data.
    expect(JSON.parse(JSON.stringify(result)) as Comparison).toEqual(result);
  });

  it('lays out one cell per office: the province office first, district offices with their own index', () => {
    const cells = result.indicators[0]?.cells.filter((c) => c.document === 'Tanah Lada.md') ?? [];
    expect(cells.map((c) => [c.unit, c.unitKind, c.measure])).toEqual([
      ['BNNP Tanah Lada', 'province', 'indicator'],
      ['BNNK Belu', 'regency', 'unit-value'],
      ['BNN Kota Kupang', 'city', 'unit-value'],
    ]);
    expect(cells[1]).toMatchObject({ target: { value: 56.2, raw: '56.20' }, realisation: { value: 55.55 }, category: { label: 'Sangat Tinggi', line: 70 } });
    expect(cells[2]).toMatchObject({ target: null, realisation: null, achievement: { value: 76.4 }, category: null });
  });

  it('prefers the BAB III table to restatements elsewhere', () => {
    const province = result.indicators[1]?.cells[0];
    expect(province?.target?.line).toBe(90);
  });

  it('leaves average rows out: no office states them', () => {
    expect(result.indicators[0]?.cells.some((c) => c.achievement?.raw === '95.34')).toBe(false);
  });
});

describe('compareDocuments: lint status of the cells', () => {
  const messages = [
    message(70, 2), // on the BNNK Belu row of the per-office table
    message(45, 12, { ruleId: 'cross-ref-mismatch', severity: 1 }), // inside the prose figure "3.77"
    message(45, 40), // same prose line, away from any figure
    message(5, 1, { ruleId: 'unit-mismatch', subject: { indicator: 'IKK 1', unit: 'BNN Kota Kupang' } }),
    message(6, 1, { ruleId: 'year-mismatch', subject: { indicator: KEPUASAN } }),
  ];
  const result = compareDocuments([draft('Nusa Tenggara Timur', messages), draft('Tanah Lada')]);
  const cell = (indicator: number, unit: string) => result.indicators[indicator]?.cells.find((c) => c.document === 'Nusa Tenggara Timur.md' && c.unit === unit);

  it('attaches a finding on a table row to that row’s office', () => {
    expect(cell(0, 'BNNK Belu')?.findings).toEqual([{ ruleId: 'capaian-mismatch', severity: 2, message: 'finding at 70:2', line: 70, column: 2 }]);
    expect(cell(0, 'BNNP Nusa Tenggara Timur')?.findings).toEqual([]);
  });

  it('attaches a finding in prose only when it falls on a figure', () => {
    expect(cell(1, 'BNNP Nusa Tenggara Timur')?.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['cross-ref-mismatch', 45, 12],
      ['year-mismatch', 6, 1],
    ]);
  });

  it('attaches a finding by its subject: indicator number or name, and office', () => {
    expect(cell(0, 'BNN Kota Kupang')?.findings.map((f) => f.ruleId)).toEqual(['unit-mismatch']);
  });

  it('keeps other documents clean', () => {
    const other = result.indicators.flatMap((i) => i.cells).filter((c) => c.document === 'Tanah Lada.md');
    expect(other.every((c) => c.findings.length === 0)).toBe(true);
  });
});

describe('compareDocuments: the summary per draft', () => {
  const messages = [message(70, 2), message(45, 12, { ruleId: 'cross-ref-mismatch', severity: 1 }), message(3, 1, { ruleId: null, severity: 0 }), message(90, 4)];
  const result = compareDocuments([draft('Nusa Tenggara Timur', messages), draft('Tanah Lada')]);
  const [ntt, lada] = result.documents;

  it('counts the draft’s findings as lint counts them, by severity and by rule', () => {
    expect(ntt?.summary.findings).toEqual({ errorCount: 2, warningCount: 1, infoCount: 1, byRule: { 'capaian-mismatch': 2, 'cross-ref-mismatch': 1, fatal: 1 } });
    expect(ntt?.findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['capaian-mismatch', 2, 70],
      ['cross-ref-mismatch', 1, 45],
      [null, 0, 3],
      ['capaian-mismatch', 2, 90],
    ]);
    expect(lada?.summary.findings).toEqual({ errorCount: 0, warningCount: 0, infoCount: 0, byRule: {} });
  });

  it('sorts the indicators above, at and below target by the province office’s achievement, and names the worst', () => {
    // Indicator 1: 66.67 % (below); indicator 8: 100 % (at).
    expect(ntt?.summary.indicators).toEqual({ total: 2, above: 0, at: 1, below: 1, withoutFigure: 0 });
    expect(ntt?.summary.metShare).toBe(0.5);
    expect(ntt?.summary.worst).toEqual([{ indicator: result.indicators[0]?.key, number: 1, name: DEKTARI, achievement: 66.67 }]);
  });

  it('ranks by the share of indicators met, equal shares sharing a rank, and sums the drafts in a totals row', () => {
    expect(result.documents.map((d) => d.summary.rank)).toEqual([1, 1]);
    expect(result.totals).toEqual({
      documents: 2,
      indicators: { total: 4, above: 0, at: 2, below: 2, withoutFigure: 0 },
      metShare: 0.5,
      findings: { errorCount: 2, warningCount: 1, infoCount: 1, byRule: { 'capaian-mismatch': 2, 'cross-ref-mismatch': 1, fatal: 1 } },
    });
  });

  it('ranks a draft with more indicators met first', () => {
    const better = draft('Selat Kabut');
    // Make indicator 1 reach its target in this draft.
    for (const m of better.doc.measurements) if (m.indicatorId === 'i1' && m.role === 'achievement' && m.unitId === 'u1' && m.quantity) m.quantity = { ...m.quantity, value: 100, raw: '100 %' };
    const ranked = compareDocuments([draft('Nusa Tenggara Timur'), better, draft('Tanah Lada')]);
    expect(ranked.documents.map((d) => [d.province, d.summary.rank, d.summary.metShare])).toEqual([
      ['Nusa Tenggara Timur', 2, 0.5],
      ['Selat Kabut', 1, 1],
      ['Tanah Lada', 2, 0.5],
    ]);
  });
});
