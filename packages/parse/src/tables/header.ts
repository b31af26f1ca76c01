/**
 * Header logic shared by tab-separated and pipe tables: which leading rows are headers, how
 * stacked header rows turn into column names, and when a row repeats the header.
 * Everything works on cell texts so that both formats give the same answer.
 */

import { significantLength } from './tsv.js';

/** Stacked header rows above the data, beyond which a row is data whatever it looks like. */
const MAX_HEADER_ROWS = 4;

const NUMBER_START = /^[-+\u2212]? ?(?:Rp\.? ?)?\d/;
const YEAR = /^(?:19|20)\d\d$/;
const DASHES = /^[-\u2013\u2014 ]+$/;
const COLUMN_NUMBER = /^\(?(\d{1,3})\)?\.?$/;

/**
 * A cell that holds a value rather than a title: a figure ("3.47", "Rp.5.000", "1. Kegiatan")
 * or a dash standing for "no value". A bare year is a title ("2023" over a column).
 */
export function isDataCell(text: string): boolean {
  if (text === '') return false;
  if (DASHES.test(text)) return true;
  if (YEAR.test(text)) return false;
  return NUMBER_START.test(text);
}

function nonEmpty(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c !== '') n++;
  return n;
}

/** "1 2 3 4 …": the column-number row printed under many LKIP table headers. */
export function isNumberingRow(cells: readonly string[]): boolean {
  const len = significantLength(cells.map((text) => ({ text })));
  if (len < 2) return false;
  for (let i = 0; i < len; i++) {
    const m = COLUMN_NUMBER.exec(cells[i] ?? '');
    if (!m || Number(m[1]) !== i + 1) return false;
  }
  return true;
}

/** A first row of titles only: no figures, no dashes. */
export function looksLikeHeaderRow(cells: readonly string[]): boolean {
  if (nonEmpty(cells) === 0) return false;
  for (const c of cells) if (isDataCell(c)) return false;
  return true;
}

/**
 * A second header line ("Pagu | Realisasi | %" under "Anggaran"): it starts with empty cells,
 * holds no figures, and at least one of its titles sits under an empty cell of the row above
 * that a title to its left spans.
 */
export function isSubHeaderRow(cells: readonly string[], above: readonly string[]): boolean {
  if ((cells[0] ?? '') !== '' || nonEmpty(cells) === 0) return false;
  let seenTitleAbove = false;
  let underSpan = false;
  for (let c = 0; c < cells.length; c++) {
    const text = cells[c] ?? '';
    if (isDataCell(text)) return false;
    const over = above[c] ?? '';
    if (text !== '' && over === '' && seenTitleAbove) underSpan = true;
    if (over !== '') seenTitleAbove = true;
  }
  return underSpan;
}

/**
 * Leading header rows. A pipe table always has its first row as header; a tab table has one
 * when its first row holds titles only. Further rows count while they are sub-header lines;
 * a column-number row closes the header.
 */
export function countHeaderRows(rows: readonly (readonly string[])[], firstIsHeader: boolean): number {
  const first = rows[0];
  if (!first) return 0;
  if (!firstIsHeader && !looksLikeHeaderRow(first)) return 0;
  let h = 1;
  while (h < rows.length && h < MAX_HEADER_ROWS) {
    const row = rows[h] as readonly string[];
    if (isNumberingRow(row)) return h + 1;
    if (!isSubHeaderRow(row, rows[h - 1] as readonly string[])) break;
    h++;
  }
  return h;
}

/**
 * One name per column. A title spans to the right over empty cells of its row as long as the
 * rows below hold titles there (the merged cell of the PDF), and the titles of a column are
 * joined top to bottom: "Anggaran" over "Pagu" gives "Anggaran Pagu". One linear pass per
 * row, so a very wide table costs no more than its size.
 */
export function columnNames(headers: readonly (readonly string[])[], width: number): string[] {
  const parts: string[][] = Array.from({ length: width }, () => []);
  for (let h = 0; h < headers.length; h++) {
    const row = headers[h] as readonly string[];
    const hasBelow = (c: number): boolean => {
      for (let k = h + 1; k < headers.length; k++) if ((headers[k]?.[c] ?? '') !== '') return true;
      return false;
    };
    let origin = '';
    let spanning = false;
    for (let c = 0; c < width; c++) {
      const text = row[c] ?? '';
      if (text !== '') {
        origin = text;
        spanning = hasBelow(c);
        (parts[c] as string[]).push(text);
      } else if (spanning && hasBelow(c)) {
        (parts[c] as string[]).push(origin);
      } else {
        spanning = false;
      }
    }
  }
  return parts.map((p) => p.join(' '));
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A row that repeats a header row, as a PDF repeats it after a page break. Drafts retype
 * headers with small slips ("KOMPLIASI", "Kategori Kegiatan" for "Sasaran Kegiatan"), so in a
 * header of four or more titles one differing cell is tolerated.
 */
export function sameHeaderRow(a: readonly string[], b: readonly string[]): boolean {
  const la = significantLength(a.map((text) => ({ text })));
  const lb = significantLength(b.map((text) => ({ text })));
  if (la !== lb || la === 0) return false;
  let differing = 0;
  for (let i = 0; i < la; i++) if (normalise(a[i] ?? '') !== normalise(b[i] ?? '')) differing++;
  if (differing === 0) return true;
  return la >= 4 && differing <= 1 && nonEmpty(a) >= 4;
}
