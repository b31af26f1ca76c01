import type { LintMessage, Severity } from '@lkip/engine';
import type { PdfPlace } from '../lint/protocol.ts';

/** A span in the linted text, 0-based and end-exclusive like the engine's fix ranges. */
export interface Span {
  from: number;
  to: number;
}

export interface RelatedPlace extends Span {
  message: string;
  line: number;
  column: number;
  /** In a PDF: the page and box. */
  pdf?: PdfPlace;
}

export interface Finding extends Span {
  /** Unique within one lint result; stable across filters and grouping. */
  key: string;
  message: LintMessage;
  related: RelatedPlace[];
  /** The office, under the one name the draft's list of offices gives it (rules quote other spellings). */
  unit?: string;
  /** In a PDF: the page and box of the figure. */
  pdf?: PdfPlace;
}

/** Rules put this in `subject.unit` for findings about an indicator as a whole. */
export const WHOLE_REPORT_UNIT = 'aggregate';

/** Line/column to offset in the linted text; lines and columns are 1-based as the engine gives them. */
export interface LineIndex {
  offset(line: number, column: number): number;
}

export function lineIndexOf(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    offset(line, column) {
      const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
      const end = line < starts.length ? (starts[line] ?? text.length) - 1 : text.length;
      return Math.min(start + Math.max(column, 1) - 1, end);
    },
  };
}

export function toFindings(messages: readonly LintMessage[], index: LineIndex, units: readonly (string | undefined)[] = []): Finding[] {
  return messages.map((message, i) => {
    const from = index.offset(message.line, message.column);
    const to = Math.max(from, index.offset(message.endLine, message.endColumn));
    const unit = units[i] ?? message.subject?.unit;
    return {
      key: `${i}:${message.ruleId ?? ''}:${message.line}:${message.column}`,
      ...(unit !== undefined ? { unit } : {}),
      message,
      from,
      to,
      related: (message.related ?? []).map((r) => {
        const rFrom = index.offset(r.line, r.column);
        return { message: r.message, line: r.line, column: r.column, from: rFrom, to: Math.max(rFrom, index.offset(r.endLine, r.endColumn)) };
      }),
    };
  });
}

export type GroupMode = 'indicator' | 'rule';

export interface FindingFilters {
  /** Empty means every rule. */
  rule: string;
  /** Empty means every unit. */
  unit: string;
  severities: ReadonlySet<Severity>;
}

export const NO_FILTERS: FindingFilters = { rule: '', unit: '', severities: new Set<Severity>([0, 1, 2]) };

export interface FindingGroup {
  key: string;
  /** The indicator or rule id; undefined for findings without one (shown with a generic label). */
  label?: string;
  findings: Finding[];
}

/** The engine's own messages (unused disable directives, unreadable drafts) have no rule id. */
export const ENGINE_RULE = 'lkip';

export function ruleOf(finding: Finding): string {
  return finding.message.ruleId ?? ENGINE_RULE;
}

export function filterFindings(findings: readonly Finding[], filters: FindingFilters): Finding[] {
  return findings.filter(
    (f) =>
      filters.severities.has(f.message.severity) &&
      (filters.rule === '' || ruleOf(f) === filters.rule) &&
      (filters.unit === '' || f.unit === filters.unit),
  );
}

/**
 * Indicator groups in the report's order (IKK 1, 2, …, then those without a number), rule groups
 * in the order their first finding appears; findings keep the engine's order inside a group.
 */
export function groupFindings(findings: readonly Finding[], mode: GroupMode): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const label = mode === 'rule' ? ruleOf(finding) : finding.message.subject?.indicator;
    const key = label ?? '\u0000none';
    let group = groups.get(key);
    if (!group) {
      group = { key, findings: [], ...(label !== undefined ? { label } : {}) };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  const list = [...groups.values()];
  if (mode === 'rule') return list;
  const rank = (g: FindingGroup) => (g.label === undefined ? Infinity : /^\d+$/.test(g.label) ? Number(g.label) : 1e9);
  // Array.prototype.sort is stable: unnumbered groups stay in order of appearance.
  return list.sort((a, b) => rank(a) - rank(b));
}

/** The findings in the order the panel lists them: what F8 and the arrow keys walk through. */
export function listedOrder(groups: readonly FindingGroup[]): Finding[] {
  return groups.flatMap((g) => g.findings);
}

export interface FacetCounts {
  rules: [string, number][];
  units: [string, number][];
  severities: Record<Severity, number>;
}

/** What the filter menus offer, counted over every finding so a choice never empties a menu. */
export function facets(findings: readonly Finding[]): FacetCounts {
  const rules = new Map<string, number>();
  const units = new Map<string, number>();
  const severities: Record<Severity, number> = { 0: 0, 1: 0, 2: 0 };
  for (const f of findings) {
    rules.set(ruleOf(f), (rules.get(ruleOf(f)) ?? 0) + 1);
    if (f.unit !== undefined) units.set(f.unit, (units.get(f.unit) ?? 0) + 1);
    severities[f.message.severity]++;
  }
  const byName = (a: [string, number], b: [string, number]) => a[0].localeCompare(b[0]);
  return { rules: [...rules].sort(byName), units: [...units].sort(byName), severities };
}

/**
 * F8 from the editor, as in VS Code: the next finding after the cursor in the text (or the one
 * before it), wrapping around. On a finding that is the active one, the next in text order.
 * `at` gives a finding's offset in the text as it is now (findings keep the linted offsets).
 */
export function stepFromCursor(
  findings: readonly Finding[],
  activeKey: string | undefined,
  cursor: { from: number; head: number },
  direction: 1 | -1,
  at: (f: Finding) => number,
): Finding | undefined {
  if (findings.length === 0) return undefined;
  const sorted = findings.map((f, i) => ({ f, i, at: at(f) })).sort((a, b) => a.at - b.at || a.i - b.i);
  const active = sorted.findIndex((e) => e.f.key === activeKey && e.at === cursor.from);
  if (active >= 0) return sorted[(active + direction + sorted.length) % sorted.length]?.f;
  if (direction === 1) return (sorted.find((e) => e.at >= cursor.head) ?? sorted[0])?.f;
  return ([...sorted].reverse().find((e) => e.at < cursor.head) ?? sorted[sorted.length - 1])?.f;
}

/** The next finding after (or before) `current` in listed order, wrapping around like F8 in editors. */
export function step(order: readonly Finding[], currentKey: string | undefined, direction: 1 | -1): Finding | undefined {
  if (order.length === 0) return undefined;
  const at = currentKey === undefined ? -1 : order.findIndex((f) => f.key === currentKey);
  if (at < 0) return direction === 1 ? order[0] : order[order.length - 1];
  return order[(at + direction + order.length) % order.length];
}
