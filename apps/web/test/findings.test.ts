import type { LintMessage } from '@lkip/engine';
import { describe, expect, it } from 'vitest';
import { draftKeys } from '../src/compare/keys.ts';
import { previewChanges } from '../src/dialogs/FixAllDialog.tsx';
import { textChanges } from '../src/editor/text-diff.ts';
import { relatedLabel, unitLabel } from '../src/findings/labels.ts';
import { NO_FILTERS, facets, filterFindings, groupFindings, lineIndexOf, listedOrder, step, stepFromCursor, toFindings, type Finding } from '../src/findings/model.ts';
import { WORDS } from '../src/i18n.ts';
import { placeFindings, type PdfLocation } from '../src/pdf/places.ts';

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

/** One finding of a message, at the offset of its line and column in `text`. */
function finding(partial: Partial<LintMessage> & Pick<LintMessage, 'line' | 'column'>): Finding {
  const [f] = toFindings([message(partial)], lineIndexOf(text));
  if (!f) throw new Error('no finding');
  return f;
}

describe('findings as editors expect them', () => {
  const at = (from: number, key: string) => ({ ...finding({ line: 1, column: from + 1 }), key, from, to: from + 1 });

  it('F8 goes from the cursor to the next finding in the text, Shift+F8 to the one before, wrapping', () => {
    const listed = [at(50, 'c'), at(10, 'a'), at(30, 'b')];
    const offset = (f: Finding) => f.from;
    expect(stepFromCursor(listed, undefined, { from: 20, head: 20 }, 1, offset)?.key).toBe('b');
    expect(stepFromCursor(listed, undefined, { from: 20, head: 20 }, -1, offset)?.key).toBe('a');
    expect(stepFromCursor(listed, undefined, { from: 60, head: 60 }, 1, offset)?.key).toBe('a');
    expect(stepFromCursor(listed, undefined, { from: 5, head: 5 }, -1, offset)?.key).toBe('c');
    // On the active finding (its figure selected), the next one in text order.
    expect(stepFromCursor(listed, 'b', { from: 30, head: 31 }, 1, offset)?.key).toBe('c');
    expect(stepFromCursor(listed, 'b', { from: 30, head: 31 }, -1, offset)?.key).toBe('a');
    expect(stepFromCursor([], undefined, { from: 0, head: 0 }, 1, offset)).toBeUndefined();
  });

  it('names a related place’s line once, and the whole-report tag in words', () => {
    const w = WORDS.en;
    expect(relatedLabel(w, { message: 'the appendix — BNNP X, line 1458', line: 1458, column: 3, from: 0, to: 1 })).toBe('the appendix — BNNP X, line 1458');
    expect(relatedLabel(w, { message: 'target: the summary', line: 12, column: 3, from: 0, to: 1 })).toBe('target: the summary (line 12)');
    expect(relatedLabel(w, { message: 'the recap, p. 46', line: 2128, column: 3, from: 0, to: 1, pdf: { page: 46, bbox: [0, 0, 1, 1] } })).toBe('the recap, p. 46');
    expect(unitLabel(WORDS.id, 'aggregate')).toBe('Keseluruhan');
    expect(unitLabel(WORDS.id, 'BNNK Belu')).toBe('BNNK Belu');
  });

  it('keeps drafts of the same name apart in a comparison', () => {
    expect(draftKeys([{ name: 'draft.md' }, { name: 'draft.md' }, { name: 'x.md' }, { name: 'draft.md' }])).toEqual(['draft.md', 'draft.md (2)', 'x.md', 'draft.md (3)']);
    expect(draftKeys([{ name: 'draft.md', path: 'a/draft.md' }, { name: 'draft.md', path: 'b/draft.md' }])).toEqual(['a/draft.md', 'b/draft.md']);
  });

  it('previews each change of "fix all" with its line and the text around it', () => {
    const before = 'target 3\nrealisasi 2\ncapaian 66,7 %\n';
    const after = 'target 3\nrealisasi 2\ncapaian 66,67 %\n';
    expect(previewChanges(before, textChanges(before, after))).toEqual([{ line: 3, lead: 'capaian 66,', removed: '', added: '6', trail: '7 %' }]);
  });

  it('puts a PDF finding on its page, and speaks of pages instead of lines of the Markdown', () => {
    const text = 'a\nb\nc\n';
    const locations: PdfLocation[] = [
      { kind: 'paragraph', page: 1, bbox: [10, 20, 30, 40], start: 0, end: 2, line: 1, endLine: 1 },
      { kind: 'paragraph', page: 3, bbox: [1, 2, 3, 4], start: 2, end: 6, line: 2, endLine: 3 },
    ];
    const f = { ...finding({ line: 3, column: 1, message: 'differs from line 1' }), from: 4, to: 5, related: [{ message: 'the table, line 1', line: 1, column: 1, from: 0, to: 1 }] };
    const [placed] = placeFindings([f], locations, lineIndexOf(text), WORDS.en.pdf.page);
    expect(placed?.pdf).toEqual({ page: 3, bbox: [1, 2, 3, 4] });
    expect(placed?.message.message).toBe('differs from p. 1');
    expect(placed?.related[0]).toMatchObject({ message: 'the table, p. 1', pdf: { page: 1 } });
  });
});
