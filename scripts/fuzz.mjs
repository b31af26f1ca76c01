#!/usr/bin/env node
// The long fuzz campaign (`pnpm fuzz`): generated drafts (packages/parse/test/fuzz/drafts.mjs),
// hostile drafts and Word packages (packages/parse/test/fuzz/hostile.mjs; see `caseKind`)
// through the BUILT reader and every rule (packages/*/dist, rules/dist; run `pnpm build` first),
// on worker threads. A case fails when the reader or a rule throws, when the reader reports that
// it stopped ("reader-failure"), when its document does not validate against the schema, when
// the engine reports a rule that failed, or when it takes longer than --hang-ms (per 64 KB of input
// for the larger hostile cases; durations are reported per 64 KB too). Prints progress on stderr and one JSON line on stdout:
//   {"cases":…,"crashes":0,"hangs":0,"maxMs":…,"p99Ms":…,"seed":…}
// Failing drafts are written to a temp folder, named by (seed, case) so they can be regenerated.
//
// Usage: node scripts/fuzz.mjs [--cases 100000] [--workers 2] [--seed N] [--hang-ms 10000] [--slow-ms 2000]
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = {
  schema: join(root, 'packages/schema/dist/index.js'),
  parse: join(root, 'packages/parse/dist/index.js'),
  engine: join(root, 'packages/engine/dist/index.js'),
  rules: join(root, 'rules/dist/index.js'),
};

function options(argv) {
  const out = { cases: 100_000, workers: 2, seed: Date.now() % 1_000_000, hangMs: 10_000, slowMs: 2_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const value = Number(argv[i + 1]);
    if (!key || !(key in out) || !Number.isFinite(value)) {
      console.error(`usage: node scripts/fuzz.mjs [--cases N] [--workers N] [--seed N] [--hang-ms N] [--slow-ms N] (bad argument: ${argv[i]})`);
      process.exit(2);
    }
    out[key] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worker: runs the cases i ≡ index (mod workers)

/**
 * Case n of a campaign: most are generated drafts; every fifth is a draft with a hostile block
 * in it (deep nesting, emphasis runs, huge tables, CR-only line ends, control characters; see
 * packages/parse/test/fuzz/hostile.mjs), every twentieth a Word package, hostile or not.
 */
export function caseKind(n) {
  if (n % 20 === 19) return 'docx';
  return n % 5 === 4 ? 'hostile' : 'draft';
}

async function generators() {
  const [{ draftAt }, { hostileTextAt, hostileDocxAt }] = await Promise.all([
    import(pathToFileURL(join(root, 'packages/parse/test/fuzz/drafts.mjs')).href),
    import(pathToFileURL(join(root, 'packages/parse/test/fuzz/hostile.mjs')).href),
  ]);
  return (seed, n) => {
    const kind = caseKind(n);
    if (kind === 'docx') return { kind, bytes: hostileDocxAt(seed, n) };
    return { kind, text: kind === 'hostile' ? hostileTextAt(seed, n) : draftAt(seed, n) };
  };
}

async function work({ seed, from, step, cases }) {
  const [{ LkipDocument }, { parseDraft, splitLineEndings, convertDocx, DocxError }, { lintDocument }, { rules }, caseAt] = await Promise.all([
    import(pathToFileURL(built.schema).href),
    import(pathToFileURL(built.parse).href),
    import(pathToFileURL(built.engine).href),
    import(pathToFileURL(built.rules).href),
    generators(),
  ]);
  const BATCH = 200;
  let durations = [];
  for (let n = from; n < cases; n += step) {
    const generated = caseAt(seed, n);
    // Hostile cases run to 320 KB; time is allowed per 64 KB, so only growth faster than the input counts.
    const scale = Math.max(1, (generated.text?.length ?? generated.bytes.length) / 65_536);
    parentPort.postMessage({ type: 'start', n, scale });
    const started = performance.now();
    let failure;
    try {
      let text = generated.text;
      if (generated.kind === 'docx') {
        // A Word package is converted as the CLI converts it; refusing a damaged or hostile one is right.
        text = await convertDocx(generated.bytes).then(
          (converted) => converted.markdown,
          (error) => {
            if (error instanceof DocxError) return undefined;
            throw error;
          },
        );
      } else if (generated.kind === 'hostile') {
        // As the CLI reads a draft: LF text (old Mac CR-only drafts among them).
        text = splitLineEndings(text).lf;
      }
      if (text === undefined) throw Object.assign(new Error('refused'), { refused: true });
      const doc = parseDraft(text, { path: 'fuzz.md', format: 'markdown' });
      const stopped = doc.diagnostics.find((d) => d.code === 'reader-failure');
      if (stopped) failure = { where: 'reader', message: stopped.message };
      const valid = LkipDocument.safeParse(doc);
      if (!valid.success) failure = { where: 'schema', message: JSON.stringify(valid.error.issues.slice(0, 3)) };
      const messages = lintDocument(doc, { rules, text });
      if (!Array.isArray(messages)) failure = { where: 'engine', message: 'lintDocument returned no array' };
      // The engine turns a throwing rule into a message; for the campaign that is a crash.
      const crashed = messages.find((m) => m.ruleId !== null && /^Rule \S+ failed: /.test(m.message));
      if (crashed) failure = { where: `rule ${crashed.ruleId}`, message: crashed.message, stack: ruleStack(rules, crashed.ruleId, doc) };
    } catch (error) {
      if (!error?.refused) failure = { where: 'throw', message: String(error?.message ?? error), stack: String(error?.stack ?? '') };
    }
    const ms = (performance.now() - started) / scale;
    durations.push(ms);
    if (failure) parentPort.postMessage({ type: 'failure', n, ms, failure });
    if (durations.length >= BATCH) {
      parentPort.postMessage({ type: 'durations', durations });
      durations = [];
    }
  }
  parentPort.postMessage({ type: 'durations', durations });
  parentPort.postMessage({ type: 'done' });
}

/** The engine keeps only a failing rule's message; running it alone again gives the stack. */
function ruleStack(rules, ruleId, doc) {
  const rule = rules.find((r) => r.meta.id === ruleId);
  try {
    rule?.check(doc, { doc, options: {}, config: {}, report: () => undefined, tolerance: {}, locale: 'en' });
  } catch (error) {
    return String(error?.stack ?? error);
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Main thread: schedules, watches for hangs, reports

async function main() {
  const opts = options(process.argv.slice(2));
  const missing = Object.values(built).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`lkip fuzz: build the packages first (pnpm build); missing: ${missing.map((p) => p.slice(root.length + 1)).join(', ')}`);
    process.exit(2);
  }
  const caseAt = await generators();
  const outDir = mkdtempSync(join(tmpdir(), 'lkip-fuzz-'));
  const all = [];
  const failures = [];
  let hangs = 0;
  const started = performance.now();
  const progress = () => {
    const done = all.length;
    const rate = done / ((performance.now() - started) / 1000);
    const max = all.reduce((m, x) => (x > m ? x : m), 0);
    console.error(`[fuzz] ${done}/${opts.cases} cases, ${failures.length} crashes, ${hangs} hangs, max ${max.toFixed(0)} ms, ${rate.toFixed(0)} cases/s`);
  };
  const timer = setInterval(progress, 5000);

  const record = (n, kind, detail) => {
    const generated = caseAt(opts.seed, n);
    const base = join(outDir, `seed-${opts.seed}-case-${n}`);
    const file = generated.kind === 'docx' ? `${base}.docx` : `${base}.md`;
    writeFileSync(file, generated.kind === 'docx' ? generated.bytes : generated.text);
    writeFileSync(`${base}.txt`, `${kind}\n${JSON.stringify(detail, null, 2)}\n`);
    return file;
  };

  // A worker stuck on one case is ended and replaced, continuing after that case.
  const runWorker = (from, step) =>
    new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed: opts.seed, from, step, cases: opts.cases } });
      let current = -1;
      let scale = 1;
      let since = performance.now();
      const watchdog = setInterval(() => {
        if (current >= 0 && performance.now() - since > opts.hangMs * scale) {
          clearInterval(watchdog);
          hangs++;
          const file = record(current, 'hang', { ms: performance.now() - since });
          failures.push({ n: current, kind: 'hang', file });
          all.push(performance.now() - since);
          void worker.terminate();
          resolve(runWorker(current + step, step));
        }
      }, 250);
      worker.on('message', (m) => {
        if (m.type === 'start') {
          current = m.n;
          scale = m.scale ?? 1;
          since = performance.now();
        } else if (m.type === 'durations') {
          for (const d of m.durations) all.push(d);
        } else if (m.type === 'failure') {
          const file = record(m.n, 'crash', m.failure);
          failures.push({ n: m.n, kind: 'crash', where: m.failure.where, message: m.failure.message, file });
          console.error(`[fuzz] case ${m.n}: ${m.failure.where}: ${m.failure.message.slice(0, 200)} → ${file}`);
        } else if (m.type === 'done') {
          clearInterval(watchdog);
          resolve();
        }
      });
      worker.on('error', (error) => {
        clearInterval(watchdog);
        const file = record(current, 'worker error', { message: String(error?.message ?? error), stack: String(error?.stack ?? '') });
        failures.push({ n: current, kind: 'crash', where: 'worker', message: String(error?.message ?? error), file });
        resolve(current >= 0 ? runWorker(current + step, step) : undefined);
      });
    });

  await Promise.all(Array.from({ length: opts.workers }, (_, i) => runWorker(i, opts.workers)));
  clearInterval(timer);
  progress();
  const sorted = Float64Array.from(all).sort();
  const p = (q) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  const slow = all.filter((ms) => ms > opts.slowMs).length;
  const crashes = failures.filter((f) => f.kind === 'crash').length;
  const summary = {
    cases: all.length,
    crashes,
    hangs,
    slowCases: slow,
    maxMs: Number(p(1).toFixed(1)),
    p99Ms: Number(p(0.99).toFixed(1)),
    medianMs: Number(p(0.5).toFixed(2)),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    workers: opts.workers,
    seed: opts.seed,
  };
  if (failures.length > 0) console.error(`[fuzz] failing drafts in ${outDir}`);
  console.log(JSON.stringify(summary));
  process.exitCode = crashes + hangs + slow > 0 ? 1 : 0;
}

if (isMainThread) await main();
else await work(workerData);
