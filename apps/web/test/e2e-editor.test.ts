import type { LintMessage } from '@lkip/engine';
import { describe, expect, it } from 'vitest';
import { browserSuite, editorText, engineLint, placeCursor, readFixture, skipReason } from './support/suite.ts';
import { cursorLine, findingsCount, lintState, listedFindings, openDraft, waitForResult } from './support/viewer-page.ts';

if (skipReason !== undefined) console.warn(`apps/web e2e (editor): skipping every browser test: ${skipReason}`);

describe.skipIf(skipReason !== undefined)(`what editors expect of the viewer${skipReason !== undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = browserSuite();
  const NAME = 'draft.md';

  it('finds text (Ctrl+F) and goes to a line (Ctrl+G), from the keyboard and the toolbar', async () => {
    const fixture = readFixture();
    const page = await suite.page();
    await openDraft(page, NAME, fixture);
    await placeCursor(page, 1, 1);
    await page.keyboard.press('Control+f');
    const search = page.locator('.cm-search input[name="search"]');
    await search.waitFor();
    const word = 'Perjanjian Kinerja';
    // Typed, not filled: the search panel takes its query from key events.
    await search.pressSequentially(word);
    await search.press('Enter');
    // Case-insensitive, from the cursor at the start of line 1 (a match there is skipped past).
    const expected = fixture.split('\n').findIndex((l, i) => i > 0 && l.toLowerCase().includes(word.toLowerCase())) + 1;
    expect(expected).toBeGreaterThan(1);
    expect(await cursorLine(page)).toBe(expected);
    await page.keyboard.press('Escape');

    await placeCursor(page, 1, 1);
    await page.keyboard.press('Control+g');
    const line = page.locator('.cm-goto-line input[name="line"]');
    await line.waitFor();
    await line.fill('150');
    await line.press('Enter');
    expect(await cursorLine(page)).toBe(150);

    await page.getByTestId('go-to-line').click();
    await page.locator('.cm-goto-line input[name="line"]').fill('42');
    await page.locator('.cm-goto-line input[name="line"]').press('Enter');
    expect(await cursorLine(page)).toBe(42);
    await page.getByTestId('find').click();
    expect(await page.locator('.cm-search').count()).toBe(1);
    await page.close();
  });

  it('F8 goes to the next finding after the cursor, Shift+F8 to the one before, in the order of the text', async () => {
    const fixture = readFixture();
    const byPlace = engineLint(fixture).sort((a, b) => a.line - b.line || a.column - b.column);
    const middle = byPlace[Math.floor(byPlace.length / 2)];
    expect(middle).toBeDefined();
    if (!middle) return;
    const from = middle.line - 1;
    const page = await suite.page();
    await openDraft(page, NAME, fixture);
    await placeCursor(page, from, 1);
    await page.keyboard.press('F8');
    const active = page.locator('[data-testid="finding"][aria-current="true"]');
    const next = byPlace.find((m) => m.line >= from) as LintMessage;
    expect(Number(await active.getAttribute('data-line'))).toBe(next.line);
    expect(Number(await active.getAttribute('data-column'))).toBe(next.column);
    expect(await cursorLine(page)).toBe(next.endLine);
    await page.keyboard.press('Shift+F8');
    const before = byPlace[byPlace.indexOf(next) - 1] as LintMessage;
    expect(`${await active.getAttribute('data-line')}:${await active.getAttribute('data-column')}`).toBe(`${before.line}:${before.column}`);
    await page.close();
  });

  it('"ignore with reason" writes an lkip-disable comment with the reason, and exactly that finding goes', async () => {
    const fixture = readFixture();
    const baseline = engineLint(fixture);
    const lines = fixture.split('\n');
    const target = baseline.find((m) => m.ruleId && /\t|^\s*\|/.test(lines[m.line - 1] ?? ''));
    expect(target, 'a finding in a table row').toBeDefined();
    if (!target) return;
    const page = await suite.page();
    await openDraft(page, NAME, fixture);
    const item = page.locator(`[data-testid="finding"][data-rule="${target.ruleId}"][data-line="${target.line}"][data-column="${target.column}"]`).first();
    await item.getByTestId('ignore').click();
    await page.getByTestId('ignore-dialog').waitFor();
    // No comment without a reason.
    expect(await page.getByTestId('ignore-apply').isDisabled()).toBe(true);
    await page.getByTestId('ignore-reason').fill('accepted by the reviewer');
    const { results } = await lintState(page);
    await page.getByTestId('ignore-apply').click();
    await waitForResult(page, results);
    const text = await editorText(page);
    expect(text).toMatch(new RegExp(`<!-- lkip-disable(?:-next-line|-line)? ${target.ruleId} -- accepted by the reviewer -->`));
    expect(await findingsCount(page)).toBe(baseline.length - 1);
    expect((await listedFindings(page)).some((f) => f.rule === target.ruleId && f.message === target.message)).toBe(false);
    expect(engineLint(text)).toHaveLength(baseline.length - 1);
    // One undo takes the comment back.
    const undo = await lintState(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    await waitForResult(page, undo.results);
    expect(await editorText(page)).toBe(fixture);
    await page.close();
  });

  it('links each finding to its rule’s documentation', async () => {
    const fixture = readFixture();
    const first = engineLint(fixture).find((m) => m.ruleId);
    const page = await suite.page({ locale: 'en' });
    await openDraft(page, NAME, fixture);
    await page.locator(`[data-testid="finding"][data-rule="${first?.ruleId}"]`).first().getByTestId('rule-doc-link').click();
    await page.getByTestId('rule-doc').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="rule-doc-text"]')?.textContent !== '…');
    expect(await page.getByTestId('rule-doc-text').textContent()).toContain(`# ${first?.ruleId}`);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('rule-doc').count()).toBe(0);
    await page.close();
  });

  it('"fix all" shows every change first; cancel changes nothing', async () => {
    const fixture = readFixture();
    const page = await suite.page();
    await openDraft(page, NAME, fixture);
    await page.getByTestId('fix-all').click();
    const preview = page.getByTestId('fix-all-preview');
    await preview.waitFor({ timeout: 90_000 });
    const items = preview.locator('[data-testid="fix-preview-list"] li');
    expect(await items.count()).toBeGreaterThan(0);
    // Each change names its line and shows what goes and what comes.
    const firstLine = Number(await items.first().getAttribute('data-line'));
    expect(firstLine).toBeGreaterThan(0);
    expect(await items.first().locator('del, ins').count()).toBe(2);
    await preview.getByRole('button', { name: 'Batal' }).click();
    expect(await page.getByTestId('fix-all-preview').count()).toBe(0);
    expect(await editorText(page)).toBe(fixture);
    await page.close();
  });

  it('marks the fixes that would move an indicator across its target, and keeps them out of "fix all"', async () => {
    const fixture = readFixture();
    const held = engineLint(fixture).find((m) => m.suggestions?.some((s) => s.messageId === 'reviewFix'));
    expect(held, 'the NTT fixture has a fix that crosses a target').toBeDefined();
    if (!held) return;
    const page = await suite.page({ locale: 'en' });
    await openDraft(page, NAME, fixture);
    const item = page.locator(`[data-testid="finding"][data-rule="${held.ruleId}"][data-line="${held.line}"][data-column="${held.column}"]`).first();
    expect(await item.getByTestId('fix').count()).toBe(0);
    await item.getByTestId('suggestions').locator('summary').click();
    const marked = item.locator('[data-testid="suggestion"][data-kind="reviewFix"]');
    expect(await marked.count()).toBeGreaterThan(0);
    expect(await marked.first().textContent()).toContain('changes where the indicator stands');
    await page.close();
  });
});
