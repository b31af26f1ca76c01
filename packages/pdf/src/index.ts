import { NO_TEXT_LAYER, PdfError, toPdfError } from './errors.js';
import { writeMarkdown, type LaidOutPage } from './layout/document.js';
import { layoutPage } from './layout/page.js';
import type { PdfLocation } from './locations.js';
import { readPage, type Ops } from './read-page.js';
import { withPdfjsInflate } from './sync-inflate.js';
import { loadLegacyPdfjs, type PdfjsModule } from './load-pdfjs.js';

export { PdfError, type PdfErrorCode } from './errors.js';
export { describePdfPage, pdfLocationAt, type PdfLocation } from './locations.js';
export { loadLegacyPdfjs, type PdfjsModule } from './load-pdfjs.js';
export type { BBox } from './layout/types.js';

export interface ConvertPdfOptions {
  /**
   * pdf.js to use. Defaults to the legacy build of `pdfjs-dist` (it runs on Node 20). In a
   * browser, pass the module after setting its `GlobalWorkerOptions.workerSrc`.
   */
  pdfjs?: PdfjsModule | (() => Promise<PdfjsModule>);
  /** Refuse PDFs with more pages than this (default: no limit; pages are read one at a time). */
  maxPages?: number;
  /** Called after each page: progress for long documents. */
  onPage?: (page: number, pages: number) => void;
}

export interface PdfConversion {
  /** The draft as Markdown, tables as tab-separated lines: what `parseDraft` reads. */
  markdown: string;
  /** Paragraphs, headings, fractions and table cells, in order, with their page and box. */
  locations: PdfLocation[];
  /** Number of pages. */
  pages: number;
  /** Each page's width and height in points, as displayed (index 0 is page 1). */
  pageSizes: { width: number; height: number }[];
  /** Pages without any text (scanned pages inside a text PDF), 1-based. */
  pagesWithoutText: number[];
}

/** pdf.js is loaded on the first PDF, so that readers of other formats do not pay for it. */
let defaultPdfjs: Promise<PdfjsModule> | undefined;

async function loadPdfjs(option: ConvertPdfOptions['pdfjs']): Promise<PdfjsModule> {
  if (typeof option === 'function') return option();
  if (option) return option;
  defaultPdfjs ??= loadLegacyPdfjs().catch((error: unknown) => {
    defaultPdfjs = undefined;
    throw error;
  });
  return defaultPdfjs;
}

/** "%PDF-" must open the file (Acrobat tolerates up to 1 KB of junk before it; so do we). */
function looksLikePdf(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * Converts a PDF's text layer to the Markdown lkip reads, page by page (each page's text and
 * drawing are let go before the next is read). Works on bytes only, in Node and in the
 * browser. Throws PdfError: not a PDF, encrypted, damaged or truncated, or without text.
 */
export async function convertPdf(data: Uint8Array, options: ConvertPdfOptions = {}): Promise<PdfConversion> {
  if (!looksLikePdf(data)) throw new PdfError('not-a-pdf', 'not a PDF file (it does not start with %PDF-)');
  const pdfjs = await loadPdfjs(options.pdfjs);
  // The default pdf.js runs its worker on this thread in Node: see sync-inflate.ts.
  return options.pdfjs === undefined ? withPdfjsInflate(() => convertWith(pdfjs, data, options)) : convertWith(pdfjs, data, options);
}

async function convertWith(pdfjs: PdfjsModule, data: Uint8Array, options: ConvertPdfOptions): Promise<PdfConversion> {
  const ops: Ops = pdfjs.OPS as unknown as Ops;
  // pdf.js may hand the buffer to its worker (detaching it): give it a copy.
  const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toPdfError(error);
  }
  try {
    const count = doc.numPages;
    if (options.maxPages !== undefined && count > options.maxPages) {
      throw new PdfError('too-many-pages', `the PDF has ${count} pages, more than the ${options.maxPages} allowed`);
    }
    const pages: LaidOutPage[] = [];
    const pagesWithoutText: number[] = [];
    let chars = 0;
    for (let n = 1; n <= count; n++) {
      let page;
      try {
        page = await doc.getPage(n);
        const content = await readPage(page, ops, true);
        chars += content.chars;
        if (content.chars === 0) pagesWithoutText.push(n);
        pages.push({ page: n, width: content.width, height: content.height, blocks: layoutPage(content.frames) });
      } catch (error) {
        if (error instanceof PdfError) throw error;
        const e = toPdfError(error);
        throw new PdfError(e.code, `${e.message.replace(/\)$/, '')}; page ${n})`);
      } finally {
        page?.cleanup();
      }
      options.onPage?.(n, count);
    }
    if (chars === 0) throw new PdfError('no-text-layer', NO_TEXT_LAYER);
    const { markdown, locations } = writeMarkdown(pages);
    return { markdown, locations, pages: count, pageSizes: pages.map((p) => ({ width: p.width, height: p.height })), pagesWithoutText };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
