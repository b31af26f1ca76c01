import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { LintMessage } from '@lkip/engine';
import { writeFileAtomic } from './write-atomic.js';

export const DEFAULT_CACHE_FILE = '.lkipcache';

interface CacheEntry {
  /** sha256 of the file's bytes. */
  hash: string;
  /** sha256 of everything besides the text that decides the findings (config, flags, rule set). */
  configHash: string;
  toolVersion: string;
  /**
   * sha256 of the tool version, the raw config file and the flags that decide findings (see
   * cache-key.ts): what a re-lint can check without loading the rules or the config schema.
   * Absent for entries written with rules or a reader other than the shipped ones.
   */
  fastKey?: string;
  messages: LintMessage[];
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * ESLint's `.eslintcache` idea: findings keyed by absolute path, reused while the bytes, the
 * settings and the tool version are the same. A damaged or foreign cache file is ignored, never
 * fatal: the cache only ever saves time.
 */
export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private dirty = false;

  private constructor(
    readonly location: string,
    private readonly configHash: string,
    private readonly toolVersion: string,
    private readonly fastKey?: string,
  ) {}

  static async open(location: string, configHash: string, toolVersion: string, fastKey?: string): Promise<LintCache> {
    const cache = new LintCache(location, configHash, toolVersion, fastKey);
    try {
      const parsed = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object') cache.entries = parsed.entries;
    } catch {
      // Missing or unreadable: start empty.
    }
    return cache;
  }

  get(path: string, hash: string): LintMessage[] | undefined {
    const entry = this.entries[path];
    if (!entry || entry.hash !== hash || entry.configHash !== this.configHash || entry.toolVersion !== this.toolVersion) {
      return undefined;
    }
    return validMessages(entry.messages) ? entry.messages : undefined;
  }

  set(path: string, hash: string, messages: LintMessage[]): void {
    this.entries[path] = { hash, configHash: this.configHash, toolVersion: this.toolVersion, ...(this.fastKey !== undefined ? { fastKey: this.fastKey } : {}), messages };
    this.dirty = true;
  }

  /**
   * The findings of an unchanged draft by the fast key alone (a re-lint that loads neither the
   * rules nor the reader); undefined unless the entry was written under the same key.
   */
  static async readFast(location: string, toolVersion: string, fastKey: string): Promise<((path: string, hash: string) => LintMessage[] | undefined) | undefined> {
    let entries: Record<string, CacheEntry>;
    try {
      const parsed = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheFile>;
      if (parsed.version !== 1 || !parsed.entries || typeof parsed.entries !== 'object') return undefined;
      entries = parsed.entries;
    } catch {
      return undefined;
    }
    return (path, hash) => {
      const entry = entries[path];
      if (!entry || entry.hash !== hash || entry.fastKey !== fastKey || entry.toolVersion !== toolVersion) return undefined;
      return validMessages(entry.messages) ? entry.messages : undefined;
    };
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const file: CacheFile = { version: 1, entries: this.entries };
    await mkdir(dirname(this.location), { recursive: true });
    await writeFileAtomic(this.location, Buffer.from(JSON.stringify(file)));
    this.dirty = false;
  }
}

/**
 * Findings as the formatters and the baseline read them. A cache file that is valid JSON with
 * entries of another shape (`null` in the list, a severity that is a string) is a miss, never a
 * crash: the draft is linted again and the entry rewritten.
 */
function validMessages(messages: unknown): messages is LintMessage[] {
  return (
    Array.isArray(messages) &&
    messages.every((m: unknown) => {
      if (m === null || typeof m !== 'object') return false;
      const { severity, line, column, message, ruleId } = m as Record<string, unknown>;
      return (
        (severity === 0 || severity === 1 || severity === 2) &&
        Number.isInteger(line) &&
        Number.isInteger(column) &&
        typeof message === 'string' &&
        (ruleId === null || typeof ruleId === 'string')
      );
    })
  );
}

/** ESLint's rule for `--cache-location`: an existing directory, or a path ending in a separator, gets the default name inside. */
export async function resolveCacheLocation(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const absolute = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(absolute, DEFAULT_CACHE_FILE);
  const info = await stat(absolute).catch(() => undefined);
  return info?.isDirectory() ? join(absolute, DEFAULT_CACHE_FILE) : absolute;
}
