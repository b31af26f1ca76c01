import type { LintMessage, LintRelated, Locale } from '@lkip/engine';

/**
 * Findings in a Word draft point at lines of its converted Markdown, which the user never sees;
 * each one also gets the place in the document ("tabel "No | Satker | Target…" baris 3 kolom 4").
 * JSON carries it as `location` (an lkip addition, like `related`); stylish prints it under
 * the message.
 */
export interface LocatedMessage extends LintMessage {
  location?: string;
  related?: (LintRelated & { location?: string })[];
}

/** The Word place of an offset in the converted text, in the given language. */
export type LocateInDocument = (offset: number, locale: Locale) => string | undefined;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function attachWordLocations(messages: readonly LintMessage[], text: string, locate: LocateInDocument, locale: Locale): LocatedMessage[] {
  const starts = lineStarts(text);
  const place = (line: number, column: number, withLine: boolean): string | undefined => {
    if (line < 1 || line > starts.length) return undefined;
    const where = locate((starts[line - 1] ?? 0) + Math.max(0, column - 1), locale);
    if (where === undefined || !withLine) return where;
    return `${where} (${locale === 'id' ? `baris ${line} teks hasil konversi` : `line ${line} of the converted text`})`;
  };
  return messages.map((m) => {
    if (m.fatal) return m;
    const out: LocatedMessage = { ...m };
    const location = place(m.line, m.column, true);
    if (location !== undefined) out.location = location;
    if (m.related) {
      out.related = m.related.map((r) => {
        // A related place is printed after its own line number already.
        const at = place(r.line, r.column, false);
        return at === undefined ? r : { ...r, location: at };
      });
    }
    return out;
  });
}
