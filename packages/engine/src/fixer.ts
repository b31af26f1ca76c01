import type { LkipDocument } from '@lkip/schema';
import { engineMessage } from './messages.js';
import { compareMessages, lintDocument, type LintOptions } from './linter.js';
import type { LintMessage } from './types.js';

export interface AppliedFixes {
  output: string;
  fixed: boolean;
  applied: LintMessage[];
  /** Messages without a fix, and fixes that were skipped because they overlap an earlier one. */
  remaining: LintMessage[];
}

export type FixFilter = boolean | ((message: LintMessage) => boolean);

/**
 * Applies the messages' fixes to `text`, as ESLint's source-code fixer does: fixes in range order,
 * one that overlaps an already chosen fix is left for the next pass (where it is recomputed
 * against the new text, so it cannot corrupt what the first fix wrote).
 */
export function applyFixes(text: string, messages: readonly LintMessage[], filter: FixFilter = true): AppliedFixes {
  const wanted = (m: LintMessage) => m.fix !== undefined && (typeof filter === 'function' ? filter(m) : filter);
  const candidates = messages.filter(wanted).sort((a, b) => rangeOf(a)[0] - rangeOf(b)[0] || rangeOf(a)[1] - rangeOf(b)[1]);
  const applied: LintMessage[] = [];
  const skipped = new Set<LintMessage>();
  let lastEnd = -1;
  let lastWasInsertion = false;
  for (const message of candidates) {
    const [start, end] = rangeOf(message);
    const insertion = start === end;
    const invalid = start < 0 || end < start || end > text.length;
    // Two edits touching at one offset are fine unless one is an insertion there: then their
    // order would decide the text, and that is no order a rule asked for.
    const overlaps = start < lastEnd || (start === lastEnd && (insertion || lastWasInsertion));
    if (invalid || overlaps) {
      skipped.add(message);
      continue;
    }
    applied.push(message);
    lastEnd = end;
    lastWasInsertion = insertion;
  }

  let output = text;
  for (let i = applied.length - 1; i >= 0; i--) {
    const fix = applied[i]?.fix;
    if (!fix) continue;
    output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
  }
  const appliedSet = new Set(applied);
  const remaining = messages.filter((m) => !appliedSet.has(m)).sort(compareMessages);
  return { output, fixed: applied.length > 0, applied, remaining };
}

function rangeOf(message: LintMessage): [number, number] {
  return message.fix?.range ?? [0, 0];
}

/** ESLint stops after ten passes too: fixes that keep undoing each other must not loop forever. */
export const MAX_FIX_PASSES = 10;

export interface VerifyAndFixResult {
  output: string;
  fixed: boolean;
  /** The messages for `output`: what is left after fixing. */
  messages: LintMessage[];
  /** Every fix written, in the order of the passes: what a reviewer reads before trusting the new draft. */
  applied: AppliedFix[];
}

/** One change `--fix` made: where (in the text of the pass that made it), what was there, what is there now. */
export interface AppliedFix {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text the fix replaced, and the text it wrote (the whole span of a fix made of several edits). */
  old: string;
  new: string;
  pass: number;
}

function describeApplied(text: string, messages: readonly LintMessage[], pass: number): AppliedFix[] {
  return messages.flatMap((m) => {
    if (!m.fix) return [];
    const fix: AppliedFix = {
      ruleId: m.ruleId,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      old: text.slice(m.fix.range[0], m.fix.range[1]),
      new: m.fix.text,
      pass,
    };
    if (m.messageId !== undefined) fix.messageId = m.messageId;
    return [fix];
  });
}

/**
 * Parses, lints and fixes until no fix applies (at most MAX_FIX_PASSES times), then lints the
 * final text once more, as ESLint's `verifyAndFix` does. The document is re-parsed on every pass
 * because a fix's offsets are only valid against the text it was computed from.
 */
export function verifyAndFix(
  text: string,
  parse: (text: string) => LkipDocument,
  options: LintOptions & { fix?: FixFilter },
): VerifyAndFixResult {
  const filter = options.fix ?? true;
  let current = text;
  let fixed = false;
  const applied: AppliedFix[] = [];
  for (let pass = 1; ; pass++) {
    const messages = lintText(current, parse, options);
    if (filter === false || messages.some((m) => m.fatal)) return { output: current, fixed, messages, applied };
    const result = applyFixes(current, messages, filter);
    if (!result.fixed) return { output: current, fixed, messages, applied };
    fixed = true;
    applied.push(...describeApplied(current, result.applied, pass));
    current = result.output;
    if (pass >= MAX_FIX_PASSES) return { output: current, fixed, messages: lintText(current, parse, options), applied };
  }
}

/** Lints a text; a parser that throws gives one fatal message, as a syntax error does in ESLint. */
export function lintText(text: string, parse: (text: string) => LkipDocument, options: LintOptions): LintMessage[] {
  let doc: LkipDocument;
  try {
    doc = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ ruleId: null, severity: 2, fatal: true, message: engineMessage('parseFailed', { error: reason }, options.locale), line: 1, column: 1, endLine: 1, endColumn: 1 }];
  }
  return lintDocument(doc, { ...options, text });
}
