import { mkdir } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import {
  ConfigError,
  UnknownRuleError,
  buildResult,
  lintText,
  resolveConfig,
  resolveRules,
  verifyAndFix,
  withGroups,
  type AppliedFix,
  type FixFilter,
  type Grouping,
  type LintMessage,
  type LintOptions,
  type LintResult,
  type Locale,
  type ResolvedConfig,
  type RuleMeta,
  type SeverityName,
} from '@lkip/engine';
import type { LkipDocument } from '@lkip/schema';
import { applyBaseline, createBaseline, readBaseline, stringifyBaseline, type BaselineFile } from '../baseline.js';
import { LintCache, resolveCacheLocation, sha256 } from '../cache.js';
import { fastCacheKey, FINDINGS_SHAPE } from '../cache-key.js';
import { readConfigFile } from '../config-file.js';
import { CliError, describeFsError } from '../errors.js';
import { expandDraftPatterns, isDocxPath, isJsonPath, isSpreadsheetPath, LINT_EXTENSIONS } from '../files.js';
import type { FormatName } from '../formatters/names.js';
import { loadFormatter } from '../formatters/load.js';
import { displayPath } from '../formatters/display-path.js';
import { words } from '../i18n.js';
import { editsToLineEndings, restoreLineEndings, splitLineEndings } from '@lkip/parse';
import { encodeDraft } from '../read-draft.js';
import { readDraftInput } from '../read-input.js';
import { readPreviousFilings } from '../previous.js';
import { useColor } from '../color.js';
import { attachWordLocations } from '../word-locations.js';
import { FileChangedError, writeFileAtomic, writeIfUnchanged } from '../write-atomic.js';
import { refuseOutputOverInput } from '../outputs.js';
import { visible, visibleDeep } from '../visible.js';
import { describeLimitRefusal, withLimitFlags } from '../limits.js';
import type { FixedDraft } from '../fix-report.js';
import type { CommandContext } from './context.js';

export { CONFIG_FILE } from '../config-file.js';

export interface LintFlags {
  format: FormatName;
  fix?: boolean;
  fixDryRun?: boolean;
  rule?: string[];
  config?: string;
  maxWarnings: number;
  quiet?: boolean;
  locale: Locale;
  stdin?: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation?: string;
  reportRounding?: boolean;
  color?: boolean;
  baseline?: string;
  writeBaseline?: string;
  /** `-o/--output-file`: the report goes to this file (ESLint's flag), created with the user's umask. */
  outputFile?: string;
  /** Earlier filings to check the figures given for earlier years against (history-mismatch). */
  previous?: string[];
  /** `--limit name=N`: the reader's bounds for this run (limits.ts). */
  limit?: string[];
}

/** Formats other programs read: nothing but the report may go to standard output. */
const MACHINE_FORMATS: ReadonlySet<string> = new Set(['json', 'sarif']);

/** Exit code of a run that met a draft it could not lint (unreadable, not an LKIP…), as for usage errors. */
const EXIT_BAD_INPUT = 2;

/** `lkip lint`: ESLint's command, exit codes and flags, over drafts. */
export async function lintCommand(patterns: string[], flags: LintFlags, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  checkFlagCombinations(patterns, flags);
  const ruleOverrides = parseRuleFlags(flags.rule ?? []);
  const loaded = await loadConfig(flags.config, ctx);
  const configLabel = loaded.label;
  // `--limit name=N` over the config's `limits` (the reader's bounds, see limits.ts).
  const config = withLimitFlags(loaded.config, flags.limit);
  const previous = await readPreviousFilings(flags.previous, flags.config, config, ctx);
  // Settle severities and options once before reading any draft, so that a bad --rule or bad
  // rule options fail as usage errors even when no file would reach the engine.
  try {
    resolveRules(ctx.rules, config, ruleOverrides);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(describeConfigError(error, configLabel, ctx.rules.map((r) => r.meta.id)));
    throw error;
  }

  const lintOptions: LintOptions = {
    rules: ctx.rules,
    config,
    ruleOverrides,
    locale: flags.locale,
    ...(flags.reportRounding ? { reportRounding: true } : {}),
    ...(previous.docs.length > 0 ? { previous: previous.docs } : {}),
  };
  const fixing = Boolean(flags.fix || flags.fixDryRun);
  // ESLint's --quiet with --fix fixes errors only: warnings stay as the author wrote them.
  const fixFilter: FixFilter = flags.quiet ? (m) => m.severity === 2 : true;
  const linter = new DraftLinter(ctx, config, lintOptions, fixing ? fixFilter : false);
  // A PDF is never written: under --fix it is linted as under no fix, its fixes shown as suggestions.
  const pdfLinter = flags.fix ? new DraftLinter(ctx, config, lintOptions, false) : linter;

  const baseline = await loadBaseline(flags, ctx);
  const results: LintResult[] = [];
  /** Results already grouped for the cache (below): reported as they are when a baseline and --quiet leave them whole. */
  const grouped = new WeakMap<LintResult, LintResult>();
  /** Drafts that fixing changed, with every change: reported after the run (see fix-report.ts). */
  const fixed: FixedDraft[] = [];
  /** One line per draft that could not be linted; each makes the run exit 2. */
  let badInput = 0;
  const refuse = (line: string) => {
    badInput++;
    io.stderr(`lkip: ${visible(line)}\n`);
  };
  if (flags.stdin) {
    if (!io.stdin) throw new CliError('standard input is not available');
    const text = await io.stdin();
    const filePath = flags.stdinFilename !== undefined ? resolve(io.cwd, flags.stdinFilename) : '<text>';
    // An empty buffer (an editor linting a new file) has nothing to be wrong about.
    const model = isJsonPath(filePath) && text.trim() !== '' ? await lintJsonInput(filePath, displayPath(filePath, io), text, lintOptions) : undefined;
    if (model) {
      if ('refusal' in model) model.refusal.forEach(refuse);
      else results.push(model.result);
    } else {
      const linted = linter.lint(filePath, text);
      if (linted.rejection !== undefined && text.trim() !== '') refuse(`${displayPath(filePath, io)}: ${linted.rejection}`);
      else {
        results.push(linted.result);
        if (linted.result.output !== undefined) fixed.push({ label: displayPath(filePath, io), applied: linted.applied, before: text, after: linted.result.output });
      }
    }
  } else {
    const files = await expandDraftPatterns(patterns.length > 0 ? patterns : ['.'], io.cwd, LINT_EXTENSIONS);
    await refuseOutputsOverDrafts(flags, files.map((f) => f.path), io);
    if (flags.fix) {
      // Refused before anything is written: a run either fixes every draft it can or none.
      const word = files.find((f) => isDocxPath(f.path));
      if (word) {
        throw new CliError(`${displayPath(word.path, io)}: --fix cannot write Word documents; fix the draft in Word, or run \`lkip convert\` and lint the Markdown (--fix-dry-run shows the fixes)`);
      }
      const model = files.find((f) => isJsonPath(f.path));
      if (model) throw new CliError(`${displayPath(model.path, io)}: --fix cannot write JSON models; fixes are edits of a draft's text`);
      const sheet = files.find((f) => isSpreadsheetPath(f.path));
      if (sheet) throw new CliError(`${displayPath(sheet.path, io)}: --fix cannot write spreadsheets; correct the cells it names (--fix-dry-run shows the fixes)`);
    }
    const cache = flags.cache
      ? await LintCache.open(
          await resolveCacheLocation(flags.cacheLocation, io.cwd),
          settingsHash(ctx, lintOptions, config, previous.hash),
          ctx.toolVersion,
          // With the shipped rules only: a re-lint checks this key before loading them (lint-cached.ts).
          ctx.shipped ? fastCacheKey(flags, io.cwd, ctx.toolVersion) : undefined,
        )
      : undefined;
    const progress = new Progress(io, files.length);
    /** Files a walk or a glob found that turned out not to be drafts: quiet unless nothing else was linted. */
    const skipped: string[] = [];
    for (const [i, file] of files.entries()) {
      const label = displayPath(file.path, io);
      progress.show(i, label);
      // What a directory walk could not read, or left out on purpose, is named, never passed over in silence.
      if (file.problem !== undefined) {
        refuse(`${label}: ${file.problem}`);
        continue;
      }
      if (file.note !== undefined) {
        io.stderr(`lkip: ${visible(label)}: skipped, ${file.note}\n`);
        continue;
      }
      let draft;
      try {
        draft = await readDraftInput(file.path, label);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        if (!file.explicit && / empty file/.test(error.message)) skipped.push(error.message);
        else refuse(error.message);
        continue;
      }
      if (draft.kind === 'json') {
        const model = await lintJsonInput(file.path, label, draft.text, lintOptions);
        if ('refusal' in model) model.refusal.forEach(refuse);
        else results.push(model.result);
        continue;
      }
      const hash = sha256(draft.bytes);
      const cached = cache?.get(file.path, hash);
      const places = draft.place ? { place: draft.place, lineHint: false } : {};
      const located = (messages: LintMessage[]) => (draft.locate ? attachWordLocations(messages, draft.text, draft.locate, flags.locale, places) : messages);
      if (flags.fix && draft.kind === 'pdf') io.stderr(`lkip: ${label}: --fix cannot write a PDF; its fixes are shown as suggestions (\`lkip convert\` writes an editable Markdown form)\n`);
      // The groups of the findings the cache keeps, as the report gives them (the same result
      // below, unless a baseline or --quiet leaves findings out): a re-lint of the unchanged draft
      // reports them without grouping again (lint-cached.ts). Not for a draft read through a
      // converter, whose reported findings carry the document's places.
      const groupingFor = (linted: LintResult): Grouping | undefined => {
        if (draft.locate) return undefined;
        const withIds = withGroups(linted);
        grouped.set(linted, withIds);
        return { groups: withIds.groups ?? [], ids: withIds.messages.map((m) => m.group ?? '') };
      };
      // A cached result is only as good as a fresh one when there is nothing for --fix to do.
      if (cached && !(fixing && cached.some((m) => m.fix && (typeof fixFilter === 'function' ? fixFilter(m) : fixFilter)))) {
        const result = buildResult(file.path, located(cached), cached.length > 0 ? { source: draft.text } : {});
        // An entry whose groups the re-lint could not use (damaged) gets them back, when the
        // report groups these findings anyway (nothing left out by a baseline or --quiet).
        cache?.refresh(file.path, flags.quiet || baseline || flags.writeBaseline !== undefined ? undefined : groupingFor(result));
        results.push(result);
        continue;
      }
      const { result, messages, rejection, applied } = (draft.kind === 'pdf' ? pdfLinter : linter).lint(file.path, draft.text);
      if (rejection !== undefined) {
        // Never cached: a cache hit must mean "linted", and nothing is written to a file that is not a draft.
        if (file.explicit) refuse(`${label}: ${rejection}`);
        else skipped.push(`${label}: ${rejection}`);
        continue;
      }
      if (flags.fix && result.output !== undefined) {
        const bytes = encodeDraft(result.output, draft.encoding);
        try {
          // Only over the bytes the fixes were computed from: an edit made meanwhile is never lost.
          await writeIfUnchanged(file.path, draft.bytes, bytes);
        } catch (error) {
          if (error instanceof FileChangedError) {
            refuse(`${label}: changed on disk while lkip was fixing it; nothing was written (run lkip lint --fix again)`);
            continue;
          }
          throw new CliError(`${label}: cannot write fixed draft: ${describeFsError(error)}`);
        }
        cache?.set(file.path, sha256(bytes), messages, groupingFor(result));
      } else if (result.output === undefined) {
        cache?.set(file.path, hash, messages, groupingFor(result));
      }
      if (result.output !== undefined) fixed.push({ label, applied, before: draft.text, after: result.output });
      results.push(draft.locate ? buildResult(file.path, located(result.messages), pickText(result)) : result);
    }
    progress.done();
    // Nothing linted at all: the files the walk found are the answer, and each says why.
    if (results.length === 0 && badInput === 0) for (const line of skipped) refuse(line);
    // Otherwise each is named on one line (not an error: a README beside the drafts is no draft).
    else for (const line of skipped) io.stderr(`lkip: ${words(flags.locale).skipped(line)}\n`);
    // A cache that cannot be written costs time on the next run, not correctness on this one.
    await cache?.save().catch((error: unknown) => io.stderr(`lkip: cannot write cache ${displayPath(cache.location, io)}: ${describeFsError(error)}\n`));
  }

  if (fixed.length > 0) {
    // What --fix wrote (place, old → new) and what --fix-dry-run would write (a unified diff):
    // on standard output before a human report, on standard error beside a machine-readable one.
    const { describeFixes, withLf } = await import('../fix-report.js');
    // Line endings first: a CRLF draft's diff is shown with LF, and a CR is no control to escape there.
    const report = await describeFixes(fixed.map((d) => visibleDeep(withLf(d))), { dryRun: Boolean(flags.fixDryRun), locale: flags.locale, color: useColor(flags.color, io) });
    if (MACHINE_FORMATS.has(flags.format)) io.stderr(report);
    else io.stdout(report);
  }

  let reported = results;
  if (flags.writeBaseline !== undefined) {
    const path = resolve(io.cwd, flags.writeBaseline);
    const written = createBaseline(results, path);
    try {
      await writeFileAtomic(path, Buffer.from(stringifyBaseline(written), 'utf8'));
    } catch (error) {
      throw new CliError(`${displayPath(path, io)}: cannot write baseline: ${describeFsError(error)}`);
    }
    const count = Object.values(written.files).reduce((n, entries) => n + Object.values(entries).reduce((k, e) => k + e.count, 0), 0);
    io.stderr(`lkip: wrote ${displayPath(path, io)}: ${count} finding(s) in ${Object.keys(written.files).length} draft(s)\n`);
    reported = results.map((r) => applyBaseline(r, written, path).result);
  } else if (baseline) {
    reported = results.map((r) => applyBaseline(r, baseline.file, baseline.path).result);
  }

  // Grouped after a baseline and --quiet took findings away: a group is made of the findings it shows.
  const shown = (flags.quiet ? reported.map(errorsOnly) : reported).map((r) => grouped.get(r) ?? withGroups(r));
  const format = await loadFormatter(flags.format);
  // A human format prints draft text to a terminal: its control characters are shown, never obeyed.
  const formatted = format(MACHINE_FORMATS.has(flags.format) ? shown : shown.map(visibleDeep), {
    cwd: io.cwd,
    locale: flags.locale,
    color: useColor(flags.color, io),
    rulesMeta: rulesMeta(ctx),
    toolVersion: ctx.toolVersion,
  });
  // A run that linted nothing (every draft refused on stderr) prints no empty report either.
  const nothingLinted = results.length === 0 && badInput > 0;
  if (flags.outputFile !== undefined && !nothingLinted) {
    // Written even when empty, as ESLint does: a CI step that uploads the file must find it.
    const path = resolve(io.cwd, flags.outputFile);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, Buffer.from(formatted.length === 0 || formatted.endsWith('\n') ? formatted : `${formatted}\n`, 'utf8'));
    } catch (error) {
      throw new CliError(`${displayPath(path, io)}: cannot write the report: ${describeFsError(error)}`);
    }
  } else if (formatted.length > 0 && !nothingLinted) io.stdout(formatted.endsWith('\n') ? formatted : `${formatted}\n`);

  const errorCount = reported.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = reported.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = flags.maxWarnings >= 0 && warningCount > flags.maxWarnings;
  if (tooManyWarnings && errorCount === 0) io.stderr(`${words(flags.locale).tooManyWarnings(flags.maxWarnings)}\n`);
  if (badInput > 0) return EXIT_BAD_INPUT;
  return errorCount > 0 || tooManyWarnings ? 1 : 0;
}

/** The files lint writes besides the drafts (cache, baseline, report) must not be one of them. */
async function refuseOutputsOverDrafts(flags: LintFlags, drafts: readonly string[], io: CommandContext['io']): Promise<void> {
  const what = 'one of the drafts being linted';
  if (flags.cache) {
    const location = await resolveCacheLocation(flags.cacheLocation, io.cwd);
    await refuseOutputOverInput(location, drafts, { label: displayPath(location, io), flag: '--cache-location', what });
  }
  for (const [flag, value] of [
    ['--write-baseline', flags.writeBaseline],
    ['--output-file', flags.outputFile],
  ] as const) {
    if (value === undefined) continue;
    const path = resolve(io.cwd, value);
    await refuseOutputOverInput(path, drafts, { label: displayPath(path, io), flag, what });
  }
}

function checkFlagCombinations(patterns: string[], flags: LintFlags): void {
  if (flags.fix && flags.fixDryRun) throw new CliError('The --fix option and the --fix-dry-run option cannot be used together.');
  if (flags.fix && flags.stdin) throw new CliError('The --fix option is not available for piped-in drafts; use --fix-dry-run instead.');
  if (flags.stdin && patterns.length > 0) throw new CliError('File patterns cannot be combined with --stdin.');
  if (flags.stdinFilename !== undefined && !flags.stdin) throw new CliError('The --stdin-filename option requires --stdin.');
  if (flags.cacheLocation !== undefined && !flags.cache) throw new CliError('The --cache-location option requires --cache.');
  if (flags.baseline !== undefined && flags.writeBaseline !== undefined) throw new CliError('The --baseline option and the --write-baseline option cannot be used together.');
}

async function loadBaseline(flags: LintFlags, ctx: CommandContext): Promise<{ file: BaselineFile; path: string } | undefined> {
  if (flags.baseline === undefined) return undefined;
  const path = resolve(ctx.io.cwd, flags.baseline);
  return { file: await readBaseline(path, displayPath(path, ctx.io)), path };
}

function pickText(result: LintResult): { output?: string; source?: string } {
  const extra: { output?: string; source?: string } = {};
  if (result.output !== undefined) extra.output = result.output;
  if (result.source !== undefined) extra.source = result.source;
  return extra;
}

const SEVERITY_NAMES = new Set<string>(['off', 'warn', 'error']);

/** `--rule capaian-mismatch:warn`; unknown ids are left to the engine, which suggests the closest. */
export function parseRuleFlags(values: readonly string[]): Record<string, SeverityName> {
  const overrides: Record<string, SeverityName> = {};
  for (const value of values) {
    const at = value.lastIndexOf(':');
    const id = value.slice(0, at).trim();
    const severity = value.slice(at + 1).trim();
    if (at <= 0 || id === '' || !SEVERITY_NAMES.has(severity)) {
      throw new CliError(`Invalid --rule '${value}': expected <rule-id>:off|warn|error`);
    }
    overrides[id] = severity as SeverityName;
  }
  return overrides;
}

async function loadConfig(flag: string | undefined, ctx: CommandContext): Promise<{ config: ResolvedConfig; label?: string }> {
  const file = await readConfigFile(flag, ctx);
  return file ? { config: file.config, label: file.label } : { config: resolveConfig() };
}

function describeConfigError(error: ConfigError, configLabel: string | undefined, ruleIds: readonly string[]): string {
  const fromFlags = error instanceof UnknownRuleError ? error.unknown.every((u) => u.source === 'override') : error.message.startsWith('--rule');
  // Nothing close to suggest ("--rule nope:error"): the user needs the list itself.
  const known = error instanceof UnknownRuleError && error.unknown.every((u) => u.closest.length === 0) ? ` (known rules: ${ruleIds.join(', ')})` : '';
  const message = `${error.message}${known}`;
  return configLabel !== undefined && !fromFlags ? `${configLabel}: ${message}` : message;
}

/** Everything besides the draft's bytes that decides its findings: a change means a fresh lint. */
function settingsHash(ctx: CommandContext, options: LintOptions, config: ResolvedConfig, previous: string): string {
  return sha256(
    JSON.stringify({
      config,
      previous,
      overrides: options.ruleOverrides,
      locale: options.locale,
      reportRounding: options.reportRounding ?? null,
      rules: ctx.rules.map((r) => [r.meta.id, r.meta.defaultSeverity]),
      // What a cached message carries (evidence for groups and fix safety): older entries lack it.
      findings: FINDINGS_SHAPE,
    }),
  );
}

function rulesMeta(ctx: CommandContext): Record<string, RuleMeta<unknown>> {
  const meta: Record<string, RuleMeta<unknown>> = {};
  for (const rule of ctx.rules) meta[rule.meta.id] = rule.meta as RuleMeta<unknown>;
  return meta;
}

/** ESLint's `getErrorResults`: warnings and notes dropped from what is printed. */
function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  if (messages.length === result.messages.length) return result;
  const extra: { output?: string; source?: string } = {};
  if (result.output !== undefined) extra.output = result.output;
  if (result.source !== undefined && messages.length > 0) extra.source = result.source;
  return buildResult(result.filePath, messages, extra);
}

/**
 * Lints one draft: the parser and the rules see LF text; findings and fixes are mapped back to
 * the draft's own line endings.
 */
export class DraftLinter {
  constructor(
    private readonly ctx: CommandContext,
    private readonly config: ResolvedConfig,
    private readonly options: LintOptions,
    private readonly fix: FixFilter,
  ) {}

  /**
   * `rejection` says why the draft is not one lkip can lint (the reader found no LKIP in it, or
   * stopped): such a file is reported on one line and exits 2, its findings are not shown and
   * nothing is written to it.
   */
  lint(
    filePath: string,
    text: string,
    format: 'markdown' | 'text' = extname(filePath).toLowerCase() === '.txt' ? 'text' : 'markdown',
  ): { result: LintResult; messages: LintMessage[]; rejection?: string; applied: AppliedFix[] } {
    const { lf, lineEndings } = splitLineEndings(text);
    const parseOptions = {
      path: filePath,
      format,
      ...(this.config.fiscalYear !== undefined ? { fiscalYear: this.config.fiscalYear } : {}),
      ...(this.config.profile !== undefined ? { profile: this.config.profile } : {}),
      ...(this.config.limits !== undefined ? { limits: this.config.limits } : {}),
    } as const;
    let first: LkipDocument | undefined;
    const parse = (t: string) => {
      const doc = this.ctx.parse(t, parseOptions);
      first ??= doc;
      return doc;
    };

    let messages: LintMessage[];
    let output: string | undefined;
    let applied: AppliedFix[] = [];
    if (this.fix === false) {
      messages = editsToLineEndings(lintText(lf, parse, this.options), lf, lineEndings);
    } else {
      const fixed = verifyAndFix(lf, parse, { ...this.options, fix: this.fix });
      applied = fixed.applied;
      if (fixed.fixed && fixed.output !== lf) {
        const restored = restoreLineEndings(fixed.output, lineEndings);
        output = restored.text;
        messages = editsToLineEndings(fixed.messages, fixed.output, restored.lineEndings);
      } else {
        messages = editsToLineEndings(fixed.messages, lf, lineEndings);
      }
    }
    const extra: { output?: string; source?: string } = {};
    // ESLint's rule: `source` only when there is something to show and no `output` to show instead.
    if (output !== undefined) extra.output = output;
    else if (messages.length > 0) extra.source = text;
    const rejection = first ? rejectionOf(first) : undefined;
    return { result: buildResult(filePath, messages, extra), messages, applied, ...(rejection !== undefined ? { rejection } : {}) };
  }
}

/** A JSON model: refused (each schema violation on its line, or no LKIP in it), or linted. */
async function lintJsonInput(filePath: string, label: string, text: string, options: LintOptions): Promise<{ result: LintResult } | { refusal: string[] }> {
  // Loaded only for a JSON model: it brings ajv, which a draft's lint never needs.
  const { lintJsonModel } = await import('../json-input.js');
  const linted = lintJsonModel(text, label, options);
  if ('refusal' in linted) return linted;
  const rejection = rejectionOf(linted.doc);
  if (rejection !== undefined) return { refusal: [`${label}: ${rejection}`] };
  return { result: buildResult(filePath, linted.messages, linted.messages.length > 0 ? { source: text } : {}) };
}

/**
 * The reader's own verdict on the draft: a diagnostic at error level means there is nothing
 * to lint (the rules would report nothing, and "0 problems" would be a lie).
 */
export function rejectionOf(doc: LkipDocument): string | undefined {
  const error = doc.diagnostics?.find((d) => d.severity === 'error');
  if (!error) return undefined;
  if (error.code === 'not-an-lkip') return 'not an LKIP draft (no target, realisation, achievement or budget figures)';
  if (error.code === 'limit-exceeded') return describeLimitRefusal(error.message);
  return `the reader could not read this draft: ${error.message.replace(/\s+/g, ' ').trim()}`;
}

/** `[12/140] path` on a terminal, for runs over many drafts; nothing when piped. */
class Progress {
  private readonly enabled: boolean;
  constructor(
    private readonly io: CommandContext['io'],
    private readonly total: number,
  ) {
    this.enabled = Boolean(io.stderrIsTTY) && total >= 5;
  }

  show(index: number, label: string): void {
    if (this.enabled) this.io.stderr(`\r\x1b[K[${index + 1}/${this.total}] ${label}`);
  }

  done(): void {
    if (this.enabled) this.io.stderr('\r\x1b[K');
  }
}
