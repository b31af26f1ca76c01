import type { LintMessage, LintRelated, Locale } from '@lkip/engine';

/**
 * Findings in a Word draft point at lines of its converted Markdown, which the user never sees;
 * each one also gets the place in the document ("tabel "No | Satker | Target…" baris 3 kolom 4").
 * JSON carries it as `location` (an lkip addition, like `related`); stylish prints it under
 * the message.
 */
export interface LocatedMessage extends LintMessage {
  location?: string;
  /** For a PDF: the page (1-based) and the box on it (PDF points, origin top-left of the page as shown). */
  page?: number;
  bbox?: [number, number, number, number];
  related?: (LintRelated & { location?: string; page?: number; bbox?: [number, number, number, number] })[];
}

/** The Word place of an offset in the converted text, in the given language. */
export type LocateInDocument = (offset: number, locale: Locale) => string | undefined;

/** The page and box of an offset in the text converted from a PDF. */
export type PlaceOnPage = (offset: number) => { page: number; bbox: [number, number, number, number] } | undefined;

export interface DocumentPlaces {
  /** Also name the line of the converted text (Word: its places are words, not lines). Default true. */
  lineHint?: boolean;
  place?: PlaceOnPage;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function attachWordLocations(messages: readonly LintMessage[], text: string, locate: LocateInDocument, locale: Locale, places: DocumentPlaces = {}): LocatedMessage[] {
  const starts = lineStarts(text);
  const offsetOf = (line: number, column: number) => (line < 1 || line > starts.length ? undefined : (starts[line - 1] ?? 0) + Math.max(0, column - 1));
  const describe = (line: number, column: number, withLine: boolean): string | undefined => {
    const offset = offsetOf(line, column);
    if (offset === undefined) return undefined;
    const where = locate(offset, locale);
    if (where === undefined || !withLine || places.lineHint === false) return where;
    return `${where} (${locale === 'id' ? `baris ${line} teks hasil konversi` : `line ${line} of the converted text`})`;
  };
  const onPage = (line: number, column: number) => {
    const offset = offsetOf(line, column);
    return offset === undefined ? undefined : places.place?.(offset);
  };
  return messages.map((m) => {
    if (m.fatal) return m;
    const out: LocatedMessage = { ...m };
    const location = describe(m.line, m.column, true);
    if (location !== undefined) out.location = location;
    const at = onPage(m.line, m.column);
    if (at) Object.assign(out, at);
    if (m.related) {
      out.related = m.related.map((r) => {
        // A related place is printed after its own line number already.
        const where = describe(r.line, r.column, false);
        const page = onPage(r.line, r.column);
        return where === undefined && !page ? r : { ...r, ...(where !== undefined ? { location: where } : {}), ...page };
      });
    }
    return out;
  });
}
