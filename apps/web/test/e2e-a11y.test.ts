import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, engineLint, readFixture, repo, skipReason } from './support/suite.ts';
import { openDraft } from './support/viewer-page.ts';

if (skipReason !== undefined) console.warn(`apps/web e2e (accessibility and layout): skipping every browser test: ${skipReason}`);

/** axe-core's serious and critical violations on the page as it is now, as "rule: selector" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe.skipIf(skipReason !== undefined)(`accessibility and layout${skipReason !== undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = browserSuite({ viewport: { width: 1440, height: 900 } });

  it('has no serious or critical axe violations on the empty page, a draft, the overview, a dialog and the comparison', async () => {
    const page = await suite.page({ locale: 'en' });
    expect(await seriousViolations(page), 'empty page').toEqual([]);
    await openDraft(page, 'draft.md', readFixture());
    expect(await seriousViolations(page), 'findings').toEqual([]);
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('overview').waitFor();
    expect(await seriousViolations(page), 'overview').toEqual([]);
    await page.getByTestId('tab-findings').click();
    await page.getByTestId('rule-doc-link').first().click();
    await page.getByTestId('rule-doc').waitFor();
    expect(await seriousViolations(page), 'rule dialog').toEqual([]);
    await page.keyboard.press('Escape');
    const synthetic = ['tanah-lada', 'teluk-mutiara'].map((p) => ({ name: 'draft.md', mimeType: 'text/markdown', buffer: readFileSync(join(repo, 'fixtures/synthetic', p, 'draft.md')) }));
    await page.getByTestId('compare-files').setInputFiles(synthetic);
    await page.getByTestId('compare-matrix').waitFor({ timeout: 120_000 });
    expect(await seriousViolations(page), 'comparison').toEqual([]);
    await page.close();
  });

  it('reaches every control by keyboard: the toolbar, the tabs, the findings (Enter goes to the figure)', async () => {
    const page = await suite.page({ locale: 'en' });
    await openDraft(page, 'draft.md', readFixture().slice(0, 60_000));
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? ''));
    }
    for (const control of ['open-file', 'compare-files', 'example', 'find', 'go-to-line', 'fix-all', 'download', 'locale', 'tab-findings', 'group-mode', 'filter-rule', 'finding']) {
      expect(reached, control).toContain(control);
    }
    // From a finding, Enter selects its figure and puts the keyboard in the editor.
    await page.locator('[data-testid="finding"][tabindex="0"]').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await page.close();
  });

  it('keeps the toolbar on one line at 1440 px and shows several findings at 1280×720', async () => {
    const page = await suite.page({ locale: 'en' });
    await openDraft(page, 'draft.md', readFixture());
    const toolbar = await page.locator('.toolbar').boundingBox();
    const button = await page.getByTestId('download').boundingBox();
    expect(toolbar && button && toolbar.height < button.height * 1.8).toBe(true);

    await page.setViewportSize({ width: 1280, height: 720 });
    const list = await page.locator('.findings-list').boundingBox();
    const visible = await page.locator('[data-testid="finding"]').evaluateAll(
      (items, box) => items.filter((el) => {
        const r = el.getBoundingClientRect();
        return box !== null && r.top >= box.y - 1 && r.bottom <= box.y + box.height + 1 && r.height > 0;
      }).length,
      list,
    );
    expect(visible).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('words the page in one language: English words in English, rule and office names instead of ids, each office once', async () => {
    const fixture = readFixture();
    const page = await suite.page({ locale: 'en' });
    await openDraft(page, 'draft.md', fixture);
    const panel = (await page.locator('.side').innerText()).replace(/“[^”]*”|"[^"]*"/g, '');
    for (const indonesian of ['tabel BAB', 'baris ', 'realisasi:', 'Galat', 'Peringatan', 'Lihat juga']) expect(panel, indonesian).not.toContain(indonesian);
    // A related place names its line once.
    const related = await page.getByTestId('related').allTextContents();
    expect(related.length).toBeGreaterThan(0);
    for (const text of related) expect(text).not.toMatch(/line (\d+)\b.*line \1\b/);
    // Rule groups are titled with the rule's name, not its id; the office filter has no tags and no repeats.
    await page.getByTestId('group-mode').selectOption('rule');
    const ruleIds = new Set(engineLint(fixture).map((m) => m.ruleId ?? ''));
    const titles = await page.locator('.finding-group h3 > span:first-child').allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) expect(ruleIds.has(title), title).toBe(false);
    const offices = await page.getByTestId('filter-unit').locator('option').allTextContents();
    expect(offices.some((o) => /^aggregate\b/.test(o))).toBe(false);
    const names = offices.map((o) => o.replace(/ \(\d+\)$/, ''));
    expect(new Set(names).size).toBe(names.length);
    await page.close();
  });

  it('keeps the group headers opaque over the findings scrolled under them, and nothing of the editor shows through the comparison', async () => {
    const page = await suite.page({ locale: 'en' });
    await openDraft(page, 'draft.md', readFixture());
    await page.locator('.findings-list').evaluate((el) => el.scrollBy(0, 400));
    const header = page.locator('.finding-group h3').filter({ visible: true }).first();
    const box = await header.boundingBox();
    expect(box).not.toBeNull();
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('h3') !== null, { x: (box?.x ?? 0) + (box?.width ?? 0) / 2, y: (box?.y ?? 0) + (box?.height ?? 0) / 2 });
    expect(hit).toBe(true);

    const synthetic = ['tanah-lada', 'teluk-mutiara'].map((p) => ({ name: 'draft.md', mimeType: 'text/markdown', buffer: readFileSync(join(repo, 'fixtures/synthetic', p, 'draft.md')) }));
    await page.getByTestId('compare-files').setInputFiles(synthetic);
    await page.getByTestId('compare-matrix').waitFor({ timeout: 120_000 });
    expect(await page.locator('.cm-editor').isVisible()).toBe(false);
    expect(await page.locator('.compare-flags code').count()).toBe(0);
    await page.getByTestId('close-compare').click();
    expect(await page.locator('.cm-editor').isVisible()).toBe(true);
    await page.close();
  });
});
