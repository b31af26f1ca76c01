import { basename } from 'node:path';
import { createColors } from 'picocolors';
import { formatNumber, groupFindings, type EvidenceFigure, type FindingGroup, type GroupPlace, type LintMessage, type LintResult, type Locale } from '@lkip/engine/light';
import { words } from '../i18n.js';
import { whereToStart } from '../summary.js';
import type { LocatedMessage } from '../word-locations.js';
import { groupWords, type GroupWords } from './group-words.js';
import { displayPath } from './display-path.js';
import { closingLines, countsText, totalsOf } from './totals.js';
import type { Formatter } from './types.js';

type Colors = ReturnType<typeof createColors>;

/**
 * ESLint's stylish report, by problem rather than by finding: each group of findings that one
 * wrong figure explains is printed once, as its headline finding (ESLint's row: line:column,
 * severity, message, rule), then the figure to change and how sure the evidence is, one line
 * per place (✗ the places that write the wrong figure, ✓ the places that state the right one),
 * and what follows from it (→). `--format codeframe` prints every finding with its lines.
 */
export const stylish: Formatter = (results, context) => {
  const c = createColors(context.color);
  const w = words(context.locale);
  const gw = groupWords(context.locale);
  let problems = 0;
  let out = '';

  for (const result of results) {
    if (result.messages.length === 0) continue;
    const groups = groupsOf(result);
    problems += groups.length;

    const headlines = groups.map((g) => result.messages[g.headline] as LintMessage);
    const positionWidth = Math.max(...headlines.map((m) => position(m).length));
    const severityWidth = Math.max(...headlines.map((m) => severityLabel(m, w.severity).length));
    // Rule ids line up in a column as in ESLint; past 60 characters a message is not padded.
    const messageWidth = Math.min(60, Math.max(...headlines.map((m) => text(m.message).length)));
    const locations = locationsOf(result);

    out += `\n${c.underline(displayPath(result.filePath, context))}\n`;
    for (const group of groups) {
      const m = result.messages[group.headline] as LintMessage;
      const colour = m.severity === 2 || m.fatal ? c.red : m.severity === 1 ? c.yellow : c.blue;
      const rule = m.ruleId ? `  ${c.dim(m.ruleId)}` : '';
      const head = `  ${c.dim(position(m).padEnd(positionWidth))}  ${colour(severityLabel(m, w.severity).padEnd(severityWidth))}  ${text(m.message).padEnd(m.ruleId ? messageWidth : 0)}${rule}`;
      const body = groupBody(group, result, { c, gw, locale: context.locale, locations, filePath: result.filePath });
      out += `${head.trimEnd()}${heldBack(m, gw, c)}\n`;
      if (body.length > 0) out += `${body.join('\n')}\n\n`;
    }
    if (out.endsWith('\n\n')) out = out.slice(0, -1);
  }

  const totals = totalsOf(results);
  if (totals.findings === 0) return '';
  out += closingLines(totals, gw.problems(problems, totals.findings, countsText(totals, context.locale)), c, context.locale);
  const start = whereToStart(results, context.locale);
  if (start.length > 0) out += `\n${start.map((line) => (line.startsWith(' ') ? line : c.bold(line))).join('\n')}\n`;
  return out + '\n';
};

/** The result's groups, grouped here when the result came without them (a library caller's own results). */
function groupsOf(result: LintResult): FindingGroup[] {
  if (result.groups) return result.groups;
  const text = result.output ?? result.source;
  return groupFindings(result.messages, text === undefined ? {} : { text }).groups;
}

interface BodyContext {
  c: Colors;
  gw: GroupWords;
  locale: Locale;
  locations: Map<string, string>;
  filePath: string;
}

/** Everything under a group's headline, one line per place; nothing for a lone finding that names no other place. */
function groupBody(group: FindingGroup, result: LintResult, ctx: BodyContext): string[] {
  const { c, gw } = ctx;
  const messages = result.messages;
  const headline = messages[group.headline] as LocatedMessage;
  const lines: string[] = [];
  const listed = new Set<string>();
  const placeLine = (marker: string, place: GroupPlace) => {
    listed.add(spanKey(place));
    const where = ctx.locations.get(spanKey(place));
    const note = place.note !== undefined ? stripOwnLine(place.note, place.line) : '';
    const parts = [`    ${marker} ${position(place)}`, note, place.text !== undefined ? c.bold(text(place.text)) : '', where !== undefined ? c.dim(`(${where})`) : ''];
    return parts.filter((p) => p.length > 0).join('  ');
  };
  if (headline.location !== undefined) {
    lines.push(`    ${c.cyan(`${basename(ctx.filePath)}: ${headline.location}`)}`);
    listed.add(spanKey(headline));
  }

  const culprit = group.culprit;
  const explained = group.kind !== 'single' || group.agreeing.length > 0;
  if (culprit && explained) {
    const change = culprit.figures ? `${figure(culprit.figures.stated, ctx.locale)} → ${c.bold(figure(culprit.figures.expected, ctx.locale))}` : '';
    const reason = culpritReason(group, messages, gw);
    lines.push(`    ${c.dim('✎')} ${[change, reason].filter((p) => p.length > 0).join(': ')}`);
  } else if (!culprit) {
    lines.push(`    ${c.dim('✎')} ${c.yellow(group.alternatives?.[0]?.reading === 'other' ? gw.tie : gw.noCulprit)}`);
  }

  const culpritPlaces = culprit?.places ?? group.alternatives?.[0]?.changes[0]?.places ?? placesOf(group, messages);
  if (explained || culpritPlaces.length > 1) for (const place of culpritPlaces) lines.push(placeLine(c.red('✗'), place));
  for (const place of group.agreeing) lines.push(placeLine(c.green('✓'), place));
  if (group.agreeing.length === 0) {
    for (const r of headline.related ?? []) {
      if (listed.has(spanKey(r))) continue;
      lines.push(placeLine(c.dim('↳'), { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, note: r.message }));
    }
  }

  // What follows from the culprit (→), and in a group without one, what was computed from the other value (≈).
  for (const [marker, indices] of [
    ['→', group.symptoms],
    ['≈', group.conflicting],
  ] as const) {
    for (const same of bySameText(indices, messages)) {
      const first = messages[same[0] as number] as LintMessage;
      const tag = heldBack(first, gw, c);
      if (same.length === 1) {
        lines.push(`    ${c.dim(marker)} ${position(first)}  ${c.dim(first.ruleId ?? '')}  ${text(first.message)}${tag}`);
        listed.add(spanKey(first));
        continue;
      }
      lines.push(`    ${c.dim(marker)} ${c.dim(first.ruleId ?? '')}  ${text(first.message)}${tag}`);
      for (const i of same) {
        const m = messages[i] as LintMessage;
        const place: GroupPlace = { line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn };
        if (m.evidence?.place !== undefined) place.note = m.evidence.place;
        lines.push(`  ${placeLine(' ', place)}`);
      }
    }
  }

  (group.alternatives ?? []).forEach((alternative, n) => {
    const steps = alternative.changes.map((change) => gw.write(c.bold(text(change.to)), markerOf(change.places, group, culpritPlaces)));
    lines.push(`    ${n + 1}) ${gw.reading[alternative.reading]}: ${steps.join(` ${gw.and} `)}`);
  });
  return lines;
}

/** Which of the group's lists a change's places are: the culprit's places (✗), the agreeing ones (✓), or the derived figures (≈). */
function markerOf(places: readonly GroupPlace[], group: FindingGroup, culpritPlaces: readonly GroupPlace[]): string {
  const keys = new Set(places.map(spanKey));
  if (group.agreeing.some((p) => keys.has(spanKey(p)))) return '✓';
  if (culpritPlaces.some((p) => keys.has(spanKey(p)))) return '✗';
  return '≈';
}

/** Why the culprit is the figure to change: most places, its inputs, its column, or the same finding repeated. */
function culpritReason(group: FindingGroup, messages: readonly LintMessage[], gw: GroupWords): string {
  const culprit = group.culprit;
  if (!culprit) return '';
  if (culprit.confidence === 'majority' && culprit.support) return gw.majority(culprit.support.expected, culprit.support.stated);
  if (messages[group.headline]?.evidence?.basis === 'precedence') return gw.tieBroken;
  if (group.kind === 'column') {
    // The rows whose figure is off (a mislabelled header of the column is listed, not counted).
    const rows = group.messages.filter((i) => !group.symptoms.includes(i) && messages[i]?.evidence?.basis === 'derived').length;
    const checked = Math.max(rows, ...group.messages.map((i) => messages[i]?.evidence?.column?.checked ?? 0));
    return gw.column(rows, checked);
  }
  if (culprit.confidence === 'derived') return gw.derived;
  return culprit.places.length > 1 ? gw.repeated(culprit.places.length) : '';
}

/** A figure of the evidence in the report's language (97,36 / 97.36), or as written when it is not a number. */
function figure(f: EvidenceFigure | undefined, locale: Locale): string {
  if (!f) return '';
  if (f.value === undefined) return text(f.text);
  return `${formatNumber(f.value, f.decimals ?? 0, locale)}${/%/.test(f.text) ? ' %' : ''}`;
}

function placesOf(group: FindingGroup, messages: readonly LintMessage[]): GroupPlace[] {
  const headline = messages[group.headline] as LintMessage;
  const place: GroupPlace = { line: headline.line, column: headline.column, endLine: headline.endLine, endColumn: headline.endColumn };
  if (headline.evidence?.stated) place.text = headline.evidence.stated.text;
  if (headline.evidence?.place !== undefined) place.note = headline.evidence.place;
  return [place];
}

/** Findings that say the same thing at several places, as one entry each (in order of their first place). */
function bySameText(indices: readonly number[], messages: readonly LintMessage[]): number[][] {
  const byKey = new Map<string, number[]>();
  for (const i of indices) {
    const m = messages[i] as LintMessage;
    const key = `${m.ruleId}\u0000${m.message.replace(/\b(?:baris|line)\s+\d+/g, '#')}`;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  }
  return [...byKey.values()];
}

function heldBack(m: LintMessage, gw: GroupWords, c: Colors): string {
  return m.suggestions?.[0]?.messageId === 'reviewFix' ? `  ${c.yellow(`[${gw.heldBack}]`)}` : '';
}

/** Where the places of a Word draft or a PDF are in the document (by their span in the converted text). */
function locationsOf(result: LintResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of result.messages as LocatedMessage[]) {
    if (m.location !== undefined) out.set(spanKey(m), m.location);
    for (const r of m.related ?? []) if (r.location !== undefined) out.set(spanKey(r), r.location);
  }
  return out;
}

interface SpanLike {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function spanKey(s: SpanLike): string {
  return `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
}

function position(s: { line: number; column: number }): string {
  return `${s.line || 0}:${s.column || 0}`;
}

function severityLabel(m: LintMessage, severity: { error: string; warning: string; info: string }): string {
  return m.severity === 2 || m.fatal ? severity.error : m.severity === 1 ? severity.warning : severity.info;
}

/** ESLint drops a message's final full stop so the rule id reads as the end of the line; one line per entry. */
function text(message: string): string {
  return message.replace(/([^ ])\.$/u, '$1').replace(/\s*\n\s*/g, ' ');
}

/** "tabel BAB III, baris 370" printed after "370:12" says the line twice. */
function stripOwnLine(note: string, line: number): string {
  for (const word of ['baris', 'line']) {
    const suffix = `, ${word} ${line}`;
    if (note.endsWith(suffix)) return note.slice(0, -suffix.length).trim();
  }
  return note;
}

export { displayPath } from './display-path.js';
