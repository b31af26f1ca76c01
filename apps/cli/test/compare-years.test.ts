import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Comparison } from '@lkip/compare';
import type { LintResult } from '@lkip/engine';
import { parseDraft, type ParseOptions } from '@lkip/parse';
import { rules } from '@lkip/rules';
import type { LkipDocument } from '@lkip/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayNames, columnLabels } from '../src/compare/table.js';
import { run } from '../src/index.js';
import { tempDir, testIo } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const YEARS = 'fixtures/compare-years';
const draft = (slug: string) => `${YEARS}/${slug}/draft.md`;
const SYNTHETIC = 'fixtures/synthetic';

// Parsed once for the file; a custom reader also keeps `compare` in-process.
const parsed = new Map<string, LkipDocument>();
function cachedParse(text: string, options: ParseOptions): LkipDocument {
  const key = `${options.path ?? ''}\u0000${text}`;
  let doc = parsed.get(key);
  if (!doc) {
    doc = parseDraft(text, options);
    parsed.set(key, doc);
  }
  return doc;
}

async function lkip(argv: string[], cwd = ROOT) {
  const { io, out, err } = testIo({ cwd, env: {} });
  const code = await run(argv, io, { parse: cachedParse, rules });
  return { code, stdout: out(), stderr: err() };
}

const history = (results: LintResult[]) => results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'history-mismatch').map((m) => [r.filePath.slice(ROOT.length), m.line, m.column]));

describe('lkip lint --previous: this year’s figures for last year against last year’s filing', () => {
  it('reports the mis-copied 2023 figure of each office, and nothing else', async () => {
    const cendana = await lkip(['lint', '--format', 'json', '--locale', 'en', draft('teluk-cendana-2024'), '--previous', draft('teluk-cendana-2023')]);
    expect(cendana.code).toBe(1);
    const results = JSON.parse(cendana.stdout) as LintResult[];
    expect(results[0]?.messages.map((m) => m.ruleId)).toEqual(['history-mismatch']);
    expect(history(results)).toEqual([[draft('teluk-cendana-2024'), 334, 19]]);
    expect(results[0]?.messages[0]?.message).toBe(
      '"Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana": the 2023 realisation of BNNP Teluk Cendana is given as 87.02, but the 2023 filing (fixtures/compare-years/teluk-cendana-2023/draft.md) states 87.20 (line 297).',
    );
    const gading = await lkip(['lint', '--format', 'json', draft('tanjung-gading-2024'), '--previous', draft('tanjung-gading-2023')]);
    expect(history(JSON.parse(gading.stdout) as LintResult[])).toEqual([[draft('tanjung-gading-2024'), 212, 31]]);
  });

  it('takes folders and several filings, and holds each draft against its own office’s', async () => {
    const r = await lkip(['lint', '--format', 'json', draft('teluk-cendana-2024'), draft('tanjung-gading-2024'), '--previous', draft('teluk-cendana-2023'), '--previous', draft('tanjung-gading-2023')]);
    expect(history(JSON.parse(r.stdout) as LintResult[])).toEqual([
      [draft('teluk-cendana-2024'), 334, 19],
      [draft('tanjung-gading-2024'), 212, 31],
    ]);
  });

  it('is clean without an earlier filing, as each filing is in itself', async () => {
    const r = await lkip(['lint', '--format', 'json', YEARS]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as LintResult[]).flatMap((x) => x.messages)).toEqual([]);
  });

  it('reads `previous` from lkip.config.json, relative to the config file', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, '2023'));
      mkdirSync(join(dir, 'config'));
      cpSync(join(ROOT, draft('teluk-cendana-2023')), join(dir, '2023', 'draft.md'));
      cpSync(join(ROOT, draft('teluk-cendana-2024')), join(dir, 'draft-2024.md'));
      writeFileSync(join(dir, 'config', 'lkip.config.json'), JSON.stringify({ previous: '../2023/draft.md' }));
      const r = await lkip(['lint', '--format', 'json', '--config', 'config/lkip.config.json', 'draft-2024.md'], dir);
      expect(r.code).toBe(1);
      const results = JSON.parse(r.stdout) as LintResult[];
      expect(results[0]?.messages.map((m) => [m.ruleId, m.line])).toEqual([['history-mismatch', 334]]);
    } finally {
      cleanup();
    }
  });

  it('refuses an earlier filing it cannot read, on one line', async () => {
    const missing = await lkip(['lint', '--locale', 'en', draft('teluk-cendana-2024'), '--previous', 'no/such/draft-2023.md']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: "lkip: previous filings: No files matching 'no/such/draft-2023.md' were found.\n" });
    const notes = await lkip(['lint', '--locale', 'en', draft('teluk-cendana-2024'), '--previous', `${YEARS}/PLANTED.md`]);
    // In the default language, the same line in Indonesian.
    const id = await lkip(['lint', draft('teluk-cendana-2024'), '--previous', `${YEARS}/PLANTED.md`]);
    expect(id.stderr).toBe(`lkip: laporan tahun sebelumnya ${YEARS}/PLANTED.md: tidak ada indikator kinerja; apakah ini draf LKIP?\n`);
    expect(notes).toEqual({ code: 2, stdout: '', stderr: `lkip: previous filing ${YEARS}/PLANTED.md: no performance indicators found; is this an LKIP draft?\n` });
  });
});

describe('lkip compare across years', () => {
  let comparison: Comparison;
  beforeAll(async () => {
    const r = await lkip(['compare', '--format', 'json', '--locale', 'en', `${YEARS}/*/draft.md`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    comparison = JSON.parse(r.stdout) as Comparison;
  });

  it('builds indicator × province × year, and checks each 2024 filing against its 2023 filing', () => {
    expect(comparison.years).toEqual([2023, 2024]);
    expect(comparison.indicators.every((i) => i.trend?.length === 2)).toBe(true);
    expect(comparison.flags.map((f) => [f.kind, f.documents[0]])).toEqual([
      ['history-mismatch', draft('tanjung-gading-2024')],
      ['history-mismatch', draft('teluk-cendana-2024')],
    ]);
  });

  it('writes an HTML report with the summary first, the flags before any chart, and a trend per indicator', async () => {
    const r = await lkip(['compare', '--format', 'html', '--locale', 'en', `${YEARS}/*/draft.md`]);
    const html = r.stdout;
    const at = (needle: string) => html.indexOf(needle);
    expect(at('id="summary"')).toBeGreaterThan(0);
    expect(at('id="summary"')).toBeLessThan(at('id="flags"'));
    expect(at('id="flags"')).toBeLessThan(at('id="heatmap"'));
    expect(at('id="heatmap"')).toBeLessThan(at('<canvas'));
    expect(html.match(/<canvas id="trend-\d+"/g)).toHaveLength(6);
    expect(html).toContain('class="summary sortable"');
    // Findings link to each draft's list; the history flags name both filings.
    expect(html).toMatch(/history-mismatch<\/span> &quot;Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana&quot;: the 2023 realisation/);
  });
});

describe('lkip compare: what an inspector reads first', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => cleanup());

  it('agrees with `lkip lint` of each draft on the findings by severity', async () => {
    const drafts = [`${SYNTHETIC}/nusa-karang/draft.md`, `${SYNTHETIC}/sulawesi-pesisir/draft.md`, 'fixtures/ntt-2024/draft.md'];
    const compared = JSON.parse((await lkip(['compare', '--format', 'json', ...drafts])).stdout) as Comparison;
    for (const file of drafts) {
      const linted = (JSON.parse((await lkip(['lint', '--format', 'json', file])).stdout) as LintResult[])[0];
      const summary = compared.documents.find((d) => d.file === file)?.summary.findings;
      expect([summary?.errorCount, summary?.warningCount, summary?.infoCount], file).toEqual([linted?.errorCount, linted?.warningCount, linted?.infoCount]);
    }
  });

  it('warns about two drafts of one province and year, and never heads two columns alike', async () => {
    mkdirSync(join(dir, 'revision'));
    cpSync(join(ROOT, SYNTHETIC, 'tanah-lada/draft.md'), join(dir, 'revision', 'draft.md'));
    const lada = join(ROOT, SYNTHETIC, 'tanah-lada/draft.md');
    const teluk = join(ROOT, SYNTHETIC, 'teluk-mutiara/draft.md');
    const r = await lkip(['compare', '--locale', 'en', '--format', 'json', lada, teluk, 'revision/draft.md'], dir);
    const result = JSON.parse(r.stdout) as Comparison;
    expect(result.flags.filter((f) => f.kind === 'duplicate-document').map((f) => f.documents.length)).toEqual([2]);
    expect(result.documents.map((d) => d.label)).toEqual(['Tanah Lada (1)', 'Teluk Mutiara', 'Tanah Lada (2)']);
    const table = await lkip(['compare', '--locale', 'en', lada, teluk, 'revision/draft.md'], dir);
    expect(table.stdout.indexOf('Check first:')).toBeLessThan(table.stdout.indexOf('Summary per province'));
    expect(table.stdout).toContain('[duplicate-document] Tanah Lada (2024) has 2 drafts in this comparison');
  });

  it('shows every indicator name in full in the table, no two rows alike', async () => {
    const r = await lkip(['compare', '--locale', 'en', `${SYNTHETIC}/*/draft.md`]);
    const rows = r.stdout.split('\n');
    const start = rows.findIndex((l) => l.startsWith('Achievement of the province office'));
    const end = rows.findIndex((l, i) => i > start && l.startsWith('! lint findings'));
    // Each row: its number line and the continuation lines of its name.
    const names: string[] = [];
    for (const line of rows.slice(start, end)) {
      const numbered = /^ {0,2}(\d{1,2}) (.*?)(?: {2,}|$)/.exec(line);
      if (numbered) names.push(numbered[2] ?? '');
      else if (/^ {4}\S/.test(line) && names.length > 0) names[names.length - 1] += ` ${line.trim()}`;
    }
    expect(names.length).toBeGreaterThanOrEqual(16);
    const first = names.slice(0, 16);
    expect(new Set(first).size).toBe(16);
    expect(first[0]).toBe('Kab/Kota: Indeks ketahanan diri remaja terhadap penyalagunaan narkoba berkategori “ Tinggi”');
    expect(first[1]).toBe('Kab/Kota: indeks ketahanan keluarga terhadap penyalagunaan narkoba berkategori “ Tinggi”');
    expect(r.stdout).toContain('"Kab/Kota: X" stands for "Jumlah Kabupaten/Kota dengan X".');
  });
});

describe('table heads', () => {
  it('falls back to the full names when the short ones would read the same', () => {
    const row = (number: number, name: string) => ({ key: name, name, number, unit: null, cells: [] });
    const names = displayNames([row(1, 'Jumlah Kab/Kota dengan Indeks A'), row(1, 'Jumlah Kabupaten/Kota dengan Indeks A')]);
    expect(names).toEqual(['Jumlah Kab/Kota dengan Indeks A', 'Jumlah Kabupaten/Kota dengan Indeks A']);
  });

  it('shortens column heads keeping their year, and numbers them when they would still read the same', () => {
    expect(columnLabels(['Tanjung Gading 2023', 'Tanjung Gading 2024'], 12).labels).toEqual(['Tanjun… 2023', 'Tanjun… 2024']);
    expect(columnLabels(['Kepulauan Rempah Utara', 'Kepulauan Rempah Selatan'], 12)).toEqual({
      labels: ['#1', '#2'],
      legend: ['#1 Kepulauan Rempah Utara', '#2 Kepulauan Rempah Selatan'],
    });
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the browser test of the report across years: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('the HTML report across years in Chromium, offline', () => {
  it('draws a trend per indicator and sorts the summary by any column', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const report = join(dir, 'report.html');
      const r = await lkip(['compare', '--format', 'html', '--locale', 'en', '--out', report, `${YEARS}/*/draft.md`]);
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      const { chromium } = await import('playwright-core');
      const profile = join(dir, 'profile');
      mkdirSync(profile);
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      try {
        const page = await context.newPage();
        const url = pathToFileURL(report).href;
        await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(url);
        await page.waitForSelector('canvas[id^="trend-"][data-rendered="true"]');
        expect(await page.locator('canvas[id^="trend-"][data-rendered="true"]').count()).toBe(6);
        const labels = () => page.$$eval('#summary-table tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
        const provinceHead = page.locator('#summary-table thead th').nth(1).locator('button.sort');
        await provinceHead.click();
        expect(await labels()).toEqual(['Tanjung Gading 2023', 'Tanjung Gading 2024', 'Teluk Cendana 2023', 'Teluk Cendana 2024']);
        await provinceHead.click();
        expect(await labels()).toEqual(['Teluk Cendana 2024', 'Teluk Cendana 2023', 'Tanjung Gading 2024', 'Tanjung Gading 2023']);
        expect(await page.locator('#summary-table thead th').nth(1).getAttribute('aria-sort')).toBe('descending');
        // The totals row stays at the foot.
        expect(await page.locator('#summary-table tfoot th').textContent()).toBe('Total (4)');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    } finally {
      cleanup();
    }
  });
});
