// CommonJS (a .cts file): the entry shims are CommonJS too (bin.cjs), as starting an ES module
// costs Node several milliseconds more, on every run, than starting a script.
import fs = require('node:fs');
import Module = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

const { mkdirSync, readFileSync, renameSync, writeFileSync } = fs;
const { createRequire } = Module;
const { dirname, join, relative, sep } = path;
const { Script } = vm;

/**
 * Starting the built CLI with V8's code cache.
 *
 * The built CLI is a CommonJS bundle in dist/bundle/ (scripts/bundle.mjs): its chunks are
 * compiled from V8 code caches that the build writes after a warm-up lint, so a run skips
 * parsing and compiling the functions that lint used (on the real draft about a tenth of a cold
 * lint, and a good part of `--help` and of a cached re-lint). Node 22 has
 * `module.enableCompileCache()` for this; Node 20, which lkip supports, has only `vm.Script`'s
 * `cachedData`, hence this hook, limited to the bundle's own files.
 *
 * Safety: V8 refuses a cache made by another V8 version or with other flags (the chunk is then
 * compiled as usual), but checks the source only by its length. The build names every file of
 * the bundle after a hash of its contents and writes the caches afresh, so a cache never meets
 * a chunk it was not made from. A chunk that loads an ES module with `import()` (@lkip/pdf) is
 * left to Node: code read from a cache loses the callback `import()` needs.
 */

/** The bundle's folder: dist/bundle beside this file (dist/code-cache.cjs). */
const BUNDLE_DIR = join(__dirname, 'bundle');
/** The caches, one per chunk: dist/bundle/v8-cache/<chunk file>.v8. */
const CACHE_DIR = join(BUNDLE_DIR, 'v8-cache');
/**
 * Set by the build's warm-up runs: write a cache for every chunk the run compiled, except the
 * chunks named in LKIP_CODE_CACHE_SKIP (comma-separated, relative to the bundle: those that load
 * an ES module, as the bundler reports them).
 */
const WRITE_CACHE_ENV = 'LKIP_WRITE_CODE_CACHE';
const SKIP_ENV = 'LKIP_CODE_CACHE_SKIP';
/** Prints, per chunk, whether its cache was used (after a Node upgrade V8 refuses the build's caches). */
const DEBUG_ENV = 'LKIP_DEBUG_CODE_CACHE';

type CompiledWrapper = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => unknown;
interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/** Runs a bundled entry (a path relative to dist/, e.g. `bundle/bin-….cjs`) with the code caches. */
function runBundled(entry: string): void {
  const entryPath = join(__dirname, entry);
  const writing = process.env[WRITE_CACHE_ENV] === '1' ? new Set((process.env[SKIP_ENV] ?? '').split(',')) : undefined;
  installCodeCache(writing, process.env[DEBUG_ENV] === '1');
  createRequire(entryPath)(entryPath);
}

/** `skipWhenWriting`: in a warm-up run, the chunks to leave without a cache; undefined in any other run. */
function installCodeCache(skipWhenWriting: ReadonlySet<string> | undefined, debug: boolean): void {
  const writing = skipWhenWriting !== undefined;
  const report = (filename: string, state: string) => {
    if (debug) process.stderr.write(`lkip code cache: ${relative(BUNDLE_DIR, filename)} ${state}\n`);
  };
  // `_compile` is how Node's CommonJS loader compiles a file; replacing it for a folder of one's
  // own is the long-standing way to give CommonJS a code cache (v8-compile-cache did the same).
  const proto = (Module as unknown as { prototype: CompilingModule }).prototype;
  const nodeCompile = proto._compile;
  const compiled: { cacheFile: string; script: vm.Script }[] = [];
  proto._compile = function (this: CompilingModule, content: string, filename: string): unknown {
    if (!filename.startsWith(BUNDLE_DIR + sep)) return nodeCompile.call(this, content, filename);
    const chunk = relative(BUNDLE_DIR, filename);
    if (skipWhenWriting?.has(chunk)) return nodeCompile.call(this, content, filename);
    const cacheFile = join(CACHE_DIR, `${chunk}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache for this chunk (a command the warm-ups did not run, or a chunk that loads an ES
      // module): compile as Node would.
      if (!writing) {
        report(filename, 'none');
        return nodeCompile.call(this, content, filename);
      }
    }
    // The wrapper Node puts around a CommonJS file; a shebang line becomes a comment (same lines).
    const body = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${body}\n});`, {
      filename,
      ...(cachedData ? { cachedData } : {}),
    });
    if (cachedData) report(filename, script.cachedDataRejected === true ? 'rejected' : 'used');
    if (writing) compiled.push({ cacheFile, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as CompiledWrapper;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  if (writing) {
    // At exit: the caches then hold the functions the run compiled lazily, not only the top level.
    process.on('exit', () => {
      for (const { cacheFile, script } of compiled) {
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
        renameSync(`${cacheFile}.tmp`, cacheFile);
      }
    });
  }
}

export = { runBundled };
