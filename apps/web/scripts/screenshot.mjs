// Takes docs/viewer.png: the viewer on the NTT fixture, a finding selected and its hover shown.
// Usage: node apps/web/scripts/screenshot.mjs [--locale en|id] [--out docs/viewer.png]
// Needs the built viewer (pnpm build) and /usr/bin/chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM, chromiumAvailable, launchViewerBrowser } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const { values } = parseArgs({ options: { locale: { type: 'string', default: 'en' }, out: { type: 'string', default: join(repo, 'docs/viewer.png') } } });
const dist = join(repo, 'apps/web/dist');
if (!existsSync(join(dist, 'index.html'))) fail('apps/web/dist is missing; run pnpm build first');
if (!chromiumAvailable()) fail(`${CHROMIUM} not found; apt-get install -y chromium`);

const server = await serveStatic(dist);
const browser = await launchViewerBrowser({ viewport: { width: 1440, height: 900 } });
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByTestId('locale').selectOption(values.locale);
  await page.getByTestId('example').click();
  await page.waitForSelector('[data-testid="lint-status"][data-state="ready"]', { timeout: 120_000 });

  // A finding that has both a quick fix and a related place shows the most at once.
  const findings = page.getByTestId('finding');
  const withFix = findings.filter({ has: page.getByTestId('fix') });
  const target = (await withFix.count()) > 0 ? withFix.first() : findings.first();
  await target.scrollIntoViewIfNeeded();
  await target.locator('.finding-message').click();
  const flagged = page.locator('.cm-lintRange-error, .cm-lintRange-warning').first();
  if ((await flagged.count()) > 0) {
    await flagged.hover();
    await page.locator('.cm-tooltip-lint').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}

function fail(message) {
  console.error(`screenshot: ${message}`);
  process.exit(2);
}
