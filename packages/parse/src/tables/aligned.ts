/**
 * Columns aligned with runs of spaces, as `pdftotext -layout` writes them:
 *
 *     No   Indikator Kinerja                 Satuan    Target   Realisasi   Capaian
 *          Utama                                                              (%)
 *     1    Persentase penurunan temuan       %            55          60     109,09
 *          keuangan yang bersifat material
 *
 * The columns are the stretches of the page that every data row (a line with a figure and a
 * gap of two spaces or more) leaves blank in the same place; header lines above the first data
 * row (titles wrapped over two or three lines, a title centred over the columns it spans, a
 * "1 2 3 4" numbering line) give the names. A line with words in the label column only carries
 * on the label of the row above (or of the row below, when that row's label is empty). Page
 * furniture and the header repeated after a page break are passed over.
 *
 * Conservative by design: at least two data rows that agree on at least three columns, and
 * either a header with known titles or three data rows; a line that crosses a column boundary
 * ends the table, so justified prose (which has double spaces too) is never read as one.
 */
import type { ColumnRole } from '@lkip/schema';
import { columnRoleList } from '../model/column-roles.js';
import { columnNames } from './header.js';
import { isFigureCell } from './layout-header.js';
import { pageBreakAhead } from './lines.js';
import { cellOf, emptyCell, isNumberingTokens, joinCells, normTitle, usable, type LayoutInput, type TextCell, type TextTable, type Token } from './text-layout.js';

interface Segment extends Token {
  /** Columns on the line (0-based), half-open. */
  x0: number;
  x1: number;
}

/** Runs of text separated by two blanks or more. */
function segments(input: LayoutInput, i: number): Segment[] {
  const { src } = input;
  const line = src.line(i);
  if (!line) return [];
  const text = src.text.slice(line.start, line.end);
  const out: Segment[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const x0 = m.index;
    const raw = m[0].replace(/\f/g, '');
    if (raw === '') continue;
    const lead = m[0].length - m[0].replace(/^\f+/, '').length;
    out.push({ text: raw.trim(), start: line.start + x0 + lead, end: line.start + x0 + m[0].length, x0: x0 + lead, x1: x0 + m[0].length });
  }
  return out;
}

const YEARISH = /^(19|20)\d\d$/;

interface LineInfo {
  segs: Segment[];
  figures: number;
  numbering: boolean;
}

const NUMBERING_CHARS = /^[\d().\s]+$/;

function info(input: LayoutInput, i: number): LineInfo {
  const segs = segments(input, i);
  const texts = segs.map((s) => s.text);
  // A line of one segment is a numbering row only when it holds nothing but digits, brackets and
  // dots: any other line (every line of prose) is not split into its words to find that out.
  const numbering = isNumberingTokens(texts) || (segs.length === 1 && NUMBERING_CHARS.test(texts[0]!) && isNumberingTokens(texts[0]!.split(/\s+/)));
  return { segs, figures: segs.filter((s) => isFigureCell(s.text) && !YEARISH.test(s.text)).length, numbering };
}

function isData(l: LineInfo): boolean {
  return l.segs.length >= 2 && l.figures >= 1 && !l.numbering;
}

/** Column ranges from the blank stretches (two wide at least) every data row shares. */
function columnsOf(lines: LineInfo[]): { x0: number; x1: number }[] {
  let width = 0;
  for (const l of lines) for (const s of l.segs) width = Math.max(width, s.x1);
  const occ = new Uint16Array(width + 1);
  for (const l of lines) for (const s of l.segs) for (let x = s.x0; x < s.x1; x++) occ[x]! += 1;
  let lo = 0;
  while (lo < width && occ[lo] === 0) lo++;
  const cols: { x0: number; x1: number }[] = [];
  let start = lo;
  let x = lo;
  while (x < width) {
    if (occ[x] !== 0) {
      x++;
      continue;
    }
    let y = x;
    while (y < width && occ[y] === 0) y++;
    if (y - x >= 2 && y < width) {
      cols.push({ x0: start, x1: x });
      start = y;
    }
    x = y;
  }
  if (width > start) cols.push({ x0: start, x1: width });
  return cols;
}

/** The column a segment belongs to (the one it overlaps most), and every column it touches. */
function place(cols: { x0: number; x1: number }[], s: Segment): { best: number; touched: number[] } {
  let best = -1;
  let bestOverlap = 0;
  const touched: number[] = [];
  cols.forEach((c, k) => {
    const overlap = Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0);
    if (overlap > 0) touched.push(k);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = k;
    }
  });
  if (best === -1) {
    // In a gap: the nearest column.
    let d = Infinity;
    cols.forEach((c, k) => {
      const dist = s.x1 <= c.x0 ? c.x0 - s.x1 : s.x0 - c.x1;
      if (dist < d) {
        d = dist;
        best = k;
      }
    });
  }
  return { best, touched };
}

/** Cells of a line on the columns; null when a segment spans two columns (not a row). */
function cellsOn(input: LayoutInput, cols: { x0: number; x1: number }[], l: LineInfo, lineEnd: number): TextCell[] | null {
  const per: Segment[][] = cols.map(() => []);
  for (const s of l.segs) {
    const { best, touched } = place(cols, s);
    if (touched.length > 1) return null;
    per[best]!.push(s);
  }
  return per.map((segs) => (segs.length === 0 ? emptyCell(lineEnd) : cellOf(input.src, segs)));
}

export function readAlignedTables(input: LayoutInput): TextTable[] {
  const { src } = input;
  const n = src.lines.length;
  const infos: (LineInfo | undefined)[] = new Array(n);
  const at = (i: number): LineInfo | undefined => {
    if (!usable(input, i) || input.furniture[i] === 1 || src.isBlank(i)) return undefined;
    return (infos[i] ??= info(input, i));
  };
  const out: TextTable[] = [];
  for (let i = 0; i < n; i++) {
    const first = at(i);
    if (!first || !isData(first)) continue;
    const table = readFrom(input, i, at);
    if (table) {
      out.push(table);
      for (let k = table.firstLine; k <= table.lastLine; k++) input.taken[k] = 1;
      i = table.lastLine;
    }
  }
  return out;
}

/** A group heading over rows: "Sasaran 2: …", "Program Penunjang …:", "A. Urusan …". */
const GROUP_HEADING = /^(?:(?:sasaran|tujuan|program|urusan|bidang)\b(?:\s+(?:strategis|kegiatan|program))?\s*\d+\s*[:.]|[A-H]\.\s+\p{Lu}|.{3,120}:$)/iu;

/** A figure with decimals, thousands or a percent sign: "16,05", "1.250.000", "95%". */
const MEASURE = /,\d|%|\d\.\d{3}|\d{4}/;

const LABEL_ROLES = new Set<ColumnRole>(['label', 'indicator', 'goal', 'unit', 'other']);

function readFrom(input: LayoutInput, startLine: number, at: (i: number) => LineInfo | undefined): TextTable | null {
  const { src } = input;
  const n = src.lines.length;
  // The data lines of the block: data rows, with word-only lines, furniture and single blank
  // lines between them.
  const dataLines: number[] = [];
  let blanks = 0;
  let lastData = startLine;
  let wordLines = 0;
  let afterBreak = false;
  for (let i = startLine; i < n && usable(input, i); i++) {
    if (input.furniture[i] === 1) {
      blanks = 0;
      afterBreak = true;
      continue;
    }
    if (src.isBlank(i)) {
      // Two blank lines end the table, unless they are the margins of a page break.
      if (++blanks > 1 && !afterBreak && !pageBreakAhead(input, i)) break;
      continue;
    }
    blanks = 0;
    afterBreak = false;
    const l = at(i)!;
    if (isData(l)) {
      dataLines.push(i);
      lastData = i;
      wordLines = 0;
    } else if (++wordLines > 6) break;
  }
  void lastData;
  if (dataLines.length < 2) return null;
  // Columns from the first two data rows; each further row must keep them all (a row that
  // would merge two columns, such as justified prose, ends the table).
  const rows = dataLines.slice(0, 2);
  let cols = columnsOf(rows.map((i) => at(i)!));
  if (cols.length < 3) return null;
  for (const i of dataLines.slice(2)) {
    const next = columnsOf([...rows, i].map((k) => at(k)!));
    if (next.length !== cols.length) break;
    rows.push(i);
    cols = next;
  }
  const lastRowLine = rows[rows.length - 1]!;

  // Header lines above the first data row.
  const headerLines: number[] = [];
  let groupAbove: number | undefined;
  for (let i = startLine - 1; i >= 0 && headerLines.length < 5 && usable(input, i); i--) {
    if (input.furniture[i] === 1) break;
    if (src.isBlank(i)) break;
    const l = at(i)!;
    if (l.figures > 0 && !l.numbering) break;
    // A group heading right above the first row ("Sasaran 1: …"), the header above it.
    if (i === startLine - 1 && l.segs.length === 1 && place(cols, l.segs[0]!).touched.length > 2) {
      groupAbove = i;
      continue;
    }
    const wide = l.segs.some((s) => s.x1 - s.x0 > 60);
    if (wide) break;
    if (l.segs.length === 1 && !l.numbering) {
      // A title alone on its line (a wrapped title) sits over one or two columns, no further left.
      const { touched } = place(cols, l.segs[0]!);
      if (touched.length > 2 || l.segs[0]!.x0 < cols[0]!.x0 - 1) break;
    }
    headerLines.unshift(i);
  }
  // A header needs one line of several titles.
  while (headerLines.length > 0 && at(headerLines[0]!)!.segs.length < 2) headerLines.shift();
  const headerRows: TextCell[][] = [];
  const headerXs: ({ x0: number; x1: number } | undefined)[][] = [];
  for (const i of headerLines) {
    const l = at(i)!;
    if (l.numbering) continue;
    const row = cols.map(() => [] as Segment[]);
    for (const s of l.segs) {
      const { best, touched } = place(cols, s);
      // A title centred over the columns it spans starts at the first of them.
      row[touched.length > 1 ? touched[0]! : best]!.push(s);
    }
    const end = src.line(i)!.end;
    headerRows.push(row.map((segs) => (segs.length === 0 ? emptyCell(end) : cellOf(src, segs))));
    headerXs.push(row.map((segs) => (segs.length === 0 ? undefined : { x0: segs[0]!.x0, x1: segs[segs.length - 1]!.x1 })));
  }
  spreadCentredTitles(headerRows, headerXs, cols);
  const names = columnNames(
    headerRows.map((r) => r.map((c) => c.text)),
    cols.length,
  );
  const { roles } = columnRoleList(names);
  const known = roles.filter((r) => r !== 'other').length;
  if (headerRows.length === 0 || known < 2) {
    // Without a header of known titles: three rows at least, each with two figures of the kind
    // a table measures (decimals, thousands, percentages), so that a table of contents
    // ("1.1  Latar Belakang  3") or a numbered list stays text.
    if (rows.length < 3) return null;
    const measured = (i: number) => at(i)!.segs.filter((sg) => isFigureCell(sg.text) && MEASURE.test(sg.text)).length >= 2;
    if (!rows.every(measured)) return null;
  }
  const headerKeys = new Set(headerLines.map((i) => normTitle(src.lineText(i))));
  // The label column: the first column whose cells are mostly words.
  const dataCells = rows.map((i) => cellsOn(input, cols, at(i)!, src.line(i)!.end));
  if (dataCells.some((c) => c === null)) return null;
  let labelCol = cols.findIndex((_, k) => {
    const words = dataCells.filter((r) => r![k]!.text !== '' && !isFigureCell(r![k]!.text)).length;
    return words * 2 >= rows.length;
  });
  if (labelCol < 0) labelCol = roles.findIndex((r) => LABEL_ROLES.has(r));
  if (labelCol < 0) labelCol = 0;

  const body: TextCell[][] = [];
  let lastLine = rows[0]!;
  let pendingLabel: TextCell | undefined;
  const bodyStart = groupAbove !== undefined && headerLines.length > 0 ? groupAbove : rows[0]!;
  for (let i = bodyStart; i <= lastRowLine + 3 && i < n; i++) {
    if (!usable(input, i)) break;
    if (input.furniture[i] === 1 || src.isBlank(i)) continue;
    const l = at(i)!;
    if (headerKeys.has(normTitle(src.lineText(i))) || l.numbering) continue;
    const cells = cellsOn(input, cols, l, src.line(i)!.end);
    if (!cells) {
      // A group heading across the columns ("Sasaran 1: Meningkatnya …") between data rows: a
      // row of its own, its words in the label column.
      if (i < lastRowLine && l.figures === 0 && l.segs.length <= 2) {
        const row = cols.map(() => emptyCell(src.line(i)!.end));
        row[labelCol] = cellOf(src, l.segs);
        body.push(row);
        lastLine = i;
        continue;
      }
      break;
    }
    if (isData(l)) {
      if (i > lastRowLine) break;
      if (pendingLabel) {
        cells[labelCol] = cells[labelCol]!.text === '' ? pendingLabel : joinCells([pendingLabel, cells[labelCol]!]);
        pendingLabel = undefined;
      }
      body.push(cells);
      lastLine = i;
      continue;
    }
    // Words only: in the label column alone, they carry on a label: the next row's when its
    // label is empty or goes on in lower case under this capitalised line, else the row above's.
    const filled = cells.map((c, k) => (c.text === '' ? -1 : k)).filter((k) => k >= 0);
    const heading = filled.length === 1 && GROUP_HEADING.test(cells[filled[0]!]!.text);
    if (heading && i < lastRowLine) {
      body.push(cells);
      lastLine = i;
      continue;
    }
    if (filled.length === 1 && filled[0] === labelCol) {
      const next = nextLine(input, i, at);
      const nextCells = next === undefined ? undefined : cellsOn(input, cols, at(next)!, src.line(next)!.end);
      const nextIsRow = next !== undefined && isData(at(next)!) && next <= lastRowLine;
      const prev = body[body.length - 1];
      const nextLabel = nextCells?.[labelCol]?.text ?? '';
      const opensNext = /^\p{Lu}/u.test(cells[labelCol]!.text) && /^\p{Ll}/u.test(nextLabel);
      if (nextIsRow && nextCells && (nextLabel === '' || (opensNext && !pendingLabel))) {
        pendingLabel = pendingLabel ? joinCells([pendingLabel, cells[labelCol]!]) : cells[labelCol]!;
      } else if (prev && !pendingLabel && i - lastLine <= 2) {
        prev[labelCol] = joinCells([prev[labelCol]!, cells[labelCol]!]);
        lastLine = i;
      } else if (nextIsRow && !pendingLabel) {
        pendingLabel = cells[labelCol]!;
      } else break;
      continue;
    }
    if (i > lastRowLine) break;
    // A group row ("Sasaran 1: …") in the text columns: kept as a row of its own.
    if (filled.every((k) => !isFigureCell(cells[k]!.text))) {
      body.push(cells);
      lastLine = i;
      continue;
    }
    break;
  }
  if (body.filter((r) => r.some((c) => isFigureCell(c.text))).length < 2) return null;
  const firstLine = headerLines.length > 0 ? headerLines[0]! : rows[0]!;
  const header = headerRows;
  return { format: 'aligned', firstLine, lastLine, rows: [...header, ...body], headerRows: header.length };
}

function nextLine(input: LayoutInput, i: number, at: (i: number) => LineInfo | undefined): number | undefined {
  for (let k = i + 1; k < input.src.lines.length && k <= i + 3; k++) {
    if (!usable(input, k)) return undefined;
    if (input.furniture[k] === 1 || input.src.isBlank(k)) continue;
    return at(k) ? k : undefined;
  }
  return undefined;
}

/**
 * "Anggaran" centred over "Pagu  Realisasi  %" lands in the middle column only. A title whose
 * neighbours are empty on its line but titled on the line below, and which sits at the centre of
 * that run of columns, is moved to the run's first column, so that the header logic spreads it
 * over the run ("Anggaran Pagu", "Anggaran Realisasi", "Anggaran %").
 */
function spreadCentredTitles(rows: TextCell[][], xs: ({ x0: number; x1: number } | undefined)[][], cols: { x0: number; x1: number }[]): void {
  for (let h = 0; h + 1 < rows.length; h++) {
    const row = rows[h]!;
    const below = rows[h + 1]!;
    for (let c = 0; c < row.length; c++) {
      const x = xs[h]![c];
      if (row[c]!.text === '' || below[c]!.text === '' || !x) continue;
      const open = (k: number) => k >= 0 && k < row.length && row[k]!.text === '' && below[k]!.text !== '';
      let a = c;
      let b = c;
      while (open(a - 1)) a--;
      while (open(b + 1)) b++;
      if (a === c) continue;
      const runCentre = (cols[a]!.x0 + cols[b]!.x1) / 2;
      const centre = (x.x0 + x.x1) / 2;
      if (Math.abs(centre - runCentre) > Math.max(3, 0.15 * (cols[b]!.x1 - cols[a]!.x0))) continue;
      const title = row[c]!;
      row[a] = title;
      row[c] = { text: '', start: title.end, end: title.end };
    }
  }
}
