import { access, readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import {
  ConfigError,
  UnknownRuleError,
  buildResult,
  lintText,
  parseConfigText,
  resolveConfig,
  resolveRules,
  verifyAndFix,
  type FixFilter,
  type LintMessage,
  type LintOptions,
  type LintResult,
  type Locale,
  type ResolvedConfig,
  type RuleMeta,
  type SeverityName,
} from '@lkip/engine';
import { LintCache, resolveCacheLocation, sha256 } from '../cache.js';
import { CliError, describeFsError } from '../errors.js';
import { expandPatterns } from '../files.js';
import { formatters, type FormatName } from '../formatters/index.js';
import { displayPath } from '../formatters/stylish.js';
import { words } from '../i18n.js';
import { offsetMapper, restoreLineEndings, splitLineEndings, type LineEndings } from '../line-endings.js';
import { encodeDraft, readDraftFile } from '../read-draft.js';
import { useColor } from '../color.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { CommandContext } from './context.js';

export const CONFIG_FILE = 'lkip.config.json';

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
}

/** `lkip lint`: ESLint's command, exit codes and flags, over drafts. */
export async function lintCommand(patterns: string[], flags: LintFlags, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  checkFlagCombinations(patterns, flags);
  const ruleOverrides = parseRuleFlags(flags.rule ?? []);
  const { config, label: configLabel } = await loadConfig(flags.config, ctx);
  // Settle severities and options once before reading any draft, so that a bad --rule or bad
  // rule options fail as usage errors even when no file would reach the engine.
  try {
    resolveRules(ctx.rules, config, ruleOverrides);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(describeConfigError(error, configLabel));
    throw error;
  }

  const lintOptions: LintOptions = {
    rules: ctx.rules,
    config,
    ruleOverrides,
    locale: flags.locale,
    ...(flags.reportRounding ? { reportRounding: true } : {}),
  };
  const fixing = Boolean(flags.fix || flags.fixDryRun);
  // ESLint's --quiet with --fix fixes errors only: warnings stay as the author wrote them.
  const fixFilter: FixFilter = flags.quiet ? (m) => m.severity === 2 : true;
  const linter = new DraftLinter(ctx, config, lintOptions, fixing ? fixFilter : false);

  const results: LintResult[] = [];
  if (flags.stdin) {
    if (!io.stdin) throw new CliError('standard input is not available');
    const text = await io.stdin();
    const filePath = flags.stdinFilename !== undefined ? resolve(io.cwd, flags.stdinFilename) : '<text>';
    results.push(linter.lint(filePath, text).result);
  } else {
    const files = await expandPatterns(patterns.length > 0 ? patterns : ['.'], io.cwd);
    const cache = flags.cache
      ? await LintCache.open(await resolveCacheLocation(flags.cacheLocation, io.cwd), settingsHash(ctx, lintOptions, config), ctx.toolVersion)
      : undefined;
    const progress = new Progress(io, files.length);
    for (const [i, file] of files.entries()) {
      const label = displayPath(file, io);
      progress.show(i, label);
      const draft = await readDraftFile(file, label);
      const hash = sha256(draft.bytes);
      const cached = cache?.get(file, hash);
      // A cached result is only as good as a fresh one when there is nothing for --fix to do.
      if (cached && !(fixing && cached.some((m) => m.fix && (typeof fixFilter === 'function' ? fixFilter(m) : fixFilter)))) {
        results.push(buildResult(file, cached, cached.length > 0 ? { source: draft.text } : {}));
        continue;
      }
      const { result, messages } = linter.lint(file, draft.text);
      if (flags.fix && result.output !== undefined) {
        const bytes = encodeDraft(result.output, draft.encoding);
        try {
          await writeFileAtomic(file, bytes);
        } catch (error) {
          throw new CliError(`${label}: cannot write fixed draft: ${describeFsError(error)}`);
        }
        cache?.set(file, sha256(bytes), messages);
      } else if (result.output === undefined) {
        cache?.set(file, hash, messages);
      }
      results.push(result);
    }
    progress.done();
    // A cache that cannot be written costs time on the next run, not correctness on this one.
    await cache?.save().catch((error: unknown) => io.stderr(`lkip: cannot write cache ${displayPath(cache.location, io)}: ${describeFsError(error)}\n`));
  }

  const shown = flags.quiet ? results.map(errorsOnly) : results;
  const formatted = formatters[flags.format](shown, {
    cwd: io.cwd,
    locale: flags.locale,
    color: useColor(flags.color, io),
    rulesMeta: rulesMeta(ctx),
    toolVersion: ctx.toolVersion,
  });
  if (formatted.length > 0) io.stdout(formatted.endsWith('\n') ? formatted : `${formatted}\n`);

  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = flags.maxWarnings >= 0 && warningCount > flags.maxWarnings;
  if (tooManyWarnings && errorCount === 0) io.stderr(`${words(flags.locale).tooManyWarnings(flags.maxWarnings)}\n`);
  return errorCount > 0 || tooManyWarnings ? 1 : 0;
}

function checkFlagCombinations(patterns: string[], flags: LintFlags): void {
  if (flags.fix && flags.fixDryRun) throw new CliError('The --fix option and the --fix-dry-run option cannot be used together.');
  if (flags.fix && flags.stdin) throw new CliError('The --fix option is not available for piped-in drafts; use --fix-dry-run instead.');
  if (flags.stdin && patterns.length > 0) throw new CliError('File patterns cannot be combined with --stdin.');
  if (flags.stdinFilename !== undefined && !flags.stdin) throw new CliError('The --stdin-filename option requires --stdin.');
  if (flags.cacheLocation !== undefined && !flags.cache) throw new CliError('The --cache-location option requires --cache.');
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
  const { cwd } = ctx.io;
  let path: string | undefined;
  if (flag !== undefined) path = resolve(cwd, flag);
  else if (await exists(join(cwd, CONFIG_FILE))) path = join(cwd, CONFIG_FILE);
  if (path === undefined) return { config: resolveConfig() };
  const label = displayPath(path, ctx.io);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`${label}: cannot read config file: ${describeFsError(error)}`);
  }
  const parsed = parseConfigText(text, { ruleIds: ctx.rules.map((r) => r.meta.id) });
  if ('error' in parsed) throw new CliError(`${label}: ${parsed.error}`);
  return { config: parsed.config, label };
}

function describeConfigError(error: ConfigError, configLabel: string | undefined): string {
  const fromFlags = error instanceof UnknownRuleError ? error.unknown.every((u) => u.source === 'override') : error.message.startsWith('--rule');
  return configLabel !== undefined && !fromFlags ? `${configLabel}: ${error.message}` : error.message;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Everything besides the draft's bytes that decides its findings: a change means a fresh lint. */
function settingsHash(ctx: CommandContext, options: LintOptions, config: ResolvedConfig): string {
  return sha256(
    JSON.stringify({
      config,
      overrides: options.ruleOverrides,
      locale: options.locale,
      reportRounding: options.reportRounding ?? null,
      rules: ctx.rules.map((r) => [r.meta.id, r.meta.defaultSeverity]),
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
class DraftLinter {
  constructor(
    private readonly ctx: CommandContext,
    private readonly config: ResolvedConfig,
    private readonly options: LintOptions,
    private readonly fix: FixFilter,
  ) {}

  lint(filePath: string, text: string): { result: LintResult; messages: LintMessage[] } {
    const { lf, lineEndings } = splitLineEndings(text);
    const format = extname(filePath).toLowerCase() === '.txt' ? 'text' : 'markdown';
    const parseOptions = { path: filePath, format, ...(this.config.fiscalYear !== undefined ? { fiscalYear: this.config.fiscalYear } : {}) } as const;
    const parse = (t: string) => this.ctx.parse(t, parseOptions);

    let messages: LintMessage[];
    let output: string | undefined;
    if (this.fix === false) {
      messages = remapToLineEndings(lintText(lf, parse, this.options), lf, lineEndings);
    } else {
      const fixed = verifyAndFix(lf, parse, { ...this.options, fix: this.fix });
      if (fixed.fixed && fixed.output !== lf) {
        const restored = restoreLineEndings(fixed.output, lineEndings);
        output = restored.text;
        messages = remapToLineEndings(fixed.messages, fixed.output, restored.lineEndings);
      } else {
        messages = remapToLineEndings(fixed.messages, lf, lineEndings);
      }
    }
    const extra: { output?: string; source?: string } = {};
    // ESLint's rule: `source` only when there is something to show and no `output` to show instead.
    if (output !== undefined) extra.output = output;
    else if (messages.length > 0) extra.source = text;
    return { result: buildResult(filePath, messages, extra), messages };
  }
}

function remapToLineEndings(messages: LintMessage[], lf: string, lineEndings: LineEndings): LintMessage[] {
  if (!lineEndings.hasCrlf) return messages;
  const toDisk = offsetMapper(lf, lineEndings);
  const mapFix = (fix: { range: [number, number]; text: string }) => ({
    range: [toDisk(fix.range[0]), toDisk(fix.range[1])] as [number, number],
    text: fix.text.replace(/\r?\n/g, lineEndings.dominant),
  });
  return messages.map((m) => {
    if (!m.fix && !m.suggestions) return m;
    const out: LintMessage = { ...m };
    if (m.fix) out.fix = mapFix(m.fix);
    if (m.suggestions) out.suggestions = m.suggestions.map((s) => ({ ...s, fix: mapFix(s.fix) }));
    return out;
  });
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
