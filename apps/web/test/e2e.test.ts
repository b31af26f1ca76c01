import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyFixes, lintText, verifyAndFix, type LintMessage, type Locale } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOverview } from '../src/overview/model.ts';
import { CHROMIUM, chromiumAvailable, launchViewerBrowser } from '../scripts/browser.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { cursorLine, downloadDraft, findingsCount, lintState, listedFindings, openDraft, waitForResult, type ListedFinding } from './support/viewer-page.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(repo, 'apps/web/dist');
const fixturePath = join(repo, 'fixtures/ntt-2024/draft.md');
// Loaded by path at run time so that type-checking the viewer does not pull in the whole CLI.
const cliEntry = join(repo, 'apps/cli/src/index.ts');
const viewEntry = join(repo, 'apps/cli/src/commands/view.ts');

const skipReason = !chromiumAvailable()
  ? `${CHROMIUM} not found (apt-get install -y chromium)`
  : !existsSync(join(dist, 'index.html'))
    ? 'apps/web/dist is missing (run pnpm build)'
    : !existsSync(fixturePath)
      ? 'fixtures/ntt-2024/draft.md is missing'
      : undefined;
if (skipReason !== undefined) console.warn(`apps/web e2e: skipping every browser test: ${skipReason}`);
else if (distIsStale()) console.warn('apps/web e2e: apps/web/dist is older than the viewer, rule or reader sources or the NTT fixture; run pnpm build, or expect differences from the engine');

/** The built viewer bundles the reader, the rules and the fixture: an old build disagrees with them. */
function distIsStale(): boolean {
  const built = statSync(join(dist, 'index.html')).mtimeMs;
  const newest = (dir: string): number => {
    if (!existsSync(dir)) return 0;
    let latest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }
    return latest;
  };
  const sources = [join(repo, 'apps/web/src'), join(repo, 'rules/src'), ...['schema', 'parse', 'engine'].map((p) => join(repo, 'packages', p, 'src'))];
  return Math.max(statSync(fixturePath).mtimeMs, ...sources.map(newest)) > built;
}

const NAME = 'draft.md';

// The same reading and rules as `lkip lint`, in this process: the page must agree with it.
function engineLint(text: string, locale: Locale = 'id'): LintMessage[] {
  return lintText(text, (t) => parseDraft(t, { path: NAME, format: 'markdown' }), { rules, locale });
}

const key = (f: { rule?: string; ruleId?: string | null; line: number; column: number; message: string }) => `${f.rule ?? f.ruleId ?? 'lkip'}:${f.line}:${f.column}:${f.message}`;
const keysOf = (messages: readonly LintMessage[]) => messages.map((m) => key({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message })).sort();
const listedKeys = (listed: readonly ListedFinding[]) => listed.map(key).sort();

type ViewCommand = (
  file: string,
  flags: { port?: number },
  ctx: { io: Parameters<Run>[1]; rules: typeof rules; parse: typeof parseDraft; toolVersion: string },
  options: { signal: AbortSignal },
) => Promise<number>;
type Run = (argv: string[], io: { stdout(s: string): void; stderr(s: string): void; cwd: string; env?: Record<string, string | undefined> }) => Promise<number>;

describe.skipIf(skipReason !== undefined)(`viewer in chromium${skipReason !== undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: { url: string; close(): Promise<void> };
  let browser: { context: BrowserContext; close(): Promise<void> };
  let fixture: string;
  let baseline: LintMessage[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fixture = readFileSync(fixturePath, 'utf8');
    baseline = engineLint(fixture);
    server = await serveStatic(dist);
    browser = await launchViewerBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshPage(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    // The tests compare with Indonesian engine messages unless they switch.
    await page.getByTestId('locale').selectOption('id');
    return page;
  }

  it('lists exactly the findings the engine gives for the NTT fixture', async () => {
    const page = await freshPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await openDraft(page, NAME, fixture);
    expect(await findingsCount(page)).toBe(baseline.length);
    expect(listedKeys(await listedFindings(page))).toEqual(keysOf(baseline));
    // The figure of a finding is underlined in the editor, with a marker in the gutter, and
    // hovering it shows the message.
    const first = baseline[0];
    if (first) {
      await page.locator('[data-testid="finding"] .finding-message').first().click();
      expect(await page.locator('.cm-lintRange').count()).toBeGreaterThan(0);
      expect(await page.locator('.cm-gutter-lint .cm-lint-marker').count()).toBeGreaterThan(0);
      const flagged = page.locator('.cm-lintRange-error, .cm-lintRange-warning').first();
      await flagged.hover();
      await page.locator('.cm-tooltip-lint').first().waitFor();
      expect(await page.locator('.cm-tooltip-lint').first().textContent()).not.toBe('');
    }
    expect(pageErrors).toEqual([]);
    // The draft never leaves the browser: every request goes to the page's own server.
    expect(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('opens a draft dropped on the page', async () => {
    const page = await freshPage();
    const { results } = await lintState(page);
    const text = fixture.slice(0, 50_000);
    await page.evaluate(
      ({ name, content }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type: 'text/markdown' }));
        const target = document.querySelector('.app');
        target?.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        target?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { name: 'dropped.md', content: text },
    );
    await waitForResult(page, results);
    expect(await page.getByTestId('file-name').textContent()).toBe('dropped.md');
    expect(await findingsCount(page)).toBe(engineLint(text).length);
    await page.close();
  });

  it('shows each indicator’s units, figures and status, and a chart of target against realisation', async () => {
    const overview = buildOverview(parseDraft(fixture, { path: NAME, format: 'markdown' }));
    const indicator = overview.find((i) => i.rows.filter((r) => r.target?.value !== undefined && r.realisation?.value !== undefined).length >= 3);
    expect(indicator).toBeDefined();
    if (!indicator) return;
    const page = await freshPage();
    await openDraft(page, NAME, fixture);
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('overview-indicator').selectOption(indicator.id);
    expect(await page.locator('.overview-table tbody tr').count()).toBe(indicator.rows.length);
    expect(await page.locator('.overview-table tbody tr[data-status]').count()).toBe(indicator.rows.filter((r) => r.status).length);
    const figures = await page.getByTestId('figure').allTextContents();
    expect(figures).toEqual(indicator.rows.flatMap((r) => [r.target, r.realisation, r.achievement, r.category].filter((f) => f !== undefined).map((f) => f.text)));
    const chart = page.getByTestId('overview-chart');
    expect(await chart.count()).toBe(1);
    expect(await chart.evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(0);
    await page.close();
  });

  it('"try the example" loads the bundled NTT fixture', async () => {
    const page = await freshPage();
    const { results } = await lintState(page);
    await page.getByTestId('example').click();
    await waitForResult(page, results);
    const downloaded = await downloadDraft(page);
    expect(downloaded.text).toBe(fixture);
    expect(await findingsCount(page)).toBe(baseline.length);
    await page.close();
  });

  it('applies one fix and its finding goes', async () => {
    // A fix whose draft, fixed, has exactly that finding less (the engine decides which).
    const candidate = baseline
      .filter((m) => m.fix)
      .map((m) => ({ m, fixed: applyFixes(fixture, [m]).output }))
      .find(({ m, fixed }) => {
        const after = engineLint(fixed);
        return after.length === baseline.length - 1 && !keysOf(after).includes(keysOf([m])[0] ?? '');
      });
    expect(candidate, 'the NTT fixture has a fixable finding').toBeDefined();
    if (!candidate) return;
    const { m, fixed } = candidate;

    const page = await freshPage();
    await openDraft(page, NAME, fixture);
    const item = page.locator(`[data-testid="finding"][data-rule="${m.ruleId}"][data-line="${m.line}"][data-column="${m.column}"]`).filter({ hasText: m.message });
    const { results } = await lintState(page);
    await item.getByTestId('fix').click();
    await waitForResult(page, results);
    expect(await findingsCount(page)).toBe(baseline.length - 1);
    expect(listedKeys(await listedFindings(page))).not.toContain(key({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message }));
    expect((await downloadDraft(page)).text).toBe(fixed);
    await page.close();
  });

  it('a figure typed by hand is checked again and its finding appears', async () => {
    // A realisation in a chapter table whose change the rules notice (the achievement beside
    // it no longer follows).
    const overview = buildOverview(parseDraft(fixture, { path: NAME, format: 'markdown' }));
    const before = new Set(keysOf(baseline));
    let chosen: { indicator: string; from: number; to: number; typed: string; edited: string; after: LintMessage[] } | undefined;
    search: for (const indicator of overview) {
      for (const row of indicator.rows) {
        const figure = row.realisation;
        if (!figure || figure.place !== 'chapter-table' || figure.value === undefined) continue;
        const typed = figure.text.includes(',') ? '12,34' : '12.34';
        const edited = fixture.slice(0, figure.from) + typed + fixture.slice(figure.to);
        const after = engineLint(edited);
        if (after.some((m) => !before.has(keysOf([m])[0] ?? ''))) {
          chosen = { indicator: indicator.id, from: figure.from, to: figure.to, typed, edited, after };
          break search;
        }
      }
    }
    expect(chosen, 'some realisation figure is cross-checked by the rules').toBeDefined();
    if (!chosen) return;

    const page = await freshPage();
    await openDraft(page, NAME, fixture);
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('overview-indicator').selectOption(chosen.indicator);
    // Clicking a figure in the overview selects it in the editor and puts the keyboard there.
    await page.locator(`[data-testid="figure"][data-from="${chosen.from}"]`).first().click();
    const { results } = await lintState(page);
    await page.keyboard.type(chosen.typed);
    await waitForResult(page, results);
    await page.getByTestId('tab-findings').click();
    expect(await findingsCount(page)).toBe(chosen.after.length);
    expect(listedKeys(await listedFindings(page))).toEqual(keysOf(chosen.after));
    expect((await downloadDraft(page)).text).toBe(chosen.edited);
    await page.close();
  });

  it('"fix all safe" gives what `lkip lint --fix` writes, and one undo restores the draft', async () => {
    const expected = verifyAndFix(fixture, (t) => parseDraft(t, { path: NAME, format: 'markdown' }), { rules, locale: 'id', fix: true });
    expect(expected.fixed, 'the NTT fixture has fixable findings').toBe(true);

    // The real command on a copy of the fixture.
    const dir = mkdtempSync(join(tmpdir(), 'lkip-web-e2e-'));
    try {
      copyFileSync(fixturePath, join(dir, NAME));
      const { run } = (await import(/* @vite-ignore */ cliEntry)) as { run: Run };
      await run(['lint', '--fix', '--format', 'json', NAME], { stdout: () => undefined, stderr: () => undefined, cwd: dir, env: {} });
      const cliOutput = readFileSync(join(dir, NAME), 'utf8');
      expect(cliOutput).toBe(expected.output);

      const page = await freshPage();
      await openDraft(page, NAME, fixture);
      const { results } = await lintState(page);
      await page.getByTestId('fix-all').click();
      // Every change is listed before anything is written.
      const preview = page.getByTestId('fix-all-preview');
      await preview.waitFor({ timeout: 90_000 });
      const changes = await preview.locator('[data-testid="fix-preview-list"] li').count();
      expect(changes).toBeGreaterThan(0);
      await page.getByTestId('fix-all-apply').click();
      await waitForResult(page, results);
      expect(await findingsCount(page)).toBe(expected.messages.length);
      const fixed = await downloadDraft(page);
      expect(fixed.name).toBe(NAME);
      expect(fixed.text).toBe(cliOutput);

      // One undo step takes the whole fix back.
      await page.locator('.cm-content').click();
      const undone = (await lintState(page)).results;
      await page.keyboard.press('Control+z');
      await waitForResult(page, undone);
      expect((await downloadDraft(page)).text).toBe(fixture);
      expect(await findingsCount(page)).toBe(baseline.length);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers suggestions in a menu and applies the one chosen', async () => {
    const m = baseline.find((x) => (x.suggestions?.length ?? 0) > 0);
    expect(m, 'the NTT fixture has a finding with suggestions').toBeDefined();
    const suggestion = m?.suggestions?.[0];
    if (!m || !suggestion) return;
    const page = await freshPage();
    await openDraft(page, NAME, fixture);
    const item = page.locator(`[data-testid="finding"][data-rule="${m.ruleId}"][data-line="${m.line}"][data-column="${m.column}"]`).filter({ hasText: m.message });
    await item.getByTestId('suggestions').locator('summary').click();
    const { results } = await lintState(page);
    await item.getByTestId('suggestion').first().click();
    await waitForResult(page, results);
    const expected = fixture.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + fixture.slice(suggestion.fix.range[1]);
    expect((await downloadDraft(page)).text).toBe(expected);
    expect(await findingsCount(page)).toBe(engineLint(expected).length);
    await page.close();
  });

  it('reaches related places in one click, and walks findings with F8 and the arrow keys', async () => {
    const page = await freshPage();
    await openDraft(page, NAME, fixture);
    const withRelated = baseline.find((m) => m.related && m.related.length > 0);
    expect(withRelated).toBeDefined();
    const related = withRelated?.related?.[0];
    if (!withRelated || !related) return;
    const item = page.locator(`[data-testid="finding"][data-rule="${withRelated.ruleId}"][data-line="${withRelated.line}"][data-column="${withRelated.column}"]`).first();
    await item.getByTestId('related').first().click();
    expect(await cursorLine(page)).toBe(related.endLine);

    // Clicking a finding selects its figure.
    await item.locator('.finding-message').click();
    expect(await cursorLine(page)).toBe(withRelated.endLine);

    const listed = await listedFindings(page);
    const activeLine = async () => Number(await page.locator('[data-testid="finding"][aria-current="true"]').getAttribute('data-line'));
    await page.locator('.cm-content').click();
    await page.keyboard.press('F8');
    const first = await activeLine();
    expect(await cursorLine(page)).toBeGreaterThanOrEqual(first);
    await page.keyboard.press('F8');
    const second = await activeLine();
    await page.keyboard.press('Shift+F8');
    expect(await activeLine()).toBe(first);
    // In the list, arrow keys move between findings.
    await page.locator('[data-testid="finding"][aria-current="true"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await activeLine()).toBe(second);
    expect(listed.length).toBe(baseline.length);
    await page.close();
  });

  it('filters by rule, severity and unit, and groups by rule', async () => {
    const page = await freshPage();
    await openDraft(page, NAME, fixture);
    const rule = baseline[0]?.ruleId ?? 'lkip';
    await page.getByTestId('filter-rule').selectOption(rule);
    expect(await findingsCount(page)).toBe(baseline.filter((m) => (m.ruleId ?? 'lkip') === rule).length);
    await page.getByTestId('filter-rule').selectOption('');
    await page.getByTestId('filter-severity-2').uncheck();
    expect(await findingsCount(page)).toBe(baseline.filter((m) => m.severity !== 2).length);
    await page.getByTestId('filter-severity-2').check();
    // Offices are listed once each, under the name the draft's list of offices gives them.
    const offered = await page.getByTestId('filter-unit').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(new Set(offered).size).toBe(offered.length);
    const unit = baseline.map((m) => m.subject?.unit).find((u) => u !== undefined && offered.includes(u));
    if (unit !== undefined) {
      await page.getByTestId('filter-unit').selectOption(unit);
      const shown = await page.locator('[data-testid="finding"] .unit').allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      expect(new Set(shown)).toEqual(new Set([unit]));
      await page.getByTestId('filter-unit').selectOption('');
    }
    expect(await findingsCount(page)).toBe(baseline.length);
    await page.getByTestId('group-mode').selectOption('rule');
    expect(await page.locator('.finding-group').count()).toBe(new Set(baseline.map((m) => m.ruleId ?? 'lkip')).size);
    await page.close();
  });

  it('lints in English when switched, with English words around', async () => {
    const page = await freshPage();
    await openDraft(page, NAME, fixture);
    const { results } = await lintState(page);
    await page.getByTestId('locale').selectOption('en');
    await waitForResult(page, results);
    expect(listedKeys(await listedFindings(page))).toEqual(keysOf(engineLint(fixture, 'en')));
    expect(await page.getByTestId('tab-findings').textContent()).toContain('Findings');
    await page.close();
  });

  it('never runs HTML from a draft or its file name', async () => {
    const page = await freshPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const payload = [
      '# LKIP <script>window.__pwned = 1</script>',
      '',
      '<img src=x onerror="window.__pwned=1">',
      '',
      '<ol style="position:fixed;inset:0"><li>realisasi <b onmouseover="window.__pwned=1">98,5</b></li></ol>',
      '',
      '<iframe src="javascript:window.parent.__pwned=1"></iframe> <svg onload="window.__pwned=1"></svg>',
      '',
      fixture.slice(0, 20_000),
    ].join('\n');
    await openDraft(page, '<img src=x onerror=alert(1)>.md', payload);
    await page.mouse.move(300, 200);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await page.locator('img, iframe, svg[onload], ol[style]').count()).toBe(0);
    // Shown as text, where the editor holds it.
    expect(await page.locator('.cm-content').textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.getByTestId('file-name').textContent()).toBe('<img src=x onerror=alert(1)>.md');

    // The policy forbids inline scripts even if some bug let one into the page.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    await page.close();
  });

  it('opened by `lkip view`: loads that file, saves fixes back to it, and talks to nobody else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkip-web-view-'));
    const file = join(dir, NAME);
    copyFileSync(fixturePath, file);
    const requests: string[] = [];
    const onRequest = (request: { url(): string }) => requests.push(request.url());
    browser.context.on('request', onRequest);
    try {
      // The command itself, stopped with an AbortSignal: SIGINT would also stop playwright.
      const { viewCommand } = (await import(/* @vite-ignore */ viewEntry)) as { viewCommand: ViewCommand };
      let stdout = '';
      const stop = new AbortController();
      const io = { stdout: (s: string) => (stdout += s), stderr: () => undefined, cwd: dir, env: {} };
      const exit = viewCommand(NAME, {}, { io, rules, parse: parseDraft, toolVersion: 'test' }, { signal: stop.signal });
      for (let i = 0; i < 500 && !stdout.includes('\n'); i++) await new Promise((r) => setTimeout(r, 10));
      const url = stdout.trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);

      const page = await browser.context.newPage();
      await page.goto(url);
      await page.getByTestId('locale').selectOption('id');
      await waitForResult(page, 0);
      expect(await findingsCount(page)).toBe(baseline.length);
      const { results } = await lintState(page);
      await page.getByTestId('fix-all').click();
      await page.getByTestId('fix-all-apply').click({ timeout: 90_000 });
      await waitForResult(page, results);
      await page.getByTestId('save').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="save"]')?.textContent?.includes('•'));
      const expected = verifyAndFix(fixture, (t) => parseDraft(t, { path: NAME, format: 'markdown' }), { rules, locale: 'id', fix: true }).output;
      expect(readFileSync(file, 'utf8')).toBe(expected);
      await page.close();
      stop.abort();
      expect(await exit).toBe(0);

      const origin = new URL(url).origin;
      expect(requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    } finally {
      browser.context.off('request', onRequest);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compares several drafts, and a finding in a cell opens that draft at its figure', async () => {
    const page = await freshPage();
    const maluku = readFileSync(new URL('../../../fixtures/provinces/maluku-utara-2024/draft.md', import.meta.url), 'utf8');
    await page.getByTestId('compare-files').setInputFiles([
      { name: NAME, mimeType: 'text/markdown', buffer: Buffer.from(fixture, 'utf8') },
      { name: 'maluku-utara.md', mimeType: 'text/markdown', buffer: Buffer.from(maluku, 'utf8') },
    ]);
    const matrix = page.getByTestId('compare-matrix');
    await matrix.waitFor({ timeout: 120_000 });
    expect(await matrix.locator('tbody tr').count()).toBe(16);
    expect(await matrix.locator('thead th').count()).toBe(4);
    // IKK 2 of the NTT draft has achievement findings: a click on its cell opens the draft there.
    const row = matrix.locator('tbody tr').nth(1);
    await row.locator('td button').first().click();
    await page.getByTestId('compare').waitFor({ state: 'detached' });
    expect(await page.getByTestId('file-name').textContent()).toBe(NAME);
    expect(await cursorLine(page)).toBeGreaterThan(1);
  });

  it('reads and writes back a CRLF draft with a byte-order mark unchanged', async () => {
    const page = await freshPage();
    const crlf = `\ufeff${fixture.slice(0, 30_000).replace(/\n/g, '\r\n')}`;
    const bytes = Buffer.from(crlf, 'utf8');
    await openDraft(page, NAME, bytes);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(readFileSync(await download.path())).toEqual(bytes);
    await page.close();
  });
});
