/**
 * Rows flattened to one line with single spaces, as plain `pdftotext` and copy-paste give them:
 *
 *     Indikator Satuan Target Realisasi Capaian
 *     Kapasitas Debit Air Bersih Liter/detik 405 65 16,05
 *
 * Read only under a header line made of column titles (two numeric titles at least): the
 * trailing figures of a row are its numeric columns, in order, and must be exactly as many as
 * the header has; the leading words are the label (and the satuan, when the header has one and
 * the last word before the figures is a unit). A line that does not fit ends the table.
 */
import type { ColumnRole } from '@lkip/schema';
import { goalIndicatorSplit, isFigureCell, isTitleWord, isRowNumber, isUnitWord, NUMERIC_ROLES, readHeaderWords } from './layout-header.js';
import { cellOf, emptyCell, isNumberingTokens, joinCells, normTitle, tokenOutline, tokens, usable, type LayoutInput, type TextCell, type TextTable, type Token } from './text-layout.js';

interface FlatSpec {
  roles: ColumnRole[];
  /** Column indexes. */
  number?: number;
  labels: number[];
  unit?: number;
  numeric: number[];
  tail?: number;
  headerKey: string;
}

const TEXT_ROLES = new Set<ColumnRole>(['label', 'indicator', 'goal', 'unit', 'other']);

function specOf(roles: ColumnRole[], headerKey: string): FlatSpec | null {
  const spec: FlatSpec = { roles, labels: [], numeric: [], headerKey };
  let i = 0;
  if (roles[0] === 'number') {
    spec.number = 0;
    i = 1;
  }
  while (i < roles.length && TEXT_ROLES.has(roles[i]!)) spec.labels.push(i++);
  if (spec.labels.length === 0) return null;
  if (roles[i] === 'measure-unit') spec.unit = i++;
  while (i < roles.length && NUMERIC_ROLES.has(roles[i]!)) spec.numeric.push(i++);
  if (spec.numeric.length < 2) return null;
  if (i < roles.length && (roles[i] === 'category' || roles[i] === 'other')) spec.tail = i++;
  return i === roles.length ? spec : null;
}

/** Merges "Rp" with its amount and a lone "%" with the figure before it. */
function mergeTokens(toks: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    const next = toks[i + 1];
    if (/^rp\.?$/i.test(t.text) && next && /^\d/.test(next.text)) {
      out.push({ text: `${t.text} ${next.text}`, start: t.start, end: next.end });
      i++;
      continue;
    }
    const prev = out[out.length - 1];
    if (t.text === '%' && prev && isFigureCell(prev.text) && !prev.text.endsWith('%') && /\d/.test(prev.text)) {
      out[out.length - 1] = { text: `${prev.text} %`, start: prev.start, end: t.end };
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The text of the merged tokens, as the source has it between them. */
function tokenText(input: LayoutInput, t: Token): string {
  return input.src.text.slice(t.start, t.end);
}

function trailingFigures(toks: Token[]): number {
  const merged = mergeTokens(toks);
  let run = 0;
  while (run < merged.length && isFigureCell(merged[merged.length - 1 - run]!.text)) run++;
  return run;
}

function parseRow(input: LayoutInput, spec: FlatSpec, toks: Token[], lineEnd: number): TextCell[] | null {
  const merged = mergeTokens(toks);
  const width = spec.roles.length;
  const cells: TextCell[] = Array.from({ length: width }, () => emptyCell(lineEnd));
  let end = merged.length;
  if (spec.tail !== undefined) {
    let k = end;
    while (k > 0 && !isFigureCell(merged[k - 1]!.text)) k--;
    if (k < end) cells[spec.tail] = cellOf(input.src, merged.slice(k, end));
    end = k;
  }
  const n = spec.numeric.length;
  let run = 0;
  while (run < end && isFigureCell(merged[end - 1 - run]!.text)) run++;
  // As many figures as numeric columns: one more is a figure no column can take.
  if (run !== n) return null;
  const figures = merged.slice(end - n, end);
  spec.numeric.forEach((col, k) => {
    const t = figures[k] as Token;
    cells[col] = { text: tokenText(input, t), start: t.start, end: t.end };
  });
  let rest = merged.slice(0, end - n);
  if (spec.number !== undefined && rest.length > 0 && isRowNumber(rest[0]!.text) !== undefined) {
    cells[spec.number] = cellOf(input.src, rest.slice(0, 1));
    rest = rest.slice(1);
  }
  if (spec.unit !== undefined && rest.length > 1 && isUnitWord(rest[rest.length - 1]!.text)) {
    cells[spec.unit] = cellOf(input.src, rest.slice(-1));
    rest = rest.slice(0, -1);
  }
  if (rest.length === 0 || !rest.some((t) => /\p{L}/u.test(t.text))) return null;
  // Words before the figures belong to the row's subject: the last label column (the indicator
  // after a goal). A goal before it is split off only where a goal verb opens the words and an
  // indicator word follows ("Meningkatkan Akses Air Minum | Persentase Rumah Tangga …").
  const lastLabel = spec.labels[spec.labels.length - 1]!;
  const split = spec.labels.length === 2 ? goalIndicatorSplit(rest.map((t) => t.text)) : -1;
  if (split > 0) {
    cells[spec.labels[0]!] = cellOf(input.src, rest.slice(0, split));
    cells[lastLabel] = cellOf(input.src, rest.slice(split));
  } else {
    cells[lastLabel] = cellOf(input.src, rest);
  }
  return cells;
}

/** A line of words only that may be the first half of the next row's label. */
function labelPrefix(toks: Token[]): boolean {
  const words = toks.length > 1 && isRowNumber(toks[0]!.text) !== undefined ? toks.slice(1) : toks;
  if (words.length === 0 || words.length > 12) return false;
  const text = words.map((t) => t.text).join(' ');
  if (/[.:;]$/.test(text)) return false;
  return !words.some((t) => isFigureCell(t.text));
}

function headerAt(input: LayoutInput, i: number): { cells: TextCell[]; roles: ColumnRole[]; lines: number; key: string } | null {
  const one = tokens(input.src, i);
  // A header line opens with a title word: most lines are gone after this one test.
  if (one.length === 0 || !isTitleWord(one[0]!.text)) return null;
  const tryTokens = (toks: Token[], lines: number) => {
    const h = readHeaderWords(toks.map((t) => t.text));
    if (!h) return null;
    const cells = h.groups.map((g) => joinCells([cellOf(input.src, toks.slice(g.from, g.to))]));
    // A title broken over the two lines: its cell spans both, its text joins them.
    if (lines === 2) {
      h.groups.forEach((g, k) => {
        const part = toks.slice(g.from, g.to);
        const firstLineEnd = input.src.line(i)!.end;
        const a = part.filter((t) => t.end <= firstLineEnd);
        const b = part.filter((t) => t.start > firstLineEnd);
        if (a.length > 0 && b.length > 0) cells[k] = joinCells([cellOf(input.src, a), cellOf(input.src, b)]);
      });
    }
    return { cells, roles: h.roles, lines, key: normTitle(toks.map((t) => t.text).join(' ')) };
  };
  if (one.some((t) => isFigureCell(t.text) && !/^(19|20)\d\d$/.test(t.text) && t.text !== '%')) return null;
  // A second line of titles under the first ("Anggaran % Sisa Anggaran") belongs to the header.
  if (usable(input, i + 1) && input.furniture[i + 1] !== 1) {
    const two = tokens(input.src, i + 1);
    const titles = two.filter((t) => isTitleWord(t.text) || /^\(.*\)$/.test(t.text)).length;
    const noFigures = !two.some((t) => isFigureCell(t.text) && !/^(19|20)\d\d$/.test(t.text) && t.text !== '%');
    if (two.length > 0 && two.length <= 8 && noFigures && titles * 2 >= two.length) {
      const both = tryTokens([...one, ...two], 2);
      if (both) return both;
    }
  }
  return tryTokens(one, 1);
}

export function readFlatTables(input: LayoutInput): TextTable[] {
  const { src } = input;
  const out: TextTable[] = [];
  const n = src.lines.length;
  for (let i = 0; i < n; i++) {
    if (!usable(input, i) || input.furniture[i] === 1 || src.isBlank(i)) continue;
    // headerAt's first tests, without taking the line apart.
    const { count, first } = tokenOutline(src, i, 40);
    if (count < 3 || count > 40 || !isTitleWord(first)) continue;
    const header = headerAt(input, i);
    if (!header) continue;
    const spec = specOf(header.roles, header.key);
    if (!spec) continue;
    const table = readBody(input, spec, header, i);
    if (table) {
      out.push(table);
      for (let k = table.firstLine; k <= table.lastLine; k++) input.taken[k] = 1;
      i = table.lastLine;
    }
  }
  return out;
}

function readBody(input: LayoutInput, spec: FlatSpec, header: { cells: TextCell[]; lines: number; key: string }, first: number): TextTable | null {
  const { src } = input;
  const rows: TextCell[][] = [];
  let i = first + header.lines;
  let last = first + header.lines - 1;
  let pending: TextCell | undefined;
  let pendingNumber: TextCell | undefined;
  const groupRows: number[] = [];
  let blanks = 0;
  const width = spec.roles.length;
  for (; i < src.lines.length && usable(input, i); i++) {
    if (src.isBlank(i)) {
      if (++blanks > 1 || pending) break;
      continue;
    }
    if (input.furniture[i] === 1) continue;
    const toks = tokens(src, i);
    const texts = toks.map((t) => t.text);
    if (rows.length === 0 && isNumberingTokens(texts, width)) {
      last = i;
      continue;
    }
    // The header again after a page break (on one line or two).
    const again = headerAt(input, i);
    if (again && again.key === header.key) {
      i += again.lines - 1;
      last = i;
      blanks = 0;
      continue;
    }
    if (isNumberingTokens(texts, width)) continue;
    const line = src.line(i)!;
    const row = parseRow(input, spec, toks, line.end);
    if (row) {
      if (pending) {
        const col = spec.labels[spec.labels.length - 1]!;
        row[col] = joinCells([pending, row[col]!]);
        if (pendingNumber && spec.number !== undefined && row[spec.number]!.text === '') row[spec.number] = pendingNumber;
        pending = undefined;
        pendingNumber = undefined;
      }
      rows.push(row);
      last = i;
      blanks = 0;
      continue;
    }
    // A qualitative row ("Opini BPK atas LKPD Opini WTP WTP 100"): some value columns hold words,
    // so its figures cannot be placed. It is left out; the rows after it still belong to the table.
    if (!pending && rows.length > 0 && trailingFigures(toks) > 0 && trailingFigures(toks) < spec.numeric.length && toks.some((t) => /\p{L}{2}/u.test(t.text))) {
      last = i;
      blanks = 0;
      continue;
    }
    // A group heading ("1. Jenis Permukaan:") over the rows it groups: a row of its own.
    if (!pending && /:$/.test(texts.join(' ')) && texts.length <= 12 && !toks.some((t) => isFigureCell(t.text) && isRowNumber(t.text) === undefined)) {
      const row: TextCell[] = Array.from({ length: width }, () => emptyCell(line.end));
      let words = toks;
      if (spec.number !== undefined && toks.length > 1 && isRowNumber(toks[0]!.text) !== undefined) {
        row[spec.number] = cellOf(src, toks.slice(0, 1));
        words = toks.slice(1);
      }
      row[spec.labels[0]!] = cellOf(src, words);
      groupRows.push(rows.length);
      rows.push(row);
      last = i;
      blanks = 0;
      continue;
    }
    if (!pending && labelPrefix(toks)) {
      // "3 Panjang jalan kabupaten dalam" over "kondisi mantap Km 120 118,4 98,67".
      if (spec.number !== undefined && toks.length > 1 && isRowNumber(toks[0]!.text) !== undefined) {
        pendingNumber = cellOf(src, toks.slice(0, 1));
        pending = cellOf(src, toks.slice(1));
      } else {
        pending = cellOf(src, toks);
      }
      continue;
    }
    break;
  }
  // A group heading left at the end groups nothing.
  while (groupRows.length > 0 && groupRows[groupRows.length - 1] === rows.length - 1) {
    groupRows.pop();
    rows.pop();
  }
  if (rows.length - groupRows.length < 2) return null;
  if (last > lastRowLine(rows, src)) last = lastRowLine(rows, src);
  const headerRow = header.cells.slice(0, width);
  return { format: 'flat', firstLine: first, lastLine: last, rows: [headerRow, ...rows], headerRows: 1 };
}

function lastRowLine(rows: TextCell[][], src: LayoutInput['src']): number {
  let end = 0;
  for (const row of rows) for (const c of row) if (c.end > c.start) end = Math.max(end, c.end);
  return src.lineIndexAt(end);
}
