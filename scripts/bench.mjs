#!/usr/bin/env node
// 1. Measures the whole lint of one draft against remark + remark-gfm parsing the same draft, in one
//    process, after warm-up. Prints medians and a JSON line.
// 2. How the cost grows with the draft: drafts of 0.25, 1 and 5 MB made by repeating the real
//    draft, each linted (read, parse, model, every rule) in a child process of its own, which
//    reports its time and its peak memory (process.resourceUsage().maxRSS). Prints a table and a
//    JSON line; the issue's bound is 5 MB ≤ 25× the time and ≤ 10× the memory of 0.25 MB.
//    LKIP_BENCH_SIZES=0.25,1 limits the sizes; LKIP_BENCH_SCALE_RUNS (default 3) sets the runs per size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';


const root = fileURLToPath(new URL('..', import.meta.url));
const seed = fileURLToPath(new URL('../../shared/seed/lkip-bnnp-ntt-2024.md', import.meta.url));
const fixture = `${root}fixtures/ntt-2024/draft.md`;
const file = (process.argv[2] !== '--child' ? process.argv[2] : undefined) ?? (existsSync(seed) ? seed : fixture);
const runs = Number(process.env.LKIP_BENCH_RUNS ?? 15);
const text = readFileSync(file, 'utf8');

const dist = (pkg) => pathToFileURL(`${root}${pkg}/dist/index.js`).href;
if (process.argv[2] === '--child') await child(process.argv[3]);
for (const pkg of ['packages/parse', 'packages/engine', 'rules']) {
  if (!existsSync(`${root}${pkg}/dist/index.js`)) {
    console.error(`bench: ${pkg} is not built; run pnpm build first`);
    process.exit(2);
  }
}
const { parseDraft } = await import(dist('packages/parse'));
const { lintDocument, resolveConfig } = await import(dist('packages/engine'));
const { rules } = await import(dist('rules'));
// remark and remark-gfm as the reader's own package resolves them.
const requireFromParse = createRequire(`${root}packages/parse/package.json`);
const load = async (name) => (await import(pathToFileURL(requireFromParse.resolve(name)).href)).default;
const { unified } = await import(pathToFileURL(requireFromParse.resolve('unified')).href);
const remarkParse = await load('remark-parse');
const remarkGfm = await load('remark-gfm');
const remark = unified().use(remarkParse).use(remarkGfm).freeze();
const config = resolveConfig({});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const lintOnce = () => lintDocument(parseDraft(text, { path: file }), { rules, config, text });
const parseOnce = () => remark.runSync(remark.parse(text));

for (let i = 0; i < 3; i++) {
  lintOnce();
  parseOnce();
}
const lint = [];
const parse = [];
// Interleaved so that machine load drifts hit both series alike.
for (let i = 0; i < runs; i++) {
  lint.push(time(lintOnce));
  parse.push(time(parseOnce));
}
const lintMs = median(lint);
const parseOnlyMs = median(parse);
const findings = lintOnce().length;
console.log(`file: ${file} (${text.length} chars), ${runs} runs, ${findings} findings`);
console.log(`lint (parse + model + ${rules.length} rules): median ${lintMs.toFixed(1)} ms`);
console.log(`remark + remark-gfm parse only: median ${parseOnlyMs.toFixed(1)} ms`);
console.log(JSON.stringify({ file, lintMs: Number(lintMs.toFixed(1)), parseOnlyMs: Number(parseOnlyMs.toFixed(1)), ratio: Number((lintMs / parseOnlyMs).toFixed(3)) }));

// ---------------------------------------------------------------------------------------------
// How the cost grows with the draft

/** One lint in this (child) process: prints {ms, cpuMs, maxRssMb, findings}. */
async function child(path) {
  const { parseDraft } = await import(dist('packages/parse'));
  const { lintDocument, resolveConfig } = await import(dist('packages/engine'));
  const { rules } = await import(dist('rules'));
  const text = readFileSync(path, 'utf8');
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t = performance.now();
  const c = cpu();
  const doc = parseDraft(text, { path });
  const messages = lintDocument(doc, { rules, config: resolveConfig({}), text });
  const out = { ms: performance.now() - t, cpuMs: cpu() - c, maxRssMb: process.resourceUsage().maxRSS / 1024, findings: messages.length, refused: doc.diagnostics.some((d) => d.severity === 'error') };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

function scaled(source, bytes) {
  // Each copy is a chapter of its own; a draft repeated is still one draft for the reader.
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = i === 0 ? source : `\n\n# LAMPIRAN ${i}\n\n${source}`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  const text = parts.join('');
  return text.slice(0, text.length - Math.max(0, Buffer.byteLength(text) - bytes));
}

const sizes = (process.env.LKIP_BENCH_SIZES ?? '0.25,1,5').split(',').map(Number);
const scaleRuns = Number(process.env.LKIP_BENCH_SCALE_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'lkip-bench-'));
const rows = [];
try {
  for (const mb of sizes) {
    const path = join(work, `draft-${mb}mb.md`);
    writeFileSync(path, scaled(text, Math.round(mb * 1024 * 1024)));
    const runs = [];
    for (let i = 0; i < scaleRuns; i++) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', path], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) {
        console.error(`bench: the ${mb} MB draft failed: ${r.stderr.trim().split('\n').pop()}`);
        process.exit(1);
      }
      runs.push(JSON.parse(r.stdout.trim().split('\n').pop()));
    }
    const pick = (key) => median(runs.map((r) => r[key]));
    rows.push({ mb, ms: pick('ms'), cpuMs: pick('cpuMs'), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), findings: runs[0].findings, refused: runs[0].refused });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const base = rows[0];
console.log('');
console.log(`draft size  time (median of ${scaleRuns})  cpu       peak RSS   findings  time ×   memory ×`);
for (const r of rows) {
  console.log(
    `${`${r.mb} MB`.padEnd(10)}  ${`${(r.ms / 1000).toFixed(2)} s`.padStart(10)}            ${`${(r.cpuMs / 1000).toFixed(2)} s`.padStart(8)}  ${`${r.maxRssMb.toFixed(0)} MB`.padStart(8)}  ${String(r.findings).padStart(8)}  ${(r.cpuMs / base.cpuMs).toFixed(1).padStart(6)}  ${(r.maxRssMb / base.maxRssMb).toFixed(1).padStart(8)}${r.refused ? '  (refused)' : ''}`,
  );
}
console.log(JSON.stringify({ scaling: rows.map((r) => ({ ...r, ms: Number(r.ms.toFixed(0)), cpuMs: Number(r.cpuMs.toFixed(0)), maxRssMb: Number(r.maxRssMb.toFixed(0)) })) }));
