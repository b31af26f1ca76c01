import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Comparison } from '@lkip/compare';
import type { Locale } from '@lkip/engine';
import { formatCsv } from '../compare/csv.js';
import { formatHtml } from '../compare/html.js';
import { analyseInProcess, CompareProgress, DraftPool, workerCount, workerScriptAvailable, type DraftToAnalyse } from '../compare/pool.js';
import { formatTable } from '../compare/table.js';
import type { AnalysedDraft } from '../compare/analyse.js';
import { CliError, describeFsError } from '../errors.js';
import { readConfigFile } from '../config-file.js';
import { expandPatterns, LINT_EXTENSIONS } from '../files.js';
import { displayPath } from '../formatters/stylish.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { CommandContext } from './context.js';

export const COMPARE_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareFlags {
  format: CompareFormat;
  out?: string;
  locale: Locale;
  config?: string;
}

/**
 * `lkip compare`: reads, parses and lints several drafts (on worker threads when there are more
 * than two) and prints the comparison matrix with the flags only a comparison can raise. Exit 0
 * when the comparison was made, whatever it found; 2 for usage errors and unreadable drafts.
 *
 * Takes the context lazily so that worker threads start loading the reader while the main
 * thread settles the rest.
 */
export async function compareCommand(patterns: string[], flags: CompareFlags, io: CommandContext['io'], context: () => Promise<CommandContext>): Promise<number> {
  if (patterns.length === 0) throw new CliError('compare needs drafts: lkip compare <files|dirs|globs...>');
  const files = await expandPatterns(patterns, io.cwd, LINT_EXTENSIONS);
  if (files.length < 2) throw new CliError(`compare needs at least two drafts; ${patterns.map((p) => `'${p}'`).join(' ')} gave ${files.length}`);
  const drafts: DraftToAnalyse[] = files.map((path) => ({ path, label: displayPath(path, io) }));

  const threads = workerScriptAvailable() ? workerCount(drafts.length, io.env) : 0;
  let pool = threads > 0 ? new DraftPool(threads, flags.locale) : undefined;
  const progress = new CompareProgress(io, drafts.length);
  let analysed: AnalysedDraft[];
  try {
    const ctx = await context();
    // Tests (and embedders) may pass their own reader or rules, which cannot cross into a thread.
    if (pool && !(await usesShippedTools(ctx))) {
      await pool.close();
      pool = undefined;
    }
    // The same config as `lkip lint`: --config, else ./lkip.config.json when present.
    const config = (await readConfigFile(flags.config, ctx))?.config;
    analysed = pool
      ? await pool.analyse(drafts, progress, config)
      : await analyseInProcess(drafts, { parse: ctx.parse, rules: ctx.rules, locale: flags.locale, ...(config ? { config } : {}) }, progress);
  } finally {
    progress.finish();
    // Live threads would keep the process running after an error.
    await pool?.close();
  }

  const comparable = await keepDrafts(analysed, drafts, patterns, io);
  const { compareDocuments } = await import('@lkip/compare');
  const comparison = compareDocuments(comparable, { locale: flags.locale });
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

/**
 * A file without performance indicators is no LKIP draft. Named on the command line, it is an
 * error; found in a folder or by a glob (a README beside the drafts), it is skipped with a note.
 */
async function keepDrafts(analysed: AnalysedDraft[], drafts: readonly DraftToAnalyse[], patterns: readonly string[], io: CommandContext['io']): Promise<AnalysedDraft[]> {
  const named = new Set(
    (
      await Promise.all(
        patterns.map(async (p) => {
          const path = resolve(io.cwd, p);
          return (await stat(path).catch(() => undefined))?.isFile() ? [path] : [];
        }),
      )
    ).flat(),
  );
  const kept: AnalysedDraft[] = [];
  analysed.forEach((draft, i) => {
    if (draft.doc.indicators.length > 0) {
      kept.push(draft);
      return;
    }
    if (named.has((drafts[i] as DraftToAnalyse).path)) throw new CliError(`${draft.file}: no performance indicators found; is this an LKIP draft?`);
    io.stderr(`lkip: ${draft.file}: skipped, no performance indicators found\n`);
  });
  if (kept.length < 2) throw new CliError(`compare needs at least two drafts with performance indicators; found ${kept.length}`);
  return kept;
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
      return formatCsv(comparison);
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
