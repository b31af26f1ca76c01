import { lintText, parseConfigText, resolveConfig, verifyAndFix, type LintOptions, type ResolvedConfig, type Rule } from '@lkip/engine';
import { PROFILE_IDS, parseDraft, type ParseOptions } from '@lkip/parse';
import type { LkipDocument } from '@lkip/schema';
import { buildOverview } from '../overview/model.ts';
import type { LintJob, LintOutcome } from './protocol.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
type Rules = readonly Rule<any>[];

interface Prepared {
  parse: (text: string) => LkipDocument;
  options: LintOptions;
  lastDocument: () => LkipDocument | undefined;
  configError?: string;
}

/**
 * Reads and lints a draft the way `lkip lint` does (same parser options, same engine entry
 * points), so the viewer and the CLI never disagree about a draft.
 */
export function lintJob(job: LintJob, rules: Rules): LintOutcome {
  const started = performance.now();
  const prepared = prepare(job, rules);
  const messages = lintText(job.text, prepared.parse, prepared.options);
  return outcome(prepared, messages, started);
}

/** `lkip lint --fix`: fix, re-read, fix again until nothing applies (the engine's verifyAndFix). */
export function fixAllJob(job: LintJob, rules: Rules): LintOutcome & { output: string; fixed: boolean } {
  const started = performance.now();
  const prepared = prepare(job, rules);
  const result = verifyAndFix(job.text, prepared.parse, { ...prepared.options, fix: true });
  // verifyAndFix's last read is of `output`, so the overview describes the fixed draft.
  return { ...outcome(prepared, result.messages, started), output: result.output, fixed: result.fixed };
}

function prepare(job: LintJob, rules: Rules): Prepared {
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

function outcome(prepared: Prepared, messages: LintOutcome['messages'], started: number): LintOutcome {
  const doc = prepared.lastDocument();
  const result: LintOutcome = { messages, overview: doc ? buildOverview(doc) : [], ms: Math.round(performance.now() - started) };
  if (prepared.configError !== undefined) result.configError = prepared.configError;
  return result;
}
