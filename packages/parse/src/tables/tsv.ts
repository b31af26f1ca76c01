import type { Line, SourceText, Span } from './source.js';

/** A cell of a tab-separated line: trimmed span, and the raw span between the tabs. */
export interface TsvCell extends Span {
  text: string;
}

/** Splits a line on TAB into trimmed cells; an empty cell is a zero-width span where it sits. */
export function splitTsvLine(src: SourceText, line: Line): TsvCell[] {
  const cells: TsvCell[] = [];
  const { text } = src;
  let cellStart = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || text.charCodeAt(i) === 9) {
      const span = src.trim(cellStart, i);
      cells.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end) });
      cellStart = i + 1;
    }
  }
  return cells;
}

export function hasTab(src: SourceText, line: Line): boolean {
  const i = src.text.indexOf('\t', line.start);
  return i !== -1 && i < line.end;
}

/** Dashes only: what PDF converters emit for the rule under a one-row table ("----\t---"). */
function isDashRun(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && c !== 0x2013 && c !== 0x2014) return false;
  }
  return true;
}

/**
 * A line whose non-empty cells are all dash runs ("------------\t---"). Such lines follow
 * one-row tables and fraction layouts in converted PDFs and carry no data; they separate
 * nothing and must not become table rows.
 */
export function isArtefactCells(cells: readonly { text: string }[]): boolean {
  let dashes = 0;
  for (const cell of cells) {
    if (cell.text.length === 0) continue;
    if (!isDashRun(cell.text)) return false;
    dashes++;
  }
  return dashes > 0;
}

/** Same test on a whole line, split on tabs and spaces (also catches a lone "--" rule). */
export function isArtefactLine(src: SourceText, line: Line): boolean {
  const parts = src.text.slice(line.start, line.end).split(/[ \t]+/);
  return isArtefactCells(parts.map((text) => ({ text })));
}

/** Number of cells up to and including the last non-empty one. */
export function significantLength(cells: readonly { text: string }[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i]?.text ?? '') !== '') return i + 1;
  return 0;
}

export function nonEmptyCount(cells: readonly { text: string }[]): number {
  let n = 0;
  for (const c of cells) if (c.text !== '') n++;
  return n;
}
