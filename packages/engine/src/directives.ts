import type { Directive } from '@lkip/schema';
import { engineMessage } from './messages.js';
import { LineIndex } from './text-lines.js';
import type { LintFix, LintMessage, Locale, Severity } from './types.js';

export interface DirectiveOptions {
  /** Every rule id the run knows (enabled or not): anything else in a directive is reported. */
  knownRuleIds: ReadonlySet<string>;
  /** The linted text: lets `disable-next-line` skip blank lines and unused directives be removed by --fix. */
  text?: string;
  locale?: Locale;
  reportUnused?: 'off' | 'warn' | 'error';
  /** Messages no directive may hide (a rule that crashed). */
  unsuppressible?: ReadonlySet<LintMessage>;
}

interface ActiveDirective {
  index: number;
  directive: Directive;
  /** Rule ids the directive names that exist; `all` when it names none. */
  all: boolean;
  ruleIds: string[];
}

/** The disable state after a block directive: who disables everything, who disables one rule. */
interface BlockState {
  line: number;
  column: number;
  all: ActiveDirective | undefined;
  byRule: Map<string, ActiveDirective>;
  /** Rules switched back on by `lkip-enable id` inside an all-rules disable. */
  reenabled: Set<string>;
}

const ALL = '*';

/**
 * Applies `lkip-disable` comments to a run's messages the way ESLint applies its directives:
 * returns the messages that survive, plus one message per directive (or per rule id in it) that
 * suppressed nothing, and one per rule id that no rule has.
 */
export function applyDirectives(messages: readonly LintMessage[], directives: readonly Directive[], options: DirectiveOptions): LintMessage[] {
  const locale = options.locale ?? 'id';
  const lines = options.text !== undefined ? new LineIndex(options.text) : undefined;
  const problems: LintMessage[] = [];
  const used = new Set<string>();
  const mark = (d: ActiveDirective, ruleId: string) => used.add(`${d.index}\u0000${d.all ? ALL : ruleId}`);

  const active: ActiveDirective[] = [];
  directives.forEach((directive, index) => {
    const ruleIds: string[] = [];
    for (const ruleId of directive.ruleIds) {
      if (options.knownRuleIds.has(ruleId)) ruleIds.push(ruleId);
      else problems.push(directiveMessage(directive, 2, engineMessage('unknownRule', { ruleId }, locale), 'unknownRule'));
    }
    // A directive whose only ids are unknown must not fall back to disabling every rule.
    if (directive.ruleIds.length > 0 && ruleIds.length === 0) return;
    active.push({ index, directive, all: directive.ruleIds.length === 0, ruleIds });
  });

  const lineDirectives = new Map<number, ActiveDirective[]>();
  for (const d of active) {
    for (const line of targetLines(d.directive, directives, lines)) {
      const list = lineDirectives.get(line) ?? [];
      list.push(d);
      lineDirectives.set(line, list);
    }
  }

  const { states, unusedEnables } = sweepBlocks(active);

  const kept: LintMessage[] = [];
  for (const message of messages) {
    const ruleId = message.ruleId;
    if (ruleId === null || options.unsuppressible?.has(message)) {
      kept.push(message);
      continue;
    }
    const onLine = lineDirectives.get(message.line) ?? [];
    const byLine = onLine.find((d) => !d.all && d.ruleIds.includes(ruleId)) ?? onLine.find((d) => d.all);
    if (byLine) {
      mark(byLine, ruleId);
      continue;
    }
    const state = stateAt(states, message.line, message.column);
    const byBlock = state?.byRule.get(ruleId) ?? (state?.all && !state.reenabled.has(ruleId) ? state.all : undefined);
    if (byBlock) {
      mark(byBlock, ruleId);
      continue;
    }
    kept.push(message);
  }

  const reportUnused = options.reportUnused ?? 'warn';
  if (reportUnused !== 'off') {
    const severity: Severity = reportUnused === 'error' ? 2 : 1;
    for (const d of active) {
      if (d.directive.kind === 'enable') continue;
      const unusedIds = d.all ? (used.has(`${d.index}\u0000${ALL}`) ? [] : [ALL]) : d.ruleIds.filter((id) => !used.has(`${d.index}\u0000${id}`));
      // Removing the comment is only safe when nothing in it is still doing work.
      const fix = unusedIds.length === d.ruleIds.length || d.all ? removalFix(d.directive, lines) : undefined;
      unusedIds.forEach((ruleId, i) => {
        const text = ruleId === ALL ? engineMessage('unusedDisableAll', {}, locale) : engineMessage('unusedDisable', { ruleId }, locale);
        const problem = directiveMessage(d.directive, severity, text, 'unusedDisableDirective');
        if (fix && i === 0) problem.fix = fix;
        problems.push(problem);
      });
    }
    for (const { directive, ruleId } of unusedEnables) {
      const text = ruleId === ALL ? engineMessage('unusedEnableAll', {}, locale) : engineMessage('unusedEnable', { ruleId }, locale);
      problems.push(directiveMessage(directive.directive, severity, text, 'unusedEnableDirective'));
    }
  }
  return [...kept, ...problems];
}

function sweepBlocks(active: readonly ActiveDirective[]): { states: BlockState[]; unusedEnables: { directive: ActiveDirective; ruleId: string }[] } {
  const blocks = active
    .filter((d) => d.directive.kind === 'disable' || d.directive.kind === 'enable')
    .sort((a, b) => a.directive.position.offset - b.directive.position.offset);
  const states: BlockState[] = [];
  const unusedEnables: { directive: ActiveDirective; ruleId: string }[] = [];
  let all: ActiveDirective | undefined;
  let byRule = new Map<string, ActiveDirective>();
  let reenabled = new Set<string>();
  for (const d of blocks) {
    byRule = new Map(byRule);
    reenabled = new Set(reenabled);
    if (d.directive.kind === 'disable') {
      if (d.all) {
        all = d;
        byRule.clear();
        reenabled.clear();
      } else {
        for (const id of d.ruleIds) {
          byRule.set(id, d);
          reenabled.delete(id);
        }
      }
    } else if (d.all) {
      if (!all && byRule.size === 0) unusedEnables.push({ directive: d, ruleId: ALL });
      all = undefined;
      byRule.clear();
      reenabled.clear();
    } else {
      for (const id of d.ruleIds) {
        const wasDisabled = byRule.has(id) || (all !== undefined && !reenabled.has(id));
        if (!wasDisabled) unusedEnables.push({ directive: d, ruleId: id });
        byRule.delete(id);
        if (all) reenabled.add(id);
      }
    }
    const { line, column } = d.directive.position;
    states.push({ line, column, all, byRule, reenabled });
  }
  return { states, unusedEnables };
}

function stateAt(states: readonly BlockState[], line: number, column: number): BlockState | undefined {
  let found: BlockState | undefined;
  for (const state of states) {
    if (state.line < line || (state.line === line && state.column <= column)) found = state;
    else break;
  }
  return found;
}

function targetLines(directive: Directive, all: readonly Directive[], lines: LineIndex | undefined): number[] {
  const { line, endLine } = directive.position;
  switch (directive.kind) {
    case 'disable-line': {
      const covered: number[] = [];
      for (let l = line; l <= endLine; l++) covered.push(l);
      return covered;
    }
    case 'disable-next-line': {
      if (!lines) return [endLine + 1];
      const next = nextContentLine(endLine, all, lines);
      return next === undefined ? [] : [next];
    }
    default:
      return [];
  }
}

/**
 * Drafts put a blank line between the comment and the table row it is about (Markdown needs one
 * before a table), and sometimes stack several comments; so the target is the first line after
 * the comment that holds something besides whitespace and HTML comments.
 */
function nextContentLine(after: number, directives: readonly Directive[], lines: LineIndex): number | undefined {
  for (let line = after + 1; line <= lines.lineCount; line++) {
    const range = lines.contentRange(line);
    if (!range) return undefined;
    const [start, end] = range;
    let content = '';
    let cursor = start;
    const spans = directives
      .map((d) => d.position)
      .filter((p) => p.offset < end && p.endOffset > start)
      .sort((a, b) => a.offset - b.offset);
    for (const span of spans) {
      if (span.offset > cursor) content += lines.text.slice(cursor, span.offset);
      cursor = Math.max(cursor, span.endOffset);
    }
    if (cursor < end) content += lines.text.slice(cursor, end);
    const visible = content.replace(/<!--[\s\S]*?-->/g, '');
    if (visible.trim() !== '') return line;
  }
  return undefined;
}

/** Removes the comment; when it stands alone on its lines, the lines go too. */
function removalFix(directive: Directive, lines: LineIndex | undefined): LintFix | undefined {
  if (!lines) return undefined;
  const { offset, endOffset, line, endLine } = directive.position;
  const first = lines.fullRange(line);
  const last = lines.fullRange(endLine);
  if (!first || !last) return undefined;
  const before = lines.text.slice(first[0], offset);
  const after = lines.text.slice(endOffset, last[1]);
  if (before.trim() === '' && after.trim() === '') return { range: [first[0], last[1]], text: '' };
  return { range: [offset, endOffset], text: '' };
}

function directiveMessage(directive: Directive, severity: Severity, message: string, messageId: string): LintMessage {
  const { line, column, endLine, endColumn } = directive.position;
  return { ruleId: null, severity, message, messageId, line, column, endLine, endColumn };
}
