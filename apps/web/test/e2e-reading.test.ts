import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Comparison } from '@lkip/compare';
import { AxeBuilder } from '@axe-core/playwright';
import { convertDocx } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '@lkip/compare';
import { analyseDraft, compare } from '../src/compare/model.ts';
import { browserSuite, cliEntry, engineLint, repo, skipReason, startView, type Run } from './support/suite.ts';
import { findingsCount, lintState, listedFindings, openDraft, waitForResult } from './support/viewer-page.ts';

if (skipReason !== undefined) console.warn(`apps/web e2e (reading): skipping every browser test: ${skipReason}`);

const key = (f: { rule?: string; ruleId?: string | null; line: number; column: number; message: string }) => `${f.rule ?? f.ruleId ?? 'lkip'}:${f.line}:${f.column}:${f.message}`;

describe.skipIf(skipReason !== undefined)(`the viewer reads every input, and says what it is${skipReason !== undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = browserSuite();

  it('invites opening a draft on the empty page, and says plainly what a non-LKIP or empty draft is, never "no findings"', async () => {
    const page = await suite.page({ locale: 'en' });
    expect(await page.getByTestId('empty-state').isVisible()).toBe(true);
    expect(await page.getByTestId('empty-open').count()).toBe(1);
    expect(await page.getByTestId('draft-state').getAttribute('data-state')).toBe('none');
    expect(await page.getByTestId('draft-state').textContent()).toMatch(/Open an LKIP draft/);
    expect(await page.getByTestId('no-findings').count()).toBe(0);

    await openDraft(page, 'notes.md', '# Meeting notes\n\nThe website moves to the new server on Monday. Install the packages first.\n');
    expect(await page.getByTestId('draft-state').getAttribute('data-state')).toBe('not-lkip');
    expect(await page.getByTestId('draft-state').textContent()).toMatch(/not an LKIP draft/);
    expect(await page.getByTestId('no-findings').count()).toBe(0);
    expect(await page.getByTestId('lint-status').textContent()).toBe('Not an LKIP draft');

    await openDraft(page, 'blank.md', '  \n\n');
    expect(await page.getByTestId('draft-state').getAttribute('data-state')).toBe('empty');
    expect(await page.getByTestId('no-findings').count()).toBe(0);

    // A draft that agrees with itself is the one place "no findings" is said.
    const consistent = readFileSync(join(repo, 'fixtures/consistent-2024/draft.md'), 'utf8');
    await openDraft(page, 'draft.md', consistent);
    expect(engineLint(consistent)).toEqual([]);
    expect(await page.getByTestId('no-findings').count()).toBe(1);
    expect(await page.getByTestId('draft-state').count()).toBe(0);
    await page.close();
  });

  it('says a truncated Word document, a binary file and a text named .pdf cannot be read, never "no findings", and keeps the draft that was open', async () => {
    const page = await suite.page({ locale: 'en' });
    const docx = readFileSync(join(repo, 'fixtures/docx/ntt-2024.docx'));
    // Bytes of a PNG, named like a draft: not text at all.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e6d6a30000000049454e44ae426082', 'hex');
    const unreadable = [
      { name: 'truncated.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx.subarray(0, Math.floor(docx.length / 3)), says: /Word document cannot be read: damaged/ },
      { name: 'picture.md', mimeType: 'text/markdown', buffer: png, says: /binary, not a text draft/ },
      { name: 'not-a-pdf.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(repo, 'fixtures/pdf/not-a-pdf.pdf')), says: /PDF cannot be read/ },
    ];
    const notice = page.getByTestId('notice');
    // On the empty page: the notice names the problem; the page still invites opening a draft.
    for (const file of unreadable) {
      await page.getByTestId('open-file').setInputFiles(file);
      await notice.filter({ hasText: file.says }).waitFor({ timeout: 60_000 });
      expect(await notice.getAttribute('class')).toContain('error');
      expect(await page.getByTestId('no-findings').count()).toBe(0);
      expect(await page.getByTestId('draft-state').getAttribute('data-state')).toBe('none');
      expect(await page.getByTestId('lint-status').getAttribute('data-draft-state')).toBe('none');
      expect(await page.getByTestId('empty-state').isVisible()).toBe(true);
    }
    // With a draft open: that draft and its findings stay, the notice says the new file was not read.
    const draft = readFileSync(join(repo, 'fixtures/ntt-2024/draft.md'), 'utf8');
    await openDraft(page, 'ntt.md', draft);
    const count = await findingsCount(page);
    expect(count).toBe(engineLint(draft, 'ntt.md').length);
    for (const file of unreadable) {
      await page.getByTestId('open-file').setInputFiles(file);
      await notice.filter({ hasText: file.says }).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('file-name').textContent()).toBe('ntt.md');
      expect(await findingsCount(page)).toBe(count);
      expect(await page.getByTestId('lint-status').getAttribute('data-draft-state')).toBe('lkip');
      expect(await page.getByTestId('no-findings').count()).toBe(0);
    }
    expect(suite.errors).toEqual([]);
    await page.close();
  });

  it('opens a Word document through the same reader as `lkip lint draft.docx`', async () => {
    const bytes = readFileSync(join(repo, 'fixtures/docx/ntt-2024.docx'));
    const { markdown } = await convertDocx(bytes);
    const expected = engineLint(markdown, 'ntt-2024.docx');
    expect(expected.length).toBeGreaterThan(10);
    const page = await suite.page();
    const { results } = await lintState(page);
    await page
      .getByTestId('open-file')
      .setInputFiles({ name: 'ntt-2024.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bytes });
    await waitForResult(page, results, 120_000);
    expect(await page.getByTestId('file-name').textContent()).toBe('ntt-2024.docx');
    expect((await listedFindings(page)).map(key).sort()).toEqual(expected.map(key).sort());
    expect(await page.getByTestId('notice').textContent()).toContain('ntt-2024.docx');
    // A download is the Markdown form, named .md; the Word file is never written.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('ntt-2024.md');
    expect(readFileSync(await download.path(), 'utf8')).toBe(markdown);
    // A damaged one is refused with the CLI's words.
    await page.getByTestId('open-file').setInputFiles({ name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not a zip') });
    await page.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('broken') === false && document.querySelector('[data-testid="notice"]')?.className.includes('error'));
    expect(await page.getByTestId('notice').textContent()).toMatch(/damaged Word document/);
    expect(await page.getByTestId('file-name').textContent()).toBe('ntt-2024.docx');
    await page.close();
  });

  it('compares seven drafts all named draft.md: seven columns with the figures `lkip compare` gives each, read in a worker', async () => {
    const dir = join(repo, 'fixtures/synthetic');
    const paths = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name, 'draft.md'));
    expect(paths.length).toBe(7);
    const texts = paths.map((p) => readFileSync(p, 'utf8'));

    // The CLI's comparison of the same files, in this process.
    const { run } = (await import(/* @vite-ignore */ cliEntry)) as { run: Run };
    let out = '';
    await run(['compare', '--format', 'json', ...paths.map((p) => relative(repo, p))], { stdout: (s) => (out += s), stderr: () => undefined, cwd: repo, env: {} });
    const cli = JSON.parse(out) as Comparison;
    const cliIndex = (file: string) => paths.findIndex((p) => relative(repo, p) === file || p === file);

    const page = await suite.page();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByTestId('compare-files').setInputFiles(texts.map((text) => ({ name: 'draft.md', mimeType: 'text/markdown', buffer: Buffer.from(text, 'utf8') })));
    const matrix = page.getByTestId('compare-matrix');
    await matrix.waitFor({ timeout: 180_000 });
    expect(workers.some((url) => url.includes('compare.worker'))).toBe(true);
    expect(await matrix.locator('thead th').count()).toBe(2 + 7);

    // Column i is the i-th file picked: its figures are the CLI's for that file.
    const columns = await matrix.locator('thead th[data-file]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-file') ?? ''));
    expect(new Set(columns).size).toBe(7);
    const shown = await matrix.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({ key: row.getAttribute('data-indicator') ?? '', cells: [...row.querySelectorAll('td[data-file]')].map((td) => (td.querySelector('button')?.firstChild?.textContent ?? '—').trim()) })),
    );
    let compared = 0;
    for (const row of shown) {
      const indicator = cli.indicators.find((i) => i.key === row.key);
      expect(indicator, row.key).toBeDefined();
      if (!indicator) continue;
      row.cells.forEach((text, column) => {
        const file = cli.documents.find((d) => cliIndex(d.file) === column)?.file;
        const cell = indicator.cells.find((c) => c.document === file && c.unitKind === 'province' && c.measure === 'indicator') ?? indicator.cells.find((c) => c.document === file);
        const value = cell?.achievement?.value;
        const expected = !cell ? '—' : value === undefined ? '?' : `${Math.round(value * 10) / 10}%`;
        expect(text, `${row.key}, column ${column}`).toBe(expected);
        compared++;
      });
    }
    expect(compared).toBe(shown.length * 7);
    // The provinces differ: the columns are not seven copies of one draft.
    expect(new Set(shown[0]?.cells).size).toBeGreaterThan(1);

    // A flagged cell opens its own province, with that draft's findings.
    const flagged = matrix.locator('td[data-findings]:not([data-findings="0"])').first();
    const column = columns.indexOf((await flagged.getAttribute('data-file')) ?? '');
    expect(column).toBeGreaterThanOrEqual(0);
    const { results } = await lintState(page);
    await flagged.locator('button').click();
    await waitForResult(page, results);
    const own = engineLint(texts[column] ?? '');
    expect(own.length).toBeGreaterThan(0);
    expect(await findingsCount(page)).toBe(own.length);
    await page.close();
  });

  it('exports the comparison as CSV, shows the per-province summary, and warns about the same draft picked twice', async () => {
    const a = readFileSync(join(repo, 'fixtures/synthetic/tanah-lada/draft.md'));
    const b = readFileSync(join(repo, 'fixtures/synthetic/teluk-mutiara/draft.md'));
    const page = await suite.page({ locale: 'en' });
    await page.getByTestId('compare-files').setInputFiles([
      { name: 'draft.md', mimeType: 'text/markdown', buffer: a },
      { name: 'draft.md', mimeType: 'text/markdown', buffer: b },
      { name: 'copy.md', mimeType: 'text/markdown', buffer: a },
    ]);
    await page.getByTestId('compare-matrix').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('compare-duplicates').textContent()).toContain('draft.md = copy.md');
    const summary = page.getByTestId('compare-summary');
    expect(await summary.locator('tbody tr').count()).toBe(3);
    const errors = await summary.locator('[data-testid="summary-errors"]').allTextContents();
    expect(errors.map(Number)).toEqual([a, b, a].map((t) => engineLint(t.toString('utf8')).filter((m) => m.severity === 2).length));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
    expect(download.suggestedFilename()).toBe('lkip-compare.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    // The CSV of `lkip compare --format csv`: the same columns, a BOM for spreadsheets.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(csv.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    const document = CSV_COLUMNS.indexOf('document');
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r[document]).filter((d) => d !== ''))).toEqual(new Set(['draft.md', 'draft.md (2)', 'copy.md']));
    await page.close();
  });

  it('`lkip view` on a CRLF draft with an lkip.config.json: the first findings, linted before the page is up, are `lkip lint`’s, and the draft is linted once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkip-web-view-'));
    try {
      const text = readFileSync(join(repo, 'fixtures/ntt-2024/draft.md'), 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(join(dir, 'draft.md'), text);
      const all = engineLint(text.replace(/\r\n/g, '\n'));
      const off = all[0]?.ruleId;
      expect(off).toBeTruthy();
      writeFileSync(join(dir, 'lkip.config.json'), JSON.stringify({ rules: { [off ?? '']: 'off' } }));
      const { run } = (await import(/* @vite-ignore */ cliEntry)) as { run: Run };
      let out = '';
      await run(['lint', '--format', 'json', '--locale', 'en', 'draft.md'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: dir, env: {} });
      const cli = (JSON.parse(out) as { messages: { ruleId: string | null; line: number; column: number; message: string }[] }[])[0]?.messages ?? [];
      expect(cli.length).toBeGreaterThan(10);
      expect(cli.some((m) => m.ruleId === off)).toBe(false);

      const view = await startView('draft.md', dir);
      try {
        const page = await suite.context().newPage();
        // The language chosen last time: the early lint (posted before React reads it) uses it too.
        await page.addInitScript(() => localStorage.setItem('lkip.locale', 'en'));
        await page.goto(view.url);
        await waitForResult(page, 0, 120_000);
        expect((await listedFindings(page)).map(key).sort()).toEqual(cli.map(key).sort());
        // The findings are those of the lint boot.ts posted before the page was up (job 1): the page
        // adopted it instead of linting the same text again; and nothing came after it.
        expect(await page.getByTestId('lint-status').getAttribute('data-job')).toBe('1');
        await page.waitForTimeout(1000);
        expect(await lintState(page)).toEqual({ state: 'ready', results: 1 });
        expect(suite.errors).toEqual([]);
        await page.close();
      } finally {
        expect(await view.stop()).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sorts the per-province summary by a column, and shows each indicator year by year when the drafts span several years', async () => {
    const dir = join(repo, 'fixtures/compare-years');
    const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const texts = folders.map((f) => readFileSync(join(dir, f, 'draft.md'), 'utf8'));
    // The same reading and comparison as the compare worker, in this process.
    const expected = compare(
      texts.flatMap((text, i) => analyseDraft({ key: `d${i}`, name: 'draft.md', text }, 'en', rules) ?? []),
      'en',
    );
    expect(expected.years).toEqual([2023, 2024]);
    const withTrend = expected.indicators.filter((i) => (i.trend?.length ?? 0) > 0);
    expect(withTrend.length).toBeGreaterThan(0);

    const page = await suite.page({ locale: 'en' });
    await page.getByTestId('compare-files').setInputFiles(texts.map((text) => ({ name: 'draft.md', mimeType: 'text/markdown', buffer: Buffer.from(text, 'utf8') })));
    await page.getByTestId('compare-matrix').waitFor({ timeout: 180_000 });

    // Sorting: errors highest first, then reversed; the rank column puts rank 1 first.
    const summary = page.getByTestId('compare-summary');
    const errors = async () => (await summary.locator('[data-testid="summary-errors"]').allTextContents()).map(Number);
    const given = await errors();
    expect(given).toHaveLength(4);
    await page.getByTestId('sort-errors').click();
    expect(await errors()).toEqual([...given].sort((x, y) => y - x));
    expect(await summary.locator('th[data-column="errors"]').getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('sort-errors').click();
    expect(await errors()).toEqual([...given].sort((x, y) => x - y));
    expect(await summary.locator('th[data-column="errors"]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByTestId('sort-rank').click();
    const ranks = (await summary.locator('[data-testid="summary-rank"]').allTextContents()).filter((r) => r !== '—').map(Number);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(ranks[0]).toBe(1);

    // Year by year: one table per indicator with a trend, a column per year, a row per province.
    const trends = page.getByTestId('compare-trend');
    expect(await trends.count()).toBe(withTrend.length);
    for (const [i, indicator] of withTrend.entries()) {
      const table = trends.nth(i);
      expect(await table.getAttribute('data-indicator')).toBe(indicator.key);
      expect(await table.locator('thead th').allTextContents()).toEqual(['Province', '2023', '2024']);
      expect(await table.locator('tbody th').allTextContents()).toEqual(indicator.trend?.map((s) => s.province));
      const shown = await table.locator('tbody td').allTextContents();
      const want = (indicator.trend ?? []).flatMap((s) =>
        expected.years.map((year) => {
          const p = s.points.find((q) => q.year === year);
          const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));
          return p ? `${fmt(p.realisation)}${p.achievement === null ? '' : ` (${fmt(p.achievement)}%)`}` : '—';
        }),
      );
      expect(shown).toEqual(want);
    }
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="compare-view"]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(suite.errors).toEqual([]);
    await page.close();
  });
});

/** RFC 4180 records: fields split on commas outside quotes, "" inside quotes is one quote. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
