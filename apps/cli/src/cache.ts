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
  ) {}

  static async open(location: string, configHash: string, toolVersion: string): Promise<LintCache> {
    const cache = new LintCache(location, configHash, toolVersion);
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
    return Array.isArray(entry.messages) ? entry.messages : undefined;
  }

  set(path: string, hash: string, messages: LintMessage[]): void {
    this.entries[path] = { hash, configHash: this.configHash, toolVersion: this.toolVersion, messages };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const file: CacheFile = { version: 1, entries: this.entries };
    await mkdir(dirname(this.location), { recursive: true });
    await writeFileAtomic(this.location, Buffer.from(JSON.stringify(file)));
    this.dirty = false;
  }
}

/** ESLint's rule for `--cache-location`: an existing directory, or a path ending in a separator, gets the default name inside. */
export async function resolveCacheLocation(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const absolute = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(absolute, DEFAULT_CACHE_FILE);
  const info = await stat(absolute).catch(() => undefined);
  return info?.isDirectory() ? join(absolute, DEFAULT_CACHE_FILE) : absolute;
}
