import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { tempDir, testIo, writeInto } from './helpers.js';

/**
 * A `--cache` re-lint of an unchanged draft is answered without the rules and the reader, from
 * the findings and the groups the full lint kept (src/commands/lint-cached.ts): its report must
 * be the full lint's, byte for byte, in every format the cache answers (SARIF never is).
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FORMATS = ['stylish', 'json', 'compact', 'codeframe'] as const;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

/** The shipped rules and reader: only then does a re-lint take the cached path. */
async function lint(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out, err } = testIo({ cwd: dir });
  const code = await run(['lint', ...argv], io);
  return { code, stdout: out(), stderr: err() };
}

interface CacheEntry {
  messages: unknown[];
  groups?: { id: string; headline: number }[];
  groupIds?: string[];
}
const cachePath = () => join(dir, '.lkipcache');
const readCache = () => JSON.parse(readFileSync(cachePath(), 'utf8')) as { version: 1; entries: Record<string, CacheEntry> };
const onlyEntry = (cache: ReturnType<typeof readCache>): CacheEntry => {
  const entries = Object.values(cache.entries);
  expect(entries).toHaveLength(1);
  return entries[0] as CacheEntry;
};

/** The consistent fixture with one realisation mistyped: one group of four findings. */
const oneGroup = () => readFileSync(join(ROOT, 'fixtures/consistent-2024/draft.md'), 'utf8').replace('90.60 Indeks\t102.95 %', '86.60 Indeks\t102.95 %');

describe('a --cache re-lint of an unchanged draft', () => {
  it('prints what the full lint prints in every format, from the groups the full lint kept', async () => {
    writeInto(dir, 'draft.md', readFileSync(join(ROOT, 'fixtures/ntt-2024/draft.md'), 'utf8'));
    const full = new Map<string, Awaited<ReturnType<typeof lint>>>();
    for (const format of FORMATS) full.set(format, await lint(['-f', format, 'draft.md']));
    const quiet = await lint(['--quiet', '-f', 'json', 'draft.md']);
    expect(full.get('stylish')?.code).toBe(1);

    // The lint that writes the cache prints the same, and keeps a group id for every message.
    expect(await lint(['--cache', 'draft.md'])).toEqual(full.get('stylish'));
    const entry = onlyEntry(readCache());
    const groups = (JSON.parse(full.get('json')?.stdout ?? '') as { groups: { id: string }[] }[])[0]?.groups ?? [];
    expect(groups.length).toBeGreaterThan(1);
    expect(entry.groups?.map((g) => g.id)).toEqual(groups.map((g) => g.id));
    expect(entry.groupIds).toHaveLength(entry.messages.length);

    for (const format of FORMATS) expect(await lint(['--cache', '-f', format, 'draft.md']), format).toEqual(full.get(format));
    // --quiet leaves the warnings out: the groups are made again from the errors alone.
    expect(await lint(['--cache', '--quiet', '-f', 'json', 'draft.md'])).toEqual(quiet);
  });

  it('reports the kept groups as they are, and groups again when they are damaged', async () => {
    writeInto(dir, 'draft.md', oneGroup());
    const full = await lint(['-f', 'json', '--locale', 'en', 'draft.md']);
    await lint(['--cache', '--locale', 'en', 'draft.md']);

    // Ids that only the cache holds reach the report: the re-lint did not group again.
    const cache = readCache();
    const entry = onlyEntry(cache);
    const id = entry.groups?.[0]?.id ?? '';
    expect(id).toMatch(/^[0-9a-f]+$/);
    entry.groups = entry.groups?.map((g) => ({ ...g, id: 'kept' }));
    entry.groupIds = entry.groupIds?.map(() => 'kept');
    writeFileSync(cachePath(), JSON.stringify(cache));
    const kept = await lint(['--cache', '-f', 'json', '--locale', 'en', 'draft.md']);
    expect(kept.stdout).toBe(full.stdout.replaceAll(`"${id}"`, '"kept"'));

    // A headline past the messages is no grouping a formatter can read: the findings are grouped again.
    entry.groups = entry.groups?.map((g) => ({ ...g, headline: 99 }));
    writeFileSync(cachePath(), JSON.stringify(cache));
    expect(await lint(['--cache', '-f', 'json', '--locale', 'en', 'draft.md'])).toEqual(full);

    // A place that is no place passes those checks but not stylish: the draft is linted again, never a crash.
    const stylish = await lint(['--locale', 'en', 'draft.md']);
    entry.groups = entry.groups?.map((g) => ({ ...g, headline: 0, agreeing: [null] }));
    writeFileSync(cachePath(), JSON.stringify(cache));
    expect(await lint(['--cache', '--locale', 'en', 'draft.md'])).toEqual(stylish);
    expect(onlyEntry(readCache()).groups?.[0]?.id).toBe(id);
  });

  it('answers from an entry that --fix wrote once a full re-lint has seen it', async () => {
    writeInto(dir, 'draft.md', oneGroup());
    const full = await lint(['-f', 'json', '--locale', 'en', 'draft.md']);
    await lint(['--cache', '--fix', '--locale', 'en', 'draft.md']);
    // --fix is part of the fast key: this run is the full one, and gives the entry this run's key.
    expect(await lint(['--cache', '-f', 'json', '--locale', 'en', 'draft.md'])).toEqual(full);
    const cache = readCache();
    const entry = onlyEntry(cache);
    entry.groupIds = entry.groupIds?.map(() => 'kept');
    writeFileSync(cachePath(), JSON.stringify(cache));
    const cached = await lint(['-f', 'json', '--cache', '--locale', 'en', 'draft.md']);
    expect(cached.stdout).toContain('"group":"kept"');
  });

  it('writes -o and words too many warnings as the full lint does', async () => {
    writeInto(dir, 'draft.md', oneGroup());
    const warnings = ['cross-ref-mismatch', 'tally-mismatch', 'capaian-mismatch'].flatMap((id) => ['--rule', `${id}:warn`]);
    const argv = [...warnings, '--max-warnings', '0', '-f', 'compact', 'draft.md'];
    const full = await lint([...argv, '-o', 'full.txt']);
    expect(full).toMatchObject({ code: 1, stdout: '' });
    expect(full.stderr).toContain('(maksimum: 0)');
    // Written under these flags (--rule decides findings, -o does not): the next run is the cached one.
    expect(await lint(['--cache', ...argv])).toEqual({ ...full, stdout: readFileSync(join(dir, 'full.txt'), 'utf8') });
    expect(await lint(['--cache', ...argv, '-o', 'cached.txt'])).toEqual(full);
    expect(readFileSync(join(dir, 'cached.txt'), 'utf8')).toBe(readFileSync(join(dir, 'full.txt'), 'utf8'));
  });

  it('shows the control characters of the draft and of its findings as a full lint does', async () => {
    // An escape in the draft's text only (the code frame shows it), then in the findings too (an indicator's name).
    const inText = oneGroup().replace('86.60 Indeks\t102.95 %', '86.60 Indeks\t102.95 % \u001b[2J');
    const inFindings = inText.replaceAll('Nilai Kinerja Anggaran', 'Nilai Kinerja\u009b Anggaran');
    for (const [text, shown] of [
      [inText, '\\x1b[2J'],
      [inFindings, 'Kinerja\\x9b Anggaran'],
    ] as const) {
      writeInto(dir, 'draft.md', text);
      const full = new Map<string, Awaited<ReturnType<typeof lint>>>();
      for (const format of FORMATS) full.set(format, await lint(['-f', format, '--locale', 'en', 'draft.md']));
      expect(full.get('codeframe')?.stdout).toContain(shown);
      await lint(['--cache', '--locale', 'en', 'draft.md']);
      for (const format of FORMATS) {
        const cached = await lint(['--cache', '-f', format, '--locale', 'en', 'draft.md']);
        expect(cached, format).toEqual(full.get(format));
        if (format !== 'json') expect(cached.stdout, format).not.toMatch(/[\u001b\u009b]/);
      }
    }
  });
});
