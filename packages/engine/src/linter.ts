import type { LkipDocument, Position } from '@lkip/schema';
import { resolveConfig, type ResolvedConfig } from './config.js';
import { applyDirectives } from './directives.js';
import { compareCodeUnits } from './order.js';
import { fixRisk } from './fix-safety.js';
import { groupFindings } from './groups/group-findings.js';
import { statedInterval } from './interval.js';
import { engineMessage, localizedText, localizeRefs, ruleMessage, STANDING_WORDS } from './messages.js';
import { resolveRules, type ResolvedRule } from './rule-settings.js';
import type {
  FindingEvidence,
  FixDescriptor,
  FixSpec,
  LintFix,
  LintMessage,
  LintSuggestion,
  Locale,
  ReportDescriptor,
  Rule,
  RuleContext,
  Severity,
  SeverityName,
  Span,
  Tolerance,
} from './types.js';

export interface LintOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list mixes rules of every option type
  rules: readonly Rule<any>[];
  config?: ResolvedConfig;
  /** Earlier filings to hold the draft's figures for earlier years against (`RuleContext.previous`). */
  previous?: readonly LkipDocument[];
  /** `--rule id:level`: applied over the config. */
  ruleOverrides?: Record<string, SeverityName>;
  locale?: Locale;
  /** Show figures that hold only thanks to rounding (info level); defaults to `config.reportRounding`. */
  reportRounding?: boolean;
  /** The linted text; lets directives skip blank lines and offer their own removal. */
  text?: string;
  /** Overrides `config.reportUnusedDisableDirectives` (ESLint's flag of the same name). */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
}

const SEVERITY: Record<Exclude<SeverityName, 'off'>, Severity> = { warn: 1, error: 2 };

/**
 * Runs every enabled rule over one document and returns ESLint-shaped messages, sorted and with
 * directives applied. Config problems (unknown rule ids, bad options) throw a ConfigError before
 * any rule runs; a rule that throws is reported, not propagated.
 */
export function lintDocument(doc: LkipDocument, options: LintOptions): LintMessage[] {
  const config = options.config ?? resolveConfig();
  const locale = options.locale ?? 'id';
  const reportRounding = options.reportRounding ?? config.reportRounding;
  const resolved = resolveRules(options.rules, config, options.ruleOverrides);
  const tolerance = toleranceFor(config);

  const messages: LintMessage[] = [];
  const crashes = new Set<LintMessage>();
  for (const entry of resolved) {
    if (entry.severity === 'off') continue;
    const reported: LintMessage[] = [];
    try {
      runRule(entry, doc, config, tolerance, locale, reportRounding, reported, options.text, options.previous ?? NO_PREVIOUS);
      messages.push(...reported);
    } catch (error) {
      // One broken rule must not hide what the others found; what it reported before failing
      // is dropped, since it may be half of a finding.
      const crash = crashMessage(entry.rule.meta.id, error);
      crashes.add(crash);
      messages.push(crash);
    }
  }

  const filtered = applyDirectives(messages, doc.directives, {
    knownRuleIds: new Set(options.rules.map((r) => r.meta.id)),
    text: options.text,
    locale,
    reportUnused: options.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives,
    unsuppressible: crashes,
  });
  const note = excerptNote(doc, locale);
  return settleGroupFixes(sortMessages(deduplicate(note ? [...filtered, note] : filtered)), options.text, locale);
}

/**
 * Fixes judged with every finding in view, as no rule alone can: a figure computed from a figure
 * that most places state otherwise is right, and its fix would copy the other figure's error into
 * it, so the fix goes; where the evidence points both ways no fix is safe, so each becomes a
 * suggestion the reviewer chooses.
 */
function settleGroupFixes(messages: LintMessage[], text: string | undefined, locale: Locale): LintMessage[] {
  if (!messages.some((m) => m.evidence)) return messages;
  const { derivedFromCulprit, inConflict } = groupFindings(messages, text === undefined ? {} : { text });
  if (derivedFromCulprit.size === 0 && inConflict.size === 0) return messages;
  return messages.map((m, i) => {
    if (derivedFromCulprit.has(i) && (m.fix || m.suggestions)) {
      const out: LintMessage = { ...m };
      delete out.fix;
      delete out.suggestions;
      return out;
    }
    if (inConflict.has(i) && m.fix) {
      const out: LintMessage = { ...m };
      delete out.fix;
      const desc = engineMessage('conflictFix', { old: oldText(m.fix, text, m.evidence), new: localizeRefs(m.fix.text, locale) }, locale);
      out.suggestions = [{ desc, messageId: 'conflictFix', fix: m.fix }, ...(m.suggestions ?? [])];
      return out;
    }
    return m;
  });
}

/** The text a fix replaces: from the draft when the engine has it, else as the rule saw the figure. */
function oldText(fix: LintFix, text: string | undefined, evidence: FindingEvidence | undefined): string {
  if (text !== undefined && fix.range[1] <= text.length) return text.slice(fix.range[0], fix.range[1]);
  return evidence?.stated?.text ?? '';
}

/**
 * The reader marks an excerpt (figures without a PK and without chapters) with an `excerpt`
 * diagnostic: the one note that says which document-level checks could not run, at info level.
 */
function excerptNote(doc: LkipDocument, locale: Locale): LintMessage | undefined {
  const diagnostic = doc.diagnostics?.find((d) => d.code === 'excerpt');
  if (!diagnostic) return undefined;
  const key = doc.meta.fiscalYear === undefined ? 'excerptNoYear' : 'excerpt';
  const at = diagnostic.position;
  return {
    ruleId: null,
    severity: 0,
    message: engineMessage(key, {}, locale),
    messageId: key,
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    endLine: at?.endLine ?? 1,
    endColumn: at?.endColumn ?? 1,
  };
}

const NO_PREVIOUS: readonly LkipDocument[] = [];

function runRule(
  entry: ResolvedRule,
  doc: LkipDocument,
  config: ResolvedConfig,
  tolerance: Tolerance,
  locale: Locale,
  reportRounding: boolean,
  out: LintMessage[],
  text: string | undefined,
  previous: readonly LkipDocument[],
): void {
  const { rule } = entry;
  const severity = SEVERITY[entry.severity as Exclude<SeverityName, 'off'>];
  const context: RuleContext<unknown> = {
    doc,
    options: entry.options,
    config,
    tolerance,
    previous,
    report(descriptor) {
      const message = toLintMessage(rule, descriptor, severity, locale, text);
      if (message.severity === 0 && !reportRounding) return;
      out.push(message);
    },
  };
  rule.check(doc, context);
}

export function toleranceFor(config: Pick<ResolvedConfig, 'rounding'>): Tolerance {
  const mode = config.rounding;
  return { mode, of: (q) => statedInterval(q.value, q.decimals, mode) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rule's descriptor converts the same way
function toLintMessage(rule: Rule<any>, descriptor: ReportDescriptor, severity: Severity, locale: Locale, text: string | undefined): LintMessage {
  const { meta } = rule;
  const message: LintMessage = {
    ruleId: meta.id,
    severity: descriptor.level === 'rounding' ? 0 : severity,
    message: ruleMessage(meta, descriptor.messageId, descriptor.data, locale),
    messageId: descriptor.messageId,
    ...span(descriptor.at),
  };
  const fix = descriptor.fix ? toFix(descriptor.fix, text) : undefined;
  const suggestions: LintSuggestion[] = (descriptor.suggestions ?? []).flatMap((s) => {
    const suggestionFix = toFix(s.fix, text);
    return suggestionFix ? [{ desc: ruleMessage(meta, s.messageId, s.data, locale), messageId: s.messageId, fix: suggestionFix }] : [];
  });
  const risk = fix ? fixRisk(descriptor.evidence) : undefined;
  if (fix && risk) {
    // Held back for the reviewer (see fix-safety.ts): offered first among the suggestions.
    const words = STANDING_WORDS[risk.scale];
    const desc = engineMessage(
      'reviewFix',
      { old: oldText(fix, text, descriptor.evidence), new: fix.text, from: localizedText(words[risk.from], locale), to: localizedText(words[risk.to], locale) },
      locale,
    );
    suggestions.unshift({ desc, messageId: 'reviewFix', fix });
  } else if (fix) {
    message.fix = fix;
  }
  if (suggestions.length > 0) message.suggestions = suggestions;
  if (descriptor.related && descriptor.related.length > 0) {
    message.related = descriptor.related.map((r) => ({ message: localizeRefs(r.note, locale), ...span(r.at) }));
  }
  if (descriptor.subject) message.subject = { ...descriptor.subject };
  if (descriptor.evidence) message.evidence = evidenceOf(descriptor.evidence, locale);
  return message;
}

/** The rule's evidence as a message keeps it: spans without offsets, place words in the locale. */
function evidenceOf(e: FindingEvidence, locale: Locale): FindingEvidence {
  const out: FindingEvidence = structuredClone(e);
  if (out.place !== undefined) out.place = localizeRefs(out.place, locale);
  const d = out.derivation;
  if (d?.kind === 'achievement') {
    d.target.at = spanOnly(d.target.at);
    d.realisation.at = spanOnly(d.realisation.at);
  } else if (d?.kind === 'category') {
    d.value.at = spanOnly(d.value.at);
  } else if (d?.kind === 'total') {
    for (const term of d.terms) term.at = spanOnly(term.at);
  } else if (d) {
    for (const entry of d.indicators) {
      entry.target.at = spanOnly(entry.target.at);
      entry.realisation.at = spanOnly(entry.realisation.at);
    }
  }
  return out;
}

function spanOnly(s: Span): Span {
  return { line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

function span(at: Position): Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
}

function toFix(spec: FixSpec, source: string | undefined): LintFix | undefined {
  if (!isEditList(spec)) return { range: [spec.at.offset, spec.at.endOffset], text: spec.text };
  const edits = [...spec].sort((a, b) => a.at.offset - b.at.offset);
  const first = edits[0];
  const last = edits[edits.length - 1];
  if (!first || !last) return undefined;
  if (edits.length === 1) return { range: [first.at.offset, first.at.endOffset], text: first.text };
  if (source === undefined) return undefined;
  let out = '';
  let cursor = first.at.offset;
  for (const edit of edits) {
    if (edit.at.offset < cursor) return undefined;
    out += source.slice(cursor, edit.at.offset) + edit.text;
    cursor = edit.at.endOffset;
  }
  return { range: [first.at.offset, last.at.endOffset], text: out };
}

function isEditList(spec: FixSpec): spec is readonly FixDescriptor[] {
  return Array.isArray(spec);
}

function crashMessage(ruleId: string, error: unknown): LintMessage {
  const reason = error instanceof Error ? error.message : String(error);
  return { ruleId, severity: 2, message: `Rule ${ruleId} failed: ${reason}`, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** By line, then column, then rule id (engine messages, whose id is null, first). */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || compareCodeUnits(a.ruleId ?? '', b.ruleId ?? '');
}

export function sortMessages(messages: readonly LintMessage[]): LintMessage[] {
  // Array.prototype.sort is stable, so one rule's findings at one place keep their report order.
  return [...messages].sort(compareMessages);
}

/** A rule that walks both the measurements and the tables they came from can meet one figure twice. */
function deduplicate(messages: readonly LintMessage[]): LintMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = JSON.stringify([m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
