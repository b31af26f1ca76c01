import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { convertPdf } from '@lkip/pdf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, engineLint, repo, skipReason as browserSkip, startView } from './support/suite.ts';
import { lintState, listedFindings, waitForResult } from './support/viewer-page.ts';

const pdfPath = join(repo, 'fixtures/pdf/ntt-2024.libreoffice.pdf');
const skipReason = browserSkip ?? (existsSync(pdfPath) ? undefined : 'fixtures/pdf/ntt-2024.libreoffice.pdf is missing');
if (skipReason !== undefined) console.warn(`apps/web e2e (PDF): skipping every browser test: ${skipReason}`);

const place = (f: { rule: string; line: number; column: number }) => `${f.rule}:${f.line}:${f.column}`;

/** The box of the active finding lies inside the visible part of the pages' view. */
async function activeBoxInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const view = document.querySelector('[data-testid="pdf-view"]')?.getBoundingClientRect();
    const box = document.querySelector('[data-testid="pdf-box"].active')?.getBoundingClientRect();
    return !!view && !!box && box.top >= view.top && box.bottom <= view.bottom;
  });
}

describe.skipIf(skipReason !== undefined)(`the viewer opens a PDF${skipReason !== undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = browserSuite();

  it('draws the pages with pdf.js, boxes each finding of `lkip lint report.pdf` on its page, reaches related places in one click, and fixes nothing', async () => {
    const bytes = readFileSync(pdfPath);
    const converted = await convertPdf(new Uint8Array(bytes));
    const expected = engineLint(converted.markdown, 'ntt-2024.libreoffice.pdf');
    expect(expected.length).toBeGreaterThan(10);

    const page = await suite.page({ locale: 'en' });
    const { results } = await lintState(page);
    await page.getByTestId('open-file').setInputFiles({ name: 'ntt-2024.libreoffice.pdf', mimeType: 'application/pdf', buffer: bytes });
    await waitForResult(page, results, 180_000);

    // The same findings as the CLI, each placed on its page.
    const listed = await listedFindings(page);
    expect(listed.map(place).sort()).toEqual(expected.map((m) => place({ rule: m.ruleId ?? 'lkip', line: m.line, column: m.column })).sort());
    const where = await page.getByTestId('where').allTextContents();
    expect(where.every((w) => /^p\. \d+$/.test(w))).toBe(true);
    // Messages speak of pages, not of lines of a text the reader of the PDF never sees.
    expect(listed.some((f) => /\bline \d+/.test(f.message))).toBe(false);

    // Pages laid out from their sizes, drawn by pdf.js as they come into view.
    expect(await page.locator('.pdf-page').count()).toBe(converted.pages);
    await page.waitForSelector('[data-testid="pdf-canvas"][data-drawn="true"]', { timeout: 60_000 });
    const inked = await page.locator('[data-testid="pdf-canvas"][data-drawn="true"]').first().evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(100);
    expect(await page.getByTestId('pdf-box').count()).toBe(listed.length);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // A finding clicked in the panel: its box is marked and scrolled into view, on its page.
    const target = page.locator('[data-testid="finding"]').nth(Math.min(5, listed.length - 1));
    await target.locator('.finding-message').click();
    const key = await target.getAttribute('data-key');
    expect(await page.locator(`[data-testid="pdf-box"].active`).getAttribute('data-key')).toBe(key);
    expect(await activeBoxInView(page)).toBe(true);
    const pageWord = (await target.getByTestId('where').textContent()) ?? '';
    const boxPage = await page.locator('[data-testid="pdf-box"].active').evaluate((b) => b.closest('.pdf-page')?.getAttribute('data-page'));
    expect(pageWord).toBe(`p. ${boxPage}`);

    // A related place is one click away: its spot on its page is marked and in view.
    const withRelated = page.locator('[data-testid="finding"]').filter({ has: page.getByTestId('related') }).first();
    await withRelated.getByTestId('related').first().click();
    await page.getByTestId('pdf-flash').waitFor();
    expect(
      await page.evaluate(() => {
        const view = document.querySelector('[data-testid="pdf-view"]')?.getBoundingClientRect();
        const flash = document.querySelector('[data-testid="pdf-flash"]')?.getBoundingClientRect();
        return !!view && !!flash && flash.top >= view.top && flash.bottom <= view.bottom;
      }),
    ).toBe(true);

    // A box clicked on the page makes its finding the active one in the panel (boxes of two
    // findings about one figure overlap: the click is sent to the box itself).
    const box = page.getByTestId('pdf-box').last();
    await box.dispatchEvent('click');
    expect(await page.locator('[data-testid="finding"][aria-current="true"]').getAttribute('data-key')).toBe(await box.getAttribute('data-key'));

    // Nothing is fixed in a PDF, and the page says why; suggestions are still shown.
    expect(await page.getByTestId('fix-note').textContent()).toContain('A PDF is not fixed here');
    expect(await page.getByTestId('fix-all').isDisabled()).toBe(true);
    expect(await page.getByTestId('ignore').count()).toBe(0);
    const fixes = page.getByTestId('fix');
    for (let i = 0; i < (await fixes.count()); i++) expect(await fixes.nth(i).isDisabled()).toBe(true);
    expect(suite.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('says that a scanned PDF needs OCR, and that a file that is not a PDF is not one', async () => {
    const page = await suite.page({ locale: 'en' });
    await page.getByTestId('open-file').setInputFiles({ name: 'scanned.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(repo, 'fixtures/pdf/scanned.pdf')) });
    await page.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.classList.contains('error'), undefined, { timeout: 60_000 });
    expect(await page.getByTestId('notice').textContent()).toMatch(/OCR/);
    await page.getByTestId('open-file').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(repo, 'fixtures/pdf/not-a-pdf.pdf')) });
    await page.waitForFunction(() => /not a PDF/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    expect(await page.getByTestId('file-name').count()).toBe(0);
    await page.close();
  });

  it('`lkip view report.pdf` serves the PDF and the page shows it the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkip-web-pdf-'));
    copyFileSync(pdfPath, join(dir, 'report.pdf'));
    const view = await startView('report.pdf', dir);
    try {
      const page = await suite.context().newPage();
      await page.goto(view.url);
      await waitForResult(page, 0, 180_000);
      expect(await page.getByTestId('file-name').textContent()).toContain('report.pdf');
      expect(await page.locator('.pdf-page').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('pdf-box').count()).toBeGreaterThan(10);
      // Never saved back.
      expect(await page.getByTestId('save').count()).toBe(0);
      await page.close();
    } finally {
      expect(await view.stop()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
