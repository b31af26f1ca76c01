#!/usr/bin/env node
// Times `lkip compare` on a national-sized run: the synthetic provincial drafts copied to 38
// drafts in a temporary folder, compared with the built CLI (run `pnpm build` first). Prints one
// JSON line, {"files":38,"ms":…}, for the root bench script to collect.
//
//   node scripts/bench-compare.mjs [N=38]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'apps', 'cli', 'dist', 'bin.js');
if (!existsSync(bin)) {
  console.error(`${bin} does not exist; build the CLI first (pnpm build)`);
  process.exit(2);
}
const files = Number.parseInt(process.argv[2] ?? '38', 10);
const dir = mkdtempSync(join(tmpdir(), 'lkip-bench-compare-'));
try {
  const copy = spawnSync(process.execPath, [join(root, 'fixtures', 'duplicate-provinces.mjs'), dir, String(files)], { encoding: 'utf8' });
  if (copy.status !== 0) throw new Error(copy.stderr || 'duplicate-provinces.mjs failed');
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, 'compare', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number((process.hrtime.bigint() - start) / 1_000_000n);
  if (run.status !== 0) throw new Error(`lkip compare exited ${run.status}: ${run.stderr.trim()}`);
  const comparison = JSON.parse(run.stdout);
  if (comparison.documents.length !== files) throw new Error(`expected ${files} documents, got ${comparison.documents.length}`);
  console.log(JSON.stringify({ files, ms }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
