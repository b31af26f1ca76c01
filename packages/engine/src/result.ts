import { groupFindings } from './groups/group-findings.js';
import type { FindingGroup } from './groups/types.js';
import type { LintMessage, LintResult } from './types.js';

/** One file's result with ESLint's counts; fixable means the message carries a fix. */
export function buildResult(filePath: string, messages: LintMessage[], extra: { output?: string; source?: string } = {}): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fatal) result.fatalErrorCount = (result.fatalErrorCount ?? 0) + 1;
      if (m.fix) result.fixableErrorCount++;
    } else if (m.severity === 1) {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    } else {
      result.infoCount++;
    }
  }
  // ESLint sets `output` only when fixing changed the text.
  if (extra.output !== undefined && extra.output !== extra.source) result.output = extra.output;
  if (extra.source !== undefined) result.source = extra.source;
  return result;
}

/**
 * The result with its findings grouped by the wrong figure that explains them: `groups` on the
 * result and each message's `group` id (see groups/). Run on what will be reported (after a
 * baseline or --quiet took findings away), since a group is made of the findings it shows.
 */
export function withGroups(result: LintResult): LintResult {
  const text = result.output ?? result.source;
  return withGrouping(result, groupFindings(result.messages, text === undefined ? {} : { text }));
}

/** A grouping of a result's messages as `withGroups` records it, and a cache keeps it beside them. */
export interface Grouping {
  groups: FindingGroup[];
  /** The group id of each message, in the order of the messages. */
  ids: string[];
}

/**
 * The result with a grouping already made of exactly these messages (`withGroups` before, kept
 * in a cache): what `withGroups` returns, without grouping again.
 */
export function withGrouping(result: LintResult, { groups, ids }: Grouping): LintResult {
  return { ...result, messages: result.messages.map((m, i) => ({ ...m, group: ids[i] ?? '' })), groups };
}
