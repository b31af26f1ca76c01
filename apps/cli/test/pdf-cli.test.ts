import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules as shippedRules } from '@lkip/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lkip, tempDir } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/pdf/${name}`, import.meta.url));
const real = { parse: parseDraft, rules: shippedRules as Rule[] };

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

/** The excerpt of a kecamatan LKIP (fixtures/excerpts/kecamatan) exported by LibreOffice from Word. */
function copy(name: string, as = 'laporan.pdf'): string {
  mkdirSync(join(dir, as, '..'), { recursive: true });
  copyFileSync(fixture(name), join(dir, as));
  return as;
}

interface JsonMessage {
  ruleId: string | null;
  line: number;
  column: number;
  page?: number;
  bbox?: number[];
  location?: string;
  suggestions?: unknown[];
  fix?: unknown;
}
const messagesOf = (stdout: string) => (JSON.parse(stdout) as { messages: JsonMessage[] }[]).flatMap((r) => r.messages);

describe('lkip lint on a PDF', () => {
  it('prints the page of each finding ("hlm. 1", "p. 1")', async () => {
    const file = copy('kecamatan.libreoffice.pdf');
    const id = await lkip(['lint', file], { cwd: dir, ...real });
    expect(id.code).toBe(1);
    expect(id.stdout).toContain('laporan.pdf: hlm. 1');
    const en = await lkip(['lint', file, '--locale', 'en'], { cwd: dir, ...real });
    expect(en.stdout).toContain('laporan.pdf: p. 1');
  });

  it('gives JSON line and column of the converted text, and the page and box of each finding', async () => {
    const file = copy('kecamatan.libreoffice.pdf');
    const r = await lkip(['lint', file, '--format', 'json'], { cwd: dir, ...real });
    const converted = (await lkip(['convert', file], { cwd: dir, ...real })).stdout;
    const capaian = messagesOf(r.stdout).find((m) => m.ruleId === 'capaian-mismatch');
    expect(capaian).toBeDefined();
    expect(capaian?.page).toBe(1);
    expect(capaian?.bbox).toHaveLength(4);
    const [x0, y0, x1, y1] = capaian?.bbox ?? [];
    expect(x0).toBeLessThan(x1 as number);
    expect(y0).toBeLessThan(y1 as number);
    // The line is one of `lkip convert`'s output, and holds the figure the finding is about.
    expect(converted.split('\n')[(capaian?.line ?? 0) - 1]).toMatch(/\d/);
  });

  it('carries the page in SARIF properties next to the region', async () => {
    const file = copy('kecamatan.chromium.pdf');
    const r = await lkip(['lint', file, '--format', 'sarif'], { cwd: dir, ...real });
    const results = (JSON.parse(r.stdout) as { runs: { results: { ruleId?: string; locations: { physicalLocation: { region: { startLine: number } }; properties?: { page: number } }[] }[] }[] }).runs[0]!.results;
    const capaian = results.find((x) => x.ruleId === 'capaian-mismatch');
    expect(capaian?.locations[0]?.properties?.page).toBe(1);
    expect(capaian?.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('refuses --fix on one line, shows the findings with their fixes, exits as for findings and leaves the file as it was', async () => {
    const file = copy('kecamatan.libreoffice.pdf');
    const before = readFileSync(join(dir, file));
    const r = await lkip(['lint', file, '--fix', '--format', 'json'], { cwd: dir, ...real });
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/laporan\.pdf: --fix cannot write a PDF; its fixes are shown as suggestions/)]);
    expect(r.code).toBe(1);
    expect(messagesOf(r.stdout).some((m) => m.fix !== undefined || m.suggestions !== undefined)).toBe(true);
    expect(readFileSync(join(dir, file)).equals(before)).toBe(true);
  });

  it('lints the PDFs of a folder it walks', async () => {
    copy('kecamatan.chromium.pdf', 'a/kecamatan.pdf');
    const r = await lkip(['lint', 'a', '--format', 'json'], { cwd: dir, ...real });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath.split(/[\\/]/).pop())).toEqual(['kecamatan.pdf']);
  });
});

describe('PDFs that cannot be read exit 2 with one line', () => {
  const cases: [string, RegExp][] = [
    ['scanned.pdf', /^lkip: laporan\.pdf: no text layer: .*OCR.*ocrmypdf/],
    ['truncated.pdf', /^lkip: laporan\.pdf: damaged or truncated PDF/],
    ['encrypted.pdf', /^lkip: laporan\.pdf: encrypted PDF/],
    ['not-a-pdf.pdf', /^lkip: laporan\.pdf: not a PDF file/],
  ];
  for (const [name, line] of cases) {
    it(name, async () => {
      const file = copy(name);
      for (const command of [['lint', file], ['convert', file], ['extract', file]]) {
        const r = await lkip(command, { cwd: dir, ...real });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
      }
    });
  }
});

describe('lkip convert and extract on a PDF', () => {
  it('writes the Markdown form, tables as tab-separated rows', async () => {
    const file = copy('kecamatan.libreoffice.pdf');
    const r = await lkip(['convert', file, '--out', 'laporan.md'], { cwd: dir, ...real });
    expect(r.code).toBe(0);
    const markdown = readFileSync(join(dir, 'laporan.md'), 'utf8');
    expect(markdown).toContain('# LAPORAN KINERJA INSTANSI PEMERINTAH KECAMATAN SUKAREJA TAHUN 2024');
    expect(markdown).toMatch(/^1\tIndeks Kepuasan Masyarakat terhadap layanan kecamatan\tIndeks\t82,00\t84,35\t102,87$/m);
    // Linting the written Markdown gives what linting the PDF gives.
    const fromMarkdown = await lkip(['lint', 'laporan.md', '--format', 'json'], { cwd: dir, ...real });
    const fromPdf = await lkip(['lint', file, '--format', 'json'], { cwd: dir, ...real });
    const strip = (m: JsonMessage) => [m.ruleId, m.line, m.column];
    expect(messagesOf(fromPdf.stdout).map(strip)).toEqual(messagesOf(fromMarkdown.stdout).map(strip));
  });

  it('extracts the model of a PDF', async () => {
    const file = copy('kecamatan.chromium.pdf');
    const r = await lkip(['extract', file], { cwd: dir, ...real });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { tables?: unknown[] };
    expect(doc).toBeTypeOf('object');
  });
});
