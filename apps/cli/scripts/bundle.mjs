#!/usr/bin/env node
// Bundles the built CLI (tsc's output in dist/) into a few files, so that `lkip` starts by
// reading a handful of modules instead of resolving and compiling some 400 (remark, micromark,
// zod, commander and our packages): on the real draft that was about a quarter of a cold lint.
// The entries overwrite tsc's dist/bin.js and dist/compare/worker.js; what each command loads
// lazily stays lazy (split into chunks beside them in dist/). tsc's other files stay for the
// library entry (dist/index.js) and its types.
//
// Left out of the bundle: @lkip/pdf, whose pdf.js loads its worker module by a path relative to
// its own file (it is a dependency of this package, so it resolves from dist/ as before).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// Chunks of an earlier build have other hashes: remove them, and tsc's source maps of the two
// entries, which no longer describe them.
for (const name of readdirSync(dist)) if (/^chunk-\w+\.js$/.test(name)) rmSync(join(dist, name));
for (const map of ['bin.js.map', 'compare/worker.js.map']) rmSync(join(dist, map), { force: true });

await build({
  entryPoints: { bin: join(dist, 'bin.js'), 'compare/worker': join(dist, 'compare/worker.js') },
  outdir: dist,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: ['@lkip/pdf'],
  // CommonJS dependencies (mammoth, ajv…) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as lkipCreateRequire } from 'node:module'; const require = lkipCreateRequire(import.meta.url);" },
  legalComments: 'none',
  minify: true,
  // Names kept: a dependency may read a function's or a class's name.
  keepNames: true,
  logLevel: 'warning',
});
