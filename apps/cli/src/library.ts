import { extname, resolve } from 'node:path';
import type { Comparison } from '@lkip/compare';
import { buildResult, lintDocument, parseConfigText, resolveConfig, type LintMessage, type LintOptions, type LintResult, type LkipConfig, type Locale, type ResolvedConfig } from '@lkip/engine';
import { splitLineEndings } from '@lkip/parse';
import type { LkipDocument } from '@lkip/schema';
import type { CommandContext } from './commands/context.js';
import { DraftLinter, rejectionOf } from './commands/lint.js';
import { readConfigFile } from './config-file.js';
import { CliError } from './errors.js';
import { formatters, type FormatName } from './formatters/index.js';
import { isJsonPath, lintJsonDocument, readJsonModel, violationLines, type JsonViolation } from './json-input.js';
import { readDraftInput } from './read-input.js';
import { TOOL_VERSION } from './tool.js';
import { attachWordLocations } from './word-locations.js';

/**
 * lkip as a library: the functions behind `lkip lint`, `lkip extract` and `lkip compare`, with
 * the same reader, rules and findings. Nothing is printed and nothing is written; problems with
 * the input (an unreadable file, an invalid config) throw a `CliError` with the one line the
 * command would print.
 */

/** How a text is read: a Markdown draft, text converted from PDF, or a JSON model (`lkip extract`'s output). */
export type InputFormat = 'markdown' | 'text' | 'json';

export interface LibraryOptions {
  /** `lkip.config.json`'s content, or the path of such a file (relative to `cwd`). Default: lkip's defaults; no file is looked for. */
  config?: LkipConfig | string;
  /** Message language. Default `id`. */
  locale?: Locale;
  /** Where relative paths start. Default: the process's working directory. */
  cwd?: string;
}

export interface LintTextOptions extends LibraryOptions {
  /** Default: from `filePath`'s extension (`.json`, `.txt`), else `markdown`. */
  format?: InputFormat;
  /** Reported as the result's `filePath`. Default `<text>`. */
  filePath?: string;
  /** Compute fixes as `lkip lint --fix-dry-run` does: the corrected text is `result.output`. */
  fix?: boolean;
}

export type LintFileOptions = Omit<LintTextOptions, 'format' | 'filePath'>;

/**
 * Lints the text of a draft (or of a JSON model). A text lkip cannot lint (no LKIP figures in
 * it, an invalid model) gives a result with fatal messages, as ESLint's `lintText` does for a
 * syntax error.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const session = await Session.open(options);
  const filePath = options.filePath !== undefined ? resolve(session.cwd, options.filePath) : '<text>';
  const format = options.format ?? formatOf(filePath);
  if (format === 'json') return session.lintModel(filePath, text);
  return session.lintDraft(filePath, text, format, options.fix === true);
}

/**
 * Lints a file as `lkip lint <file>` does: a Markdown or text draft, a Word (`.docx`) draft, or
 * a JSON model. Fixes (with `fix: true`) are returned in `output`, never written.
 */
export async function lintFile(path: string, options: LintFileOptions = {}): Promise<LintResult> {
  const session = await Session.open(options);
  const absolute = resolve(session.cwd, path);
  const input = await readDraftInput(absolute, path);
  if (input.kind === 'json') return session.lintModel(absolute, input.text);
  const { locate } = input;
  if (!locate) return session.lintDraft(absolute, input.text, formatOf(absolute) === 'text' ? 'text' : 'markdown', options.fix === true);
  // Word: fixes would be edits of the converted Markdown, which is never written back.
  const result = await session.lintDraft(absolute, input.text, 'markdown', false);
  return buildResult(absolute, attachWordLocations(result.messages, input.text, locate, session.locale), pickText(result));
}

export interface ExtractOptions extends LibraryOptions {
  /** Default: from `filePath`'s extension, else `markdown`. */
  format?: Exclude<InputFormat, 'json'>;
  /** Kept in the model's `source.path`. */
  filePath?: string;
}

/** The document model lkip's rules read, as `lkip extract` prints it (valid against `lkip schema`). */
export async function extract(text: string, options: ExtractOptions = {}): Promise<LkipDocument> {
  const session = await Session.open(options);
  const format = options.format ?? (formatOf(options.filePath ?? '') === 'text' ? 'text' : 'markdown');
  return session.parse(splitLineEndings(text).lf, options.filePath, format);
}

/** `extract` for a file: a draft (`.md`, `.txt`, `.docx`), or a JSON model, which is validated and returned. */
export async function extractFile(path: string, options: LibraryOptions = {}): Promise<LkipDocument> {
  const session = await Session.open(options);
  const absolute = resolve(session.cwd, path);
  const input = await readDraftInput(absolute, path);
  if (input.kind === 'json') {
    const reading = readJsonModel(input.text);
    if (!reading.ok) throw new CliError(violationLines(path, reading.violations).join('; '));
    return reading.doc;
  }
  // As `lkip lint` reads it: converted text (Word) counts as Markdown.
  return session.parse(splitLineEndings(input.text).lf, path, formatOf(absolute) === 'text' ? 'text' : 'markdown');
}

/** A draft for `compare`: a path, or a text with the name it is shown under. */
export type CompareInput = string | { name: string; text: string };

/**
 * Compares the drafts of several offices, as `lkip compare --format json` does: indicators
 * matched by number and name, the achievement matrix and the flags (the shape is documented in
 * packages/compare/README.md). Needs two drafts with performance indicators at least.
 */
export async function compare(drafts: readonly CompareInput[], options: LibraryOptions = {}): Promise<Comparison> {
  const session = await Session.open(options);
  const { analyseDraftFile } = await import('./compare/analyse.js');
  const { comparableDocument, compareDigests, digestDocument } = await import('@lkip/compare');
  const tools = { parse: session.context.parse, rules: session.context.rules, locale: session.locale, config: session.config };
  const digests = [];
  for (const draft of drafts) {
    if (typeof draft === 'string') {
      // As `lkip compare` reads a draft named on its command line: a file it cannot use is an error.
      const analysed = await analyseDraftFile(resolve(session.cwd, draft), draft, tools);
      if ('skipped' in analysed) throw new CliError(`${draft}: ${analysed.skipped}`);
      digests.push(analysed.digest);
      continue;
    }
    const lf = splitLineEndings(draft.text).lf;
    const doc = session.parse(lf, draft.name, formatOf(draft.name) === 'text' ? 'text' : 'markdown');
    if (doc.indicators.length === 0) throw new CliError(`${draft.name}: no performance indicators found; is this an LKIP draft?`);
    const messages = lintDocument(doc, { ...session.lintOptions, text: lf });
    digests.push(digestDocument({ file: draft.name, doc: comparableDocument(doc), messages }));
  }
  if (digests.length < 2) throw new CliError(`compare needs at least two drafts; got ${digests.length}`);
  return compareDigests(digests, { locale: session.locale });
}

export interface FormatOptions {
  locale?: Locale;
  /** Paths in the report are shown relative to this. Default: the process's working directory. */
  cwd?: string;
  color?: boolean;
}

/** Renders results as `lkip lint --format <name>` prints them (stylish, json, sarif, compact). */
export async function formatResults(results: readonly LintResult[], format: FormatName = 'stylish', options: FormatOptions = {}): Promise<string> {
  const { rules } = await import('@lkip/rules');
  return formatters[format]([...results], {
    cwd: options.cwd ?? process.cwd(),
    locale: options.locale ?? 'id',
    color: options.color ?? false,
    rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])),
    toolVersion: TOOL_VERSION,
  });
}

function formatOf(path: string): InputFormat {
  if (isJsonPath(path)) return 'json';
  return extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown';
}

function pickText(result: LintResult): { output?: string; source?: string } {
  return { ...(result.output !== undefined ? { output: result.output } : {}), ...(result.source !== undefined ? { source: result.source } : {}) };
}

function fatal(message: string, line = 1, column = 1): LintMessage {
  return { ruleId: null, severity: 2, fatal: true, message, line, column, endLine: line, endColumn: column };
}

/** The reader, the rules and the settled config of one call. */
class Session {
  private constructor(
    readonly context: CommandContext,
    readonly config: ResolvedConfig,
    readonly locale: Locale,
    readonly cwd: string,
  ) {}

  static async open(options: LibraryOptions): Promise<Session> {
    const cwd = options.cwd ?? process.cwd();
    const [{ parseDraft, PROFILE_IDS }, { rules }] = await Promise.all([import('@lkip/parse'), import('@lkip/rules')]);
    const context: CommandContext = { io: { cwd, stdout: () => undefined, stderr: () => undefined }, rules, parse: parseDraft, toolVersion: TOOL_VERSION };
    return new Session(context, await settleConfig(options.config, context, PROFILE_IDS), options.locale ?? 'id', cwd);
  }

  get lintOptions(): LintOptions {
    return { rules: this.context.rules, config: this.config, locale: this.locale };
  }

  parse(text: string, path: string | undefined, format: 'markdown' | 'text'): LkipDocument {
    return this.context.parse(text, {
      ...(path !== undefined ? { path } : {}),
      format,
      ...(this.config.fiscalYear !== undefined ? { fiscalYear: this.config.fiscalYear } : {}),
      ...(this.config.profile !== undefined ? { profile: this.config.profile } : {}),
    });
  }

  async lintDraft(filePath: string, text: string, format: 'markdown' | 'text', fix: boolean): Promise<LintResult> {
    const linter = new DraftLinter(this.context, this.config, this.lintOptions, fix);
    const { result, rejection } = linter.lint(filePath, text, format);
    return rejection === undefined ? result : buildResult(filePath, [fatal(rejection)]);
  }

  lintModel(filePath: string, text: string): LintResult {
    const reading = readJsonModel(text);
    if (!reading.ok) return buildResult(filePath, reading.violations.map(violationMessage), { source: text });
    const rejection = rejectionOf(reading.doc);
    if (rejection !== undefined) return buildResult(filePath, [fatal(rejection)]);
    const messages = lintJsonDocument(reading.doc, reading.locator, this.lintOptions);
    return buildResult(filePath, messages, messages.length > 0 ? { source: text } : {});
  }
}

function violationMessage(v: JsonViolation): LintMessage {
  return { ...fatal(`${v.pointer === '' ? '(document)' : v.pointer}: ${v.message}`, v.line, v.column), location: v.pointer } as LintMessage;
}

async function settleConfig(config: LkipConfig | string | undefined, context: CommandContext, profileIds: readonly string[]): Promise<ResolvedConfig> {
  if (config === undefined) return resolveConfig();
  if (typeof config === 'string') {
    const file = await readConfigFile(config, context);
    return file?.config ?? resolveConfig();
  }
  const parsed = parseConfigText(JSON.stringify(config), { ruleIds: context.rules.map((r) => r.meta.id), profileIds });
  if ('error' in parsed) throw new CliError(`config: ${parsed.error}`);
  return parsed.config;
}
