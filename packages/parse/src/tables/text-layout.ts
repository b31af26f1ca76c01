import type { TableFormat } from '@lkip/schema';
import { isBlankChar, type SourceText } from './source.js';

/** A cell of a text-layout table. `text` is the source under `start`..`end`, except for a cell
 * broken over lines, whose parts are joined with one space. */
export interface TextCell {
  text: string;
  start: number;
  end: number;
}

/** A table found in plain text, before it becomes an mdast `table` node. */
export interface TextTable {
  format: Extract<TableFormat, 'aligned' | 'lines' | 'flat'>;
  firstLine: number;
  lastLine: number;
  /** Header rows first, then data rows. */
  rows: TextCell[][];
  headerRows: number;
}

/** What a text-layout reader may look at. */
export interface LayoutInput {
  src: SourceText;
  /** 1 for lines no reader may take (code, math, other tables, HTML, headings). */
  excluded: Uint8Array;
  /** 1 for page furniture (form feeds, page numbers, running heads). */
  furniture: Uint8Array;
  /** 1 for lines an earlier reader already took. */
  taken: Uint8Array;
}

/** A word of a line (a run of non-blank characters), with its offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Calls `visit` with the offsets of each word of line `index` (a run of non-blank characters), in
 * order, until it returns false.
 */
function eachWord(src: SourceText, index: number, visit: (start: number, end: number) => boolean): void {
  const line = src.line(index);
  if (!line) return;
  let i = line.start;
  while (i < line.end) {
    while (i < line.end && isBlankChar(src.text.charCodeAt(i))) i++;
    if (i >= line.end) return;
    const s = i;
    while (i < line.end && !isBlankChar(src.text.charCodeAt(i))) i++;
    if (!visit(s, i)) return;
  }
}

export function tokens(src: SourceText, index: number): Token[] {
  const out: Token[] = [];
  eachWord(src, index, (start, end) => {
    out.push({ text: src.text.slice(start, end), start, end });
    return true;
  });
  return out;
}

/**
 * The number of tokens of line `index`, counted no further than `limit` + 1, and the first one's
 * text: what a reader tests before it takes a line apart. Most lines of a draft are prose, and a
 * long paragraph split into tokens only to be found too long cost more than the table readers'
 * whole work on it.
 */
export function tokenOutline(src: SourceText, index: number, limit: number): { count: number; first: string } {
  let count = 0;
  let first = '';
  eachWord(src, index, (start, end) => {
    if (count === 0) first = src.text.slice(start, end);
    count++;
    return count <= limit;
  });
  return { count, first };
}

/** One cell over consecutive tokens of one line: its text is exactly the source under it. */
export function cellOf(src: SourceText, parts: readonly Token[]): TextCell {
  const first = parts[0] as Token;
  const last = parts[parts.length - 1] as Token;
  return { text: src.text.slice(first.start, last.end), start: first.start, end: last.end };
}

/** Cells of several lines joined: "Persentase penurunan" + "temuan" → one label. */
export function joinCells(cells: readonly TextCell[]): TextCell {
  const kept = cells.filter((c) => c.text !== '');
  if (kept.length === 0) return cells[0] ?? { text: '', start: 0, end: 0 };
  return { text: kept.map((c) => c.text).join(' '), start: (kept[0] as TextCell).start, end: (kept[kept.length - 1] as TextCell).end };
}

export function emptyCell(at: number): TextCell {
  return { text: '', start: at, end: at };
}

/** "1 2 3 4 5 6" or "(1) (2) (3)": the column-number row under a header. */
export function isNumberingTokens(texts: readonly string[], width?: number): boolean {
  if (texts.length < 2) return false;
  if (width !== undefined && texts.length !== width) return false;
  return texts.every((t, i) => {
    const m = /^\(?(\d{1,2})\)?\.?$/.exec(t);
    return m !== null && Number(m[1]) === i + 1;
  });
}

/** A line a text table may use: not excluded and not taken. Furniture is checked separately. */
export function usable(input: LayoutInput, i: number): boolean {
  return i >= 0 && i < input.src.lines.length && input.excluded[i] !== 1 && input.taken[i] !== 1;
}

export const normTitle = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
