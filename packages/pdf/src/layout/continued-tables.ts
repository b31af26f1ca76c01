import { joinLines, SOFT_CUT_MARK } from './paragraphs.js';
import type { PageBlock, TableCell } from './types.js';

type Table = Extract<PageBlock, { kind: 'table' }>;

/** A row's text for comparing rows: case, spaces and the places lines broke (which differ from page to page) left out. */
export function rowKey(row: readonly TableCell[]): string {
  return row.map((c) => c.text.replace(/[\s\uE000-\uE002]+/gu, '').toLowerCase()).join('\t');
}

/**
 * A table that ends one page and one that starts the next, with as many columns, are one
 * table broken by the page: its parts are joined, and header rows repeated on the new page
 * (Word's "repeat as header row") are dropped.
 */
export function continues(previous: Table, next: Table): boolean {
  const width = (t: Table) => Math.max(0, ...t.rows.map((r) => r.length));
  return previous.ruled === next.ruled && width(previous) === width(next) && width(next) >= 2;
}

/**
 * The rows of `next` to append to a table whose rows so far have the keys `earlier`: without
 * the header rows the new page repeats. Those are its first rows that the table already
 * showed, word for word: the table's own header, or, where Word drew two tables one under the
 * other as one, the header of the second.
 */
export function continuationRows(earlier: ReadonlySet<string>, next: Table): TableCell[][] {
  let k = 0;
  while (k < next.rows.length && k < 3 && earlier.has(rowKey(next.rows[k] as TableCell[]))) k++;
  return next.rows.slice(k);
}

/** A cell that carries on a sentence: it starts in lower case or with a bracket or a mark that cannot open a cell's text. */
const CARRIES_ON = /^(?:\p{Ll}|[([,;:)\]])/u;
/** A list label ("b. Kantor Lembah Hijau", "a) …") starts a cell in lower case without carrying anything on. */
const LABEL = /^\p{Ll}[.)]\s/u;
/** A cell that is a figure, with its unit if any: "3 Kab/Kota", "56.20 Indeks", "98,8%" (not a list label "1)"). */
const FIGURE = /^[-+]?\d+(?:[.,]\d+)*\s?%?(?:\s\p{L}[\p{L}/ .]{0,24})?$/u;

/**
 * Word and LibreOffice let a row break across pages: the first row of the new page then holds
 * the rest of the last row's cells. It shows as a row whose cells all stand under cells that
 * have text, without a first cell (or with one that carries a word on: "Meningk" / "atkan"
 * in a narrow column, then at most half the cells), and either fills at most half the cells the row above
 * fills (the long texts went on, the short ones did not: "Pelaksanaan Anggaran (IPA)" under
 * a row of six), or carries a sentence on (lower case, a bracket) while leaving empty every
 * short figure the row above gives. A real row under a first cell merged down the page fills
 * its figures again ("b. Kantor Lembah Hijau | 87 | 99,95 …").
 */
export function isSplitRow(last: readonly TableCell[], first: readonly TableCell[], words: ReadonlySet<string> = new Set()): boolean {
  const text = (row: readonly TableCell[], i: number) => row[i]?.text.trim() ?? '';
  const filled = first.map((_, i) => i).filter((i) => text(first, i) !== '');
  if (filled.length === 0 || !filled.every((i) => text(last, i) !== '')) return false;
  const above = last.filter((c) => c.text.trim() !== '').length;
  const half = above >= 3 && filled.length * 2 <= above;
  // A word the page cut: "REKAPITULAS" / "I WILAYAH" where the document writes "rekapitulasi" whole.
  const cut = filled.some((i) => {
    // (The end of a long cell is enough: a word is shorter than this.)
    const a = /\p{L}+$/u.exec(text(last, i).slice(-60).replace(/[\uE000-\uE002]/gu, ''))?.[0].toLowerCase();
    const b = /^\p{L}+/u.exec(text(first, i))?.[0].toLowerCase();
    return a !== undefined && b !== undefined && words.has(a + b) && !words.has(a);
  });
  if (text(first, 0) === '' && cut && filled.length < above) return true;
  const carries = (i: number) => CARRIES_ON.test(text(first, i)) && !LABEL.test(text(first, i));
  // Every cell goes on from the one above: words in lower case, a number cut in a narrow column ("12.345.6" / "00").
  const allCarry = filled.length < above && filled.every((i) => carries(i) || (SHORT_GROUP.test(text(last, i).slice(-40)) && /^\d/.test(text(first, i))));
  // A first cell that has text must itself carry on ("Meningk" / "atkan upaya …" in a narrow column).
  if (text(first, 0) !== '') return carries(0) && (half || allCarry);
  if (half || allCarry) return true;
  // The figures of the row above are not given again (at most their unit goes on: "3.77" / "Indeks").
  const figuresLeft = last.every((_, i) => i === 0 || text(first, i) === '' || !FIGURE.test(text(last, i)) || !/^[-–\d]/.test(text(first, i)));
  return filled.length < above && filled.some(carries) && figuresLeft;
}

/** A number grouped in thousands whose last group is not complete: "12.345.6". */
const SHORT_GROUP = /\d(?:[.,]\d{3})+[.,]\d{0,2}$/;

/**
 * The cells of a row broken by a page, put back together. A narrow cell may have cut a word
 * at the page end ("LEMB" / "AH"): the place is marked as one where a word may be cut, and
 * decided with the document's words (see hyphens.ts), a space when they do not tell.
 */
export function joinSplitRow(last: readonly TableCell[], first: readonly TableCell[]): TableCell[] {
  return last.map((c, i) => {
    const more = first[i]?.text.trim() ?? '';
    if (more === '') return c;
    // Letters on both sides: maybe one word; a number whose last group of thousands is short ("12.345.6" / "00"): one number.
    // Otherwise as two lines of a paragraph ("KEBERHASILAN" / "/KEGAGALAN", "penyalah-" / "gunaan").
    if (/\p{L}$/u.test(c.text) && /^\p{L}/u.test(more)) return { text: `${c.text}${SOFT_CUT_MARK}${more}`, box: c.box };
    if (SHORT_GROUP.test(c.text.slice(-40)) && /^\d/.test(more)) return { text: `${c.text}${more}`, box: c.box };
    return { text: joinLines(c.text, more), box: c.box };
  });
}

/** A row that numbers the columns: "1 2 3 4 …". */
function numbersColumns(row: readonly TableCell[]): boolean {
  const filled = row.map((c) => c.text.trim()).filter((t) => t !== '');
  return filled.length >= 2 && filled.every((t, i) => t === String(i + 1));
}

/**
 * Where a table starts again inside a run of rows: a row that repeats one of its header rows
 * (the first, or under it a row of sub-headings or of column numbers). Word and LibreOffice
 * draw two tables that follow each other without a paragraph between as one grid; the draft
 * wrote two, each under its header, and is read that way again. Returns the index of the
 * first row of each part (0 first).
 */
export function tableStarts(rows: readonly (readonly TableCell[])[]): number[] {
  const headers: string[] = [];
  rows.slice(0, 3).forEach((row, k) => {
    const filled = row.filter((c) => c.text.trim() !== '').length;
    const headerLike = k === 0 ? filled >= 2 && row.some((c) => /\p{L}/u.test(c.text)) : numbersColumns(row) || (filled >= 1 && !row.some((c) => /\d/.test(c.text)));
    if (headerLike && headers.length === k) headers.push(rowKey(row));
  });
  const starts = [0];
  const cellKey = (c: TableCell | undefined) => (c?.text ?? '').replace(/[\s\uE000-\uE002]+/gu, '').toLowerCase();
  const first = rows[0] ?? [];
  const named = first.filter((c) => cellKey(c) !== '').length;
  // The first header row again, give or take a typo in one cell of many ("REALSIASI" / "REALISASI").
  const likeFirst = (row: readonly TableCell[]) => named >= 4 && row.length === first.length && first.filter((c, j) => cellKey(c) !== '' && cellKey(c) === cellKey(row[j])).length >= named - 1;
  for (let i = headers.length; i < rows.length; i++) {
    const row = rows[i] as TableCell[];
    const k = headers.length > 0 && likeFirst(row) ? 0 : headers.indexOf(rowKey(row));
    // The rows above a repeated sub-heading row are the rest of that header (its first row may differ).
    const start = i - Math.max(0, k);
    if (k >= 0 && start > (starts[starts.length - 1] as number) + headers.length - 1) starts.push(start);
  }
  return starts;
}
