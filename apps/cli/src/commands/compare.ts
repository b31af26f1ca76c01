import { resolve } from 'node:path';
import type { Comparison, DocumentDigest, SkippedDocument } from '@lkip/compare';
import type { Locale } from '@lkip/engine';
import { formatHtml } from '../compare/html.js';
import { analyseInProcess, CompareProgress, DraftPool, workerCount, workerHeapMb, workerScriptAvailable, type DraftToAnalyse } from '../compare/pool.js';
import { formatTable } from '../compare/table.js';
import type { AnalysedDraft } from '../compare/analyse.js';
import { CliError, describeFsError } from '../errors.js';
import { readConfigFile } from '../config-file.js';
import { expandDraftPatterns, LINT_EXTENSIONS } from '../files.js';
import { displayPath } from '../formatters/stylish.js';
import { readPreviousFilings } from '../previous.js';
import { refuseOutputOverInput } from '../outputs.js';
import { withLimitFlags } from '../limits.js';
import { visible } from '../visible.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { CommandContext } from './context.js';

export const COMPARE_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareFlags {
  format: CompareFormat;
  out?: string;
  locale: Locale;
  config?: string;
  /** `--limit name=N`: the reader's bounds for this run (limits.ts). */
  limit?: string[];
}

/**
 * `lkip compare`: reads, parses, lints and digests several drafts (on worker threads when there
 * are more than two) and prints the comparison: a summary per draft, the matrix, the flags only a
 * comparison can raise. A draft that cannot be read, or holds no indicators, is reported on
 * stderr, listed under `skipped` and left out; the run goes on. Exit 0 when the comparison was
 * made, whatever it found; 2 for usage errors and when fewer than two drafts could be compared.
 *
 * Takes the context lazily so that worker threads start loading the reader while the main
 * thread settles the rest.
 */
export async function compareCommand(patterns: string[], flags: CompareFlags, io: CommandContext['io'], context: () => Promise<CommandContext>): Promise<number> {
  if (patterns.length === 0) throw new CliError('compare needs drafts: lkip compare <files|dirs|globs...>');
  const found = await expandDraftPatterns(patterns, io.cwd, LINT_EXTENSIONS);
  // What a folder walk could not read (a folder lkip may not list) or left out on purpose (a link
  // to a folder, a broken link) is named on one line each, as `lkip lint` does, and listed under
  // `skipped`; the comparison goes on with the rest.
  const walkSkipped: SkippedDocument[] = [];
  for (const file of found) {
    const reason = file.problem ?? file.note;
    if (reason === undefined) continue;
    const label = displayPath(file.path, io);
    walkSkipped.push({ file: label, reason });
    io.stderr(`lkip: ${visible(label)}: skipped, ${reason}\n`);
  }
  const files = found.filter((f) => f.problem === undefined && f.note === undefined).map((f) => f.path);
  if (flags.out !== undefined) {
    // Before any work: `compare -o jatim.md jatim.md jateng.md` must not replace a draft.
    const target = resolve(io.cwd, flags.out);
    await refuseOutputOverInput(target, files, { label: displayPath(target, io), flag: '--out', what: 'one of the drafts being compared' });
  }
  if (files.length < 2) throw new CliError(`compare needs at least two drafts; ${patterns.map((p) => `'${p}'`).join(' ')} gave ${files.length}`);
  const drafts: DraftToAnalyse[] = files.map((path) => ({ path, label: displayPath(path, io) }));

  const threads = workerScriptAvailable() ? workerCount(drafts.length, io.env) : 0;
  let pool = threads > 0 ? new DraftPool(threads, flags.locale, workerHeapMb(io.env)) : undefined;
  const progress = new CompareProgress(io, drafts.length);
  let analysed: AnalysedDraft[];
  try {
    const ctx = await context();
    // Tests (and embedders) may pass their own reader or rules, which cannot cross into a thread.
    if (pool && !(await usesShippedTools(ctx))) {
      await pool.close();
      pool = undefined;
    }
    // The same config as `lkip lint`, and the same earlier filings when it names them, so that
    // each draft's findings are the ones `lkip lint` reports.
    const fromFile = (await readConfigFile(flags.config, ctx))?.config;
    // `--limit name=N` over the config's `limits` (the reader's bounds, see limits.ts).
    const config = flags.limit && flags.limit.length > 0 ? withLimitFlags(fromFile ?? (await import('@lkip/engine')).resolveConfig(), flags.limit) : fromFile;
    const previous = config ? (await readPreviousFilings(undefined, flags.config, config, ctx)).docs : [];
    const setup = { ...(config ? { config } : {}), ...(previous.length > 0 ? { previous } : {}) };
    analysed = pool ? await pool.analyse(drafts, progress, setup) : await analyseInProcess(drafts, { parse: ctx.parse, rules: ctx.rules, locale: flags.locale, ...setup }, progress);
  } finally {
    progress.finish();
    // Live threads would keep the process running after an error.
    await pool?.close();
  }

  const digests: DocumentDigest[] = [];
  const skipped: SkippedDocument[] = [...walkSkipped];
  for (const draft of analysed) {
    if ('digest' in draft) digests.push(draft.digest);
    else {
      skipped.push({ file: draft.file, reason: draft.skipped });
      io.stderr(`lkip: ${visible(draft.file)}: skipped, ${visible(draft.skipped)}\n`);
    }
  }
  if (digests.length < 2) throw new CliError(`compare needs at least two drafts with performance indicators; found ${digests.length}`);
  const { compareDigests } = await import('@lkip/compare');
  const comparison = compareDigests(digests, { locale: flags.locale, skipped });
  const output = await render(comparison, flags, io);
  if (flags.out !== undefined) {
    const target = resolve(io.cwd, flags.out);
    try {
      await writeFileAtomic(target, Buffer.from(output, 'utf8'));
    } catch (error) {
      throw new CliError(`${displayPath(target, io)}: cannot write: ${describeFsError(error)}`);
    }
  } else {
    io.stdout(output);
  }
  return 0;
}

async function usesShippedTools(ctx: CommandContext): Promise<boolean> {
  const [{ parseDraft }, { rules }] = await Promise.all([import('@lkip/parse'), import('@lkip/rules')]);
  return ctx.parse === parseDraft && ctx.rules === rules;
}

async function render(comparison: Comparison, flags: CompareFlags, io: CommandContext['io']): Promise<string> {
  switch (flags.format) {
    case 'json':
      return `${JSON.stringify(comparison, null, 2)}\n`;
    case 'csv':
      // Loaded already: compareDigests came from the same module.
      return (await import('@lkip/compare')).formatCsv(comparison);
    case 'html':
      return formatHtml(comparison, flags.locale, io);
    case 'table':
      return formatTable(comparison, { width: terminalWidth(io), locale: flags.locale });
  }
}

/** COLUMNS when set (shells set it, tests may), the terminal's width on a TTY, else 120. */
function terminalWidth(io: CommandContext['io']): number {
  const fromEnv = Number.parseInt(io.env?.COLUMNS ?? '', 10);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  if (io.isTTY && process.stdout.columns) return process.stdout.columns;
  return 120;
}
