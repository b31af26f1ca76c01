import type { LintMessage } from '@lkip/engine';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, facets, filterFindings, groupFindings, lineIndexOf, listedOrder, step, toFindings } from '../src/findings/model.ts';

const text = 'baris satu\nrealisasi 98,5 dan 99\n\nakhir';

function message(partial: Partial<LintMessage> & Pick<LintMessage, 'line' | 'column'>): LintMessage {
  return { ruleId: 'capaian-mismatch', severity: 2, message: 'm', endLine: partial.line, endColumn: partial.column + 1, ...partial };
}

describe('findings model', () => {
  it('turns 1-based lines and columns into offsets, clamped to the line', () => {
    const index = lineIndexOf(text);
    expect(index.offset(1, 1)).toBe(0);
    expect(index.offset(2, 11)).toBe(text.indexOf('98,5'));
    expect(index.offset(2, 500)).toBe(text.indexOf('\n\n'));
    expect(index.offset(4, 1)).toBe(text.indexOf('akhir'));
    expect(index.offset(99, 1)).toBe(text.indexOf('akhir'));
  });

  it('gives each finding the span of its figure and of its related places', () => {
    const [finding] = toFindings(
      [message({ line: 2, column: 11, endColumn: 15, related: [{ message: 'tabel', line: 2, column: 20, endLine: 2, endColumn: 22 }] })],
      lineIndexOf(text),
    );
    expect(text.slice(finding?.from, finding?.to)).toBe('98,5');
    expect(finding?.related.map((r) => text.slice(r.from, r.to))).toEqual(['99']);
  });

  const messages = [
    message({ line: 4, column: 1, subject: { indicator: '2', unit: 'BNNK Belu' } }),
    message({ line: 1, column: 1, ruleId: 'tally-mismatch', severity: 1, subject: { indicator: '10' } }),
    message({ line: 2, column: 1, subject: { indicator: '2', unit: 'BNN Kota Kupang' } }),
    message({ line: 3, column: 1, ruleId: null, severity: 1 }),
  ];
  const findings = toFindings(messages, lineIndexOf(text));

  it('groups by indicator number, then by rule in order of appearance', () => {
    expect(groupFindings(findings, 'indicator').map((g) => [g.label, g.findings.length])).toEqual([
      ['2', 2],
      ['10', 1],
      [undefined, 1],
    ]);
    expect(groupFindings(findings, 'rule').map((g) => g.label)).toEqual(['capaian-mismatch', 'tally-mismatch', 'lkip']);
  });

  it('filters by rule, severity and unit, and counts what the menus offer', () => {
    expect(filterFindings(findings, NO_FILTERS)).toHaveLength(4);
    expect(filterFindings(findings, { ...NO_FILTERS, rule: 'lkip' })).toHaveLength(1);
    expect(filterFindings(findings, { ...NO_FILTERS, severities: new Set([1 as const]) })).toHaveLength(2);
    expect(filterFindings(findings, { ...NO_FILTERS, unit: 'BNNK Belu' }).map((f) => f.message.line)).toEqual([4]);
    expect(facets(findings)).toEqual({
      rules: [
        ['capaian-mismatch', 2],
        ['lkip', 1],
        ['tally-mismatch', 1],
      ],
      units: [
        ['BNN Kota Kupang', 1],
        ['BNNK Belu', 1],
      ],
      severities: { 0: 0, 1: 2, 2: 2 },
    });
  });

  it('steps through the listed order and wraps around, as F8 does', () => {
    const order = listedOrder(groupFindings(findings, 'indicator'));
    expect(step(order, undefined, 1)).toBe(order[0]);
    expect(step(order, undefined, -1)).toBe(order[3]);
    expect(step(order, order[3]?.key, 1)).toBe(order[0]);
    expect(step(order, order[0]?.key, -1)).toBe(order[3]);
    expect(step([], undefined, 1)).toBeUndefined();
  });
});
