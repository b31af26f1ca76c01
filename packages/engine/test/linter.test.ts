import { describe, expect, it } from 'vitest';
import { emptyDocument } from '@lkip/schema';
import { defineRule, formatMessage, lintDocument, resolveConfig, statedInterval, type Rule, type Tolerance } from '@lkip/engine';
import { pos, reporter } from './helpers.js';

const messages = {
  mismatch: { en: 'Stated {stated} %, computed {computed} %.', id: 'Tertulis {stated} %, hasil hitung {computed} %.' },
  replace: { en: 'Write {computed} %.', id: 'Tulis {computed} %.' },
};

const richRule = defineRule({
  meta: { id: 'capaian-mismatch', family: 'achievement', defaultSeverity: 'error', fixable: true, hasSuggestions: true, docs: { description: 'x', descriptionId: 'x' }, messages },
  check(_doc, context) {
    context.report({
      at: { line: 4, column: 10, offset: 80, endLine: 4, endColumn: 15, endOffset: 85 },
      messageId: 'mismatch',
      data: { stated: '95,34', computed: '95,09' },
      fix: { at: { line: 4, column: 10, offset: 80, endLine: 4, endColumn: 15, endOffset: 85 }, text: '95,09' },
      suggestions: [{ messageId: 'replace', data: { computed: '95,09' }, fix: { at: pos(4, 10, 15), text: '95,09' } }],
      related: [{ at: { line: 9, column: 3, offset: 200, endLine: 9, endColumn: 8, endOffset: 205 }, note: 'tabel Lampiran' }],
      subject: { indicator: 'IKK 1', unit: 'BNNK Belu', role: 'achievement' },
    });
  },
});

describe('formatMessage', () => {
  it('fills placeholders and stringifies numbers', () => {
    expect(formatMessage('{a} dari {b} ({a})', { a: '3', b: 4 })).toBe('3 dari 4 (3)');
  });

  it('leaves placeholders without data as written and does not substitute twice', () => {
    expect(formatMessage('{a} {missing}', { a: '{missing}' })).toBe('{missing} {missing}');
  });
});

describe('defineRule', () => {
  it('returns the rule it was given', () => {
    expect(defineRule(richRule)).toBe(richRule);
  });
});

describe('lintDocument', () => {
  it('turns a report into an ESLint-shaped message', () => {
    const [message, ...rest] = lintDocument(emptyDocument(), { rules: [richRule], locale: 'en' });
    expect(rest).toEqual([]);
    expect(message).toEqual({
      ruleId: 'capaian-mismatch',
      severity: 2,
      message: 'Stated 95,34 %, computed 95,09 %.',
      messageId: 'mismatch',
      line: 4,
      column: 10,
      endLine: 4,
      endColumn: 15,
      fix: { range: [80, 85], text: '95,09' },
      suggestions: [{ desc: 'Write 95,09 %.', messageId: 'replace', fix: { range: [309, 314], text: '95,09' } }],
      related: [{ message: 'tabel Lampiran', line: 9, column: 3, endLine: 9, endColumn: 8 }],
      subject: { indicator: 'IKK 1', unit: 'BNNK Belu', role: 'achievement' },
    });
  });

  it('speaks Indonesian by default', () => {
    const [message] = lintDocument(emptyDocument(), { rules: [richRule] });
    expect(message?.message).toBe('Tertulis 95,34 %, hasil hitung 95,09 %.');
    expect(message?.suggestions?.[0]?.desc).toBe('Tulis 95,09 %.');
  });

  it('drops rounding notes unless asked, and shows them at info level', () => {
    const rounding = reporter('capaian-rounding', () => [{ at: pos(2, 1), level: 'rounding' }, { at: pos(3, 1) }]);
    expect(lintDocument(emptyDocument(), { rules: [rounding] }).map((m) => [m.line, m.severity])).toEqual([[3, 2]]);
    const shown = [
      [2, 0],
      [3, 2],
    ];
    expect(lintDocument(emptyDocument(), { rules: [rounding], reportRounding: true }).map((m) => [m.line, m.severity])).toEqual(shown);
    expect(lintDocument(emptyDocument(), { rules: [rounding], config: resolveConfig({ reportRounding: true }) }).map((m) => [m.line, m.severity])).toEqual(shown);
    expect(lintDocument(emptyDocument(), { rules: [rounding], reportRounding: false, config: resolveConfig({ reportRounding: true }) })).toHaveLength(1);
  });

  it('gives rules a tolerance built from the configured rounding', () => {
    let seen: Tolerance | undefined;
    const probe: Rule = defineRule({
      meta: { id: 'probe', family: 'formula', defaultSeverity: 'warn', fixable: false, docs: { description: 'p', descriptionId: 'p' }, messages: {} },
      check(_doc, context) {
        seen = context.tolerance;
      },
    });
    lintDocument(emptyDocument(), { rules: [probe], config: resolveConfig({ rounding: 'truncate' }) });
    expect(seen?.mode).toBe('truncate');
    expect(seen?.of({ value: 666.66, decimals: 2 })).toEqual(statedInterval(666.66, 2, 'truncate'));
  });

  it('isolates a rule that throws', () => {
    const boom = defineRule({
      meta: { id: 'boom', family: 'formula', defaultSeverity: 'warn', fixable: false, docs: { description: 'b', descriptionId: 'b' }, messages: {} },
      check() {
        throw new Error('kaput');
      },
    });
    const fine = reporter('fine', () => [pos(5, 2)], 'warn');
    const messages = lintDocument(emptyDocument(), { rules: [boom, fine] });
    expect(messages).toEqual([
      { ruleId: 'boom', severity: 2, message: 'Rule boom failed: kaput', line: 1, column: 1, endLine: 1, endColumn: 1 },
      expect.objectContaining({ ruleId: 'fine', line: 5, severity: 1 }),
    ]);
  });

  it('does not let a disable directive hide a crash', () => {
    const boom = reporter('boom', () => {
      throw new Error('kaput');
    });
    const doc = emptyDocument();
    doc.directives.push({ kind: 'disable', ruleIds: [], position: pos(1, 1, 20) });
    const messages = lintDocument(doc, { rules: [boom], reportUnusedDisableDirectives: 'off' });
    expect(messages.map((m) => m.message)).toEqual(['Rule boom failed: kaput']);
  });

  it('reports an unknown messageId as a failure of that rule', () => {
    const typo = reporter('typo', () => [{ at: pos(2, 2), messageId: 'nope' }]);
    const [message] = lintDocument(emptyDocument(), { rules: [typo] });
    expect(message).toMatchObject({ ruleId: 'typo', severity: 2, line: 1, message: "Rule typo failed: rule 'typo' reported unknown messageId 'nope'" });
  });

  it('sorts by line, column and rule id', () => {
    const b = reporter('b-rule', () => [pos(3, 1), pos(1, 5)]);
    const a = reporter('a-rule', () => [pos(3, 1), pos(1, 9), pos(1, 2)]);
    expect(lintDocument(emptyDocument(), { rules: [b, a] }).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '1:2 a-rule',
      '1:5 b-rule',
      '1:9 a-rule',
      '3:1 a-rule',
      '3:1 b-rule',
    ]);
  });

  it('removes identical messages but keeps different texts at one place', () => {
    const twice = reporter('twice', () => [pos(2, 1), pos(2, 1), { at: pos(2, 1), messageId: 'other' }]);
    expect(lintDocument(emptyDocument(), { rules: [twice], locale: 'en' }).map((m) => m.message)).toEqual(['Found twice.', 'Other twice.']);
  });
});

describe('fixes made of several edits', () => {
  it('merges the edits into one fix using the linted text, and drops them without it', async () => {
    const { defineRule, lintDocument } = await import('@lkip/engine');
    const { emptyDocument } = await import('@lkip/schema');
    const text = 'a 3 / 4 b';
    const at = (start: number, end: number) => ({ line: 1, column: start + 1, offset: start, endLine: 1, endColumn: end + 1, endOffset: end });
    const swap = defineRule({
      meta: { id: 'swap', family: 'inverted-ratio', defaultSeverity: 'error', fixable: true, docs: { description: 'd', descriptionId: 'd' }, messages: { m: { en: 'm', id: 'm' } } },
      check(_doc, context) {
        context.report({ at: at(2, 7), messageId: 'm', fix: [{ at: at(6, 7), text: '3' }, { at: at(2, 3), text: '4' }] });
      },
    });
    const withText = lintDocument(emptyDocument(), { rules: [swap], text });
    expect(withText[0]?.fix).toEqual({ range: [2, 7], text: '4 / 3' });
    const withoutText = lintDocument(emptyDocument(), { rules: [swap] });
    expect(withoutText[0]?.fix).toBeUndefined();
  });
});

describe('line references in messages and related notes', () => {
  it('are worded in the locale: baris in Indonesian, line in English', async () => {
    const { defineRule, lineRef, lintDocument } = await import('@lkip/engine');
    const { emptyDocument } = await import('@lkip/schema');
    const at = { line: 2, column: 1, offset: 4, endLine: 2, endColumn: 3, endOffset: 6 };
    const rule = defineRule({
      meta: { id: 'refs', family: 'cross-reference', defaultSeverity: 'error', fixable: false, docs: { description: 'd', descriptionId: 'd' }, messages: { m: { en: 'also at {where}', id: 'juga di {where}' } } },
      check(_doc, context) {
        context.report({ at, messageId: 'm', data: { where: `PK, ${lineRef(9)}` }, related: [{ at, note: `PK, ${lineRef(9)}` }] });
      },
    });
    const [id] = lintDocument(emptyDocument(), { rules: [rule], locale: 'id' });
    const [en] = lintDocument(emptyDocument(), { rules: [rule], locale: 'en' });
    expect([id?.message, id?.related?.[0]?.message]).toEqual(['juga di PK, baris 9', 'PK, baris 9']);
    expect([en?.message, en?.related?.[0]?.message]).toEqual(['also at PK, line 9', 'PK, line 9']);
  });
});
