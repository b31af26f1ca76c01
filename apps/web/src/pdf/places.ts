// The reader's own lookup from a Markdown offset to a PDF location, by path: through '@lkip/pdf'
// the page's bundle would take in the converter, which only the worker needs.
import { pdfLocationAt, type PdfLocation } from '../../../../packages/pdf/src/locations.ts';
import type { Finding, LineIndex } from '../findings/model.ts';
import type { PdfPlace } from '../lint/protocol.ts';

export type { PdfLocation };

/** The page and box of an offset of the PDF's Markdown (the paragraph or cell that holds it). */
export function placeAt(locations: readonly PdfLocation[], offset: number): PdfPlace | undefined {
  const location = pdfLocationAt(locations, offset);
  return location && { page: location.page, bbox: [...location.bbox] as PdfPlace['bbox'] };
}

/**
 * Findings of a PDF's Markdown with their page and box, and their related places'. The engine's
 * words name lines of the Markdown ("line 336", "baris 336"), which a reader of the PDF never
 * sees: they become the page ("p. 37", "hlm. 37").
 */
export function placeFindings(findings: readonly Finding[], locations: readonly PdfLocation[], index: LineIndex, page: (n: number) => string): Finding[] {
  const onPages = (text: string) =>
    text.replace(/\b(?:line|baris) (\d+)\b/g, (words, line: string) => {
      const place = placeAt(locations, index.offset(Number(line), 1));
      return place ? page(place.page) : words;
    });
  return findings.map((f) => {
    const at = placeAt(locations, f.from);
    return {
      ...f,
      message: { ...f.message, message: onPages(f.message.message) },
      ...(at ? { pdf: at } : {}),
      related: f.related.map((r) => {
        const place = placeAt(locations, r.from);
        return place ? { ...r, message: onPages(r.message), pdf: place } : r;
      }),
    };
  });
}
