import { basename } from 'node:path';
import { createColors } from 'picocolors';
import type { LintMessage } from '@lkip/engine';
import { words } from '../i18n.js';
import type { LocatedMessage } from '../word-locations.js';
import { codeFrame, sourceLines } from './code-frame.js';
import { displayPath } from './display-path.js';
import { closingLines, countsText, totalsOf } from './totals.js';
import type { Formatter } from './types.js';

/**
 * One finding per entry with the lines it sits on (a code frame, as ESLint's `codeframe`
 * formatter) and the other places the message compares it with: the long form of `stylish`,
 * which prints each group of findings once.
 */
export const codeframe: Formatter = (results, context) => {
  const c = createColors(context.color);
  const w = words(context.locale);
  let out = '';

  for (const result of results) {
    if (result.messages.length === 0) continue;

    const text = result.output ?? result.source;
    const lines = text === undefined ? undefined : sourceLines(text);
    const rows = result.messages.map((m) => row(m, w.severity));
    const lineWidth = Math.max(...rows.map((r) => r.line.length));
    const columnWidth = Math.max(...rows.map((r) => r.column.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    // Rule ids line up in a column as in ESLint, but LKIP messages name several figures and
    // places: past 60 characters a message is not padded, or the ids drift off any terminal.
    const messageWidth = Math.min(60, Math.max(...rows.map((r) => r.message.length)));

    out += `\n${c.underline(displayPath(result.filePath, context))}\n`;
    result.messages.forEach((m, i) => {
      const r = rows[i];
      if (!r) return;
      const colour = m.severity === 2 || m.fatal ? c.red : m.severity === 1 ? c.yellow : c.blue;
      const position = c.dim(`${r.line.padStart(lineWidth)}:${r.column.padEnd(columnWidth)}`);
      const rule = m.ruleId ? `  ${c.dim(m.ruleId)}` : '';
      out += `  ${position}  ${colour(r.severity.padEnd(severityWidth))}  ${r.message.padEnd(m.ruleId ? messageWidth : 0)}${rule}`.trimEnd() + '\n';
      // A Word draft's lines are those of its converted text: say where the finding is in Word.
      const { location, related: relatedPlaces } = m as LocatedMessage;
      if (location !== undefined) out += `    ${c.cyan(`${basename(result.filePath)}: ${location}`)}\n`;
      const frame = lines && m.line > 0 ? codeFrame(lines, m) : '';
      if (frame) out += indent(frame, '    ') + '\n';
      for (const related of relatedPlaces ?? []) {
        const where = related.location !== undefined ? ` ${c.dim(`(${related.location})`)}` : '';
        out += `  ${c.dim('↳')} ${related.line}:${related.column} ${related.message}${where}\n`;
      }
      if (frame || location !== undefined || (m.related?.length ?? 0) > 0) out += '\n';
    });
    if (out.endsWith('\n\n')) out = out.slice(0, -1);
  }

  const totals = totalsOf(results);
  if (totals.findings === 0) return '';
  return out + closingLines(totals, `${w.problems(totals.findings)} (${countsText(totals, context.locale)})`, c, context.locale) + '\n';
};

interface Row {
  line: string;
  column: string;
  severity: string;
  message: string;
}

function row(m: LintMessage, severity: { error: string; warning: string; info: string }): Row {
  const label = m.severity === 2 || m.fatal ? severity.error : m.severity === 1 ? severity.warning : severity.info;
  return {
    line: String(m.line || 0),
    column: String(m.column || 0),
    severity: label,
    // ESLint drops a message's final full stop so the rule id reads as the end of the line.
    message: m.message.replace(/([^ ])\.$/u, '$1').replace(/\s*\n\s*/g, ' '),
  };
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? prefix + line : line))
    .join('\n');
}
