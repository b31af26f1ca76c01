import { frameBoxToPage } from './geometry.js';
import { cellText } from './cell-text.js';
import { clusterPositions, touches } from './segments.js';
import type { PageBlock, Run, Segment, TableCell } from './types.js';

const TOL = 2;

export interface RuledTable {
  block: Extract<PageBlock, { kind: 'table' }>;
  /** The table's area in frame coordinates: runs inside it belong to it. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Tables drawn with rules on all sides of their cells (Word's and LibreOffice's default
 * "Table Grid"): the rules give the columns and rows, and merged cells show as missing rules.
 * Returns the tables and the rules that belong to none (fraction bars, underlines).
 */
export function findRuledTables(runs: readonly Run[], segments: readonly Segment[], turns: number): { tables: RuledTable[]; loose: Segment[]; rest: Run[] } {
  const hs = segments.filter((s) => s.dir === 'h');
  const vs = segments.filter((s) => s.dir === 'v');
  // Connected groups of rules: a table is one group.
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const index = new Map(segments.map((s, i) => [s, i]));
  for (const h of hs) {
    for (const v of vs) {
      if (touches(h, v, TOL)) parent[find(index.get(h) as number)] = find(index.get(v) as number);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(s);
  });

  const tables: RuledTable[] = [];
  const loose: Segment[] = [];
  let rest: Run[] = [...runs];
  for (const group of groups.values()) {
    const gh = group.filter((s) => s.dir === 'h');
    const gv = group.filter((s) => s.dir === 'v');
    const xs = clusterPositions(gv.map((s) => s.at), TOL);
    const ys = clusterPositions(gh.map((s) => s.at), TOL);
    // A table broken by the page may be left open there (Chromium draws no rule under a row the
    // page cuts, nor over its rest on the next page): the column rules still run to the cut,
    // which closes the last row (or opens the first).
    const top = Math.min(...gv.map((s) => s.a));
    const bottom = Math.max(...gv.map((s) => s.b));
    if (ys.length > 0 && bottom > (ys[ys.length - 1] as number) + 3 * TOL) ys.push(bottom);
    if (ys.length > 0 && top < (ys[0] as number) - 3 * TOL) ys.unshift(top);
    if (xs.length < 3 || ys.length < 2) {
      // A box around a paragraph or a lone rule is no table; an underline may be a fraction bar.
      loose.push(...group);
      continue;
    }
    for (const part of splitStacked(xs, ys, gv)) {
      const inside = (r: Run) => {
        const cx = (r.x0 + r.x1) / 2;
        const cy = r.y - r.size * 0.3;
        return cx > (part.xs[0] as number) && cx < (part.xs[part.xs.length - 1] as number) && cy > (part.ys[0] as number) && cy < (part.ys[part.ys.length - 1] as number);
      };
      const mine = rest.filter(inside);
      rest = rest.filter((r) => !inside(r));
      tables.push(buildTable(mine, part.xs, part.ys, gh, gv, turns));
    }
  }
  return { tables, loose, rest };
}

/**
 * Two tables drawn one right under the other share a rule and so look like one. They part
 * where no inner column rule crosses a row rule and the inner rules above and below differ.
 */
function splitStacked(xs: number[], ys: number[], vs: readonly Segment[]): { xs: number[]; ys: number[] }[] {
  const left = xs[0] as number;
  const right = xs[xs.length - 1] as number;
  const inner = vs.filter((v) => v.at > left + TOL && v.at < right - TOL);
  const innerAt = (y0: number, y1: number) => {
    const mid = (y0 + y1) / 2;
    return clusterPositions(inner.filter((v) => v.a - TOL <= mid && v.b + TOL >= mid).map((v) => v.at), TOL);
  };
  const parts: { xs: number[]; ys: number[] }[] = [];
  let from = 0;
  for (let k = 1; k < ys.length - 1; k++) {
    const y = ys[k] as number;
    const above = innerAt(ys[k - 1] as number, y);
    const below = innerAt(y, ys[k + 1] as number);
    if (above.length === 0 || below.length === 0) continue;
    if (above.length === below.length && above.every((x, i) => Math.abs(x - (below[i] as number)) <= TOL)) continue;
    // A column rule that runs on through the row rule holds the two parts together (merged cells
    // differ from row to row), unless the columns above and below have little else in common:
    // two tables one under the other may share a column edge by chance.
    const crossing = inner.some((v) => v.a < y - TOL && v.b > y + TOL);
    const common = above.filter((x) => below.some((b) => Math.abs(b - x) <= TOL)).length;
    if (crossing && common * 2 >= Math.min(above.length, below.length)) continue;
    parts.push({ xs, ys: ys.slice(from, k + 1) });
    from = k;
  }
  parts.push({ xs, ys: ys.slice(from) });
  if (parts.length === 1) return parts;
  // Each part keeps only its own column rules.
  return parts.map((p) => {
    const y0 = p.ys[0] as number;
    const y1 = p.ys[p.ys.length - 1] as number;
    const own = clusterPositions(inner.filter((v) => v.b > y0 + TOL && v.a < y1 - TOL).map((v) => v.at), TOL);
    return { xs: [left, ...own, right], ys: p.ys };
  });
}

function buildTable(runs: readonly Run[], xs: number[], ys: number[], hs: readonly Segment[], vs: readonly Segment[], turns: number): RuledTable {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const hasV = (x: number, y: number) => vs.some((v) => Math.abs(v.at - x) <= TOL && v.a - TOL <= y && v.b + TOL >= y);
  const hasH = (y: number, x: number) => hs.some((h) => Math.abs(h.at - y) <= TOL && h.a - TOL <= x && h.b + TOL >= x);
  // anchor[r][c]: the top-left grid cell of the merged cell that covers (r, c).
  const anchor: [number, number][][] = [];
  for (let r = 0; r < nr; r++) {
    const row: [number, number][] = [];
    const ymid = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    for (let c = 0; c < nc; c++) {
      const xmid = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c > 0 && !hasV(xs[c] as number, ymid)) row.push(row[c - 1] as [number, number]);
      else if (r > 0 && !hasH(ys[r] as number, xmid)) row.push((anchor[r - 1] as [number, number][])[c] as [number, number]);
      else row.push([r, c]);
    }
    anchor.push(row);
  }
  const cellRuns = new Map<string, Run[]>();
  for (const run of runs) {
    const cx = run.x0 + Math.min(run.x1 - run.x0, run.size) / 2;
    const cy = run.y - run.size * 0.3;
    const c = Math.max(0, Math.min(nc - 1, xs.findIndex((x) => x > cx) - 1));
    const r = Math.max(0, Math.min(nr - 1, ys.findIndex((y) => y > cy) - 1));
    const [ar, ac] = (anchor[r] as [number, number][])[c] as [number, number];
    const key = `${ar},${ac}`;
    let list = cellRuns.get(key);
    if (!list) cellRuns.set(key, (list = []));
    list.push(run);
  }
  // Extent of each merged cell, to know where its right edge is.
  const extent = new Map<string, { r1: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const [ar, ac] = (anchor[r] as [number, number][])[c] as [number, number];
      const key = `${ar},${ac}`;
      const e = extent.get(key) ?? { r1: r, c1: c };
      e.r1 = Math.max(e.r1, r);
      e.c1 = Math.max(e.c1, c);
      extent.set(key, e);
    }
  }
  const rows: TableCell[][] = [];
  for (let r = 0; r < nr; r++) {
    const row: TableCell[] = [];
    for (let c = 0; c < nc; c++) {
      const [ar, ac] = (anchor[r] as [number, number][])[c] as [number, number];
      const key = `${ar},${ac}`;
      const e = extent.get(key) as { r1: number; c1: number };
      const box = frameBoxToPage(turns, xs[ac] as number, ys[ar] as number, xs[e.c1 + 1] as number, ys[e.r1 + 1] as number);
      // A merged cell's text is written once, in its top-left grid cell.
      const own = ar === r && ac === c;
      const list = own ? (cellRuns.get(key) ?? []) : [];
      const padding = list.length > 0 ? Math.max(0, Math.min(...list.map((x) => x.x0)) - (xs[ac] as number)) : 0;
      row.push({ text: own ? cellText(list, (xs[e.c1 + 1] as number) - padding) : '', box });
    }
    rows.push(row);
  }
  const x0 = xs[0] as number;
  const x1 = xs[nc] as number;
  const y0 = ys[0] as number;
  const y1 = ys[nr] as number;
  return {
    block: { kind: 'table', rows: dropEmptyColumns(rows, xs), box: frameBoxToPage(turns, x0, y0, x1, y1), top: y0, bottom: y1, columns: xs.slice(0, -1), ruled: true },
    x0,
    y0,
    x1,
    y1,
  };
}

/**
 * A sliver of a column that no row writes in (an artefact of two rules drawn a hair apart) is
 * left out; an empty column of real width stays, so that the table keeps its shape from page
 * to page.
 */
function dropEmptyColumns(rows: TableCell[][], xs: readonly number[]): TableCell[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if ((xs[c + 1] as number) - (xs[c] as number) > 6 || rows.some((r) => (r[c]?.text ?? '') !== '')) keep.push(c);
  if (keep.length === width || keep.length === 0) return rows;
  return rows.map((r) => keep.map((c) => r[c] as TableCell));
}
