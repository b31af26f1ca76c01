import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, editorText, fixturePath, placeCursor, readFixture, skipReason, startView } from './support/suite.ts';
import { cursorLine, lintState, openDraft, waitForResult } from './support/viewer-page.ts';

if (skipReason !== undefined) console.warn(`apps/web e2e (no lost work): skipping every browser test: ${skipReason}`);

describe.skipIf(skipReason !== undefined)(`the viewer never loses work${skipReason !== undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = browserSuite();
  const draft = () => readFixture().slice(0, 40_000);

  /** Types `text` at the end of line 1, as an editor would. */
  async function edit(page: Page, text: string): Promise<void> {
    await placeCursor(page, 1, 1);
    await page.keyboard.press('End');
    await page.keyboard.type(text);
  }

  it('asks before a draft with unsaved edits is replaced: cancel keeps the edit, discard drops it, save downloads it first', async () => {
    const page = await suite.page();
    await openDraft(page, 'mine.md', draft());
    await edit(page, ' EDITED');
    const edited = await editorText(page);
    expect(edited).toContain('EDITED');

    // "Try the example": asked first; cancel keeps everything as it was.
    await page.getByTestId('example').click();
    await page.getByTestId('replace-dialog').waitFor();
    await page.getByTestId('replace-cancel').click();
    expect(await page.getByTestId('replace-dialog').count()).toBe(0);
    expect(await page.getByTestId('file-name').textContent()).toBe('mine.md');
    expect(await editorText(page)).toBe(edited);

    // Picking another file: "save" downloads the edited draft, then opens the new one.
    const { results } = await lintState(page);
    await page.getByTestId('open-file').setInputFiles({ name: 'other.md', mimeType: 'text/markdown', buffer: Buffer.from(draft().slice(0, 20_000), 'utf8') });
    await page.getByTestId('replace-dialog').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('replace-save').click()]);
    expect(download.suggestedFilename()).toBe('mine.md');
    expect(readFileSync(await download.path(), 'utf8')).toBe(edited);
    await waitForResult(page, results);
    expect(await page.getByTestId('file-name').textContent()).toBe('other.md');

    // Edited again, then the example with "discard": replaced without a download.
    await edit(page, ' AGAIN');
    await page.getByTestId('example').click();
    await page.getByTestId('replace-discard').click();
    // The example is a chunk of its own: it opens once loaded (a re-check of the edit may come first).
    await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent === 'lkip-bnnp-ntt-2024.md');
    await waitForResult(page, (await lintState(page)).results - 1);
    expect(await editorText(page)).toBe(readFixture());

    // An unchanged draft is replaced without a question (undo back to the text as opened counts as unchanged).
    await edit(page, 'x');
    await page.keyboard.press('Control+z');
    const unchanged = await lintState(page);
    await page.getByTestId('open-file').setInputFiles({ name: 'third.md', mimeType: 'text/markdown', buffer: Buffer.from(draft().slice(0, 10_000), 'utf8') });
    await waitForResult(page, unchanged.results);
    expect(await page.getByTestId('file-name').textContent()).toBe('third.md');
    expect(suite.errors).toEqual([]);
    await page.close();
  });

  it('asks before a click in the comparison replaces an edited draft', async () => {
    const page = await suite.page();
    await openDraft(page, 'mine.md', draft());
    await edit(page, ' EDITED');
    const maluku = readFileSync(new URL('../../../fixtures/provinces/maluku-utara-2024/draft.md', import.meta.url));
    await page.getByTestId('compare-files').setInputFiles([
      { name: 'draft.md', mimeType: 'text/markdown', buffer: Buffer.from(readFixture(), 'utf8') },
      { name: 'maluku.md', mimeType: 'text/markdown', buffer: maluku },
    ]);
    const matrix = page.getByTestId('compare-matrix');
    await matrix.waitFor({ timeout: 120_000 });
    await matrix.locator('tbody tr').nth(1).locator('td button').first().click();
    await page.getByTestId('replace-dialog').waitFor();
    await page.getByTestId('replace-cancel').click();
    // Still comparing, and the edited draft is still the one in the editor.
    expect(await matrix.isVisible()).toBe(true);
    await page.getByTestId('close-compare').click();
    expect(await page.getByTestId('file-name').textContent()).toBe('mine.md');
    expect(await editorText(page)).toContain('EDITED');
    await page.close();
  });

  it('`lkip view`: a save over a file changed on disk is refused, and the page offers reload, overwrite and both side by side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkip-web-conflict-'));
    const file = join(dir, 'draft.md');
    const original = draft();
    writeFileSync(file, original);
    const view = await startView('draft.md', dir);
    try {
      const page = await suite.context().newPage();
      await page.goto(view.url);
      await page.getByTestId('locale').selectOption('en');
      await waitForResult(page, 0);

      // 1. Edit, someone else changes the file, save: refused, nothing written.
      await edit(page, ' MINE');
      const theirs = original.replace(/\n/, ' THEIRS\n');
      writeFileSync(file, theirs);
      await page.getByTestId('save').click();
      await page.getByTestId('conflict-dialog').waitFor();
      expect(readFileSync(file, 'utf8')).toBe(theirs);

      // Side by side: the version on disk and the page's, with the difference shown.
      await page.getByTestId('conflict-merge').click();
      const merge = page.getByTestId('conflict-merge-view');
      await merge.locator('.cm-mergeView').waitFor();
      expect(await merge.locator('.cm-editor').count()).toBe(2);
      expect(await merge.textContent()).toContain('THEIRS');
      expect(await merge.textContent()).toContain('MINE');
      // Back, then overwrite: the page's text is written over the file as it is now.
      await page.keyboard.press('Escape');
      await page.getByTestId('conflict-overwrite').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="save"]')?.textContent?.includes('•'));
      expect(readFileSync(file, 'utf8')).toBe(await editorText(page));
      expect(readFileSync(file, 'utf8')).toContain('MINE');
      expect(readFileSync(file, 'utf8')).not.toContain('THEIRS');

      // 2. The file changes again; this time the page takes the disk's version.
      await edit(page, ' SECOND');
      const third = readFileSync(file, 'utf8').replace('MINE', 'MINE THIRD-PARTY');
      writeFileSync(file, third);
      await page.getByTestId('save').click();
      const { results } = await lintState(page);
      await page.getByTestId('conflict-reload').click();
      await waitForResult(page, results);
      expect(await editorText(page)).toBe(third);
      expect(readFileSync(file, 'utf8')).toBe(third);

      // 3. Both edited in different places: take the disk's change into the page's text, save both.
      const lines = third.split('\n');
      await placeCursor(page, 5, 1);
      await page.keyboard.press('End');
      await page.keyboard.type(' PAGE-EDIT');
      lines[lines.length - 3] = `${lines[lines.length - 3] ?? ''} DISK-EDIT`;
      writeFileSync(file, lines.join('\n'));
      await page.getByTestId('save').click();
      await page.getByTestId('conflict-merge').click();
      await page.locator('.cm-merge-revert button').first().waitFor();
      // The revert button beside the disk's changed line takes that change into the page's side.
      const diskLine = await page.locator('.cm-merge-a .cm-line', { hasText: 'DISK-EDIT' }).boundingBox();
      const buttons = await page.locator('.cm-merge-revert button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
      expect(diskLine).not.toBeNull();
      const nearest = buttons.map((top, i) => ({ i, d: Math.abs(top - (diskLine?.y ?? 0)) })).sort((a, b) => a.d - b.d)[0]?.i ?? 0;
      await page.locator('.cm-merge-revert button').nth(nearest).click();
      expect(await page.locator('.cm-merge-b').textContent()).toContain('DISK-EDIT');
      expect(await page.locator('.cm-merge-b').textContent()).toContain('PAGE-EDIT');
      await page.getByTestId('conflict-save-merged').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="save"]')?.textContent?.includes('•'));
      const saved = readFileSync(file, 'utf8');
      expect(saved).toContain('DISK-EDIT');
      expect(saved).toContain('PAGE-EDIT');
      expect(await editorText(page)).toBe(saved);
      await page.close();
    } finally {
      expect(await view.stop()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads what `lkip view` can save: a draft over the CLI’s 5 MB is refused when opened, with the limit', async () => {
    const page = await suite.page({ locale: 'en' });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    await page.getByTestId('open-file').setInputFiles({ name: 'huge.md', mimeType: 'text/markdown', buffer: big });
    await page.getByTestId('notice').waitFor();
    expect(await page.getByTestId('notice').textContent()).toContain('lkip reads drafts up to 5.0 MB');
    expect(await page.getByTestId('file-name').count()).toBe(0);
    await page.close();
  });

  it('keeps the cursor in the draft opened from the comparison', async () => {
    // Guarded opening still lands on the figure: the replace question did not lose the place.
    const page = await suite.page();
    const maluku = readFileSync(new URL('../../../fixtures/provinces/maluku-utara-2024/draft.md', import.meta.url));
    await page.getByTestId('compare-files').setInputFiles([
      { name: 'draft.md', mimeType: 'text/markdown', buffer: readFileSync(fixturePath) },
      { name: 'maluku.md', mimeType: 'text/markdown', buffer: maluku },
    ]);
    await page.getByTestId('compare-matrix').waitFor({ timeout: 120_000 });
    await page.getByTestId('compare-matrix').locator('tbody tr').nth(1).locator('td button').first().click();
    await page.getByTestId('compare').waitFor({ state: 'detached' });
    expect(await cursorLine(page)).toBeGreaterThan(1);
    // The copy picked for the comparison is what is open now.
    expect(await editorText(page)).toBe(readFixture());
    await page.close();
  });
});
