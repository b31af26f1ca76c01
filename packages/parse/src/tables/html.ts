/**
 * HTML `<table>` blocks inside Markdown (what Word and some converters write), read with
 * rehype-parse (parse5) so that implied `<tbody>`, unclosed `<td>` and entities are handled as a
 * browser would. rowspan and colspan are spread over the grid: the cells they cover are empty,
 * as in the tab tables of converted PDFs, so the header logic joins "Anggaran" over "Pagu".
 * A cell's position covers its text in the source, from its first character to its last.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { isNumberingRow } from './header.js';
import type { SourceText } from './source.js';
import type { TextCell } from './text-layout.js';

// The few hast shapes read here (hast's own types are not a dependency of this package).
interface Point {
  offset?: number;
}
interface HastPosition {
  start: Point;
  end: Point;
}
interface Text {
  type: 'text';
  value: string;
  position?: HastPosition;
}
interface Element {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
  children: (Element | Text | { type: 'comment' | 'doctype' })[];
  position?: HastPosition;
}
type ElementContent = Element | Text;
interface HastRoot {
  type: 'root';
  children: Element['children'];
}

export interface HtmlTable {
  /** Offsets of `<table` … `</table>`. */
  start: number;
  end: number;
  rows: TextCell[][];
  headerRows: number;
}

let parser: ReturnType<typeof makeParser> | undefined;
function makeParser() {
  return unified().use(rehypeParse, { fragment: true }).freeze();
}

function children(node: Element | HastRoot): ElementContent[] {
  return (node.children as ElementContent[]).filter((c) => c.type === 'element' || c.type === 'text');
}

function isElement(node: ElementContent, ...names: string[]): node is Element {
  return node.type === 'element' && names.includes(node.tagName);
}

/** The rows of a table element in order: thead, tbody, tfoot and bare rows; nested tables skipped. */
function rowsOf(table: Element): { row: Element; head: boolean }[] {
  const out: { row: Element; head: boolean }[] = [];
  for (const child of children(table)) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') out.push({ row: child, head: false });
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      const head = child.tagName === 'thead';
      for (const r of children(child)) if (isElement(r, 'tr')) out.push({ row: r, head });
    }
  }
  return out;
}

/** Text pieces of a cell with their source offsets (relative to the parsed slice). */
function textPieces(node: Element, out: { value: string; start: number; end: number }[]): void {
  for (const child of node.children) {
    if (child.type === 'text') {
      const s = child.position?.start.offset;
      const e = child.position?.end.offset;
      if (s !== undefined && e !== undefined) out.push({ value: child.value, start: s, end: e });
    } else if (child.type === 'element') {
      if (child.tagName === 'table') continue;
      if (child.tagName === 'br' || child.tagName === 'p' || child.tagName === 'div') out.push({ value: ' ', start: -1, end: -1 });
      textPieces(child, out);
    }
  }
}

function cellOf(src: SourceText, base: number, cell: Element, fallback: number): TextCell {
  const pieces: { value: string; start: number; end: number }[] = [];
  textPieces(cell, pieces);
  const text = pieces
    .map((p) => p.value)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const located = pieces.filter((p) => p.start >= 0 && p.value.trim() !== '');
  if (text === '' || located.length === 0) return { text: '', start: fallback, end: fallback };
  const first = located[0]!;
  const last = located[located.length - 1]!;
  const span = src.trim(base + first.start, base + last.end);
  return { text, start: span.start, end: span.end };
}

function span(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '1'), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
}

function readTable(src: SourceText, base: number, table: Element, start: number, end: number): HtmlTable | null {
  const trs = rowsOf(table);
  if (trs.length === 0) return null;
  const grid: (TextCell | undefined)[][] = [];
  let headerRows = 0;
  let headerDone = false;
  trs.forEach(({ row, head }, r) => {
    const line: (TextCell | undefined)[] = (grid[r] ??= []);
    const rowEnd = base + (row.position?.end.offset ?? end - base);
    const cells = children(row).filter((c): c is Element => isElement(c, 'td', 'th'));
    let c = 0;
    for (const cell of cells) {
      while (line[c] !== undefined) c++;
      const value = cellOf(src, base, cell, base + (cell.position?.end.offset ?? rowEnd - base));
      const cols = span(cell.properties?.colSpan);
      const rows = span(cell.properties?.rowSpan);
      for (let dr = 0; dr < rows; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cols; dc++) target[c + dc] = dr === 0 && dc === 0 ? value : { text: '', start: value.end, end: value.end };
      }
      c += cols;
    }
    const allTh = cells.length > 0 && cells.every((x) => x.tagName === 'th');
    if (!headerDone && (head || allTh)) headerRows = r + 1;
    else headerDone = true;
  });
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const rows = grid.slice(0, trs.length).map((row) =>
    Array.from({ length: width }, (_, c) => row[c] ?? { text: '', start: end, end }),
  );
  // "1 2 3 4 …" under the header cells closes the header.
  if (headerRows > 0 && rows[headerRows] && isNumberingRow(rows[headerRows]!.map((c) => c.text))) headerRows++;
  return { start, end, rows, headerRows };
}

/** Every `<table>` … `</table>` of the text outside the excluded lines, outermost tables only. */
export function readHtmlTables(src: SourceText, excluded: (offset: number) => boolean): HtmlTable[] {
  const out: HtmlTable[] = [];
  const text = src.text;
  const open = /<table\b/gi;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) !== null) {
    const start = m.index;
    if (excluded(start)) continue;
    // The matching close, counting nested tables.
    const tag = /<(\/?)table\b[^<>]*>/gi;
    tag.lastIndex = start;
    let depth = 0;
    let end = -1;
    let t: RegExpExecArray | null;
    while ((t = tag.exec(text)) !== null) {
      depth += t[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    if (end === -1) break;
    open.lastIndex = end;
    parser ??= makeParser();
    const tree = parser.parse(text.slice(start, end)) as unknown as HastRoot;
    const table = children(tree).find((c): c is Element => isElement(c, 'table'));
    if (!table) continue;
    const read = readTable(src, start, table, start, end);
    if (read && read.rows.some((r) => r.filter((c) => c.text !== '').length >= 2)) out.push(read);
  }
  return out;
}
