// Typing latency in a ~250 KB draft while the worker lints it: from the browser's keydown
// timestamp to the first frame painted after the editor updated (a rAF, then a task after it).
// Usage: node apps/web/scripts/measure-typing.mjs [--draft file] [--size 250000] [--keys 120]
// Needs the built viewer (pnpm build) and /usr/bin/chromium.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM, chromiumAvailable, launchViewerBrowser } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const { values } = parseArgs({
  options: {
    draft: { type: 'string', default: join(repo, 'fixtures/ntt-2024/draft.md') },
    size: { type: 'string', default: '250000' },
    keys: { type: 'string', default: '120' },
  },
});
const dist = join(repo, 'apps/web/dist');
if (!existsSync(join(dist, 'index.html'))) fail('apps/web/dist is missing; run pnpm build first');
if (!chromiumAvailable()) fail(`${CHROMIUM} not found; apt-get install -y chromium`);

// The fixture is ~110 KB; whole copies of it (then a cut at a line end) reach the size asked for.
const source = readFileSync(values.draft, 'utf8');
const size = Number(values.size);
let text = source;
while (text.length < size) text += `\n\n${source}`;
text = text.slice(0, text.lastIndexOf('\n', size) + 1 || size);
const keys = Number(values.keys);

const server = await serveStatic(dist);
const browser = await launchViewerBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByTestId('open-file').setInputFiles({ name: 'draft.md', mimeType: 'text/markdown', buffer: Buffer.from(text, 'utf8') });
  await page.waitForSelector('[data-testid="lint-status"][data-state="ready"]', { timeout: 180_000 });
  const firstLint = await page.getByTestId('lint-status').textContent();

  // Runs in the page (through globalThis: this file is linted as Node code).
  await page.evaluate(() => {
    const w = globalThis;
    w.__latencies = [];
    w.__longTasks = 0;
    // keydown's timeStamp is when the browser took the key, so time spent waiting for a busy
    // main thread counts too; a task queued from the next animation frame runs after its paint.
    w.document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        w.requestAnimationFrame(() => setTimeout(() => w.__latencies.push(performance.now() - start), 0));
      },
      true,
    );
    new w.PerformanceObserver((list) => (w.__longTasks += list.getEntries().length)).observe({ entryTypes: ['longtask'] });
  });

  // Type into a table in the middle of the draft, in bursts with pauses: each pause lets a
  // re-lint start (debounce 150 ms), so the next burst is typed while the worker is busy; every
  // third pause is long enough for a result to arrive, so its rendering is measured too.
  const line = page.locator('.cm-line').filter({ hasText: /\d+,\d+/ }).first();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('PageUp');
  await line.click().catch(() => page.locator('.cm-content').click());
  const resultsBefore = Number(await page.getByTestId('lint-status').getAttribute('data-results'));
  const started = Date.now();
  let typed = 0;
  for (let burstIndex = 1; typed < keys; burstIndex++) {
    const burst = Math.min(12, keys - typed);
    for (let i = 0; i < burst; i++) await page.keyboard.type(String((typed + i) % 10), { delay: 40 });
    typed += burst;
    if (burstIndex % 3 === 0) {
      const shown = Number(await page.getByTestId('lint-status').getAttribute('data-results'));
      await page
        .waitForFunction((n) => Number(globalThis.document.querySelector('[data-testid="lint-status"]')?.getAttribute('data-results')) > n, shown, { timeout: 60_000 })
        .catch(() => undefined);
    } else {
      await page.waitForTimeout(350);
    }
  }
  const typingMs = Date.now() - started;
  await page.waitForSelector('[data-testid="lint-status"][data-state="ready"]', { timeout: 180_000 });
  await page.waitForTimeout(200);
  const { latencies, longTasks } = await page.evaluate(() => ({ latencies: globalThis.__latencies, longTasks: globalThis.__longTasks }));
  const resultsAfter = Number(await page.getByTestId('lint-status').getAttribute('data-results'));
  const lastLint = await page.getByTestId('lint-status').textContent();

  const sorted = [...latencies].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const fmt = (n) => `${n.toFixed(1)} ms`;
  console.log(`draft: ${basename(values.draft)} → ${(text.length / 1024).toFixed(0)} KB, ${text.split('\n').length} lines`);
  console.log(`first lint: ${firstLint}; last lint: ${lastLint}`);
  console.log(`typed ${latencies.length} keys in ${(typingMs / 1000).toFixed(1)} s; lint results shown meanwhile: ${resultsAfter - resultsBefore}; long tasks (>50 ms) on the main thread: ${longTasks}`);
  console.log(`keydown → next paint: median ${fmt(pick(0.5))}, p95 ${fmt(pick(0.95))}, max ${fmt(sorted[sorted.length - 1] ?? NaN)}`);
} finally {
  await browser.close();
  await server.close();
}

function fail(message) {
  console.error(`measure-typing: ${message}`);
  process.exit(2);
}
