import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseConfigText, type ResolvedConfig } from '@lkip/engine';
import type { CommandContext } from './commands/context.js';
import { CliError, describeFsError } from './errors.js';
import { displayPath } from './formatters/display-path.js';

export const CONFIG_FILE = 'lkip.config.json';

export interface ConfigFile {
  config: ResolvedConfig;
  /** The file as written: `lkip view` hands it to the viewer, which validates it the same way. */
  text: string;
  label: string;
}

/**
 * The config of a run: `--config <file>`, else `./lkip.config.json` when it exists, else none.
 * An unreadable or invalid file is one line naming it (exit 2), never a stack trace.
 */
export async function readConfigFile(flag: string | undefined, ctx: CommandContext): Promise<ConfigFile | undefined> {
  const { cwd } = ctx.io;
  const path = flag !== undefined ? resolve(cwd, flag) : join(cwd, CONFIG_FILE);
  if (flag === undefined && !(await exists(path))) return undefined;
  const label = displayPath(path, ctx.io);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`${label}: cannot read config file: ${describeFsError(error)}`);
  }
  const { PROFILE_IDS } = await import('@lkip/parse');
  const parsed = parseConfigText(text, { ruleIds: ctx.rules.map((r) => r.meta.id), profileIds: PROFILE_IDS });
  if ('error' in parsed) throw new CliError(`${label}: ${parsed.error}`);
  return { config: parsed.config, text, label };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
