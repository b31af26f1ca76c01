#!/usr/bin/env node
// Start-up of the built CLI, side by side in one run (issue 12: "start-up"): each line is a
// fresh process, timed by the wall clock, median of LKIP_BENCH_RUNS runs (default 11), the kinds
// interleaved so that a load drift hits them alike.
//
//   node -e 0                       the floor: starting Node
//   lkip --help                     the command line alone
//   lkip lint --cache (unchanged)   a re-lint that the cache answers
//   lkip lint (cold)                the whole lint of the draft, no cache
//   remark + remark-gfm one-shot    a script that imports remark and remark-gfm and parses the draft once
//
// The last line is JSON for tools: the medians in ms and the ratios the issue asks about
// (help and cache against `node -e 0`, cold lint against the one-shot parse).
//
//   node scripts/bench-startup.mjs [draft]     (default: ../shared/seed/lkip-bnnp-ntt-2024.md, else the NTT fixture)

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The package's `bin` (what `lkip` runs once installed), as its package.json names it.
const cliPackage = JSON.parse(readFileSync(join(root, 'apps', 'cli', 'package.json'), 'utf8'));
const bin = join(root, 'apps', 'cli', cliPackage.bin.lkip);
if (!existsSync(bin)) {
  console.error(`bench-startup: ${bin} does not exist; build the CLI first (pnpm build)`);
  process.exit(2);
}
const seed = fileURLToPath(new URL('../../shared/seed/lkip-bnnp-ntt-2024.md', import.meta.url));
const source = process.argv[2] ?? (existsSync(seed) ? seed : join(root, 'fixtures', 'ntt-2024', 'draft.md'));
const runs = Number(process.env.LKIP_BENCH_RUNS ?? 11);

const dir = mkdtempSync(join(tmpdir(), 'lkip-startup-'));
const draft = join(dir, 'draft.md');
copyFileSync(source, draft);
const cacheFile = join(dir, '.lkipcache');

// The one-shot parse: remark and remark-gfm as the reader's own package resolves them.
const requireFromParse = createRequire(join(root, 'packages', 'parse', 'package.json'));
const href = (name) => pathToFileURL(requireFromParse.resolve(name)).href;
const oneShot = join(dir, 'remark-once.mjs');
writeFileSync(
  oneShot,
  [
    `import { readFileSync } from 'node:fs';`,
    `import { unified } from '${href('unified')}';`,
    `import remarkParse from '${href('remark-parse')}';`,
    `import remarkGfm from '${href('remark-gfm')}';`,
    `const processor = unified().use(remarkParse).use(remarkGfm);`,
    `processor.runSync(processor.parse(readFileSync(process.argv[2], 'utf8')));`,
  ].join('\n'),
);

const kinds = {
  node: [process.execPath, ['-e', '0']],
  help: [process.execPath, [bin, '--help']],
  cache: [process.execPath, [bin, 'lint', '--cache', '--cache-location', cacheFile, draft]],
  cold: [process.execPath, [bin, 'lint', draft]],
  remark: [process.execPath, [oneShot, draft]],
};

function time([command, args]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

// Warm the file system cache and write the lint cache the re-lint answers from.
for (const kind of Object.values(kinds)) time(kind);
const samples = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [name, kind] of Object.entries(kinds)) samples[name].push(time(kind));
rmSync(dir, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, Number(median(xs).toFixed(1))]));
const labels = {
  node: 'node -e 0',
  help: 'lkip --help',
  cache: 'lkip lint --cache (unchanged)',
  cold: 'lkip lint (cold)',
  remark: 'remark + remark-gfm one-shot parse',
};
console.log(`draft: ${source}, ${runs} runs each, medians`);
for (const [k, label] of Object.entries(labels)) console.log(`${label.padEnd(36)} ${String(m[k]).padStart(8)} ms`);
const ratios = {
  helpVsNode: Number((m.help / m.node).toFixed(2)),
  cacheVsNode: Number((m.cache / m.node).toFixed(2)),
  coldVsRemark: Number((m.cold / m.remark).toFixed(2)),
};
console.log(`help / node ${ratios.helpVsNode}, cache / node ${ratios.cacheVsNode}, cold lint / one-shot parse ${ratios.coldVsRemark}`);
console.log(JSON.stringify({ bench: 'startup', file: source, runs, ...m, ...ratios }));
