#!/usr/bin/env node
// Measures the whole lint of one draft against remark + remark-gfm parsing the same draft, in one
// process, after warm-up. Prints medians; the last line is JSON for tools.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = fileURLToPath(new URL('../../shared/seed/lkip-bnnp-ntt-2024.md', import.meta.url));
const fixture = `${root}fixtures/ntt-2024/draft.md`;
const file = process.argv[2] ?? (existsSync(seed) ? seed : fixture);
const runs = Number(process.env.LKIP_BENCH_RUNS ?? 15);
const text = readFileSync(file, 'utf8');

const dist = (pkg) => pathToFileURL(`${root}${pkg}/dist/index.js`).href;
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
