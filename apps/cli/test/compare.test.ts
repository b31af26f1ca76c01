import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Comparison } from '@lkip/compare';
import { parseDraft, type ParseOptions } from '@lkip/parse';
import { rules } from '@lkip/rules';
import type { LkipDocument } from '@lkip/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, formatCsv, UTF8_BOM } from '@lkip/compare';
import { findChartScript } from '../src/compare/html.js';
import { run } from '../src/index.js';
import { tempDir, testIo } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SYNTHETIC = 'fixtures/synthetic';
const SYNTHETIC_GLOB = `${SYNTHETIC}/*/draft.md`;
const PROVINCES = ['borneo-hulu', 'kepulauan-rempah', 'nusa-karang', 'selat-kabut', 'sulawesi-pesisir', 'tanah-lada', 'teluk-mutiara'];

// The drafts are parsed once for the whole file: every run below reads the same few drafts, and
// parsing, not comparing, is what takes time. A custom reader also keeps `compare` in-process.
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

async function lkip(argv: string[], options: { cwd?: string; stderrIsTTY?: boolean; env?: Record<string, string> } = {}) {
  const { io, out, err } = testIo({ cwd: options.cwd ?? ROOT, env: options.env ?? {} });
  if (options.stderrIsTTY) io.stderrIsTTY = true;
  const code = await run(argv, io, { parse: cachedParse, rules });
  return { code, stdout: out(), stderr: err() };
}

const provinceOf = (file: string) => file.split('/').at(-2);

describe('lkip compare on the synthetic provinces', () => {
  let comparison: Comparison;
  beforeAll(async () => {
    const r = await lkip(['compare', '--format', 'json', '--locale', 'en', SYNTHETIC_GLOB]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    comparison = JSON.parse(r.stdout) as Comparison;
  });

  it('reads every synthetic draft', () => {
    expect(comparison.documents.map((d) => provinceOf(d.file))).toEqual(PROVINCES);
    expect(comparison.documents.every((d) => d.fiscalYear === 2024)).toBe(true);
    // The agency as the title page names it, without the address on the next paragraph.
    expect(comparison.documents.find((d) => d.province === 'Teluk Mutiara')?.agency).toBe('Badan Narkotika Nasional Provinsi Teluk Mutiara');
  });

  it('matches all 16 indicators across the provinces', () => {
    expect(comparison.indicators.map((i) => i.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    for (const indicator of comparison.indicators) {
      const documents = new Set(indicator.cells.map((c) => provinceOf(c.document)));
      // Borneo Hulu renamed indicator 16 beyond recognition; everything else, spelling variants included, matches.
      const expected = indicator.number === 16 ? PROVINCES.filter((p) => p !== 'borneo-hulu') : PROVINCES;
      expect([...documents], `indicator ${indicator.number}`).toEqual(expected);
    }
  });

  it('lists the renamed indicator as unmatched', () => {
    expect(comparison.unmatched).toEqual([
      {
        document: `${SYNTHETIC}/borneo-hulu/draft.md`,
        indicator: 16,
        name: 'Skor Integritas Satker',
        reason: 'name-differs',
        bestCandidate: 'nilai zona integritas bnn penilaian internal',
        score: expect.any(Number),
      },
    ]);
  });

  it('reports the planted achievement outlier and the planted unit difference', () => {
    const flag = (kind: string) => comparison.flags.filter((f) => f.kind === kind).map((f) => [comparison.indicators.find((i) => i.key === f.indicator)?.number, f.documents.map(provinceOf)]);
    expect(flag('achievement-outlier')).toEqual([[4, ['teluk-mutiara']]]);
    expect(flag('unit-of-measure')).toEqual([[14, ['tanah-lada']]]);
    expect(flag('missing-indicator')).toEqual([[16, ['borneo-hulu']]]);
    expect(flag('category-scale')).toEqual([[1, ['sulawesi-pesisir']]]);
    expect(comparison.flags.map((f) => f.kind).sort()).toEqual(['achievement-outlier', 'category-scale', 'missing-indicator', 'unit-of-measure']);
  });

  it('keeps the figures of each office with their raw text', () => {
    const kualitas = comparison.indicators[3];
    const teluk = kualitas?.cells.filter((c) => provinceOf(c.document) === 'teluk-mutiara') ?? [];
    expect(teluk[0]).toMatchObject({ unit: 'BNNP Teluk Mutiara', unitKind: 'province', measure: 'indicator', achievement: { value: 30.71, raw: '30.71 %' } });
    expect(teluk.map((c) => c.unit).sort()).toEqual(['BNN Kota Mutiara', 'BNNK Batu Putih', 'BNNK Pantai Karang', 'BNNP Teluk Mutiara']);
    const lada = comparison.indicators[13]?.cells.find((c) => provinceOf(c.document) === 'tanah-lada');
    expect(lada?.target).toMatchObject({ value: 95, raw: '95,00 %' });
  });

  it('prints a table that fits the terminal, paging the provinces', async () => {
    const r = await lkip(['compare', SYNTHETIC_GLOB], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^ {2}4 Persentase.*30\.7%\*/m);
    expect(r.stdout).toContain('Teluk Mutiara');
    // The summary comes first, ranked, with its totals row.
    expect(r.stdout.indexOf('Ringkasan per provinsi')).toBeLessThan(r.stdout.indexOf('Capaian kantor provinsi per indikator'));
    expect(r.stdout).toMatch(/^ {3}1 Selat Kabut +16 +6 +8 +2 +0 87\.5% +1 +0 +0$/m);
    expect(r.stdout).toMatch(/^ {5}Jumlah \(7\) +112 +30 +50 +32 +0 71\.4% +4 +1 +0$/m);
    expect(r.stdout).toContain('Teluk Mutiara: 15 (0,0%), 4 (30,7%), 1 (33,3%)');
    expect(r.stdout).toContain('[unit-of-measure]');
    expect(r.stdout).toContain('"Skor Integritas Satker"');
  });

  it('writes CSV: BOM, CRLF, one row per indicator × draft × office', async () => {
    const r = await lkip(['compare', '--format', 'csv', SYNTHETIC_GLOB]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(UTF8_BOM)).toBe(true);
    const records = r.stdout.slice(1).split('\r\n');
    expect(records.at(-1)).toBe('');
    expect(records[0]?.split(',').slice(0, 6)).toEqual(['record', 'document', 'province', 'fiscal_year', 'rank', 'indicators']);
    const cells = comparison.indicators.reduce((n, i) => n + i.cells.length, 0);
    // Header, a summary row per draft, the totals row, the cells, and the empty string after the last CRLF.
    expect(records.length).toBe(1 + 7 + 1 + cells + 1);
    expect(records.slice(1, 9).map((r) => r.split(',')[0])).toEqual([...Array(7).fill('summary'), 'total']);
    expect(records[1]?.split(',').slice(0, 14)).toEqual(['summary', 'fixtures/synthetic/selat-kabut/draft.md', 'Selat Kabut', '2024', '1', '16', '6', '8', '2', '0', '0.875', '1', '0', '0']);
    expect(records[8]?.split(',').slice(0, 14)).toEqual(['total', '', '', '', '', '112', '30', '50', '32', '0', '0.7143', '4', '1', '0']);
    expect(r.stdout).not.toMatch(/[^\r]\n/);
  });
});

describe('lkip compare with the NTT draft', () => {
  it('compares the NTT fixture and the synthetic provinces in one run', async () => {
    const r = await lkip(['compare', '--format', 'json', 'fixtures/ntt-2024/draft.md', SYNTHETIC]);
    // The folder holds PLANTED.md beside the drafts: skipped with a note, not an error.
    expect(r.stderr).toBe(`lkip: ${SYNTHETIC}/PLANTED.md: skipped, no performance indicators found; is this an LKIP draft?\n`);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Comparison;
    expect(result.documents.map((d) => d.province)).toEqual(['Nusa Tenggara Timur', 'Borneo Hulu', 'Kepulauan Rempah', 'Nusa Karang', 'Selat Kabut', 'Sulawesi Pesisir', 'Tanah Lada', 'Teluk Mutiara']);
    expect(result.indicators).toHaveLength(16);
    for (const indicator of result.indicators) {
      const documents = new Set(indicator.cells.map((c) => c.document));
      expect(documents.has('fixtures/ntt-2024/draft.md'), `indicator ${indicator.number}`).toBe(true);
      expect(documents.size).toBe(indicator.number === 16 ? 7 : 8);
    }
    const ntt = result.indicators[7]?.cells.filter((c) => c.document === 'fixtures/ntt-2024/draft.md').map((c) => c.unit);
    expect(ntt?.[0]).toBe('BNNP Nusa Tenggara Timur');
    expect(ntt?.slice(1).sort()).toEqual(['BNN Kota Kupang', 'BNNK Belu', 'BNNK Rote Ndao']);
    expect(result.unmatched.map((u) => u.name)).toEqual(['Skor Integritas Satker']);
  });
});

describe('lkip compare with a Word draft', () => {
  it('compares the NTT fixture as .docx with a Markdown province, matching all 16 indicators', async () => {
    const r = await lkip(['compare', '--format', 'json', 'fixtures/docx/ntt-2024.docx', `${SYNTHETIC}/teluk-mutiara/draft.md`]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Comparison;
    expect(result.documents.map((d) => d.province)).toEqual(['Nusa Tenggara Timur', 'Teluk Mutiara']);
    expect(result.indicators).toHaveLength(16);
    expect(result.indicators.every((i) => new Set(i.cells.map((c) => c.document)).size === 2)).toBe(true);
  });
});

describe('lkip compare with a config', () => {
  it('lints each draft with --config, as lkip lint does', async () => {
    const { dir, cleanup } = tempDir();
    const config = join(dir, 'lkip.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'capaian-mismatch': 'off' } }));
    const args = ['compare', '--format', 'json', 'fixtures/ntt-2024/draft.md', `${SYNTHETIC}/teluk-mutiara/draft.md`];
    const ruleIds = (stdout: string) => new Set((JSON.parse(stdout) as Comparison).indicators.flatMap((i) => i.cells.flatMap((c) => c.findings.map((f) => f.ruleId))));
    const plain = await lkip(args);
    const configured = await lkip([...args, '--config', config]);
    expect(configured.code).toBe(0);
    expect(ruleIds(plain.stdout).has('capaian-mismatch')).toBe(true);
    expect(ruleIds(configured.stdout).has('capaian-mismatch')).toBe(false);
    cleanup();
  });
});

describe('lkip compare: usage and bad files', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => cleanup());

  it('needs at least two drafts', async () => {
    const r = await lkip(['compare', `${SYNTHETIC}/tanah-lada/draft.md`]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`lkip: compare needs at least two drafts; '${SYNTHETIC}/tanah-lada/draft.md' gave 1\n`);
  });

  it('names a missing file on one line', async () => {
    const r = await lkip(['compare', '--locale', 'en', `${SYNTHETIC}/tanah-lada/draft.md`, 'nope.md']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "lkip: No files matching 'nope.md' were found.\n" });
  });

  it('reports a binary file and a file that is no LKIP on one line each, and compares the rest', async () => {
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    writeFileSync(join(dir, 'notes.md'), '# Catatan rapat\n\nTidak ada angka di sini.\n');
    const lada = join(ROOT, SYNTHETIC, 'tanah-lada/draft.md');
    const teluk = join(ROOT, SYNTHETIC, 'teluk-mutiara/draft.md');
    const r = await lkip(['compare', '--locale', 'en', '--format', 'json', lada, 'binary.md', teluk, 'notes.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('lkip: binary.md: skipped, binary file, not a draft\nlkip: notes.md: skipped, no performance indicators found; is this an LKIP draft?\n');
    const result = JSON.parse(r.stdout) as Comparison;
    expect(result.documents.map((d) => d.province)).toEqual(['Tanah Lada', 'Teluk Mutiara']);
    expect(result.skipped).toEqual([
      { file: 'binary.md', reason: 'binary file, not a draft' },
      { file: 'notes.md', reason: 'no performance indicators found; is this an LKIP draft?' },
    ]);
    // Fewer than two drafts left to compare: that is a failed run.
    const alone = await lkip(['compare', '--locale', 'en', lada, 'binary.md'], { cwd: dir });
    expect(alone).toEqual({ code: 2, stdout: '', stderr: 'lkip: binary.md: skipped, binary file, not a draft\nlkip: compare needs at least two drafts with performance indicators; found 1\n' });
  });

  it('rejects an unknown format', async () => {
    const r = await lkip(['compare', '--locale', 'en', '--format', 'xml', SYNTHETIC_GLOB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lkip: option '-f, --format <name>' argument 'xml' is invalid/);
  });

  it('shows progress on a terminal only', async () => {
    const drafts = [`${SYNTHETIC}/tanah-lada/draft.md`, `${SYNTHETIC}/nusa-karang/draft.md`, `${SYNTHETIC}/selat-kabut/draft.md`];
    const tty = await lkip(['compare', '--format', 'json', ...drafts], { stderrIsTTY: true });
    expect(tty.stderr).toContain('[3/3]');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    const piped = await lkip(['compare', '--format', 'json', ...drafts]);
    expect(piped.stderr).toBe('');
  });

  it('writes to --out instead of standard output', async () => {
    const out = join(dir, 'report.html');
    const r = await lkip(['compare', '--format', 'html', '--out', out, `${SYNTHETIC}/tanah-lada/draft.md`, `${SYNTHETIC}/teluk-mutiara/draft.md`]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('id="heatmap-table"');
    const missingDir = await lkip(['compare', '--locale', 'en', '--format', 'json', '--out', join(dir, 'no/such/dir/x.json'), `${SYNTHETIC}/tanah-lada/draft.md`, `${SYNTHETIC}/teluk-mutiara/draft.md`]);
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr).toMatch(/^lkip: .*x\.json: cannot write: no such file or directory\n$/);
  });
});

describe('CSV fields (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "Tinggi"')).toBe('"say ""Tinggi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(66.67)).toBe('66.67');
    expect(csvField(null)).toBe('');
  });

  it('guards text against spreadsheet formulas and keeps numbers as numbers', () => {
    const findings = { errorCount: 0, warningCount: 0, infoCount: 0, byRule: {} };
    const indicators = { total: 1, above: 0, at: 0, below: 0, withoutFigure: 1 };
    const comparison: Comparison = {
      documents: [
        {
          file: 'a,1.md',
          agency: null,
          province: '=HYPERLINK("x")',
          fiscalYear: 2024,
          label: '=HYPERLINK("x")',
          summary: { indicators, metShare: null, rank: null, findings, worst: [] },
          findings: [],
        },
      ],
      years: [2024],
      totals: { documents: 1, indicators, metShare: null, findings },
      indicators: [
        {
          key: 'k',
          name: 'Nilai "ZI", internal',
          number: 16,
          unit: 'Indeks',
          cells: [
            {
              document: 'a,1.md',
              unit: 'BNNP A',
              unitKind: 'province',
              measure: 'indicator',
              target: { value: 75, raw: '75 Indeks', unit: 'Indeks', line: 3, column: 1 },
              realisation: { value: -28.39, raw: '- 28,39', unit: null, line: 3, column: 9 },
              achievement: null,
              category: null,
              findings: [],
            },
          ],
        },
      ],
      unmatched: [],
      flags: [],
      skipped: [],
    };
    const [header, summary, total, row] = formatCsv(comparison).slice(1).split('\r\n');
    expect(header?.split(',')).toHaveLength(34);
    expect(summary).toBe(`summary,"a,1.md","'=HYPERLINK(""x"")",2024,,1,0,0,0,1,,0,0,0,${','.repeat(19)}`);
    expect(total).toBe(`total,,,,,1,0,0,0,1,,0,0,0,${','.repeat(19)}`);
    expect(row).toBe(
      `cell,"a,1.md","'=HYPERLINK(""x"")",2024,,,,,,,,,,,,16,k,"Nilai ""ZI"", internal",Indeks,BNNP A,province,indicator,75,75 Indeks,Indeks,-28.39,'- 28,39,,,,,0,,`.replace("'- 28,39", `"'- 28,39"`),
    );
  });
});

const BIN = join(ROOT, 'apps/cli/dist/bin.js');
const WORKER = join(ROOT, 'apps/cli/dist/compare/worker.js');
const built = existsSync(BIN) && existsSync(WORKER);
if (!built) console.warn(`Skipping the worker-thread test of lkip compare: ${WORKER} does not exist; build the CLI first.`);

describe.skipIf(!built)('lkip compare on worker threads (built CLI)', () => {
  it('gives the same comparison on two worker threads as in-process', () => {
    const drafts = ['tanah-lada', 'teluk-mutiara', 'borneo-hulu'].map((p) => `${SYNTHETIC}/${p}/draft.md`);
    const compare = (workers: string) =>
      spawnSync(process.execPath, [BIN, 'compare', '--format', 'json', ...drafts], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LKIP_COMPARE_WORKERS: workers } });
    const threaded = compare('2');
    const inProcess = compare('0');
    expect(threaded.stderr).toBe('');
    expect(threaded.status).toBe(0);
    expect(inProcess.status).toBe(0);
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(inProcess.stdout));
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the browser test of the compare report: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('the HTML report in Chromium, offline', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lkip-compare-html-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the Chart.js UMD build to inline', async () => {
    const path = await findChartScript();
    expect(path).toMatch(/chart\.js[\\/]dist[\\/]chart\.umd\.js$/);
  });

  it('opens from file:// without network and shows the heat map and the charts', async () => {
    const drafts = ['tanah-lada', 'teluk-mutiara', 'borneo-hulu', 'nusa-karang'].map((p) => `${SYNTHETIC}/${p}/draft.md`);
    const report = join(dir, 'report.html');
    const r = await lkip(['compare', '--format', 'html', '--out', report, ...drafts]);
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
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.waitForSelector('canvas[data-rendered="true"]');

      const indicators = await page.locator('#heatmap-table tbody tr').count();
      const provinces = await page.locator('#heatmap-table thead th.doc').count();
      expect(indicators).toBe(16);
      expect(provinces).toBe(4);
      expect(await page.locator('#heatmap-table tbody td[data-document]').count()).toBe(indicators * provinces);
      // One cell per indicator and province, each coloured by its band.
      const rowsComplete = await page.$$eval('#heatmap-table tbody tr', (rows) => rows.every((row) => row.querySelectorAll('td[data-document]').length === 4));
      expect(rowsComplete).toBe(true);
      const background = await page.$eval('#heatmap-table td[data-band="far-below"]', (td) => getComputedStyle(td).backgroundColor);
      expect(background).toBe('rgb(201, 48, 44)');

      // The first chart drew something: some pixels of its canvas are not transparent.
      const painted = await page.$eval('#canvas-0', (canvas) => {
        const c = canvas as HTMLCanvasElement;
        const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) count++;
        return count;
      });
      expect(painted).toBeGreaterThan(1000);
      expect(await page.locator('canvas[data-rendered="true"]').count()).toBe(16);
      expect(errors).toEqual([]);
      expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
