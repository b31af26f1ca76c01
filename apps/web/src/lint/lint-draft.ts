import { lintText, parseConfigText, resolveConfig, verifyAndFix, type LintMessage, type LintOptions, type ResolvedConfig, type Rule } from '@lkip/engine';
import { MarkdownCache, PROFILE_IDS, parseDraft, type ParseOptions } from '@lkip/parse';
import type { LkipDocument } from '@lkip/schema';
import { buildOverview } from '../overview/model.ts';
import type { DraftState, LintJob, LintOutcome, RuleInfo } from './protocol.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
export type Rules = readonly Rule<any>[];

interface Prepared {
  parse: (text: string) => LkipDocument;
  options: LintOptions;
  lastDocument: () => LkipDocument | undefined;
  configError?: string;
}

/**
 * The worker's memory between jobs: the Markdown parse of the blocks that did not change, so
 * that a keystroke costs the parse of one block, not of the whole draft (see MarkdownCache).
 * The document model and the rules still run over the whole draft: the figures of one table
 * are checked against every other place.
 */
export interface LintSession {
  cache: MarkdownCache;
}

export function newSession(): LintSession {
  return { cache: new MarkdownCache() };
}

/**
 * Reads and lints a draft the way `lkip lint` does (same parser options, same engine entry
 * points), so the viewer and the CLI never disagree about a draft.
 */
export function lintJob(job: LintJob, rules: Rules, session: LintSession = newSession()): LintOutcome {
  const started = performance.now();
  const prepared = prepare(job, rules, session);
  const messages = lintText(job.text, prepared.parse, prepared.options);
  return outcome(job.text, prepared, messages, rules, started);
}

/** `lkip lint --fix`: fix, re-read, fix again until nothing applies (the engine's verifyAndFix). */
export function fixAllJob(job: LintJob, rules: Rules, session: LintSession = newSession()): LintOutcome & { output: string; fixed: boolean } {
  const started = performance.now();
  const prepared = prepare(job, rules, session);
  const result = verifyAndFix(job.text, prepared.parse, { ...prepared.options, fix: true });
  // verifyAndFix's last read is of `output`, so the overview describes the fixed draft.
  return { ...outcome(result.output, prepared, result.messages, rules, started), output: result.output, fixed: result.fixed };
}

/** Lints `text` as `job` says, for checks of a possible edit (an ignore comment). */
export function messagesOf(job: LintJob, text: string, rules: Rules, session: LintSession): LintMessage[] {
  const prepared = prepare(job, rules, session);
  return lintText(text, prepared.parse, prepared.options);
}

function prepare(job: LintJob, rules: Rules, session: LintSession): Prepared {
  let config: ResolvedConfig = resolveConfig();
  let configError: string | undefined;
  if (job.configText !== undefined) {
    const parsed = parseConfigText(job.configText, { ruleIds: rules.map((r) => r.meta.id), profileIds: PROFILE_IDS });
    if ('error' in parsed) configError = parsed.error;
    else config = parsed.config;
  }
  const parseOptions: ParseOptions = {
    path: job.path,
    format: /\.txt$/i.test(job.path) ? 'text' : 'markdown',
    markdownCache: session.cache,
    ...(config.fiscalYear !== undefined ? { fiscalYear: config.fiscalYear } : {}),
    ...(config.profile !== undefined ? { profile: config.profile } : {}),
  };
  let last: LkipDocument | undefined;
  const prepared: Prepared = {
    parse: (text) => (last = parseDraft(text, parseOptions)),
    options: { rules, config, locale: job.locale },
    lastDocument: () => last,
  };
  if (configError !== undefined) prepared.configError = configError;
  return prepared;
}

function outcome(text: string, prepared: Prepared, messages: LintMessage[], rules: Rules, started: number): LintOutcome {
  const doc = prepared.lastDocument();
  const { state, detail } = draftState(text, doc);
  const result: LintOutcome = {
    messages,
    overview: doc ? buildOverview(doc) : [],
    state,
    units: doc ? officeNames(doc, messages) : messages.map(() => undefined),
    rules: ruleInfo(rules),
    ms: Math.round(performance.now() - started),
  };
  if (detail !== undefined) result.stateDetail = detail;
  if (prepared.configError !== undefined) result.configError = prepared.configError;
  return result;
}

/** The reader's verdict on the input, as `lkip lint` gives it (empty file, not an LKIP draft, reader failure). */
export function draftState(text: string, doc: LkipDocument | undefined): { state: DraftState; detail?: string } {
  if (text.trim() === '') return { state: 'empty' };
  const failure = doc?.diagnostics.find((d) => d.code === 'reader-failure');
  if (!doc || failure) return { state: 'unreadable', ...(failure ? { detail: failure.message } : {}) };
  if (doc.diagnostics.some((d) => d.code === 'not-an-lkip')) return { state: 'not-lkip' };
  if (doc.diagnostics.some((d) => d.code === 'excerpt')) return { state: 'excerpt' };
  return { state: 'lkip' };
}

const spelling = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Each message's office under the one name the draft's list of offices gives it. */
function officeNames(doc: LkipDocument, messages: readonly LintMessage[]): (string | undefined)[] {
  const names = new Map<string, string>();
  for (const unit of doc.units) {
    for (const s of [unit.name, ...unit.spellings]) if (!names.has(spelling(s))) names.set(spelling(s), unit.name);
  }
  return messages.map((m) => {
    const unit = m.subject?.unit;
    return unit === undefined ? undefined : (names.get(spelling(unit)) ?? unit);
  });
}

let rulesCache: { rules: Rules; info: RuleInfo[] } | undefined;

function ruleInfo(rules: Rules): RuleInfo[] {
  if (rulesCache?.rules !== rules) {
    rulesCache = {
      rules,
      info: rules.map((r) => ({ id: r.meta.id, description: r.meta.docs.description, family: r.meta.family, fixable: r.meta.fixable })),
    };
  }
  return rulesCache.info;
}
