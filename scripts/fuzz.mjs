#!/usr/bin/env node
// The long fuzz campaign (`pnpm fuzz`): generated drafts (packages/parse/test/fuzz/drafts.mjs),
// hostile drafts and Word packages (packages/parse/test/fuzz/hostile.mjs; see `caseKind`)
// through the BUILT reader and every rule (packages/*/dist, rules/dist; run `pnpm build` first),
// on worker threads. A case fails when the reader or a rule throws, when the reader reports that
// it stopped ("reader-failure"), when its document does not validate against the schema, when
// the engine reports a rule that failed, or when it takes longer than --hang-ms (per 64 KB of
// input for the larger hostile cases; durations are reported per 64 KB too) twice. A case over
// --slow-ms twice is listed, not failed: some inputs are dear but linear (remark spends about
// 0.1 ms on each list item, so 64 KB of "- x" lines or of stacked "- - - x" markers takes
// seconds), and --slow-ms is there to show them, while --hang-ms bounds what may never happen.
// Time is wall-clock, and a loaded machine makes any case slow now and then: a case over either
// bound is only suspected, and run once more alone (one worker, nothing else of the campaign
// running) after the campaign; it counts as a hang or a slow case only when it is over the bound
// again, and the summary gives both times. Prints progress on stderr and one JSON line on stdout:
//   {"cases":…,"crashes":0,"hangs":0,"slowCases":0,"suspectedHangs":…,"suspectedSlow":…,"reruns":[…],"maxMs":…,"p99Ms":…,"seed":…}
// Failing drafts are written to a temp folder, named by (seed, case) so they can be regenerated.
// Cases are numbered: --from N runs cases N … --cases − 1 of the same seed, so a campaign can be
// resumed where it stopped, or split into shards (--cases 50000; --from 50000 --cases 100000).
//
// Usage: node scripts/fuzz.mjs [--cases 100000] [--from 0] [--workers 2] [--seed N] [--hang-ms 10000] [--slow-ms 2000]
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
  const out = { cases: 100_000, from: 0, workers: 2, seed: Date.now() % 1_000_000, hangMs: 10_000, slowMs: 2_000 };
  const usage = (why) => {
    console.error(`usage: node scripts/fuzz.mjs [--cases N] [--from N] [--workers N] [--seed N] [--hang-ms N] [--slow-ms N] (${why})`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const value = Number(argv[i + 1]);
    if (!key || !(key in out) || !Number.isFinite(value)) usage(`bad argument: ${argv[i]}`);
    out[key] = value;
  }
  if (!Number.isInteger(out.from) || out.from < 0 || out.from > out.cases) usage(`--from ${out.from} is not a case number from 0 to --cases (${out.cases})`);
  if (!Number.isInteger(out.workers) || out.workers < 1) usage(`--workers ${out.workers}`);
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

/**
 * LKIP_FUZZ_STALL="n:ms,…" holds case n for ms more in the campaign, never in its rerun: how the
 * test of the rerun (packages/parse/test/fuzz/campaign.test.ts) stands in for a loaded machine.
 */
function stalls() {
  const spec = process.env.LKIP_FUZZ_STALL ?? '';
  return new Map(spec.split(',').filter(Boolean).map((pair) => pair.split(':').map(Number)));
}

async function work({ seed, cases, rerun }) {
  const [{ LkipDocument }, { parseDraft, splitLineEndings, convertDocx, DocxError }, { lintDocument }, { rules }, caseAt] = await Promise.all([
    import(pathToFileURL(built.schema).href),
    import(pathToFileURL(built.parse).href),
    import(pathToFileURL(built.engine).href),
    import(pathToFileURL(built.rules).href),
    generators(),
  ]);
  /** Reads and lints one case as the CLI would; returns what failed, or undefined. */
  const lintCase = async (generated) => {
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
      if (text === undefined) return undefined;
      let failure;
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
      return failure;
    } catch (error) {
      return { where: 'throw', message: String(error?.message ?? error), stack: String(error?.stack ?? '') };
    }
  };

  const stall = rerun ? new Map() : stalls();
  // A rerun starts in a fresh thread: one ordinary case first, unmeasured, so that loading and
  // compiling the reader does not count against the case being confirmed.
  if (rerun) await lintCase(caseAt(seed, 0));
  for (const n of cases) {
    const generated = caseAt(seed, n);
    // Hostile cases run to 320 KB; time is allowed per 64 KB, so only growth faster than the input counts.
    const scale = Math.max(1, (generated.text?.length ?? generated.bytes.length) / 65_536);
    parentPort.postMessage({ type: 'start', n, scale });
    const started = performance.now();
    if (stall.has(n)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, stall.get(n));
    const failure = await lintCase(generated);
    const ms = (performance.now() - started) / scale;
    if (failure) parentPort.postMessage({ type: 'failure', n, ms, failure });
    // Per case, not in batches: a worker ended for a hang must not take its finished cases' times with it.
    parentPort.postMessage({ type: 'end', n, ms });
  }
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
  const total = opts.cases - opts.from;
  const all = [];
  const failures = [];
  /** Cases over --hang-ms or --slow-ms in the campaign, by case number: run again alone at the end. */
  const suspects = new Map();
  const started = performance.now();
  const progress = () => {
    const crashed = failures.filter((f) => f.kind === 'crash').length;
    const done = all.length;
    const rate = done / ((performance.now() - started) / 1000);
    const max = all.reduce((m, x) => (x > m ? x : m), 0);
    const hangs = [...suspects.values()].filter((s) => s.kind === 'hang').length;
    console.error(
      `[fuzz] ${done}/${total} cases (from ${opts.from}), ${crashed} crashes, ${hangs} suspected hangs, ${suspects.size - hangs} suspected slow, max ${max.toFixed(0)} ms, ${rate.toFixed(0)} cases/s`,
    );
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

  /**
   * Runs `cases` on one worker thread. A worker stuck on a case past --hang-ms is ended and
   * replaced, continuing after that case; `onTimed(n, ms, hung)` hears of every case over
   * --slow-ms (of every case in a rerun) and of every case a worker was stuck on.
   */
  const runWorker = (cases, { rerun, onTimed, onDuration }) =>
    new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed: opts.seed, cases, rerun } });
      let current = -1;
      let scale = 1;
      let since = performance.now();
      const rest = () => cases.slice(cases.indexOf(current) + 1);
      const watchdog = setInterval(() => {
        if (current >= 0 && performance.now() - since > opts.hangMs * scale) {
          clearInterval(watchdog);
          const ms = (performance.now() - since) / scale;
          onDuration(performance.now() - since);
          onTimed(current, ms, true);
          void worker.terminate();
          resolve(runWorker(rest(), { rerun, onTimed, onDuration }));
        }
      }, 250);
      worker.on('message', (m) => {
        if (m.type === 'start') {
          current = m.n;
          scale = m.scale ?? 1;
          since = performance.now();
        } else if (m.type === 'end') {
          onDuration(m.ms);
          // Over a bound: a suspect, run again alone after the campaign. A rerun hears of every case.
          // A case that finished past --hang-ms between two ticks of the watchdog is a suspected hang too.
          if (rerun || m.ms > opts.slowMs || m.ms > opts.hangMs) onTimed(m.n, m.ms, m.ms > opts.hangMs);
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
        resolve(current >= 0 ? runWorker(rest(), { rerun, onTimed, onDuration }) : undefined);
      });
    });

  const shards = Array.from({ length: opts.workers }, (_, i) => {
    const cases = [];
    for (let n = opts.from + i; n < opts.cases; n += opts.workers) cases.push(n);
    return cases;
  });
  const campaign = {
    rerun: false,
    onDuration: (ms) => all.push(ms),
    onTimed: (n, ms, hung) => suspects.set(n, { n, kind: hung ? 'hang' : 'slow', firstMs: ms }),
  };
  await Promise.all(shards.filter((cases) => cases.length > 0).map((cases) => runWorker(cases, campaign)));

  // Each suspect once more, alone: one worker, after the campaign, so the rest of it cannot slow it down.
  const reruns = [...suspects.values()].sort((a, b) => a.n - b.n);
  if (reruns.length > 0) {
    console.error(`[fuzz] running ${reruns.length} suspected hang or slow case(s) once more, alone`);
    const again = new Map();
    await runWorker(
      reruns.map((s) => s.n),
      { rerun: true, onDuration: () => undefined, onTimed: (n, ms, hung) => again.set(n, { ms, hung }) },
    );
    for (const suspect of reruns) {
      const second = again.get(suspect.n);
      suspect.againMs = second?.ms;
      // A hang is over --hang-ms both times (ended by the watchdog again, or finished past the bound
      // between two of its ticks); a slow case over --slow-ms both times (and not a hang).
      if (suspect.kind === 'hang' && (second?.hung || (second !== undefined && second.ms > opts.hangMs))) suspect.confirmed = 'hang';
      else if (second !== undefined && second.ms > opts.slowMs) suspect.confirmed = 'slow';
      if (suspect.confirmed) {
        suspect.file = record(suspect.n, suspect.confirmed, { firstMs: suspect.firstMs, againMs: suspect.againMs, hangMs: opts.hangMs, slowMs: opts.slowMs });
        failures.push({ n: suspect.n, kind: suspect.confirmed, file: suspect.file });
      }
    }
  }
  clearInterval(timer);
  progress();
  const sorted = Float64Array.from(all).sort();
  const p = (q) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  const crashes = failures.filter((f) => f.kind === 'crash').length;
  const hangs = reruns.filter((s) => s.confirmed === 'hang').length;
  const slowCases = reruns.filter((s) => s.confirmed === 'slow').length;
  const round = (ms) => (ms === undefined ? null : Number(ms.toFixed(1)));
  const LISTED = 100;
  const summary = {
    cases: all.length,
    from: opts.from,
    crashes,
    hangs,
    slowCases,
    suspectedHangs: reruns.filter((s) => s.kind === 'hang').length,
    suspectedSlow: reruns.filter((s) => s.kind === 'slow').length,
    // Both times of every suspect (per 64 KB, as maxMs), confirmed ones first; the first LISTED.
    reruns: [...reruns.filter((s) => s.confirmed), ...reruns.filter((s) => !s.confirmed)]
      .slice(0, LISTED)
      .map((s) => ({ n: s.n, suspected: s.kind, firstMs: round(s.firstMs), againMs: round(s.againMs), confirmed: s.confirmed ?? null })),
    maxMs: Number(p(1).toFixed(1)),
    p99Ms: Number(p(0.99).toFixed(1)),
    medianMs: Number(p(0.5).toFixed(2)),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    workers: opts.workers,
    seed: opts.seed,
  };
  if (failures.length > 0) console.error(`[fuzz] failing drafts in ${outDir}`);
  console.log(JSON.stringify(summary));
  process.exitCode = crashes + hangs > 0 ? 1 : 0;
}

if (isMainThread) await main();
else await work(workerData);
