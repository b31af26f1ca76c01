import { countBefore } from '../text/sorted.js';

/**
 * Where a place in the converted Markdown is in the Word document, in words a Word user can
 * search for: the paragraph's opening words, or the table (by its caption or header) and the
 * cell. Findings point at lines of the converted text, which the user never sees.
 */

export interface DocxTablePlace {
  /** 1-based, in document order. */
  index: number;
  /** The paragraph right before the table, when there is one (usually "Tabel 3.1 …" or a lead-in). */
  caption?: string;
  /** The first row's non-empty cells, " | "-joined and shortened. */
  header: string;
  /** 1-based row in the Word table, header rows included. */
  row: number;
  /** 1-based column of the table's grid (a merged cell counts the columns it spans). */
  column: number;
}

export interface DocxLocation {
  kind: 'heading' | 'paragraph' | 'list-item' | 'table-cell';
  /** 0-based offsets into the converted Markdown, end exclusive. */
  start: number;
  end: number;
  /** 1-based lines of the converted Markdown. */
  line: number;
  endLine: number;
  /** The first words of the paragraph or cell (about 40 characters). */
  text: string;
  table?: DocxTablePlace;
}

/** The location holding `offset`, or the closest one before it (between two cells, say). */
export function docxLocationAt(locations: readonly DocxLocation[], offset: number): DocxLocation | undefined {
  const atOrBefore = countBefore(locations.length, (i) => (locations[i] as DocxLocation).start <= offset);
  return atOrBefore === 0 ? locations[0] : locations[atOrBefore - 1];
}

const SHORT = 40;

/** "Tabel 3.1 Capaian Kinerja…" — at most `max` characters, cut at a word when one is near. */
export function shorten(text: string, max = SHORT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const CAPTION = /^(?:tabel|table)\s*[\dIVX]/i;

/**
 * `tabel "Tabel 3.1 Capaian…" baris 3 kolom 4`, `paragraf "Realisasi Indeks…"`: what to look
 * for in Word. A real caption names the table best; otherwise its header row does.
 */
export function describeDocxLocation(location: DocxLocation, locale: 'id' | 'en' = 'id'): string {
  const id = locale === 'id';
  if (location.kind === 'table-cell' && location.table) {
    const t = location.table;
    const name = t.caption !== undefined && CAPTION.test(t.caption) ? t.caption : t.header || t.caption;
    const table = name ? (id ? `tabel "${name}"` : `table "${name}"`) : id ? `tabel ke-${t.index}` : `table ${t.index}`;
    return id ? `${table} baris ${t.row} kolom ${t.column}` : `${table} row ${t.row} column ${t.column}`;
  }
  const what = { heading: id ? 'judul' : 'heading', paragraph: id ? 'paragraf' : 'paragraph', 'list-item': id ? 'butir' : 'list item', 'table-cell': id ? 'sel' : 'cell' }[location.kind];
  return `${what} "${location.text}"`;
}
