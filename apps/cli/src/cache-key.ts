import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256 } from './cache.js';

/**
 * Bump when cache entries change shape (lkip 0.1.0 added `evidence` to the messages, then the
 * entries kept their groups): entries of an earlier shape are not reused.
 */
export const FINDINGS_SHAPE = 'groups/1';

/** Flags that only change how findings are shown or where, never which findings there are. */
const DISPLAY_FLAGS = new Set(['format', 'color', 'quiet', 'maxWarnings', 'outputFile', 'cache', 'cacheLocation']);

/**
 * The key of a cached lint that a re-lint can check before loading anything heavy: the tool
 * version, the config file's bytes (the one `--config` names, else ./lkip.config.json when it
 * exists) and every flag that decides findings. Undefined when the config file cannot be read:
 * the full run then says why.
 */
export function fastCacheKey(flags: object, cwd: string, toolVersion: string): string | undefined {
  const deciding = Object.entries(flags)
    .filter(([name, value]) => !DISPLAY_FLAGS.has(name) && value !== undefined)
    // Code-unit order: localeCompare would first build an ICU collator, dearer than this whole path.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const configFlag = (flags as { config?: unknown }).config;
  const path = typeof configFlag === 'string' ? resolve(cwd, configFlag) : join(cwd, 'lkip.config.json');
  let config = 'none';
  try {
    // Read synchronously, as the re-lint reads the cache and the drafts (cache.ts): a few small
    // files, for which the promise API's round trips cost more than the reads.
    config = sha256(readFileSync(path));
  } catch (error) {
    if (typeof configFlag === 'string' || (error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  return sha256(JSON.stringify({ toolVersion, shape: FINDINGS_SHAPE, config, flags: deciding }));
}
