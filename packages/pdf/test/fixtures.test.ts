import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertPdf, PdfError, type PdfErrorCode } from '../src/index.js';
import { agreement, type RuleAgreement } from './findings.js';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const pdf = (name: string) => new Uint8Array(readFileSync(repo(`fixtures/pdf/${name}`)));

/**
 * Made by fixtures/pdf/make-pdfs.mjs from the drafts beside them: LibreOffice from the Word
 * form, Chromium from the HTML form (the puskesmas excerpt, a plain-text layout, as a
 * monospace page).
 */
const CASES = [
  { pdf: 'ntt-2024.libreoffice.pdf', draft: 'fixtures/ntt-2024/draft.md' },
  { pdf: 'ntt-2024.chromium.pdf', draft: 'fixtures/ntt-2024/draft.md' },
  { pdf: 'consistent-2024.libreoffice.pdf', draft: 'fixtures/consistent-2024/draft.md' },
  { pdf: 'consistent-2024.chromium.pdf', draft: 'fixtures/consistent-2024/draft.md' },
  { pdf: 'kecamatan.libreoffice.pdf', draft: 'fixtures/excerpts/kecamatan/draft.md' },
  { pdf: 'kecamatan.chromium.pdf', draft: 'fixtures/excerpts/kecamatan/draft.md' },
  { pdf: 'puskesmas.chromium.pdf', draft: 'fixtures/excerpts/puskesmas/draft.txt' },
];

function table(rows: RuleAgreement[]): string {
  return rows.map((r) => `${r.rule.padEnd(24)} ${r.matched}/${r.expected} found ${r.found} recall ${(r.recall * 100).toFixed(0)}% extra ${(r.extra * 100).toFixed(0)}%`).join('\n');
}

describe('PDFs of the project drafts give the findings of the drafts', () => {
  for (const c of CASES) {
    it.skipIf(!existsSync(repo(c.draft)))(`${c.pdf}: at least 90 % of the findings per rule, at most 10 % extra`, async () => {
      const draft = readFileSync(repo(c.draft), 'utf8');
      const { markdown } = await convertPdf(pdf(c.pdf));
      const rows = agreement(draft, c.draft.endsWith('.txt') ? 'text' : 'markdown', markdown);
      if (process.env.LKIP_PDF_REPORT) console.log(`${c.pdf}\n${table(rows)}`);
      for (const r of rows) {
        expect({ rule: r.rule, recall: r.recall >= 0.9, extra: r.extra <= 0.1 }, table(rows)).toEqual({ rule: r.rule, recall: true, extra: true });
      }
      if (c.draft.includes('consistent')) expect(rows.reduce((n, r) => n + r.found, 0)).toBe(0);
    });
  }
});

describe('locations', () => {
  it('places every paragraph and cell on its page, in page coordinates', async () => {
    const { markdown, locations, pages, pageSizes } = await convertPdf(pdf('kecamatan.libreoffice.pdf'));
    expect(pages).toBe(1);
    expect(locations.length).toBeGreaterThan(20);
    const size = pageSizes[0]!;
    for (const l of locations) {
      expect(l.page).toBe(1);
      expect(l.bbox[0]).toBeLessThan(l.bbox[2]);
      expect(l.bbox[1]).toBeLessThan(l.bbox[3]);
      expect(l.bbox[2]).toBeLessThanOrEqual(size.width);
      expect(l.bbox[3]).toBeLessThanOrEqual(size.height);
    }
    const cell = locations.find((l) => l.kind === 'table-cell' && markdown.slice(l.start, l.end) === '84,35');
    expect(cell?.table).toMatchObject({ row: 2 });
    expect(markdown.split('\n')[(cell?.line ?? 0) - 1]).toContain('84,35');
  });

  it('reads landscape pages and tables continued over pages (the NTT draft from LibreOffice)', async () => {
    const { markdown, pageSizes, locations } = await convertPdf(pdf('ntt-2024.libreoffice.pdf'));
    expect(pageSizes.some((s) => s.width > s.height)).toBe(true);
    // The draft writes the PK as two tables, one under the other, which Word draws as one grid
    // broken over pages (header repeated, a row split in two): read back as the draft's two
    // tables, each under its header, without the repeated header and with the split row whole.
    const header = 'NO\tSASARAN KEGIATAN\tINDIKATOR KINERJA KEGIATAN\tTARGET';
    const pk = markdown.indexOf(header);
    const blocks = markdown.slice(pk).split('\n\n').slice(0, 2);
    expect(blocks.map((b) => b.startsWith(header))).toEqual([true, true]);
    const rows = blocks.flatMap((b) => b.split('\n'));
    expect(rows.filter((r) => r === header)).toHaveLength(2);
    expect(rows.filter((r) => /^\d+\t\D/.test(r)).map((r) => Number(r.split('\t')[0]))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rows.find((r) => r.startsWith('10\t'))).toContain('barang bukti narkotika');
    const end = pk + blocks.join('\n\n').length;
    const pages = new Set(locations.filter((l) => l.kind === 'table-cell' && l.start >= pk && l.start < end).map((l) => l.page));
    expect(pages.size).toBeGreaterThanOrEqual(2);
  });
});

describe('PDFs that cannot be read', () => {
  const refused = async (name: string): Promise<PdfError> => {
    try {
      await convertPdf(pdf(name));
    } catch (error) {
      if (error instanceof PdfError) return error;
      throw error;
    }
    throw new Error(`${name} was read`);
  };
  const cases: [string, PdfErrorCode, RegExp][] = [
    ['scanned.pdf', 'no-text-layer', /no text layer.*OCR.*ocrmypdf/],
    ['truncated.pdf', 'damaged', /damaged or truncated/],
    ['encrypted.pdf', 'encrypted', /encrypted PDF/],
    ['not-a-pdf.pdf', 'not-a-pdf', /not a PDF/],
  ];
  for (const [name, code, message] of cases) {
    it(`${name}: ${code}, on one line`, async () => {
      const error = await refused(name);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    });
  }

  it('refuses more pages than allowed before reading any', async () => {
    await expect(convertPdf(pdf('ntt-2024.libreoffice.pdf'), { maxPages: 10 })).rejects.toMatchObject({ code: 'too-many-pages' });
  });
});
