#!/usr/bin/env node
// Bundles the built CLI (tsc's output in dist/) into a few CommonJS files in dist/bundle/, so
// that `lkip` starts by reading a handful of files instead of resolving and compiling some 400
// modules (remark, micromark, zod, commander and our packages), and then writes V8 code caches
// for them (src/code-cache.cts): a run reuses the compiled code instead of compiling it again.
//
// Why CommonJS: Node 20 can give a script a code cache (`vm.Script` cachedData) but not an ES
// module. What each command loads lazily stays lazy (its own chunks). dist/bin.js and
// dist/compare/worker.js become small shims that start their bundled entry through the code
// cache, and dist/bin.cjs (the package's `bin`) is another; tsc's other files stay for the
// library entry (dist/index.js) and its types.
//
// Left out of the bundle: @lkip/pdf, whose pdf.js loads its worker module by a path relative to
// its own file (it is a dependency of this package, so it resolves from dist/ as before).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bundle = join(dist, 'bundle');

// Read before the shims replace them: tsc's entries are the bundle's inputs.
const entries = { bin: join(dist, 'bin.js'), 'compare/worker': join(dist, 'compare', 'worker.js') };
const SHIM_MARK = 'Written by scripts/bundle.mjs';
for (const path of Object.values(entries)) if (readFileSync(path, 'utf8').includes(SHIM_MARK)) throw new Error(`bundle: ${path} is a shim of an earlier bundle; run tsc first`);

// A bundle of an earlier build has other file names (hashes) and caches: start afresh.
rmSync(bundle, { recursive: true, force: true });
for (const map of ['bin.js.map', 'compare/worker.js.map']) rmSync(join(dist, map), { force: true });

// Chunk groups. Left to itself the bundler cuts a chunk wherever the set of commands that load a
// module changes: 62 files, and a re-lint answered from the cache read many small ones (each a
// file to open and a code cache to check). `core` gathers what every run needs (the error words,
// the package root, the bundler's runtime); `start` what a re-lint from the cache needs beyond the
// command line (lint-cached and the stylish formatter), so that it reads two chunks. Measured in
// `pnpm bench` (bench-startup): the cached re-lint 85 → 78 ms, --help unchanged.
const CORE = new Set(['errors.js', 'package-root.js'].map((f) => join(dist, f)));
const START_ROOTS = new Set(['commands/lint-cached.js', 'formatters/stylish.js'].map((f) => join(dist, f)));

/**
 * A plugin that rewrites one module of the bundle so that something it imports is required on
 * first use: each edit's text must be in the module (else the build fails, rather than ship the
 * module unchanged unnoticed when the dependency changes it).
 */
function requireOnFirstUse(name, file, edits) {
  return {
    name: `lkip:${name}`,
    transform(code, id) {
      if (!file.test(id)) return null;
      for (const [from] of edits) if (!code.includes(from)) throw new Error(`bundle: ${id} no longer has \`${from}\`; update ${name} in scripts/bundle.mjs`);
      return edits.reduce((out, [from, to]) => out.replace(from, to), code);
    },
  };
}

// Commander requires node:child_process when it loads, for subcommands that are programs of their
// own (`git-foo` style), which lkip has none of; loading it (and what it pulls in) cost `lkip
// --help` and a cached re-lint about a millisecond each.
const lazyChildProcess = requireOnFirstUse('lazy-child-process', /[\\/]commander[\\/]lib[\\/]command\.js$/, [
  ["const childProcess = require('node:child_process');", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"],
]);

// The reader's HTML tables (src/tables/html.ts in @lkip/parse) use rehype-parse, and with it parse5
// and property-information: some 200 KB whose modules' top level ran at every start, though few
// drafts hold an HTML table. Required on first use, when a draft has one, those modules initialise
// then (the chunk is still read at start): a cold lint 1.6-2.8 ms quicker. Done here, not in
// html.ts: the reader also runs as plain ES modules and in the viewer's browser bundle, where no
// synchronous require exists.
const lazyHtmlParser = requireOnFirstUse('lazy-html-parser', /[\\/]parse[\\/]dist[\\/]tables[\\/]html\.js$/, [
  ["import rehypeParse from 'rehype-parse';", ''],
  ['.use(rehypeParse, ', ".use(require('rehype-parse').default, "],
]);

const { output } = await build({
  input: entries,
  platform: 'node',
  external: ['@lkip/pdf', /^node:/],
  logLevel: 'warn',
  plugins: [lazyChildProcess, lazyHtmlParser],
  output: {
    dir: bundle,
    format: 'cjs',
    // Every file is named after a hash of its contents: a code cache is only ever read beside
    // the chunk it was made from (V8 itself checks no more than the source's length).
    entryFileNames: '[name]-[hash].cjs',
    chunkFileNames: 'chunk-[hash].cjs',
    minify: true,
    // Names kept: a dependency may read a function's or a class's name.
    keepNames: true,
    comments: { legal: false },
    codeSplitting: { groups: [{ name: 'core', test: (id) => CORE.has(id) || id.includes('rolldown/runtime'), priority: 2 }, { name: 'start', test: (id) => START_ROOTS.has(id), priority: 1 }] },
  },
});

// Chunks that load an ES module with import() (@lkip/pdf): the bundler lists the external among
// their dynamic imports. They get no code cache (src/code-cache.cts says why).
const bundled = new Set(output.map((o) => o.fileName));
const importsEsm = output.filter((o) => o.type === 'chunk' && o.dynamicImports.some((id) => !bundled.has(id))).map((o) => o.fileName);

const built = (name) => {
  const chunk = output.find((o) => o.type === 'chunk' && o.isEntry && o.name === name);
  if (!chunk) throw new Error(`bundle: no output for the entry ${name}`);
  return chunk.fileName;
};
// The shims that start a bundled entry through the code cache. The package's `bin` is CommonJS
// (bin.cjs): Node starts a script several milliseconds sooner than an ES module. bin.js, for
// whoever runs `node dist/bin.js`, and the compare worker are ES-module shims of the same.
const header = ['#!/usr/bin/env node', `// ${SHIM_MARK}: starts the bundled entry with the V8 code cache (src/code-cache.cts).`];
const lines = (...body) => [...header, ...body, ''].join('\n');
writeFileSync(join(dist, 'bin.cjs'), lines(`require('./code-cache.cjs').runBundled('bundle/${built('bin')}');`), { mode: 0o755 });
writeFileSync(join(dist, 'bin.js'), lines(`import './bin.cjs';`), { mode: 0o755 });
writeFileSync(join(dist, 'compare', 'worker.js'), lines(`import codeCache from '../code-cache.cjs';`, `codeCache.runBundled('bundle/${built('compare/worker')}');`));

// The warm-up: lints of a draft of the repository write the caches of what a lint compiles (the
// command line, the reader, the rules, the formatters people use: stylish in a terminal, JSON in
// CI), then a re-lint that the lint cache answers (lint-cached.ts), then a comparison of two drafts
// (which runs in-process: the compare command and the digest its workers share). Each run reads
// the caches of the runs before it and writes them back with what it compiled itself, so they add
// up. Other commands' chunks compile as usual.
const fixtures = join(root, '..', '..', 'fixtures');
const draft = join(fixtures, 'ntt-2024', 'draft.md');
const other = join(fixtures, 'consistent-2024', 'draft.md');
if (existsSync(draft) && existsSync(other)) {
  const scratch = mkdtempSync(join(tmpdir(), 'lkip-warm-up-'));
  const lintCache = ['--cache', '--cache-location', join(scratch, '.lkipcache')];
  const runs = [
    ['lint', '--format', 'stylish', draft],
    ['lint', '--format', 'json', ...lintCache, draft],
    ['lint', '--format', 'stylish', ...lintCache, draft],
    ['compare', draft, other],
  ];
  try {
    for (const args of runs) {
      const run = spawnSync(process.execPath, [join(dist, 'bin.cjs'), ...args], { env: { ...process.env, LKIP_WRITE_CODE_CACHE: '1', LKIP_CODE_CACHE_SKIP: importsEsm.join(','), NO_COLOR: '1' }, encoding: 'utf8' });
      // 1: the fixture has findings, as it should.
      if (run.status !== 0 && run.status !== 1) throw new Error(`bundle: the warm-up \`lkip ${args[0]}\` exited ${run.status}: ${run.stderr}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
} else {
  console.warn(`bundle: the fixture drafts (${draft}, ${other}) are not there; no code cache written (the CLI works, only starts slower)`);
}
