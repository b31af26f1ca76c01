import type { BBox } from './layout/types.js';

/**
 * Where a piece of the converted Markdown is in the PDF: the page (1-based) and the box on it,
 * in PDF points with the origin at the top-left corner of the page as displayed (its /Rotate
 * applied), y growing downwards: [x0, y0, x1, y1].
 */
export interface PdfLocation {
  kind: 'heading' | 'paragraph' | 'table-cell' | 'fraction';
  page: number;
  bbox: BBox;
  /** 0-based offsets into the converted Markdown, end exclusive. */
  start: number;
  end: number;
  /** 1-based lines of the converted Markdown. */
  line: number;
  endLine: number;
  /** For a table cell: the table (1-based, in document order) and the cell's row and column (1-based). */
  table?: { index: number; row: number; column: number };
}

/** The location holding `offset`, or the closest one before it (between two cells, say). */
export function pdfLocationAt(locations: readonly PdfLocation[], offset: number): PdfLocation | undefined {
  let lo = 0;
  let hi = locations.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((locations[mid] as PdfLocation).start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best === -1 ? locations[0] : locations[best];
}

/** "hlm. 37" (Indonesian) or "p. 37". */
export function describePdfPage(page: number, locale: 'id' | 'en' = 'id'): string {
  return locale === 'id' ? `hlm. ${page}` : `p. ${page}`;
}
