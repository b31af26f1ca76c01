import type { Root, Table, TableCell, TableRow } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { readAlignedTables } from './aligned.js';
import { treeContext } from './context.js';
import { readFlatTables } from './flat.js';
import { findFurniture } from './furniture.js';
import { readHtmlTables } from './html.js';
import { readLineTables } from './lines.js';
import { defaultParse, replaceBlocks, type ParseFn, type PlannedTable } from './plugin.js';
import { sourceTextOf, type SourceText } from './source.js';
import type { LayoutInput, TextCell, TextTable } from './text-layout.js';
import { walk } from './walk.js';

/**
 * unified plugin, after `remarkTabTables`: the other layouts converters produce become mdast
 * `table` nodes with exact cell positions: HTML `<table>` blocks, whitespace-aligned columns
 * (`pdftotext -layout`), one cell per line (plain `pdftotext`, copy-paste from a PDF viewer),
 * and rows flattened to one line of single-spaced words. Tab and pipe tables are left as they
 * are; the text readers only look at lines no other table, code, math or heading holds.
 */
export function remarkLayoutTables(this: unknown): (tree: Root, file: VFile) => void {
  const host = this as { parse?: unknown } | undefined;
  const parse: ParseFn = typeof host?.parse === 'function' ? (text) => (host.parse as (t: string) => Root).call(host, text) : defaultParse();
  return (tree, file) => {
    const data = (file.data ?? {}) as { lkipSource?: string };
    transformLayoutTables(tree, data.lkipSource ?? String(file), parse);
  };
}

function tableNode(src: SourceText, rows: TextCell[][], format: NonNullable<NonNullable<Table['data']>['lkipFormat']>, headerRows: number | undefined, start: number, end: number): Table {
  const children = rows.map((row): TableRow => {
    const filled = row.filter((c) => c.end > c.start);
    const rs = filled.length > 0 ? Math.min(...filled.map((c) => c.start)) : (row[0]?.start ?? start);
    const re = filled.length > 0 ? Math.max(...filled.map((c) => c.end)) : rs;
    return {
      type: 'tableRow',
      children: row.map(
        (cell): TableCell => ({
          type: 'tableCell',
          children: [{ type: 'text', value: cell.text, position: src.unist(cell.start, cell.end) }],
          position: src.unist(cell.start, cell.end),
        }),
      ),
      position: src.unist(rs, re),
    };
  });
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const node: Table = {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children,
    position: src.unist(start, end),
    data: { lkipFormat: format },
  };
  if (headerRows !== undefined) node.data = { ...node.data, lkipHeaderRows: headerRows };
  return node;
}

export function transformLayoutTables(tree: Root, text: string, parse: ParseFn = defaultParse()): void {
  // Plain prose has no table of these layouts: nothing to do without a figure or a tag.
  if (!/\d|<table/i.test(text)) return;
  const src = sourceTextOf(text);
  const context = treeContext(tree, src);
  const planned: PlannedTable[] = [];
  const excluded = new Uint8Array(context.excluded);

  for (const t of readHtmlTables(src, (offset) => context.excluded[src.lineIndexAt(offset)] === 1)) {
    const firstLine = src.lineIndexAt(t.start);
    const lastLine = src.lineIndexAt(Math.max(t.start, t.end - 1));
    const line0 = src.line(firstLine)!;
    const lineN = src.line(lastLine)!;
    planned.push({
      span: { start: line0.start, end: lineN.end },
      firstLine,
      lastLine,
      node: tableNode(src, t.rows, 'html', t.headerRows > 0 ? t.headerRows : undefined, t.start, t.end),
    });
    for (let i = firstLine; i <= lastLine; i++) excluded[i] = 1;
  }

  // Lines no text layout may take: headings, HTML, lines with tabs (the tab reader's), list
  // markers of Markdown proper ("- ", "* ") and block quotes.
  walk(tree as Node, (node: Node) => {
    if (node.type !== 'heading' && node.type !== 'html' && node.type !== 'blockquote') return;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) return;
    for (let i = src.lineIndexAt(s); i <= src.lineIndexAt(Math.max(s, e - 1)); i++) excluded[i] = 1;
  });
  for (let i = 0; i < src.lines.length; i++) {
    const line = src.lineText(i);
    if (line.includes('\t') || /^\s{0,3}([-*+]\s|>|\||#{1,6}\s)/.test(line)) excluded[i] = 1;
  }
  const furniture = findFurniture(src, (i) => excluded[i] === 1);
  const input: LayoutInput = { src, excluded, furniture: furniture.lines, taken: new Uint8Array(src.lines.length) };
  const found: TextTable[] = [...readAlignedTables(input), ...readLineTables(input), ...readFlatTables(input)];
  for (const t of found) {
    const first = src.line(t.firstLine)!;
    const last = src.line(t.lastLine)!;
    const span = src.trim(first.start, last.end);
    planned.push({ span: { start: first.start, end: last.end }, firstLine: t.firstLine, lastLine: t.lastLine, node: tableNode(src, t.rows, t.format, t.headerRows, span.start, span.end) });
  }
  if (planned.length === 0) return;
  planned.sort((a, b) => a.span.start - b.span.start);
  replaceBlocks(tree, src, planned, parse);
}
