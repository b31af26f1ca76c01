import type { Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { scanFractions } from '../fractions/scan.js';
import { treeContext } from './context.js';
import { sourceTextOf, type SourceText, type Span } from './source.js';
import { hasTab, isArtefactCells, nonEmptyCount, splitTsvLine, type TsvCell } from './tsv.js';
import { walk } from './walk.js';

declare module 'mdast' {
  interface TableData {
    /** Set on tables this package made from the source text (tab-separated lines, HTML, text layouts). */
    lkipFormat?: 'tsv' | 'html' | 'aligned' | 'lines' | 'flat';
    /** Header rows as the reader that made the table found them (its own layouts know best). */
    lkipHeaderRows?: number;
  }
}

export type ParseFn = (text: string) => Root;

let fallbackParser: ParseFn | undefined;

/** The parser used when the plugin runs outside a processor (called directly in a test). */
export function defaultParse(): ParseFn {
  if (!fallbackParser) {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();
    fallbackParser = (text) => processor.parse(text);
  }
  return fallbackParser;
}

export interface PlannedTable {
  span: Span;
  firstLine: number;
  lastLine: number;
  node: Table;
}

/**
 * unified plugin: turns blocks of consecutive TAB-separated source lines (how PDF converters
 * write tables) into mdast `table` nodes. The parser has already read those lines as
 * paragraphs, indented code, lists, thematic breaks…; those nodes are replaced, and any part
 * of them outside the tab block is parsed again on its own, positions kept.
 *
 * Blocks that are a "Perhitungan Capaian" fraction layout, and blocks made only of the
 * "----\t---" rules PDF converters leave under one-row tables, stay as they were.
 */
export function remarkTabTables(this: unknown): (tree: Root, file: VFile) => void {
  // Re-parsing with the host processor keeps whatever syntax extensions it was given.
  const host = this as { parse?: unknown } | undefined;
  const parse: ParseFn = typeof host?.parse === 'function' ? (text) => (host.parse as (t: string) => Root).call(host, text) : defaultParse();
  return (tree, file) => {
    // parseMarkdown hands the parser a copy with table lines blanked (see maskTabTables); the
    // tables are built from the real text.
    const data = (file.data ?? {}) as { lkipSource?: string; lkipMasked?: Uint8Array };
    transformTabTables(tree, data.lkipSource ?? String(file), parse, data.lkipMasked);
  };
}

export function transformTabTables(tree: Root, text: string, parse: ParseFn = defaultParse(), masked?: Uint8Array): void {
  const src = sourceTextOf(text);
  const context = treeContext(tree, src);
  const fractionLines = new Uint8Array(src.lines.length);
  const fractions = scanFractions({
    src,
    skipLine: (i) => context.code[i] === 1,
    mathSpans: context.mathSpans,
    mathBlocks: context.mathBlocks,
  });
  for (const f of fractions) for (let i = f.firstLine; i <= f.lastLine; i++) fractionLines[i] = 1;

  const planned: PlannedTable[] = [];
  let runStart = -1;
  for (let i = 0; i <= src.lines.length; i++) {
    const line = src.line(i);
    const isTabLine = line !== undefined && context.excluded[i] !== 1 && hasTab(src, line) && !src.isBlank(i);
    if (isTabLine) {
      if (runStart === -1) runStart = i;
      continue;
    }
    if (runStart !== -1) {
      const table = planTable(src, runStart, i - 1, fractionLines);
      if (table) planned.push(table);
      runStart = -1;
    }
  }
  if (planned.length > 0) replaceBlocks(tree, src, planned, parse);
  if (masked) restoreMaskedLines(tree, src, planned, masked, parse);
}

/**
 * Lines blanked before parsing that no table took after all ("\tfoo" alone, artefact rules)
 * are parsed now, on their own, so nothing of the draft goes missing from the tree.
 */
function restoreMaskedLines(tree: Root, src: SourceText, planned: PlannedTable[], masked: Uint8Array, parse: ParseFn): void {
  const covered = new Uint8Array(src.lines.length);
  for (const p of planned) for (let i = p.firstLine; i <= p.lastLine; i++) covered[i] = 1;
  const restored: RootContent[] = [];
  let segStart = -1;
  for (let i = 0; i <= src.lines.length; i++) {
    const pending = i < src.lines.length && masked[i] === 1 && covered[i] !== 1;
    if (pending && segStart === -1) segStart = i;
    if (!pending && segStart !== -1) {
      const from = (src.line(segStart) as { start: number }).start;
      const to = (src.line(i - 1) as { end: number }).end;
      const trimmed = src.trim(from, to);
      if (trimmed.end > trimmed.start) {
        const sub = parse(src.text.slice(from, to));
        shiftPositions(sub, src, from);
        restored.push(...sub.children);
      }
      segStart = -1;
    }
  }
  if (restored.length === 0) return;
  tree.children = [...tree.children, ...restored].sort((a, b) => (startOf(a) ?? 0) - (startOf(b) ?? 0));
}

interface LineCells {
  index: number;
  cells: TsvCell[];
  artefact: boolean;
}

/** Drops fraction lines (and the rules under them) at both ends of a run; null when nothing is left. */
function planTable(src: SourceText, first: number, last: number, fractionLines: Uint8Array): PlannedTable | null {
  const lines: LineCells[] = [];
  for (let i = first; i <= last; i++) {
    const cells = splitTsvLine(src, src.line(i) as NonNullable<ReturnType<SourceText['line']>>);
    lines.push({ index: i, cells, artefact: isArtefactCells(cells) });
  }
  let a = 0;
  let b = lines.length - 1;
  // Leading: a fraction line, with the rules under it.
  while (a <= b && fractionLines[(lines[a] as LineCells).index] === 1) {
    a++;
    while (a <= b && (lines[a] as LineCells).artefact) a++;
  }
  // Trailing: rules belong to the line above them, so look past them before deciding.
  for (;;) {
    let k = b;
    while (k >= a && (lines[k] as LineCells).artefact) k--;
    if (k >= a && fractionLines[(lines[k] as LineCells).index] === 1) b = k - 1;
    else break;
  }
  if (a > b) return null;
  const kept = lines.slice(a, b + 1);
  const rows = kept.filter((l) => !l.artefact);
  // A table has at least one line with two filled cells: "\tfoo" alone is indented text.
  if (!rows.some((l) => nonEmptyCount(l.cells) >= 2)) return null;

  const firstLine = (kept[0] as LineCells).index;
  const lastLine = (kept[kept.length - 1] as LineCells).index;
  const span = { start: (src.line(firstLine) as { start: number }).start, end: (src.line(lastLine) as { end: number }).end };
  const node: Table = {
    type: 'table',
    align: [],
    children: rows.map((l) => tableRow(src, l)),
    position: src.unist(span.start, span.end),
    data: { lkipFormat: 'tsv' },
  };
  const width = rows.reduce((w, l) => Math.max(w, l.cells.length), 0);
  node.align = Array.from({ length: width }, () => null);
  return { span, firstLine, lastLine, node };
}

function tableRow(src: SourceText, line: LineCells): TableRow {
  const l = src.line(line.index) as { start: number; end: number };
  return {
    type: 'tableRow',
    children: line.cells.map(
      (cell): TableCell => ({
        type: 'tableCell',
        children: [{ type: 'text', value: cell.text, position: src.unist(cell.start, cell.end) }],
        position: src.unist(cell.start, cell.end),
      }),
    ),
    position: src.unist(l.start, l.end),
  };
}

/** Moves the positions of a tree parsed from `text.slice(from)` to where that slice sits. */
export function shiftPositions(tree: Root, src: SourceText, from: number): void {
  const base = src.unist(from, from).start;
  walk(tree as Node, (node: Node) => {
    const pos = node.position;
    if (!pos) return;
    for (const point of [pos.start, pos.end]) {
      if (point.line === 1) point.column += base.column - 1;
      point.line += base.line - 1;
      point.offset = (point.offset ?? 0) + from;
    }
  });
}

function startOf(node: RootContent): number | undefined {
  return node.position?.start.offset;
}

/**
 * Puts the planned tables into the root in place of the nodes their lines were parsed into.
 * A node that also holds lines outside the table (a paragraph running into the table, a list
 * whose later items are tab rows) keeps those lines: they are parsed again on their own.
 */
export function replaceBlocks(tree: Root, src: SourceText, planned: PlannedTable[], parse: ParseFn): void {
  const out: RootContent[] = [];
  const inserted = new Uint8Array(planned.length);
  const covered = new Uint8Array(src.lines.length);
  for (const p of planned) for (let i = p.firstLine; i <= p.lastLine; i++) covered[i] = 1;
  let k0 = 0;
  for (const child of tree.children) {
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (s === undefined || e === undefined) {
      out.push(child);
      continue;
    }
    while (k0 < planned.length && (planned[k0] as PlannedTable).span.end <= s) k0++;
    const overlapping: number[] = [];
    for (let k = k0; k < planned.length && (planned[k] as PlannedTable).span.start < e; k++) {
      if ((planned[k] as PlannedTable).span.end > s) overlapping.push(k);
    }
    if (overlapping.length === 0) {
      out.push(child);
      continue;
    }
    const childFirst = src.lineIndexAt(s);
    const childLast = src.lineIndexAt(Math.max(s, e - 1));
    let segStart = -1;
    for (let line = childFirst; line <= childLast + 1; line++) {
      const keep = line <= childLast && covered[line] !== 1;
      if (keep && segStart === -1) segStart = line;
      if (!keep && segStart !== -1) {
        const from = segStart === childFirst ? s : (src.line(segStart) as { start: number }).start;
        const to = line - 1 === childLast ? e : (src.line(line - 1) as { end: number }).end;
        if (to > from) {
          const trimmed = src.trim(from, to);
          if (trimmed.end > trimmed.start) {
            const sub = parse(src.text.slice(from, to));
            shiftPositions(sub, src, from);
            out.push(...sub.children);
          }
        }
        segStart = -1;
      }
    }
    for (const k of overlapping) {
      if (inserted[k]) continue;
      inserted[k] = 1;
      out.push((planned[k] as PlannedTable).node);
    }
  }
  planned.forEach((p, k) => {
    if (!inserted[k]) out.push(p.node);
  });
  // Keep document order; a node without a position stays after the node it followed.
  let last = -1;
  const keyed = out.map((node, index) => {
    const start = startOf(node);
    if (start !== undefined) last = start;
    return { node, key: start ?? last, index };
  });
  keyed.sort((x, y) => x.key - y.key || x.index - y.index);
  tree.children = keyed.map((x) => x.node);
}
