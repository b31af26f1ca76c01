import { describe, expect, it } from 'vitest';
import { applyFixes, defineRule, MAX_FIX_PASSES, verifyAndFix, type LintMessage } from '@lkip/engine';
import { fractionRule, toyParse } from './helpers.js';

function withFix(range: [number, number], text: string, line = 1): LintMessage {
  return { ruleId: 'r', severity: 2, message: `fix ${range.join('-')}`, line, column: range[0] + 1, endLine: line, endColumn: range[1] + 1, fix: { range, text } };
}

describe('applyFixes', () => {
  it('applies non-overlapping fixes whatever their order', () => {
    const text = 'target 3,77 realisasi 3,47 capaian 95,34';
    const late = withFix([35, 40], '92,04');
    const early = withFix([7, 11], '3,770');
    const result = applyFixes(text, [late, early]);
    expect(result.output).toBe('target 3,770 realisasi 3,47 capaian 92,04');
    expect(result.fixed).toBe(true);
    expect(result.applied).toEqual([early, late]);
    expect(result.remaining).toEqual([]);
  });

  it('skips a fix that overlaps one already chosen, leaving it for the next pass', () => {
    const text = 'abcdefghij';
    const first = withFix([2, 5], 'XYZ');
    const overlapping = withFix([4, 7], '__');
    const after = withFix([8, 9], '!');
    const plain: LintMessage = { ruleId: 'q', severity: 1, message: 'no fix', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const result = applyFixes(text, [overlapping, plain, after, first]);
    expect(result.output).toBe('abXYZfgh!j');
    expect(result.applied).toEqual([first, after]);
    expect(result.remaining).toEqual([plain, overlapping]);
  });

  it('treats an insertion where another fix ends as overlapping, but lets replacements touch', () => {
    expect(applyFixes('abcdef', [withFix([0, 2], 'X'), withFix([2, 2], '+')]).output).toBe('Xcdef');
    expect(applyFixes('abcdef', [withFix([0, 2], 'X'), withFix([2, 4], 'Y')]).output).toBe('XYef');
  });

  it('skips fixes outside the text', () => {
    const result = applyFixes('abc', [withFix([2, 9], 'x')]);
    expect(result).toMatchObject({ output: 'abc', fixed: false, applied: [] });
    expect(result.remaining).toHaveLength(1);
  });

  it('honours a filter', () => {
    const a = withFix([0, 1], 'A');
    const b = { ...withFix([1, 2], 'B'), severity: 1 as const };
    expect(applyFixes('ab', [a, b], (m) => m.severity === 2).output).toBe('Ab');
    expect(applyFixes('ab', [a, b], false)).toMatchObject({ output: 'ab', fixed: false });
  });
});

describe('verifyAndFix', () => {
  const draft = ['Capaian IKK 1: 12/15 = 80,5', 'Capaian IKK 2: 3,47/3,39 = 110,00', 'Capaian IKK 3: 50,73/53,35 = 95,09', ''].join('\n');

  it('fixes until nothing changes and returns the messages of the final text', () => {
    const before = verifyAndFix(draft, toyParse, { rules: [fractionRule], fix: false });
    expect(before.fixed).toBe(false);
    expect(before.output).toBe(draft);
    expect(before.messages.map((m) => [m.line, m.ruleId, m.message])).toEqual([
      [1, 'fraction-mismatch', 'Tertulis 80,5, hasil hitung 80,0.'],
      [2, 'fraction-mismatch', 'Tertulis 110,00, hasil hitung 102,36.'],
    ]);

    const result = verifyAndFix(draft, toyParse, { rules: [fractionRule] });
    expect(result.fixed).toBe(true);
    expect(result.output).toBe(['Capaian IKK 1: 12/15 = 80,0', 'Capaian IKK 2: 3,47/3,39 = 102,36', 'Capaian IKK 3: 50,73/53,35 = 95,09', ''].join('\n'));
    expect(result.messages).toEqual([]);

    const again = verifyAndFix(result.output, toyParse, { rules: [fractionRule] });
    expect(again).toEqual({ output: result.output, fixed: false, messages: [], applied: [] });
  });

  it('fixes only what the filter selects and reports the rest', () => {
    const result = verifyAndFix(draft, toyParse, { rules: [fractionRule], fix: (m) => m.line === 2 });
    expect(result.output).toContain('= 80,5');
    expect(result.output).toContain('= 102,36');
    expect(result.messages.map((m) => m.line)).toEqual([1]);
  });

  it('stops after MAX_FIX_PASSES when fixes never settle', () => {
    const restless = defineRule({
      meta: { id: 'restless', family: 'formula', defaultSeverity: 'warn', fixable: true, docs: { description: 'r', descriptionId: 'r' }, messages: { m: { en: 'm', id: 'm' } } },
      check(doc, context) {
        const end = doc.source.length;
        const here = { line: 1, column: 1, offset: end, endLine: 1, endColumn: 1, endOffset: end };
        context.report({ at: here, messageId: 'm', fix: { at: here, text: 'x' } });
      },
    });
    const result = verifyAndFix('', toyParse, { rules: [restless] });
    expect(MAX_FIX_PASSES).toBe(10);
    expect(result.output).toBe('x'.repeat(MAX_FIX_PASSES));
    expect(result.fixed).toBe(true);
    expect(result.messages).toHaveLength(1);
  });

  it('turns a parser failure into one fatal message', () => {
    const result = verifyAndFix('text', () => {
      throw new Error('not a draft');
    }, { rules: [fractionRule], locale: 'en' });
    expect(result).toEqual({
      output: 'text',
      fixed: false,
      messages: [{ ruleId: null, severity: 2, fatal: true, message: 'Parsing error: not a draft', line: 1, column: 1, endLine: 1, endColumn: 1 }],
      applied: [],
    });
  });
});
