import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

// The built CLI starts from V8 code caches written by its build (src/code-cache.cts,
// scripts/bundle.mjs). A cache only saves time: damaged, missing or foreign caches must give the
// same run, and a cache must never be read beside a chunk it was not made from.
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(PACKAGE, 'dist');
const BUNDLE = join(DIST, 'bundle');
const DRAFT = fileURLToPath(new URL('../../../fixtures/ntt-2024/draft.md', import.meta.url));
const built = existsSync(join(BUNDLE, 'v8-cache'));
if (!built) console.warn(`Skipping the code-cache tests: ${BUNDLE}/v8-cache does not exist; build the CLI first (pnpm build).`);

describe.skipIf(!built)('the code cache of the built CLI', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  /** A copy of the built package (what a lint of a Markdown draft needs), so its caches can be damaged. */
  function copyPackage(): string {
    const root = join(dir, 'cli');
    cpSync(BUNDLE, join(root, 'dist', 'bundle'), { recursive: true });
    for (const file of ['bin.js', 'bin.cjs', 'code-cache.cjs']) copyFileSync(join(DIST, file), join(root, 'dist', file));
    copyFileSync(join(PACKAGE, 'package.json'), join(root, 'package.json'));
    return root;
  }
  const lint = (root: string, env: Record<string, string> = {}, bin = 'bin.cjs') =>
    spawnSync(process.execPath, [join(root, 'dist', bin), 'lint', '--format', 'json', DRAFT], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
  const cacheFiles = (root: string) => readdirSync(join(root, 'dist', 'bundle', 'v8-cache'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.v8'));

  it('holds one cache per chunk a lint compiles, each named after a bundle file that is named after its contents', () => {
    const chunks = readdirSync(BUNDLE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs'));
    for (const chunk of chunks) expect(chunk).toMatch(/-[\w-]{8}\.cjs$/);
    const caches = cacheFiles(PACKAGE);
    expect(caches.some((c) => /^bin-[\w-]{8}\.cjs\.v8$/.test(c))).toBe(true);
    for (const cache of caches) expect(chunks).toContain(cache.slice(0, -'.v8'.length));
    // The entry's shim names the entry of this build, not of an earlier one.
    const entry = /'bundle\/(bin-[\w-]{8}\.cjs)'/.exec(readFileSync(join(DIST, 'bin.cjs'), 'utf8'))?.[1];
    expect(chunks).toContain(entry);
  });

  it('uses the caches of a lint, and leaves the chunk that imports an ES module to Node', () => {
    const root = copyPackage();
    const run = lint(root, { LKIP_DEBUG_CODE_CACHE: '1' });
    expect(run.status).toBe(1);
    const states = run.stderr.trim().split('\n');
    const used = states.filter((line) => line.endsWith(' used'));
    // Most of the caches: the stylish formatter's chunk, say, is not loaded by a JSON lint.
    expect(used.length).toBeGreaterThan(cacheFiles(root).length / 2);
    expect(states.filter((line) => line.endsWith(' rejected'))).toEqual([]);
    // Without a cache: only the chunk that loads @lkip/pdf (an ES module) with import().
    const uncached = states.filter((line) => line.endsWith(' none')).map((line) => /^lkip code cache: (\S+) none$/.exec(line)?.[1] ?? line);
    expect(uncached.length).toBe(1);
    expect(readFileSync(join(BUNDLE, uncached[0] as string), 'utf8')).toMatch(/import\(\s*[`'"]@lkip\/pdf[`'"]\s*\)/);
  });

  it('gives the same findings with damaged, foreign or missing caches', () => {
    const root = copyPackage();
    const reference = lint(root);
    expect(reference.status).toBe(1);
    expect(reference.stderr).toBe('');
    const findings = JSON.parse(reference.stdout) as { messages: unknown[] }[];
    expect(findings[0]?.messages.length).toBeGreaterThan(0);
    // The ES-module shim (`node dist/bin.js`) runs the same bundle.
    expect(lint(root, {}, 'bin.js').stdout).toBe(reference.stdout);

    const cacheDir = join(root, 'dist', 'bundle', 'v8-cache');
    const caches = cacheFiles(root);
    // Damaged: every cache cut in half, then every cache's bytes turned around.
    for (const cache of caches) {
      const bytes = readFileSync(join(cacheDir, cache));
      writeFileSync(join(cacheDir, cache), bytes.subarray(0, bytes.length >> 1));
    }
    const halved = lint(root, { LKIP_DEBUG_CODE_CACHE: '1' });
    expect(halved.stdout).toBe(reference.stdout);
    expect(halved.stderr).toMatch(/ rejected$/m);
    expect(halved.stderr).not.toMatch(/ used$/m);
    for (const cache of caches) writeFileSync(join(cacheDir, cache), Buffer.from(readFileSync(join(cacheDir, cache))).reverse());
    expect(lint(root).stdout).toBe(reference.stdout);

    // Foreign: each chunk given another chunk's cache.
    const original = caches.map((c) => readFileSync(join(BUNDLE, 'v8-cache', c)));
    caches.forEach((cache, i) => writeFileSync(join(cacheDir, cache), original[(i + 1) % original.length] as Buffer));
    const swapped = lint(root);
    expect(swapped.stdout).toBe(reference.stdout);
    expect(swapped.status).toBe(1);

    // Missing.
    rmSync(cacheDir, { recursive: true });
    const bare = lint(root, { LKIP_DEBUG_CODE_CACHE: '1' });
    expect(bare.stdout).toBe(reference.stdout);
    expect(bare.stderr).not.toMatch(/ used$/m);
  });
});
