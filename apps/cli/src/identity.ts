import { fingerprint, type LintMessage } from '@lkip/engine/light';

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A finding's identity across edits of the draft: the rule and what it is about (indicator,
 * unit, role: `fingerprint` in @lkip/engine), never its line. SARIF's partialFingerprints and
 * `--baseline` use the same identity, so a finding accepted in one is accepted in the other.
 */
export function findingFingerprint(m: LintMessage, lines: readonly string[] | undefined): string {
  return fingerprint(m.ruleId ?? 'lkip', m.subject, fallbackIdentity(m, lines));
}

/**
 * Without a subject from the rule, the finding is known by its message id and the text it
 * points at ("111,32 %"): both survive inserted lines, unlike the line number, and unlike the
 * message they do not change with --locale.
 */
function fallbackIdentity(m: LintMessage, lines: readonly string[] | undefined): string {
  const snippet = lines ? spanText(lines, m) : undefined;
  return snippet ? `${m.messageId ?? ''}\u001f${snippet}` : `${m.messageId ?? ''}\u001f${m.message}`;
}

function spanText(lines: readonly string[], s: Span): string | undefined {
  const first = lines[s.line - 1];
  if (first === undefined) return undefined;
  if (s.endLine === s.line) return first.slice(s.column - 1, Math.max(s.column - 1, s.endColumn - 1)) || undefined;
  const parts = [first.slice(s.column - 1), ...lines.slice(s.line, s.endLine - 1), (lines[s.endLine - 1] ?? '').slice(0, s.endColumn - 1)];
  return parts.join('\n') || undefined;
}
