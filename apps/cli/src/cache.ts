import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FindingGroup, Grouping, LintMessage } from '@lkip/engine';
import { hasControls } from './visible.js';

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
  /**
   * The messages' groups as the report gives them when nothing is filtered out (`withGroups` of
   * the draft's result): a re-lint reports them without grouping again. Absent for drafts read
   * through a converter (Word, PDF), whose reported messages carry places the cache does not keep.
   */
  groups?: FindingGroup[];
  /** The group id of each message, in order (with `groups`). */
  groupIds?: string[];
}

/** What the cache answers for an unchanged draft: its findings, and their grouping when it was kept. */
export interface CachedFindings {
  messages: LintMessage[];
  grouping?: Grouping;
  /**
   * No string of the messages and groups holds a character `visible` (visible.ts) would change:
   * a human format need not look through them one by one, only through the draft's text.
   */
  plain: boolean;
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

  set(path: string, hash: string, messages: LintMessage[], grouping?: Grouping): void {
    this.entries[path] = {
      hash,
      configHash: this.configHash,
      toolVersion: this.toolVersion,
      ...(this.fastKey !== undefined ? { fastKey: this.fastKey } : {}),
      messages,
      ...(grouping !== undefined ? { groups: grouping.groups, groupIds: grouping.ids } : {}),
    };
    this.dirty = true;
  }

  /**
   * Brings an entry that `get` answered up to this run: its fast key becomes this run's (an entry
   * written by `--fix`, whose flags are part of the key, then answers the next plain re-lint
   * before the rules load), and its groups these, when given and not the same.
   */
  refresh(path: string, grouping?: Grouping): void {
    const entry = this.entries[path];
    if (!entry) return;
    if (this.fastKey !== undefined && entry.fastKey !== this.fastKey) {
      entry.fastKey = this.fastKey;
      this.dirty = true;
    }
    if (grouping && JSON.stringify([entry.groups, entry.groupIds]) !== JSON.stringify([grouping.groups, grouping.ids])) {
      entry.groups = grouping.groups;
      entry.groupIds = grouping.ids;
      this.dirty = true;
    }
  }

  /**
   * The findings of an unchanged draft by the fast key alone (a re-lint that loads neither the
   * rules nor the reader); undefined unless the entry was written under the same key.
   */
  static readFast(location: string, toolVersion: string, fastKey: string): ((path: string, hash: string) => CachedFindings | undefined) | undefined {
    let entries: Record<string, CacheEntry>;
    let plain: boolean;
    try {
      // Synchronously: on the path that costs about as much as starting Node, each round trip of
      // the promise API is worth saving (lint-cached.ts reads the drafts the same way).
      const text = readFileSync(location, 'utf8');
      const parsed = JSON.parse(text) as Partial<CacheFile>;
      if (parsed.version !== 1 || !parsed.entries || typeof parsed.entries !== 'object') return undefined;
      entries = parsed.entries;
      // A parsed string holds a control character only where the file has it as it is (DEL, C1,
      // bidi controls) or escaped (JSON.stringify writes the C0 controls as \uXXXX or \b \f \r):
      // a file with neither has none in any entry. Any backslash-u (or a backslash before b, f, r)
      // counts, so an escaped backslash or a hand-edited file only costs the string-by-string look.
      plain = !hasControls(text) && !/\\[ubfr]/.test(text);
    } catch {
      return undefined;
    }
    return (path, hash) => {
      const entry = entries[path];
      if (!entry || entry.hash !== hash || entry.fastKey !== fastKey || entry.toolVersion !== toolVersion) return undefined;
      if (!validMessages(entry.messages)) return undefined;
      const { messages, groups, groupIds } = entry;
      // A grouping of another shape is not used: the messages are grouped again.
      const grouping = validGrouping(groups, groupIds, messages.length);
      return grouping ? { messages, grouping, plain } : { messages, plain };
    };
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const file: CacheFile = { version: 1, entries: this.entries };
    // Loaded when there is something to write: a re-lint that the cache answers writes nothing.
    const { writeFileAtomic } = await import('./write-atomic.js');
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

/**
 * A kept grouping the formatters can read: an id for every message and groups whose indices
 * point into the messages (stylish reads the headline of each); anything else is grouped again.
 */
function validGrouping(groups: unknown, ids: unknown, count: number): Grouping | undefined {
  if (!Array.isArray(ids) || ids.length !== count || !ids.every((id) => typeof id === 'string')) return undefined;
  const index = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < count;
  const valid =
    Array.isArray(groups) &&
    groups.every((g: unknown) => {
      if (g === null || typeof g !== 'object') return false;
      const { id, headline, messages, symptoms, conflicting, agreeing } = g as Record<string, unknown>;
      return (
        typeof id === 'string' &&
        index(headline) &&
        [messages, symptoms, conflicting].every((list) => Array.isArray(list) && list.every(index)) &&
        Array.isArray(agreeing)
      );
    });
  return valid ? { groups: groups as FindingGroup[], ids: ids as string[] } : undefined;
}

/** ESLint's rule for `--cache-location`: an existing directory, or a path ending in a separator, gets the default name inside. */
export async function resolveCacheLocation(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const absolute = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(absolute, DEFAULT_CACHE_FILE);
  const info = await stat(absolute).catch(() => undefined);
  return info?.isDirectory() ? join(absolute, DEFAULT_CACHE_FILE) : absolute;
}
