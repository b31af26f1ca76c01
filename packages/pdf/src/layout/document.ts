import type { PdfLocation } from '../locations.js';
import { continuationRows, continues, isSplitRow, joinSplitRow, rowKey, tableStarts } from './continued-tables.js';
import { dropFurniture } from './furniture.js';
import { bodySize, headingLevels } from './headings.js';
import { LIST_START } from './markers.js';
import { joinLines } from './paragraphs.js';
import { resolveHyphens, vocabulary } from './hyphens.js';
import type { BBox, PageBlock, TableCell } from './types.js';

export interface LaidOutPage {
  page: number;
  width: number;
  height: number;
  blocks: PageBlock[];
}

interface TableRowOut {
  cells: TableCell[];
  page: number;
}

type Item =
  | {
      kind: 'paragraph';
      page: number;
      block: Extract<PageBlock, { kind: 'paragraph' | 'heading' }>;
      /** Where the paragraph goes on over the next page: the page, its box there, and the offset in `block.text` it starts at. */
      more?: { page: number; box: BBox; from: number };
    }
  | { kind: 'table'; rows: TableRowOut[]; last: Extract<PageBlock, { kind: 'table' }>; keys?: Set<string> }
  | { kind: 'fraction'; page: number; block: Extract<PageBlock, { kind: 'fraction' }> };

/**
 * The pages' blocks as one Markdown text: furniture dropped, tables broken by a page joined,
 * words cut at line ends rejoined, headings marked; tables as tab-separated rows (the layout
 * the reader knows best), stacked fractions as the two-line layout drafts use.
 */
export function writeMarkdown(pages: LaidOutPage[]): { markdown: string; locations: PdfLocation[] } {
  dropFurniture(pages, bodySize(pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b] : [])))));
  const items: Item[] = [];
  let previousPageLast: Item | undefined;
  // The words the pages write, to tell a word the page cut in a table cell (the rows at the
  // page breaks left out: their pieces are not words).
  const wordCache = new Map<string, string[]>();
  const known = vocabulary(
    pages.flatMap((p) =>
      p.blocks.flatMap((b, i) => {
        if (b.kind === 'fraction') return [];
        if (b.kind !== 'table') return [b.text];
        const rows = b.rows.slice(i === 0 ? 1 : 0, i === p.blocks.length - 1 ? -1 : undefined);
        return rows.flatMap((r) => r.map((c) => c.text));
      }),
    ),
    wordCache,
  );
  for (const p of pages) {
    p.blocks.forEach((block, i) => {
      if (block.kind === 'table') {
        const prev = items[items.length - 1];
        if (i === 0 && prev?.kind === 'table' && prev === previousPageLast && continues(prev.last, block)) {
          // The rows' keys are made only for a table that a page break may continue.
          prev.keys ??= new Set(prev.rows.map((r) => rowKey(r.cells)));
          const rows = continuationRows(prev.keys, block);
          const lastRow = prev.rows[prev.rows.length - 1];
          if (lastRow && rows[0] && isSplitRow(lastRow.cells, rows[0], known)) lastRow.cells = joinSplitRow(lastRow.cells, rows.shift() as TableCell[]);
          for (const cells of rows) {
            prev.rows.push({ cells, page: p.page });
            prev.keys.add(rowKey(cells));
          }
          prev.last = block;
          return;
        }
        items.push({ kind: 'table', rows: block.rows.map((cells) => ({ cells, page: p.page })), last: block });
      } else if (block.kind === 'fraction') items.push({ kind: 'fraction', page: p.page, block });
      else {
        const prev = items[items.length - 1];
        if (i === 0 && prev?.kind === 'paragraph' && prev === previousPageLast && !prev.more && goesOn(prev.block, block)) {
          // The page broke the paragraph: its two parts are one again (a word hyphenated at the break included).
          const text = joinLines(prev.block.text, block.text);
          prev.more = { page: p.page, box: block.box, from: text.length - block.text.length };
          prev.block = { ...prev.block, text, lines: prev.block.lines + block.lines, open: block.open };
          return;
        }
        items.push({ kind: 'paragraph', page: p.page, block });
      }
    });
    previousPageLast = items[items.length - 1];
  }

  const paragraphs = items.flatMap((it) => (it.kind === 'paragraph' ? [it.block] : []));
  const levels = headingLevels(paragraphs);
  const words = vocabulary(items.flatMap((it) => (it.kind === 'paragraph' ? [it.block.text] : it.kind === 'table' ? it.rows.flatMap((r) => r.cells.map((c) => c.text)) : [])), wordCache);

  const w = new MarkdownWriter();
  let paragraphIndex = 0;
  let tableIndex = 0;
  for (const it of items) {
    if (it.kind === 'paragraph') {
      const level = levels[paragraphIndex++] ?? 0;
      const text = escapeBlockStart(resolveHyphens(it.block.text, words));
      // The part on the next page, from where it starts in the text as written.
      const more = it.more && { page: it.more.page, bbox: it.more.box, at: Math.min(text.length, text.length - resolveHyphens(it.block.text.slice(it.more.from), words).length) };
      if (level > 0) w.block(`${'#'.repeat(level)} `, text, 'heading', it.page, it.block.box, more);
      else w.block('', text, 'paragraph', it.page, it.block.box, more);
    } else if (it.kind === 'fraction') {
      const b = it.block;
      w.raw(`${cell(b.label)}\t${cell(b.numerator)}\t${cell(b.rest)}\n\t${cell(b.denominator)}\t`, 'fraction', it.page, b.box);
    } else {
      const rows = it.rows.filter((r) => r.cells.some((c) => c.text.trim() !== ''));
      const starts = tableStarts(rows.map((r) => r.cells));
      starts.forEach((start, k) => {
        tableIndex++;
        w.table(rows.slice(start, starts[k + 1] ?? rows.length), tableIndex, (t) => resolveHyphens(t, words));
      });
    }
  }
  return { markdown: w.text(), locations: w.locations };
}

/**
 * Whether the first paragraph of a page carries on the last one of the page before: that one's
 * last line ran to the margin, and this one is set in the same type and starts no list item.
 */
function goesOn(before: Extract<PageBlock, { kind: 'paragraph' | 'heading' }>, next: Extract<PageBlock, { kind: 'paragraph' | 'heading' }>): boolean {
  if (!before.open || before.bold !== next.bold || Math.abs(before.size - next.size) > 0.5) return false;
  // A sentence that ends at the margin, then a capital: as likely a new paragraph as not; kept apart.
  if (/[.:;!?]$/.test(before.text) && /^\p{Lu}/u.test(next.text)) return false;
  return !LIST_START.test(next.text) && !before.text.includes('\n');
}

function cell(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Text that Markdown would read as something else at the start of a block. */
function escapeBlockStart(text: string): string {
  if (/^(?:#{1,6}\s|>|[-=*_]{3,}\s*$)/.test(text)) return `\\${text}`;
  return text;
}

class MarkdownWriter {
  private parts: string[] = [];
  private length = 0;
  private lineNo = 1;
  readonly locations: PdfLocation[] = [];

  private write(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) this.lineNo++;
  }

  private separate(): void {
    if (this.length > 0) this.write('\n\n');
  }

  block(prefix: string, text: string, kind: 'heading' | 'paragraph', page: number, bbox: BBox, more?: { page: number; bbox: BBox; at: number }): void {
    this.separate();
    this.write(prefix);
    const start = this.length;
    const line = this.lineNo;
    this.write(text);
    if (more && more.at > 0 && more.at < text.length) {
      // One paragraph over two pages: a location for each page's part.
      this.locations.push({ kind, page, bbox: round(bbox), start, end: start + more.at - (text[more.at - 1] === ' ' ? 1 : 0), line, endLine: this.lineNo });
      this.locations.push({ kind, page: more.page, bbox: round(more.bbox), start: start + more.at, end: this.length, line, endLine: this.lineNo });
    } else this.locations.push({ kind, page, bbox: round(bbox), start, end: this.length, line, endLine: this.lineNo });
  }

  raw(text: string, kind: 'fraction', page: number, bbox: BBox): void {
    this.separate();
    const start = this.length;
    const line = this.lineNo;
    this.write(text);
    this.locations.push({ kind, page, bbox: round(bbox), start, end: this.length, line, endLine: this.lineNo });
  }

  table(rows: readonly TableRowOut[], index: number, fix: (text: string) => string): void {
    this.separate();
    rows.forEach((row, r) => {
      if (r > 0) this.write('\n');
      row.cells.forEach((c, k) => {
        if (k > 0) this.write('\t');
        const start = this.length;
        this.write(cell(fix(c.text)));
        this.locations.push({ kind: 'table-cell', page: row.page, bbox: round(c.box), start, end: this.length, line: this.lineNo, endLine: this.lineNo, table: { index, row: r + 1, column: k + 1 } });
      });
    });
  }

  text(): string {
    return `${this.parts.join('')}\n`;
  }
}

function round(b: BBox): BBox {
  return [Math.round(b[0] * 10) / 10, Math.round(b[1] * 10) / 10, Math.round(b[2] * 10) / 10, Math.round(b[3] * 10) / 10];
}
