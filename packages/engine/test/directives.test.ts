import { describe, expect, it } from 'vitest';
import { applyFixes, lintDocument, resolveConfig, type LintMessage, type Locale } from '@lkip/engine';
import { at, reporter, toyParse } from './helpers.js';

/** Reports `r1` at every "BAD" and `r2` at every "WORSE" in the draft. */
function lint(text: string, options: { withText?: boolean; locale?: Locale; unused?: 'off' | 'warn' | 'error' } = {}): LintMessage[] {
  const find = (needle: string) => {
    const found = [];
    for (let i = 0; text.indexOf(needle, i) >= 0; i = text.indexOf(needle, i) + 1) found.push(at(text, needle, found.length));
    return found;
  };
  const rules = [reporter('r1', () => find('BAD')), reporter('r2', () => find('WORSE')), reporter('r3', () => [])];
  return lintDocument(toyParse(text), {
    rules,
    locale: options.locale ?? 'en',
    text: options.withText === false ? undefined : text,
    config: resolveConfig({ reportUnusedDisableDirectives: options.unused ?? 'warn' }),
  });
}

const summary = (messages: LintMessage[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? '-'} ${m.ruleId ? '' : m.message}`.trim());

describe('disable-next-line', () => {
  it('silences the next line that has content, skipping blank lines', () => {
    const text = ['<!-- lkip-disable-next-line r1 -->', '', '| BAD | WORSE |', 'BAD'].join('\n');
    expect(summary(lint(text))).toEqual(['3:9 r2', '4:1 r1']);
  });

  it('skips lines holding only other comments, so directives can be stacked', () => {
    const text = ['<!-- lkip-disable-next-line r1 -->', '<!-- lkip-disable-next-line r2 -->', '<!-- reviewer: checked -->', 'BAD WORSE', 'BAD'].join('\n');
    expect(summary(lint(text))).toEqual(['5:1 r1']);
  });

  it('counts lines the way the parser does, CRLF included', () => {
    const text = ['<!-- lkip-disable-next-line r1 -->', '', 'BAD', 'BAD'].join('\r\n');
    expect(summary(lint(text))).toEqual(['4:1 r1']);
  });

  it('without the text, targets the line right after the comment', () => {
    const text = ['<!-- lkip-disable-next-line r1 -->', '', 'BAD'].join('\n');
    expect(summary(lint(text, { withText: false }))).toEqual([
      "1:1 - Unused lkip-disable directive (no problems were reported from 'r1').",
      '3:1 r1',
    ]);
  });

  it('with no rule ids, silences every rule on that line', () => {
    const text = ['<!-- lkip-disable-next-line -->', 'BAD WORSE', 'BAD'].join('\n');
    expect(summary(lint(text))).toEqual(['3:1 r1']);
  });
});

describe('disable-line', () => {
  it('silences the named rule on the comment line only', () => {
    const text = ['BAD WORSE <!-- lkip-disable-line r1 -->', 'BAD'].join('\n');
    expect(summary(lint(text))).toEqual(['1:5 r2', '2:1 r1']);
  });
});

describe('disable / enable', () => {
  it('silences from the comment to the matching enable', () => {
    const text = ['BAD', '<!-- lkip-disable r1 -->', 'BAD WORSE', '<!-- lkip-enable r1 -->', 'BAD'].join('\n');
    expect(summary(lint(text))).toEqual(['1:1 r1', '3:5 r2', '5:1 r1']);
  });

  it('silences to the end of the draft without an enable', () => {
    const text = ['BAD', '<!-- lkip-disable -->', 'BAD WORSE', 'BAD'].join('\n');
    expect(summary(lint(text))).toEqual(['1:1 r1']);
  });

  it('lets one rule back in inside an all-rules disable', () => {
    const text = ['<!-- lkip-disable -->', 'BAD WORSE', '<!-- lkip-enable r2 -->', 'BAD WORSE', '<!-- lkip-enable -->', 'BAD'].join('\n');
    expect(summary(lint(text))).toEqual(['4:5 r2', '6:1 r1']);
  });

  it('does not silence what comes before the comment on its own line', () => {
    const text = 'BAD <!-- lkip-disable r1 --> BAD';
    expect(summary(lint(text))).toEqual(['1:1 r1']);
  });
});

describe('unused and unknown directives', () => {
  it('reports a directive that silenced nothing, per rule id', () => {
    const text = ['<!-- lkip-disable-next-line r1, r2 -->', 'BAD'].join('\n');
    const messages = lint(text);
    expect(messages).toEqual([
      {
        ruleId: null,
        severity: 1,
        message: "Unused lkip-disable directive (no problems were reported from 'r2').",
        messageId: 'unusedDisableDirective',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 39,
      },
    ]);
  });

  it('reports an all-rules directive that silenced nothing, in Indonesian too', () => {
    const text = ['<!-- lkip-disable -->', 'fine'].join('\n');
    expect(summary(lint(text))).toEqual(['1:1 - Unused lkip-disable directive (no problems were reported).']);
    expect(summary(lint(text, { locale: 'id' }))).toEqual(['1:1 - Direktif lkip-disable tidak terpakai (tidak ada masalah yang dilaporkan).']);
  });

  it('follows reportUnusedDisableDirectives for the severity', () => {
    const text = '<!-- lkip-disable-line r1 --> fine';
    expect(lint(text, { unused: 'error' }).map((m) => m.severity)).toEqual([2]);
    expect(lint(text, { unused: 'off' })).toEqual([]);
  });

  it('reports an enable that matches no disable', () => {
    const text = ['<!-- lkip-disable r1 -->', 'BAD', '<!-- lkip-enable r1, r2 -->'].join('\n');
    expect(summary(lint(text))).toEqual(["3:1 - Unused lkip-enable directive (no matching lkip-disable directives were found for 'r2')."]);
  });

  it('reports an unknown rule id as an error and does not read it as "every rule"', () => {
    const text = ['<!-- lkip-disable-next-line capaian-mismach -->', 'BAD'].join('\n');
    const messages = lint(text, { unused: 'off' });
    expect(messages.map((m) => [m.line, m.ruleId, m.severity, m.message])).toEqual([
      [1, null, 2, "Definition for rule 'capaian-mismach' was not found."],
      [2, 'r1', 2, 'Found r1.'],
    ]);
  });

  it('offers to remove a wholly unused comment, line and all', () => {
    const text = ['BAD', '<!-- lkip-disable-next-line r2 -- checked -->', 'BAD', ''].join('\n');
    const messages = lint(text);
    expect(messages.filter((m) => m.ruleId === null).map((m) => m.fix)).toEqual([{ range: [4, 50], text: '' }]);
    expect(applyFixes(text, messages).output).toBe('BAD\nBAD\n');
  });
});
