import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** What the page shows about its lint state; `results` counts results shown since load. */
export async function lintState(page: Page): Promise<{ state: string; results: number }> {
  const el = page.getByTestId('lint-status');
  return { state: (await el.getAttribute('data-state')) ?? '', results: Number(await el.getAttribute('data-results')) };
}

/**
 * Waits for a lint result newer than `after` for the draft as it is now (the page shows
 * `ready` only when no edit came after the result).
 */
export async function waitForResult(page: Page, after: number, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const el = document.querySelector('[data-testid="lint-status"]');
      return el?.getAttribute('data-state') === 'ready' && Number(el.getAttribute('data-results')) > previous;
    },
    after,
    { timeout },
  );
}

export async function findingsCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('findings-count').textContent())?.trim());
}

/** Opens a draft through the file picker, as a user would, and waits for its findings. */
export async function openDraft(page: Page, name: string, text: string | Buffer): Promise<void> {
  const { results } = await lintState(page);
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'text/markdown', buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text });
  await waitForResult(page, results);
}

/** Clicks "download" and returns the file the browser saved, with its suggested name. */
export async function downloadDraft(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

export interface ListedFinding {
  rule: string;
  line: number;
  column: number;
  message: string;
}

export async function listedFindings(page: Page): Promise<ListedFinding[]> {
  return page.$$eval('[data-testid="finding"]', (items) =>
    items.map((item) => ({
      rule: item.getAttribute('data-rule') ?? '',
      line: Number(item.getAttribute('data-line')),
      column: Number(item.getAttribute('data-column')),
      message: item.querySelector('[data-testid="finding-message"]')?.textContent ?? '',
    })),
  );
}

/** The line the editor's cursor is on, read from the highlighted line number in the gutter. */
export async function cursorLine(page: Page): Promise<number> {
  return Number(await page.locator('.cm-lineNumbers .cm-activeLineGutter').first().textContent());
}
