import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sha256 } from './cache.js';

/** Bump when cached messages change shape (lkip 0.1.0 added `evidence`): entries without it are not reused. */
export const FINDINGS_SHAPE = 'evidence/1';

/** Flags that only change how findings are shown or where, never which findings there are. */
const DISPLAY_FLAGS = new Set(['format', 'color', 'quiet', 'maxWarnings', 'outputFile', 'cache', 'cacheLocation']);

/**
 * The key of a cached lint that a re-lint can check before loading anything heavy: the tool
 * version, the config file's bytes (the one `--config` names, else ./lkip.config.json when it
 * exists) and every flag that decides findings. Undefined when the config file cannot be read:
 * the full run then says why.
 */
export async function fastCacheKey(flags: object, cwd: string, toolVersion: string): Promise<string | undefined> {
  const deciding = Object.entries(flags)
    .filter(([name, value]) => !DISPLAY_FLAGS.has(name) && value !== undefined)
    // Code-unit order: localeCompare would first build an ICU collator, dearer than this whole path.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const configFlag = (flags as { config?: unknown }).config;
  const path = typeof configFlag === 'string' ? resolve(cwd, configFlag) : join(cwd, 'lkip.config.json');
  let config = 'none';
  try {
    config = sha256(await readFile(path));
  } catch (error) {
    if (typeof configFlag === 'string' || (error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  return sha256(JSON.stringify({ toolVersion, shape: FINDINGS_SHAPE, config, flags: deciding }));
}
