import type { LintMessage, LintResult } from '@lkip/engine';
import type { LocatedMessage } from '../word-locations.js';
import type { Formatter } from './types.js';

/**
 * ESLint's JSON result array, key for key, so that tools reading `eslint -f json` (CI
 * annotators, reviewdog) read lkip too. lkip adds `infoCount` and, on messages, `related`, and
 * for Word drafts `location` (the place in the document; lines are those of the converted text).
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
  const { location } = m as LocatedMessage;
  if (location !== undefined) out.location = location;
  return out;
}
