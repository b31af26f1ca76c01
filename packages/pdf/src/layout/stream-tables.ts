import { frameBoxToPage } from './geometry.js';
import { joinCellLines } from './cell-text.js';
import { joinRuns, lineSegments, makeLine } from './lines.js';
import { LIST_MARKER } from './markers.js';
import type { Line, PageBlock, Run, Segment, TableCell } from './types.js';

interface Seg {
  runs: Run[];
  x0: number;
  x1: number;
}

/**
 * Cells of a line: runs split at wide gaps. A list label and its text ("1." … "Indikator")
 * are one cell: a numbered list is not a two-column table.
 */
export function lineCells(line: Line): Seg[] {
  const segs = lineSegments(line).map((runs) => ({ runs, x0: runs[0]!.x0, x1: runs[runs.length - 1]!.x1 }));
  if (segs.length >= 2 && LIST_MARKER.test(joinRuns(segs[0]!.runs))) {
    const [a, b] = segs as [Seg, Seg];
    segs.splice(0, 2, { runs: [...a.runs, ...b.runs], x0: a.x0, x1: b.x1 });
  }
  return segs;
}

/** Baselines further apart than this (× font size) are two rows even when few cells are filled. */
const ROW_PITCH = 1.32;
/** More space than this (× font size) between two lines ends a table. */
const TABLE_BREAK = 2.2;

/**
 * Tables without rules, found as Tabula's "stream" mode finds them (after Nurminen 2013):
 * consecutive lines whose text falls into the same columns, separated by vertical
 * "rivers" of white space. Returns the tables and the lines that are not in one.
 */
export function findStreamTables(lines: readonly Line[], turns: number, rules: readonly Segment[] = []): { tables: Extract<PageBlock, { kind: 'table' }>[]; rest: Line[] } {
  const cells = lines.map(lineCells);
  const across = rules.filter((r) => r.dir === 'h');
  const tables: Extract<PageBlock, { kind: 'table' }>[] = [];
  const rest: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((cells[i] as Seg[]).length < 2) {
      rest.push(lines[i] as Line);
      i++;
      continue;
    }
    // Grow the region: lines with several cells, and single-cell lines that stay inside a column.
    let end = i;
    let lastMulti = i;
    let multi = 1;
    let rivers = riversOf([cells[i] as Seg[]]);
    let left = (cells[i] as Seg[])[0]!.x0;
    let right = (cells[i] as Seg[])[(cells[i] as Seg[]).length - 1]!.x1;
    // A rule drawn across the table between two lines parts two rows, and does not end the table.
    const ruled = (a: Line, b: Line) => ruleBetween(across, a, b, left, right) !== undefined;
    for (let j = i + 1; j < lines.length; j++) {
      const prev = lines[j - 1] as Line;
      const line = lines[j] as Line;
      if (line.y - prev.y > TABLE_BREAK * line.size && !(ruled(prev, line) && line.y - prev.y <= 2 * TABLE_BREAK * line.size)) break;
      const cs = cells[j] as Seg[];
      if (cs.length >= 2) {
        const next = riversOf([...collect(cells, i, j)]);
        if (next.length === 0) break;
        rivers = next;
        multi++;
        end = j;
        lastMulti = j;
        left = Math.min(left, (cs[0] as Seg).x0);
        right = Math.max(right, (cs[cs.length - 1] as Seg).x1);
      } else if (!crossesRiver(cs[0] as Seg, rivers)) {
        // A continuation line of a cell: kept only if a row with several cells follows or it ends the table.
        end = j;
      } else break;
    }
    // Lines after the last full row belong to it only when they follow at the pitch of a cell's lines.
    // That pitch is the table's own where it shows one (the closest two of its lines), else a
    // usual line spacing. (Or under a rule across the table: the rest of a row the page broke,
    // under the header it repeats.)
    let tail = lastMulti;
    let linePitch = Infinity;
    for (let k = i + 1; k <= lastMulti; k++) linePitch = Math.min(linePitch, (lines[k] as Line).y - (lines[k - 1] as Line).y);
    const follows = (a: Line, b: Line) => b.y - a.y <= Math.max(ROW_PITCH * b.size, linePitch < 1.6 * b.size ? 1.08 * linePitch : 0) || ruled(a, b);
    while (tail < end && follows(lines[tail] as Line, lines[tail + 1] as Line)) tail++;
    end = tail;
    if (multi < 2) {
      rest.push(lines[i] as Line);
      i++;
      continue;
    }
    const table = buildStreamTable(lines.slice(i, end + 1), cells.slice(i, end + 1), turns, across);
    if (table) tables.push(table);
    else rest.push(...lines.slice(i, end + 1));
    i = end + 1;
  }
  return { tables, rest };
}

function* collect(cells: readonly Seg[][], from: number, to: number): Generator<Seg[]> {
  for (let k = from; k <= to; k++) if ((cells[k] as Seg[]).length >= 2) yield cells[k] as Seg[];
}

/** Gaps between columns: x intervals no multi-cell line writes across. */
function riversOf(rows: readonly Seg[][]): [number, number][] {
  const intervals = rows.flat().map((s) => [s.x0, s.x1] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const iv of intervals) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1] + 1) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  const rivers: [number, number][] = [];
  for (let k = 1; k < merged.length; k++) rivers.push([(merged[k - 1] as [number, number])[1], (merged[k] as [number, number])[0]]);
  return rivers;
}

function crossesRiver(seg: Seg, rivers: readonly [number, number][]): boolean {
  return rivers.some(([a, b]) => seg.x0 < a && seg.x1 > b);
}

interface Row {
  /** Per column, the runs of each line that writes in it. */
  lines: Run[][][];
  y: number;
}

/** A rule drawn across most of the width from `left` to `right` between the glyphs of two lines. */
function ruleBetween(rules: readonly Segment[], above: Line, below: Line, left: number, right: number): Segment | undefined {
  const width = right - left;
  return rules.find((r) => r.at > above.bottom - 1 && r.at < below.top + 1 && Math.min(r.b, right) - Math.max(r.a, left) >= 0.9 * width);
}

function buildStreamTable(lines: readonly Line[], cells: readonly Seg[][], turns: number, rules: readonly Segment[]): Extract<PageBlock, { kind: 'table' }> | undefined {
  const rivers = riversOf(cells.filter((c) => c.length >= 2));
  if (rivers.length === 0) return undefined;
  const bounds = [-Infinity, ...rivers.map(([a, b]) => (a + b) / 2), Infinity];
  const nc = bounds.length - 1;
  const columnOf = (s: Seg) => {
    const mid = (s.x0 + Math.min(s.x1, s.x0 + 40)) / 2;
    for (let c = 0; c < nc; c++) if (mid < (bounds[c + 1] as number)) return c;
    return nc - 1;
  };
  const rows: Row[] = [];
  // Rows set apart by cell padding: a gap wider than the lines of one cell starts a row. Rows
  // as tight as lines: a line that fills several columns starts one.
  // Rules drawn across the table part rows. The band between a rule over the first line and the
  // next rule is the header: one row, however many lines its cells wrap to.
  const tableLeft = Math.min(...lines.map((l) => l.x0));
  const tableRight = Math.max(...lines.map((l) => l.x1));
  const width = tableRight - tableLeft;
  const spanning = rules.filter((r) => Math.min(r.b, tableRight) - Math.max(r.a, tableLeft) >= 0.9 * width);
  const first = lines[0] as Line;
  const overHeader = spanning.some((r) => r.at < first.top + 1 && r.at > first.top - 1.5 * first.size);
  const ruleAfter = (k: number) => (k + 1 < lines.length ? ruleBetween(spanning, lines[k] as Line, lines[k + 1] as Line, tableLeft, tableRight) : undefined);
  const gaps = lines.slice(1).map((l, k) => l.y - (lines[k] as Line).y);
  const pitch = Math.min(...gaps);
  const padded = gaps.length > 0 && pitch < 1.5 * (lines[0] as Line).size && gaps.some((d) => d > 1.2 * pitch);
  let headerEnd = -1;
  if (overHeader) for (let k = 0; k + 1 < lines.length && headerEnd < 0; k++) if (ruleAfter(k)) headerEnd = k;
  lines.forEach((line, k) => {
    const segs = cells[k] as Seg[];
    const filled = new Set(segs.map(columnOf)).size;
    const gap = k > 0 ? (gaps[k - 1] as number) : Infinity;
    const newRow =
      rows.length === 0 || (k > 0 && ruleAfter(k - 1) !== undefined) || (k > headerEnd && (padded ? gap > 1.15 * pitch : gap > ROW_PITCH * line.size || filled >= 2));
    if (newRow) rows.push({ lines: Array.from({ length: nc }, () => []), y: line.y });
    const row = rows[rows.length - 1] as Row;
    for (const s of segs) (row.lines[columnOf(s)] as Run[][]).push(s.runs);
  });
  const x0 = Math.min(...lines.map((l) => l.x0));
  const x1 = Math.max(...lines.map((l) => l.x1));
  const columnRight = (c: number) => (c + 1 < nc ? (rivers[c] as [number, number])[0] : x1);
  const out: TableCell[][] = rows.map((row) =>
    row.lines.map((segLines, c) => {
      const runs = segLines.flat();
      if (runs.length === 0) return { text: '', box: frameBoxToPage(turns, bounds[c] === -Infinity ? x0 : (bounds[c] as number), row.y - 8, columnRight(c), row.y + 2) };
      const ls = segLines.map((rs) => makeLine(rs));
      const box = frameBoxToPage(turns, Math.min(...runs.map((r) => r.x0)), Math.min(...ls.map((l) => l.top)), Math.max(...runs.map((r) => r.x1)), Math.max(...ls.map((l) => l.bottom)));
      return { text: joinCellLines(ls, columnRight(c)), box };
    }),
  );
  // Two rows of several cells make a table; so does a header set off by rules with a row under it
  // (the top of a page where a table goes on: its repeated header, then the rest of a row).
  if (out.filter((r) => r.filter((c) => c.text !== '').length >= 2).length < 2 && !(headerEnd >= 0 && out.length >= 2)) return undefined;
  const top = Math.min(...lines.map((l) => l.top));
  const bottom = Math.max(...lines.map((l) => l.bottom));
  return { kind: 'table', rows: out, box: frameBoxToPage(turns, x0, top, x1, bottom), top, bottom, columns: bounds.slice(0, -1).map((b, c) => (c === 0 ? x0 : (b as number))), ruled: false };
}
