import type { LintMessage } from '@lkip/engine';
import { messagesOf, type LintSession, type Rules } from './lint-draft.ts';
import type { IgnoreTarget, LintJob, TextEdit } from './protocol.ts';

/**
 * The comment for "ignore with reason", checked by linting the draft with it: `edit` when a
 * place silences exactly the target; `gone` when the finding is no longer there; `no-place`.
 */
export function placeIgnore(job: LintJob, target: IgnoreTarget, reason: string, rules: Rules, session: LintSession): { edit: TextEdit } | { error: 'gone' | 'no-place' } {
  const before = messagesOf(job, job.text, rules, session);
  const found = findTarget(before, target);
  if (!found) return { error: 'gone' };
  for (const edit of ignoreCandidates(job.text, target, reason)) {
    const after = messagesOf(job, applyEdit(job.text, edit), rules, session);
    if (silencesOnly(before, after, found)) return { edit };
  }
  return { error: 'no-place' };
}

/**
 * "Ignore with reason": the comment that silences one finding, written where it silences that
 * finding and nothing else. The obvious place, a `lkip-disable-next-line` comment on its own line
 * above the figure, is wrong inside a table (a comment line ends a pipe table, splits a tab
 * table) and inside a paragraph (it splits the paragraph); so each place is tried in turn and
 * the draft linted with it: the first after which exactly that finding is gone, and every other
 * finding is still there, is the one offered.
 */
export function ignoreCandidates(text: string, target: IgnoreTarget, reason: string): TextEdit[] {
  const lines = text.split('\n');
  const index = target.line - 1;
  const line = lines[index];
  if (line === undefined) return [];
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const lineStart = starts[index] ?? 0;
  const why = cleanReason(reason);
  const rule = target.ruleId;
  const candidates: TextEdit[] = [];

  // 1. Its own line above the figure's line (the blank line keeps a table or list that starts there whole).
  candidates.push({ from: lineStart, to: lineStart, insert: `<!-- lkip-disable-next-line ${rule} -- ${why} -->\n\n` });
  // 2. At the end of the figure's line: a table row stays one row, a sentence one sentence.
  const lineEnd = lineStart + line.length;
  candidates.push({ from: lineEnd, to: lineEnd, insert: ` <!-- lkip-disable-line ${rule} -- ${why} -->` });
  // 3. Around the whole block (table, paragraph) the figure is in.
  let first = index;
  while (first > 0 && (lines[first - 1] ?? '').trim() !== '') first--;
  let last = index;
  while (last < lines.length - 1 && (lines[last + 1] ?? '').trim() !== '') last++;
  const blockStart = starts[first] ?? 0;
  const blockEnd = (starts[last] ?? 0) + (lines[last] ?? '').length;
  candidates.push({
    from: blockStart,
    to: blockEnd,
    insert: `<!-- lkip-disable ${rule} -- ${why} -->\n\n${text.slice(blockStart, blockEnd)}\n\n<!-- lkip-enable ${rule} -->`,
  });
  return candidates;
}

/** A reason fits in the comment: one line, no `-->` that would end it early. */
export function cleanReason(reason: string): string {
  const text = reason
    .replace(/\s+/g, ' ')
    .replace(/--+>?/g, '–')
    .trim();
  return text === '' ? 'reviewed' : text;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
}

/** What a finding is about, without its place or wording (both change when lines move). */
function identity(m: LintMessage): string {
  return [m.ruleId ?? '', m.severity, m.subject?.indicator ?? '', m.subject?.unit ?? '', m.messageId ?? ''].join('\u0000');
}

/** The finding the panel listed: same rule and place, and the same message where more than one fits. */
export function findTarget(messages: readonly LintMessage[], target: IgnoreTarget): LintMessage | undefined {
  const here = messages.filter((m) => m.ruleId === target.ruleId && m.line === target.line && m.column === target.column);
  return here.find((m) => m.message === target.message) ?? here[0];
}

/** After the edit, exactly `target` is gone: every other finding is still there, none is new. */
export function silencesOnly(before: readonly LintMessage[], after: readonly LintMessage[], target: LintMessage): boolean {
  const expected = new Map<string, number>();
  for (const m of before) if (m !== target) expected.set(identity(m), (expected.get(identity(m)) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const m of after) seen.set(identity(m), (seen.get(identity(m)) ?? 0) + 1);
  if (expected.size !== seen.size) return false;
  for (const [key, n] of expected) if (seen.get(key) !== n) return false;
  return true;
}
