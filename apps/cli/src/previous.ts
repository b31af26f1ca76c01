import { dirname, extname, resolve } from 'node:path';
import type { ResolvedConfig } from '@lkip/engine';
import type { LkipDocument } from '@lkip/schema';
import { sha256 } from './cache.js';
import type { CommandContext } from './commands/context.js';
import { CONFIG_FILE } from './config-file.js';
import { CliError } from './errors.js';
import { expandDraftPatterns, LINT_EXTENSIONS, type FoundFile } from './files.js';
import { displayPath } from './formatters/display-path.js';
import { readDraftInput } from './read-input.js';
import { visible } from './visible.js';

export interface PreviousFilings {
  docs: LkipDocument[];
  /** Over the files' bytes: a cached lint result is only valid against the same earlier filings. */
  hash: string;
}

/**
 * The earlier filings a run holds its drafts against: `--previous` (files, folders or globs,
 * relative to the working directory), else `previous` in the config (relative to the config
 * file). Each is read and parsed as a draft is; one that cannot be read, or holds no indicators,
 * is a usage error naming it (exit 2): a check against a filing that is not there would be
 * silently empty. So is a folder a walk cannot read. What a walk leaves out on purpose (a link to
 * a folder) and files it finds that are no LKIP draft (a README beside the filings) are named on
 * one line each and passed over.
 */
export async function readPreviousFilings(flag: readonly string[] | undefined, configFlag: string | undefined, config: ResolvedConfig, ctx: CommandContext): Promise<PreviousFilings> {
  const { io } = ctx;
  let patterns: string[];
  let base: string;
  if (flag && flag.length > 0) {
    patterns = [...flag];
    base = io.cwd;
  } else if (config.previous !== undefined) {
    patterns = typeof config.previous === 'string' ? [config.previous] : [...config.previous];
    base = dirname(configFlag !== undefined ? resolve(io.cwd, configFlag) : resolve(io.cwd, CONFIG_FILE));
  } else {
    return { docs: [], hash: '' };
  }
  let found: FoundFile[];
  try {
    found = await expandDraftPatterns(patterns, base, LINT_EXTENSIONS);
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`previous filings: ${error.message}`);
    throw error;
  }
  const docs: LkipDocument[] = [];
  const hashes: string[] = [];
  for (const { path, explicit, problem, note } of found) {
    const label = displayPath(path, io);
    if (problem !== undefined) throw new CliError(`previous filing ${label}: ${problem}`);
    if (note !== undefined) {
      io.stderr(`lkip: previous filing ${visible(label)}: skipped, ${note}\n`);
      continue;
    }
    const draft = await readDraftInput(path, `previous filing ${label}`);
    if (draft.kind === 'json') throw new CliError(`previous filing ${label}: a JSON model, not a draft`);
    const text = draft.text.replace(/\r\n?/g, '\n');
    const doc = ctx.parse(text, {
      path: label,
      format: extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown',
      ...(config.profile !== undefined ? { profile: config.profile } : {}),
    });
    if (doc.indicators.length === 0) {
      if (explicit) throw new CliError(`previous filing ${label}: no performance indicators found; is this an LKIP draft?`);
      io.stderr(`lkip: previous filing ${visible(label)}: skipped, not an LKIP draft\n`);
      continue;
    }
    if (doc.meta.fiscalYear === undefined) throw new CliError(`previous filing ${label}: its fiscal year could not be read; the figures it states cannot be dated`);
    docs.push(doc);
    hashes.push(sha256(draft.bytes));
  }
  return { docs, hash: sha256(hashes.join('\n')) };
}
