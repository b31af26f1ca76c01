/**
 * One cell per line, as plain `pdftotext` and copy-paste from a PDF viewer give a table:
 *
 *     No
 *     Indikator
 *     Kinerja
 *     Satuan
 *     Target
 *     Realisasi
 *     Capaian (%)
 *     1
 *     Persentase penurunan temuan
 *     keuangan
 *     %
 *     55
 *     60
 *     109,09
 *     2
 *     …
 *
 * The header block gives the columns (a line opening with a title word starts a column, any
 * other line carries on the title above it); the rows must then follow the pattern the header
 * sets for the whole block: the row number (1, 2, 3, … in order, when the header has a "No"
 * column), the label on one to three lines, the satuan, exactly as many figure lines as the
 * header has numeric columns, and a trailing text column only when row numbers delimit the
 * rows. A block where the pattern breaks before its end is left out altogether.
 */
import type { ColumnRole } from '@lkip/schema';
import { columnRoleList } from '../model/column-roles.js';
import { continuesPhrase, goalIndicatorSplit, groupHeaderTokens, isFigureCell, isRowNumber, NUMERIC_ROLES } from './layout-header.js';
import { emptyCell, joinCells, normTitle, usable, type LayoutInput, type TextCell, type TextTable } from './text-layout.js';

const TEXT_ROLES = new Set<ColumnRole>(['label', 'indicator', 'goal', 'unit', 'other']);
const MAX_HEADER_LINES = 16;
const MAX_LABEL_LINES = 3;

interface Item {
  line: number;
  cell: TextCell;
  /** A blank line (or page furniture) comes before it. */
  gap: boolean;
}

interface Spec {
  width: number;
  number?: number;
  /** A goal column before the label (the indicator), filled only on a group's first row. */
  goal?: number;
  label: number;
  unit?: number;
  numeric: number[];
  tail?: number;
}

function lineCell(input: LayoutInput, i: number): TextCell {
  const line = input.src.line(i)!;
  const span = input.src.trim(line.start, line.end);
  return { text: input.src.text.slice(span.start, span.end), start: span.start, end: span.end };
}

/** A short line that may be one cell: a few words, no sentence. */
function cellLike(text: string): boolean {
  // The length first: a long line of prose is not split into its words to learn it is no cell.
  return text.length <= 90 && text.split(/\s+/).length <= 14;
}

const YEAR = /^(19|20)\d\d$/;

/** Lines of a header block from `i`, grouped into column titles; null when it is none. */
function headerAt(input: LayoutInput, items: Item[], k: number, limit = MAX_HEADER_LINES): { titles: TextCell[]; used: number; strong: boolean } | null {
  const titles: TextCell[][] = [];
  let j = k;
  for (; j < items.length && j - k < limit; j++) {
    const { cell } = items[j]!;
    if (cell.text.length > 40) break;
    const toks = cell.text.split(/\s+/);
    if (toks.some((t) => isFigureCell(t) && !YEAR.test(t) && t !== '%' && t !== '(%)')) break;
    const groups = groupHeaderTokens(toks);
    const prev = titles[titles.length - 1];
    if (prev && continuesPhrase(joinCells(prev).text, cell.text)) prev.push(cell);
    else if (groups && groups.length === 1) titles.push([cell]);
    else if (!groups && titles.length > 0 && toks.length <= 4) titles[titles.length - 1]!.push(cell);
    else break;
  }
  if (titles.length < 3) return null;
  const cells = titles.map((parts) => joinCells(parts));
  const { roles } = columnRoleList(cells.map((c) => c.text));
  const known = roles.filter((r) => r !== 'other').length;
  const numeric = roles.filter((r) => NUMERIC_ROLES.has(r)).length;
  // Titles the vocabulary does not know ("Jumlah Balita Diukur") need more rows to hold.
  const strong = known >= 3 && numeric >= 2;
  if (!strong && known < 1) return null;
  return { titles: cells, used: j - k, strong };
}

function specOf(roles: ColumnRole[]): Spec | null {
  const spec: Spec = { width: roles.length, label: -1, numeric: [] };
  let i = 0;
  if (roles[0] === 'number') spec.number = i++;
  if (roles[i] === 'goal' && TEXT_ROLES.has(roles[i + 1]!) && roles[i + 1] !== 'goal') spec.goal = i++;
  if (!TEXT_ROLES.has(roles[i]!)) return null;
  spec.label = i++;
  if (roles[i] === 'measure-unit') spec.unit = i++;
  // After the label, the figures: the numeric titles, and titles the vocabulary does not know.
  while (i < roles.length && (NUMERIC_ROLES.has(roles[i]!) || (roles[i] === 'other' && i < roles.length - 1) || (roles[i] === 'other' && spec.number === undefined))) spec.numeric.push(i++);
  if (spec.numeric.length < 2) return null;
  if (i < roles.length && spec.number !== undefined && (roles[i] === 'category' || roles[i] === 'other')) spec.tail = i++;
  return i === roles.length ? spec : null;
}

const figure = (c: TextCell) => isFigureCell(c.text);

/**
 * Reads one row from item `k`; returns the row and the next item, or null when the lines do not
 * follow the pattern.
 */
function readRow(spec: Spec, items: Item[], k: number, expectNumber: number): { row: TextCell[]; next: number } | null {
  const at = (j: number) => items[j]?.cell;
  const end = items[items.length - 1]!.cell.end;
  const row: TextCell[] = Array.from({ length: spec.width }, () => emptyCell(end));
  let j = k;
  if (spec.number !== undefined) {
    const c = at(j);
    if (!c || isRowNumber(c.text) !== expectNumber) return null;
    row[spec.number] = c;
    j++;
  }
  // The words before the figures: the label, and the satuan last.
  const words: TextCell[] = [];
  const most = MAX_LABEL_LINES + 1 + (spec.goal !== undefined ? MAX_LABEL_LINES : 0);
  while (at(j) && !figure(at(j)!) && words.length <= most) words.push(at(j++)!);
  let labelLines = spec.unit !== undefined ? words.length - 1 : words.length;
  let from = 0;
  if (spec.goal !== undefined && labelLines > 1) {
    // The goal's lines come first on a group's first row: they open with a goal verb, and the
    // indicator's first line with an indicator word.
    const firstWords = words.slice(0, labelLines).map((w) => w.text.split(/\s+/)[0]!);
    const split = goalIndicatorSplit([firstWords[0]!, '', ...firstWords.slice(1)]);
    if (split > 0) {
      from = split - 1;
      row[spec.goal] = joinCells(words.slice(0, from));
      labelLines -= from;
    }
  }
  if (labelLines < 1 || labelLines > MAX_LABEL_LINES) return null;
  row[spec.label] = joinCells(words.slice(from, from + labelLines));
  if (spec.unit !== undefined) {
    const unit = words[words.length - 1]!;
    if (unit.text.split(/\s+/).length > 3) return null;
    row[spec.unit] = unit;
  }
  for (const col of spec.numeric) {
    const c = at(j);
    if (!c || !figure(c)) return null;
    row[col] = c;
    j++;
  }
  if (spec.tail !== undefined) {
    const c = at(j);
    // The trailing text, unless the next row's number comes first.
    if (c && !figure(c) && c.text.split(/\s+/).length <= 4) {
      row[spec.tail] = c;
      j++;
    }
  }
  // Empty cells sit where the row's text before them ends.
  let last = row.find((c) => c.text !== '')?.start ?? end;
  for (let c = 0; c < row.length; c++) {
    if (row[c]!.text === '') row[c] = emptyCell(last);
    else last = row[c]!.end;
  }
  return { row, next: j };
}

export function readLineTables(input: LayoutInput): TextTable[] {
  const { src } = input;
  const out: TextTable[] = [];
  const n = src.lines.length;
  let i = 0;
  while (i < n) {
    // A run of cell-like lines: blank lines inside are passed over, two in a row end it.
    if (!usable(input, i) || src.isBlank(i) || input.furniture[i] === 1 || !cellLike(lineCell(input, i).text)) {
      i++;
      continue;
    }
    const items: Item[] = [];
    let j = i;
    let blanks = 0;
    let gap = false;
    let afterBreak = false;
    for (; j < n && usable(input, j); j++) {
      if (src.isBlank(j)) {
        gap = true;
        if (++blanks > 1 && !afterBreak && !pageBreakAhead(input, j)) break;
        continue;
      }
      blanks = 0;
      if (input.furniture[j] === 1) {
        gap = true;
        afterBreak = true;
        continue;
      }
      afterBreak = false;
      const cell = lineCell(input, j);
      if (!cellLike(cell.text)) break;
      items.push({ line: j, cell, gap });
      gap = false;
    }
    const found = readRun(input, items);
    out.push(...found);
    for (const t of found) for (let k = t.firstLine; k <= t.lastLine; k++) input.taken[k] = 1;
    i = Math.max(j, i + 1);
  }
  return out;
}

/** The tables of a run of one-cell lines. */
function readRun(input: LayoutInput, items: Item[]): TextTable[] {
  const out: TextTable[] = [];
  for (let k = 0; k < items.length; k++) {
    if (figure(items[k]!.cell)) continue;
    let header = headerAt(input, items, k);
    // Where a header without figures ends is not always plain ("Prevalensi (%)" then the first
    // label such as a village name): shorter headers are tried when the longest does not fit.
    for (let tries = 0; header && tries < 4; tries++) {
      const table = readTableAt(input, items, k, header);
      if (table) {
        out.push(table.table);
        k = table.lastItem;
        break;
      }
      header = header.used > 3 ? headerAt(input, items, k, header.used - 1) : null;
    }
  }
  return out;
}

function readTableAt(
  input: LayoutInput,
  items: Item[],
  k: number,
  header: { titles: TextCell[]; used: number; strong: boolean },
): { table: TextTable; lastItem: number } | null {
  const { roles } = columnRoleList(header.titles.map((c) => c.text));
  const spec = specOf(roles);
  if (!spec) return null;
  const headerKeys = items.slice(k, k + header.used).map((it) => normTitle(it.cell.text));
  let j = k + header.used;
  // "1 2 3 4 5 6" (or "(1)" …), one per line, under the header.
  const numbering = (at: number) => headerKeys.length > 0 && Array.from({ length: spec.width }, (_, c) => items[at + c]?.cell.text.replace(/[().]/g, '')).every((t, c) => t === String(c + 1));
  if (numbering(j)) j += spec.width;
  const rows: TextCell[][] = [];
  let expect = 1;
  let lastItem = j - 1;
  while (j < items.length) {
    // The header again after a page break.
    if (headerKeys.every((key, h) => normTitle(items[j + h]?.cell.text ?? '') === key)) {
      j += headerKeys.length;
      if (numbering(j)) j += spec.width;
      continue;
    }
    const r = readRow(spec, items, j, expect);
    if (!r) break;
    rows.push(r.row);
    expect++;
    j = r.next;
    lastItem = j - 1;
  }
  // The pattern must hold to the end of the block (up to a blank line): after the last row
  // only a few lines of words may follow (a "Sumber:" line, the caption of what comes next).
  let stop = j;
  while (stop < items.length && !items[stop]!.gap) stop++;
  const rest = items.slice(j, stop);
  if (rows.length < (header.strong ? 2 : 3) || rest.some((it) => figure(it.cell)) || rest.length > 3) {
    return null;
  }
  const firstLine = items[k]!.line;
  const lastLine = items[lastItem]!.line;
  return { table: { format: 'lines', firstLine, lastLine, rows: [header.titles, ...rows], headerRows: 1 }, lastItem };
}

/** Blank lines from `i` lead to page furniture (a page break inside the table). */
export function pageBreakAhead(input: LayoutInput, i: number): boolean {
  for (let k = i; k < input.src.lines.length && k < i + 6; k++) {
    if (input.src.isBlank(k)) continue;
    return input.furniture[k] === 1;
  }
  return false;
}
