import type { LintMessage, LintResult } from '@lkip/engine';
import type { LocatedMessage } from '../word-locations.js';
import type { Formatter } from './types.js';

/**
 * ESLint's JSON result array, key for key, so that tools reading `eslint -f json` (CI
 * annotators, reviewdog) read lkip too. lkip adds `infoCount`, `groups` (the findings that one
 * wrong figure explains, see @lkip/engine's FindingGroup) and, on messages, `related`, `group`, and
 * for Word drafts and PDFs `location` (the place in the document; lines are those of the
 * converted text as `lkip convert` writes it), and for PDFs `page` and `bbox` ([x0, y0, x1, y1]
 * in PDF points, origin at the top-left corner of the page as displayed).
 */
export const json: Formatter = (results) => JSON.stringify(results.map(toEslintResult));

export function toEslintResult(result: LintResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    filePath: result.filePath,
    messages: result.messages.map(toEslintMessage),
    suppressedMessages: [],
    errorCount: result.errorCount,
    fatalErrorCount: result.messages.filter((m) => m.fatal).length,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    usedDeprecatedRules: [],
  };
  // lkip's own: the findings grouped by the wrong figure that explains them (indices into `messages`).
  if (result.groups) out.groups = result.groups;
  if (result.source !== undefined) out.source = result.source;
  if (result.output !== undefined) out.output = result.output;
  return out;
}

function toEslintMessage(m: LintMessage): Record<string, unknown> {
  // `subject` is lkip's identity for baselines and SARIF fingerprints; ESLint has no such key.
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
  };
  if (m.messageId !== undefined) out.messageId = m.messageId;
  out.line = m.line;
  out.column = m.column;
  out.endLine = m.endLine;
  out.endColumn = m.endColumn;
  if (m.fatal) out.fatal = true;
  if (m.fix) out.fix = m.fix;
  if (m.suggestions) out.suggestions = m.suggestions;
  if (m.related) out.related = m.related;
  if (m.group !== undefined) out.group = m.group;
  const { location, page, bbox } = m as LocatedMessage;
  if (location !== undefined) out.location = location;
  if (page !== undefined) out.page = page;
  if (bbox !== undefined) out.bbox = bbox;
  return out;
}
