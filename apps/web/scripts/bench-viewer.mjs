// The viewer's speed on the real draft, in Debian's chromium (issue 13, point 7):
//  - open: `lkip view <draft>` page load → findings shown (the cold case: page, worker, first read);
//  - pick: a draft picked on a page already loaded → findings shown;
//  - keystroke: a figure typed in a table → the findings for the new text shown;
//  - frames: the gaps between painted frames while typing goes on and the worker re-lints;
//  - compare: the seven synthetic provinces (all named draft.md) → matrix, and the longest
//    main-thread task meanwhile.
// Usage: node apps/web/scripts/bench-viewer.mjs [--draft file] [--keys 8] [--runs 5] [--dist dir]
// Needs the built viewer and CLI (pnpm build) and /usr/bin/chromium (without chromium it says so
// in one line and exits 0: `pnpm bench` runs it last). Prints medians, then a summary line with
// the three figures issue 13 sets limits for; the last line is JSON for tools. --dist times
// another build of the viewer (an older one, to compare). LKIP_BENCH_VIEWER_RUNS sets --runs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM, chromiumAvailable, launchViewerBrowser } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const seed = join(repo, '../shared/seed/lkip-bnnp-ntt-2024.md');
const { values } = parseArgs({
  options: {
    draft: { type: 'string', default: existsSync(seed) ? seed : join(repo, 'fixtures/ntt-2024/draft.md') },
    keys: { type: 'string', default: '8' },
    runs: { type: 'string', default: process.env.LKIP_BENCH_VIEWER_RUNS ?? '5' },
    dist: { type: 'string', default: join(repo, 'apps/web/dist') },
  },
});
const dist = values.dist;
const cli = join(repo, 'apps/cli/dist/bin.js');
if (!chromiumAvailable()) {
  console.log(`bench-viewer: skipped, ${CHROMIUM} not found (apt-get install -y chromium, or set LKIP_CHROMIUM)`);
  process.exit(0);
}
if (!existsSync(join(dist, 'index.html'))) fail('apps/web/dist is missing; run pnpm build first');
if (!existsSync(cli)) fail('apps/cli/dist is missing; run pnpm build first');

const draftText = readFileSync(values.draft, 'utf8');
const runs = Number(values.runs);
const keys = Number(values.keys);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const ms = (n) => `${Math.round(n)} ms`;

// Records, in the page, when each lint result was shown (the status line's data-results goes up).
const WATCH = () => {
  const w = globalThis;
  w.__shown = [];
  const status = () => w.document.querySelector('[data-testid="lint-status"]');
  const seen = () => Number(status()?.getAttribute('data-results') ?? 0);
  let last = seen();
  new w.MutationObserver(() => {
    const n = seen();
    if (n > last && status()?.getAttribute('data-state') === 'ready') {
      last = n;
      w.__shown.push(performance.now());
    }
  }).observe(w.document.body, { attributes: true, subtree: true, attributeFilter: ['data-results', 'data-state'] });
};

const browser = await launchViewerBrowser();
const server = await serveStatic(dist);
const result = { dist, draft: basename(values.draft), lines: draftText.split('\n').length, load: loadavg()[0] };
try {
  // 1. `lkip view`: from navigation to the first findings on screen.
  const opens = [];
  for (let i = 0; i < runs; i++) opens.push(await viewOpen());
  result.openMs = median(opens.map((o) => o.shown));
  result.openFirstLintMs = median(opens.map((o) => o.lint));
  result.openBeforeLintMs = median(opens.map((o) => o.shown - o.lint));
  console.log(`lkip view, page load → findings: median ${ms(result.openMs)} (${opens.map((o) => ms(o.shown)).join(', ')})`);
  // Where the wait goes: the worker's first (cold) lint, and everything else (loading and compiling
  // the page and the worker, fetching the draft, showing the findings).
  console.log(`  of which the worker's first lint: median ${ms(result.openFirstLintMs)}; the rest: median ${ms(result.openBeforeLintMs)}`);

  // 2. A draft picked on a loaded page; 3. keystrokes; 4. frames while re-linting.
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.evaluate(WATCH);
  await page.waitForTimeout(1000);
  const picks = [];
  for (let i = 0; i < runs; i++) {
    const before = await shownCount(page);
    const started = await page.evaluate(() => performance.now());
    await page.getByTestId('open-file').setInputFiles({ name: `draft-${i}.md`, mimeType: 'text/markdown', buffer: Buffer.from(draftText, 'utf8') });
    const shown = await nextShown(page, before);
    picks.push(shown - started);
    // Leaves no unsaved edit between runs (a picked draft replaces the last one without a question).
  }
  result.pickMs = median(picks);
  result.workerStatus = await page.getByTestId('lint-status').textContent();
  console.log(`file picked → findings: median ${ms(result.pickMs)} (${picks.map(ms).join(', ')}); status line: ${result.workerStatus}`);

  await placeCursorInTable(page);
  const strokes = [];
  for (let i = 0; i < keys; i++) {
    const before = await shownCount(page);
    await page.evaluate(() => {
      globalThis.__keydown = undefined;
      globalThis.document.addEventListener('keydown', (e) => (globalThis.__keydown = e.timeStamp), { once: true, capture: true });
    });
    // Alternately a digit and its removal: the draft stays the real one.
    await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    const shown = await nextShown(page, before);
    const down = await page.evaluate(() => globalThis.__keydown);
    strokes.push(shown - down);
    await page.waitForTimeout(300);
  }
  result.keystrokeMs = median(strokes);
  result.keystrokeP90Ms = quantile(strokes, 0.9);
  console.log(`keystroke → updated findings: median ${ms(result.keystrokeMs)}, p90 ${ms(result.keystrokeP90Ms)} (${strokes.map(ms).join(', ')})`);

  // Typing for a few seconds at 8 keys a second while the worker re-lints.
  await page.evaluate(() => {
    const w = globalThis;
    w.__frames = [];
    w.__framing = true;
    let last = performance.now();
    const tick = (t) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__framing) w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
  });
  const typedBefore = await shownCount(page);
  for (let i = 0; i < 40; i++) await page.keyboard.press(i % 2 === 0 ? '3' : 'Backspace', { delay: 0 }).then(() => page.waitForTimeout(125));
  await nextShown(page, typedBefore).catch(() => undefined);
  const frames = await page.evaluate(() => {
    globalThis.__framing = false;
    return globalThis.__frames.slice(1);
  });
  result.frameP90Ms = quantile(frames, 0.9);
  result.frameMaxMs = Math.max(...frames);
  console.log(`frames while typing and re-linting: p90 ${ms(result.frameP90Ms)}, max ${ms(result.frameMaxMs)} (${frames.length} frames)`);
  await page.close();

  // 5. The compare view on the synthetic provinces, all named draft.md.
  const compare = await compareRun();
  Object.assign(result, compare);
  console.log(`compare of ${compare.compareFiles} drafts named draft.md → matrix: ${ms(compare.compareMs)}; longest main-thread task ${ms(compare.compareLongestTaskMs)}; distinct columns ${compare.compareDistinctColumns}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`machine load average at start: ${result.load.toFixed(2)}`);
console.log(`viewer (issue 13): open → findings ${ms(result.openMs)} (limit 1500), keystroke → findings ${ms(result.keystrokeMs)} (limit 500), p90 frame while typing ${ms(result.frameP90Ms)} (limit 50)`);
console.log(JSON.stringify(result));

async function viewOpen() {
  const child = spawn(process.execPath, [cli, 'view', values.draft, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LKIP_VIEWER_DIST: dist } });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.trim().split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`lkip view exited with ${code}`)));
    });
    const page = await browser.context.newPage();
    await page.addInitScript(`globalThis.document.addEventListener('DOMContentLoaded', () => (${WATCH})());`);
    await page.goto(url);
    await page.waitForFunction(() => (globalThis.__shown?.length ?? 0) > 0, undefined, { timeout: 120_000 });
    const shown = await page.evaluate(() => globalThis.__shown[0]);
    // The worker's own time for that lint (builds before data-lint-ms say it only in the status text).
    const status = page.getByTestId('lint-status');
    const lint = Number((await status.getAttribute('data-lint-ms')) ?? /\((\d+)\s*ms\)/.exec((await status.textContent()) ?? '')?.[1] ?? NaN);
    await page.close();
    return { shown, lint };
  } finally {
    child.kill('SIGTERM');
  }
}

async function shownCount(page) {
  return page.evaluate(() => globalThis.__shown.length);
}

async function nextShown(page, before) {
  await page.waitForFunction((n) => globalThis.__shown.length > n, before, { timeout: 120_000 });
  return page.evaluate((n) => globalThis.__shown[n], before);
}

/** The cursor at the end of a figure with a decimal comma in a table row (tab or pipe) halfway down the draft. */
async function placeCursorInTable(page) {
  const lines = draftText.split('\n');
  const rows = lines.flatMap((l, i) => ((l.includes('\t') || l.trimStart().startsWith('|')) && /\d+,\d+/.test(l) ? [i] : []));
  const index = rows[Math.floor(rows.length / 2)] ?? 0;
  const line = lines[index] ?? '';
  const at = /\d+,\d+/.exec(line);
  const column = (at?.index ?? 0) + (at?.[0].length ?? 0);
  await page.locator('.cm-content').click();
  // The line may be outside the rendered viewport, so the cursor is put there through the view.
  await page.evaluate(
    ({ line: n, column: c }) => {
      // CodeMirror keeps its view on the content element (what EditorView.findFromDOM reads).
      const content = globalThis.document.querySelector('.cm-content');
      const view = content?.cmTile?.view ?? content?.cmView?.rootView?.view;
      if (!view) throw new Error('no editor view to place the cursor in');
      const pos = view.state.doc.line(n).from + c;
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
    { line: index + 1, column },
  );
}

async function compareRun() {
  const dir = join(repo, 'fixtures/synthetic');
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'draft.md')))
    .map((e) => ({ name: 'draft.md', mimeType: 'text/markdown', buffer: readFileSync(join(dir, e.name, 'draft.md')) }));
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => {
    const w = globalThis;
    w.__longest = 0;
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ entryTypes: ['longtask'] });
  });
  const started = Date.now();
  await page.getByTestId('compare-files').setInputFiles(files);
  await page.getByTestId('compare-matrix').waitFor({ timeout: 180_000 });
  const compareMs = Date.now() - started;
  const columns = await page.$$eval('[data-testid="compare-matrix"] tbody tr', (rows) => {
    const perColumn = [];
    for (const row of rows) [...row.querySelectorAll('td.compare-cell')].forEach((cell, i) => (perColumn[i] = `${perColumn[i] ?? ''}|${cell.textContent}`));
    return new Set(perColumn).size;
  });
  const longest = await page.evaluate(() => globalThis.__longest);
  await page.close();
  return { compareFiles: files.length, compareMs, compareLongestTaskMs: longest, compareDistinctColumns: columns };
}

function fail(message) {
  console.error(`bench-viewer: ${message}`);
  process.exit(2);
}
