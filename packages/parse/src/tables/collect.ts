import type { TableFormat } from '@lkip/schema';
import type { Heading, Paragraph, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { findFurniture } from './furniture.js';
import { columnNames, countHeaderRows, isNumberingRow, looksLikeHeaderRow, sameHeaderRow } from './header.js';
import { sourceTextOf, type SourceText, type Span } from './source.js';
import { isArtefactLine, significantLength } from './tsv.js';
import type { SourceCell, TableBlock } from './types.js';
import { walk } from './walk.js';

/** One table node as found in the tree, before page-break continuations are merged. */
interface RawPart {
  format: TableFormat;
  rows: SourceCell[][];
  /** Offset where each row ends: missing trailing cells are placed there. */
  rowEnds: number[];
  headerRows: number;
  span: Span;
  firstLine: number;
  lastLine: number;
}

/** How many non-empty lines above a table may separate it from its caption. */
const CAPTION_LOOKBACK = 3;
const CAPTION_START = /^(?:tabel|table)\b/i;

function texts(row: readonly SourceCell[]): string[] {
  return row.map((c) => c.text);
}

/**
 * The source span of a pipe-table cell: micromark's cell includes the pipe before it (and,
 * for the last cell, the closing pipe); the text is what lies between, trimmed.
 */
function gfmCellSpan(src: SourceText, start: number, end: number, last: boolean): Span {
  let s = start;
  let e = end;
  if (src.text.charCodeAt(s) === 124) s++;
  if (last && e > s && src.text.charCodeAt(e - 1) === 124 && src.text.charCodeAt(e - 2) !== 92) e--;
  return src.trim(s, e);
}

function readPart(node: Table, src: SourceText): RawPart | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const format: TableFormat = node.data?.lkipFormat ?? 'gfm';
  const rows: SourceCell[][] = [];
  const rowEnds: number[] = [];
  for (const row of node.children) {
    const rowEnd = row.position?.end.offset ?? end;
    const cells: SourceCell[] = [];
    row.children.forEach((cell, index) => {
      const cs = cell.position?.start.offset;
      const ce = cell.position?.end.offset;
      if (cs === undefined || ce === undefined) {
        cells.push({ text: toString(cell).trim(), position: src.position(rowEnd, rowEnd) });
        return;
      }
      const span = format !== 'gfm' ? { start: cs, end: ce } : gfmCellSpan(src, cs, ce, index === row.children.length - 1);
      // The text layouts and HTML give a cell's text themselves: a label broken over two lines, or
      // a cell with markup or entities, is not the plain source under its position.
      const own = format !== 'gfm' && format !== 'tsv';
      cells.push({ text: own ? toString(cell) : src.text.slice(span.start, span.end), position: src.position(span.start, span.end) });
    });
    rows.push(cells);
    rowEnds.push(src.trim(row.position?.start.offset ?? rowEnd, rowEnd).end);
  }
  if (rows.length === 0) return null;
  // A lone tab row ("VISI\t…", a key and its text) is data: a header needs something under it.
  const given = node.data?.lkipHeaderRows;
  const headerRows =
    given !== undefined ? given : format === 'tsv' && rows.length === 1 ? 0 : countHeaderRows(rows.map(texts), format === 'gfm');
  return {
    format,
    rows,
    rowEnds,
    headerRows,
    span: { start, end },
    firstLine: src.lineIndexAt(start),
    lastLine: src.lineIndexAt(Math.max(start, end - 1)),
  };
}

/** Only blank lines and "----\t---" rules between two line indexes (exclusive). */
function onlyGapBetween(src: SourceText, after: number, before: number): boolean {
  for (let i = after + 1; i < before; i++) {
    if (src.isBlank(i)) continue;
    const line = src.line(i);
    if (!line || !isArtefactLine(src, line)) return false;
  }
  return true;
}

/** Layouts read from converted text, whose tables a page break (page number, running head) may cut. */
const TEXT_FORMATS: ReadonlySet<TableFormat> = new Set<TableFormat>(['html', 'aligned', 'lines', 'flat']);

const FURNITURE = new WeakMap<SourceText, Uint8Array>();

/** Only blank lines and page furniture ("Halaman 12", a running head, a form feed) between two lines. */
function onlyPageBreakBetween(src: SourceText, after: number, before: number): boolean {
  if (before - after > 12) return false;
  let furniture = FURNITURE.get(src);
  if (!furniture) FURNITURE.set(src, (furniture = findFurniture(src, () => false).lines));
  for (let i = after + 1; i < before; i++) if (!src.isBlank(i) && furniture[i] !== 1) return false;
  return true;
}

function integerCell(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,4}\.?$/.test(text)) return undefined;
  return Number.parseInt(text, 10);
}

/**
 * Whether `part` continues the table `group` after a page break: it repeats the header, or
 * (header left out) its first row carries on the numbering of the rows above it.
 */
function continues(src: SourceText, group: RawPart[], part: RawPart): boolean {
  const head = group[0] as RawPart;
  const tail = group[group.length - 1] as RawPart;
  if (head.headerRows === 0 || part.firstLine <= tail.lastLine) return false;
  if (!onlyGapBetween(src, tail.lastLine, part.firstLine) && !(TEXT_FORMATS.has(tail.format) && TEXT_FORMATS.has(part.format) && onlyPageBreakBetween(src, tail.lastLine, part.firstLine)))
    return false;
  const header = texts(head.rows[0] as SourceCell[]);
  const first = texts(part.rows[0] as SourceCell[]);
  if (looksLikeHeaderRow(first) && sameHeaderRow(header, first)) {
    // A part cut right after its header has no data to show it is one: it is, by the match.
    if (part.headerRows === 0) part.headerRows = countHeaderRows(part.rows.map(texts), true);
    return true;
  }
  // A pipe table must have a header row, so a page-break continuation written as one turns its
  // first data row into the header: a numbered, non-header-like first row is data.
  if (part.format === 'gfm' && part.headerRows > 0 && !looksLikeHeaderRow(first) && integerCell(first[0]) !== undefined) part.headerRows = 0;
  if (part.headerRows > 0) return false;
  const n = integerCell(first[0]);
  if (n === undefined) return false;
  const width = significantLength(head.rows[0] as SourceCell[]);
  if (Math.abs(significantLength(part.rows[0] as SourceCell[]) - width) > 1) return false;
  for (let r = tail.rows.length - 1; r >= tail.headerRows; r--) {
    const prev = integerCell(tail.rows[r]?.[0]?.text);
    if (prev !== undefined) return prev === n - 1;
  }
  return false;
}

interface BodyRow {
  cells: SourceCell[];
  end: number;
}

/** Body rows of a group: each part's own header left out, repeated headers inside dropped. */
function bodyOf(group: RawPart[]): BodyRow[] {
  const head = group[0] as RawPart;
  const headerTexts = head.rows.slice(0, head.headerRows).map(texts);
  const candidates: BodyRow[] = [];
  group.forEach((part, index) => {
    const skip = index === 0 ? head.headerRows : part.headerRows;
    for (let r = skip; r < part.rows.length; r++) candidates.push({ cells: part.rows[r] as SourceCell[], end: part.rowEnds[r] ?? part.span.end });
  });
  if (headerTexts.length === 0) return candidates;
  const body: BodyRow[] = [];
  for (let r = 0; r < candidates.length; r++) {
    const row = texts((candidates[r] as BodyRow).cells);
    if (looksLikeHeaderRow(row) && sameHeaderRow(row, headerTexts[0] as string[])) {
      // The header again in the middle of the block (a page break without a blank line):
      // skip it and the rest of the header under it.
      let j = 1;
      while (j < headerTexts.length && r + 1 < candidates.length) {
        const next = texts((candidates[r + 1] as BodyRow).cells);
        if (!isNumberingRow(next) && !sameHeaderRow(next, headerTexts[j] as string[])) break;
        r++;
        j++;
      }
      continue;
    }
    body.push(candidates[r] as BodyRow);
  }
  return body;
}

interface CaptionIndex {
  /** For each line, the paragraph or heading it belongs to. */
  blockAt: (Paragraph | Heading | undefined)[];
}

/** `blocks`: the tree's paragraphs and headings in document order (parents first). */
function captionIndex(blocks: readonly Node[], src: SourceText): CaptionIndex {
  const blockAt: (Paragraph | Heading | undefined)[] = new Array(src.lines.length);
  for (const node of blocks) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    const a = src.lineIndexAt(s);
    const b = src.lineIndexAt(Math.max(s, e - 1));
    for (let i = a; i <= b; i++) blockAt[i] = node as Paragraph | Heading;
  }
  return { blockAt };
}

/**
 * The caption: the nearest paragraph within the three non-empty lines above the table, when
 * it reads like one ("Tabel …", or a lead-in ending with ":"). Paragraphs without letters
 * (a stray ":") are passed over.
 */
function captionFor(src: SourceText, index: CaptionIndex, tableLines: Uint8Array, firstLine: number): string | undefined {
  let seen = 0;
  for (let i = firstLine - 1; i >= 0 && seen < CAPTION_LOOKBACK; i--) {
    if (src.isBlank(i)) continue;
    seen++;
    if (tableLines[i]) return undefined;
    const block = index.blockAt[i];
    if (!block) continue;
    const text = toString(block).replace(/\s+/g, ' ').trim();
    if (!/\p{L}/u.test(text)) continue;
    return CAPTION_START.test(text) || text.endsWith(':') ? text : undefined;
  }
  return undefined;
}

/**
 * The tables of a parsed draft (tab-separated ones made by `remarkTabTables`, and pipe
 * tables), in document order, with page-break continuations merged into the table they
 * continue and their stacked headers resolved into column names.
 */
export function collectTables(tree: Root, text: string): TableBlock[] {
  const src = sourceTextOf(text);
  const parts: RawPart[] = [];
  // One walk over the tree for the tables and for the paragraphs their captions are read from.
  const captionBlocks: Node[] = [];
  walk(tree as Node, (node: Node) => {
    if (node.type === 'paragraph' || node.type === 'heading') captionBlocks.push(node);
    if (node.type !== 'table') return;
    const part = readPart(node as Table, src);
    if (part) parts.push(part);
  });
  parts.sort((a, b) => a.span.start - b.span.start);

  const groups: RawPart[][] = [];
  for (const part of parts) {
    const group = groups[groups.length - 1];
    if (group && continues(src, group, part)) group.push(part);
    else groups.push([part]);
  }

  const tableLines = new Uint8Array(src.lines.length);
  for (const p of parts) for (let i = p.firstLine; i <= p.lastLine; i++) tableLines[i] = 1;
  const captions = captionIndex(captionBlocks, src);

  return groups.map((group, index) => {
    const head = group[0] as RawPart;
    const last = group[group.length - 1] as RawPart;
    const headerTexts = head.rows.slice(0, head.headerRows).map(texts);
    const body = bodyOf(group);
    let width = 0;
    for (const row of headerTexts) width = Math.max(width, significantLength(row.map((t) => ({ text: t }))));
    for (const row of body) width = Math.max(width, significantLength(row.cells));
    const columns = columnNames(
      headerTexts.filter((r) => !isNumberingRow(r)),
      width,
    );
    const aligned = body.map((row) =>
      Array.from({ length: width }, (_, c): SourceCell => row.cells[c] ?? { text: '', position: src.position(row.end, row.end) }),
    );
    const table: TableBlock = {
      id: `t${index + 1}`,
      format: head.format,
      rows: group.flatMap((p) => p.rows),
      headerRows: head.headerRows,
      columns,
      body: aligned,
      position: src.position(head.span.start, last.span.end),
    };
    const caption = captionFor(src, captions, tableLines, head.firstLine);
    if (caption !== undefined) table.caption = caption;
    return table;
  });
}
