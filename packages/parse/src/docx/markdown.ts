import type { List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { shorten, type DocxLocation } from './locations.js';

/**
 * Writes the mdast of a Word document as the Markdown lkip reads, and records where each
 * paragraph and table cell went. Tables are written as tab-separated lines, the form PDF and
 * Word exports of LKIP drafts take and the one the table reader knows best: which rows are
 * headers is decided from their content, as for every other draft, where a pipe table would
 * force the first row to be one (Word tables often start with data, or continue a table from
 * the previous page). Block markup is escaped only where a Word paragraph would otherwise
 * change structure (a code fence, a line of dashes under another line); everything else is
 * written as the user typed it, so the reader sees what it sees in converted PDFs.
 */

export interface MarkdownOutput {
  markdown: string;
  locations: DocxLocation[];
}

class Writer {
  private readonly parts: string[] = [];
  length = 0;
  line = 1;

  write(text: string): void {
    if (text === '') return;
    this.parts.push(text);
    this.length += text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line++;
  }

  /** A blank line before a top-level block, unless it is the first. */
  startBlock(): void {
    if (this.length > 0) this.write('\n\n');
  }

  toString(): string {
    return this.parts.join('');
  }
}

interface Segment {
  text: string;
  wrap?: '**' | '*';
  block?: boolean;
}

// Markers go where they cannot split a word or a figure: after a space or an opening bracket,
// before a space, a closing bracket or punctuation that does not continue a number ("12**,5").
const OPENS_EMPHASIS = /^(?:|\s|[([{"'\u201c\u2018])$/u;
const CLOSES_EMPHASIS = /^(?:|\s.?|[)\]}"'\u201d\u2019:;!?][^]?|[.,](?!\d)[^]?)$/u;
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'blockquote', 'code']);

function cleanText(value: string): string {
  // A tab inside a Word paragraph is layout (a leader to a page number), not a table: the
  // tab-table reader must not see it.
  return value.replace(/[\t\v\f\r]/g, ' ');
}

function segmentOf(node: Nodes): Segment {
  switch (node.type) {
    case 'text':
      return { text: cleanText(node.value) };
    case 'strong':
      return { text: inline(node.children), wrap: '**' };
    case 'emphasis':
      return { text: inline(node.children), wrap: '*' };
    case 'break':
      return { text: '\n' };
    case 'inlineCode':
    case 'html':
      return { text: cleanText(node.value) };
    case 'code':
      return { text: cleanText(node.value), block: true };
    case 'image':
    case 'imageReference':
      return { text: '' };
    default:
      if ('children' in node) return { text: inline(node.children as Nodes[]), block: BLOCK_TYPES.has(node.type) };
      return { text: 'value' in node && typeof node.value === 'string' ? cleanText(node.value) : '' };
  }
}

/**
 * Phrasing content as text with line breaks. Bold and italic keep their markers only where
 * they read as emphasis: Word happily bolds "94," of "94,50", and "**94,**50" would split the
 * figure for every reader after us.
 */
function inline(nodes: readonly Nodes[]): string {
  const segments = nodes.map(segmentOf);
  const parts: string[] = [];
  // The last character written, kept aside: reading it back from a growing string would
  // flatten that string each time and make a paragraph of many bold runs quadratic.
  let last = '';
  const write = (text: string) => {
    if (text === '') return;
    parts.push(text);
    last = text.charAt(text.length - 1);
  };
  segments.forEach((segment, i) => {
    if (segment.block && last !== '' && last.trim() !== '') write('\n');
    if (!segment.wrap) {
      write(segment.text);
      return;
    }
    // trimStart/trimEnd, not /\s*$/: a regex anchored at the end retries at every space of a long run.
    const core = segment.text.trim();
    const lead = segment.text.slice(0, segment.text.length - segment.text.trimStart().length);
    const trail = segment.text.slice(segment.text.trimEnd().length);
    const before = lead !== '' ? lead.charAt(lead.length - 1) : last;
    const following = segments[i + 1];
    const after = trail !== '' ? ' ' : following ? (following.wrap && following.text.trim() !== '' ? '*' : following.text.slice(0, 2)) : '';
    const clean = core !== '' && !core.includes(segment.wrap) && OPENS_EMPHASIS.test(before) && CLOSES_EMPHASIS.test(after);
    write(lead);
    write(clean ? `${segment.wrap}${core}${segment.wrap}` : core);
    write(trail);
  });
  return parts.join('');
}

const FENCE = /^(?:`{3,}|~{3,})/;
const UNDERLINE = /^(?:=+|-+)\s*$|^([-*_])(?:\s*\1){2,}\s*$/;

/** Lines of a paragraph: trimmed, empty ones dropped, the few structure-changing starts escaped. */
function paragraphLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/ {2,}/g, ' ').trim();
    if (line === '') continue;
    // A fence would swallow the rest of the draft; a line of "=" or "-" under another turns it into a heading.
    lines.push(FENCE.test(line) || (lines.length > 0 && UNDERLINE.test(line)) ? `\\${line}` : line);
  }
  return lines;
}

function plain(text: string): string {
  return text.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

function cellText(node: Nodes): string {
  // split/trim rather than /\s*\n\s*/, which retries at every blank of a long run of them.
  return inline('children' in node ? (node.children as Nodes[]) : [])
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/ {2,}/g, ' ');
}

class MarkdownBuilder {
  private readonly w = new Writer();
  readonly locations: DocxLocation[] = [];
  private tables = 0;
  /** The text of the block just written at the top level, a caption candidate for a table. */
  private previous: string | undefined;

  build(root: Root): MarkdownOutput {
    for (const node of root.children) this.block(node);
    const text = this.w.toString();
    return { markdown: text === '' ? '' : `${text}\n`, locations: this.locations };
  }

  private block(node: RootContent): void {
    switch (node.type) {
      case 'heading': {
        const text = paragraphLines(inline(node.children)).join(' ');
        if (text === '') return;
        this.w.startBlock();
        this.w.write(`${'#'.repeat(Math.min(Math.max(node.depth, 1), 6))} `);
        this.record('heading', text, () => this.w.write(text));
        this.previous = plain(text);
        return;
      }
      case 'paragraph':
      case 'html':
      case 'code': {
        const lines = paragraphLines(node.type === 'paragraph' ? inline(node.children) : cleanText(node.value));
        if (lines.length === 0) return;
        this.w.startBlock();
        this.writeLines('paragraph', lines, '');
        this.previous = plain(lines.join(' '));
        return;
      }
      case 'list':
        if (!hasText(node)) return;
        this.w.startBlock();
        this.list(node, '');
        this.previous = undefined;
        return;
      case 'table':
        this.table(node);
        this.previous = undefined;
        return;
      default:
        // Blockquotes, footnote bodies, anything a style map wrapped: their blocks, in order.
        if ('children' in node) for (const child of node.children as RootContent[]) this.block(child);
        return;
    }
  }

  private record(kind: DocxLocation['kind'], text: string, write: () => void, table?: DocxLocation['table']): void {
    const start = this.w.length;
    const line = this.w.line;
    write();
    const location: DocxLocation = { kind, start, end: this.w.length, line, endLine: this.w.line, text: shorten(plain(text)) };
    if (table) location.table = table;
    this.locations.push(location);
  }

  private writeLines(kind: DocxLocation['kind'], lines: string[], indent: string): void {
    this.record(kind, lines.join(' '), () => {
      lines.forEach((line, i) => this.w.write(i === 0 ? line : `\n${indent}${line}`));
    });
  }

  private list(list: List, indent: string): void {
    const start = list.start ?? 1;
    let first = true;
    list.children.forEach((item, i) => {
      if (!hasText(item)) return;
      if (!first) this.w.write(`\n${indent}`);
      first = false;
      const marker = list.ordered ? `${start + i}. ` : '- ';
      this.w.write(marker);
      this.listItem(item, indent + ' '.repeat(marker.length));
    });
  }

  private listItem(item: ListItem, indent: string): void {
    let first = true;
    for (const child of item.children) {
      if (!hasText(child)) continue;
      if (!first) this.w.write(`\n${indent}`);
      first = false;
      if (child.type === 'list') {
        this.list(child, indent);
        continue;
      }
      const text = child.type === 'paragraph' ? inline((child as Paragraph).children) : cellText(child);
      const lines = paragraphLines(text);
      this.writeLines('list-item', lines.length > 0 ? lines : [''], indent);
    }
  }

  private table(table: Table): void {
    const rows = table.children.map((row) => row.children.map(cellText));
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (width === 0 || rows.every((r) => r.every((c) => c === ''))) return;
    this.tables++;
    const place = {
      index: this.tables,
      header: shorten((rows.find((r) => r.some((c) => c !== '')) ?? []).filter((c) => c !== '').join(' | ')),
      ...(this.previous !== undefined ? { caption: shorten(this.previous, 60) } : {}),
    };
    // A one-column table has no tab to make it a table: its rows are paragraphs.
    const separator = width === 1 ? '\n\n' : '\n';
    let first = true;
    rows.forEach((cells, r) => {
      if (cells.every((c) => c === '')) return;
      if (first) this.w.startBlock();
      else this.w.write(separator);
      first = false;
      cells.forEach((cell, c) => {
        if (c > 0) this.w.write('\t');
        const text = c === 0 && FENCE.test(cell) ? `\\${cell}` : cell;
        this.record('table-cell', cell, () => this.w.write(text), { ...place, row: r + 1, column: c + 1 });
      });
    });
  }
}

function hasText(node: Nodes): boolean {
  if ('value' in node && typeof node.value === 'string') return node.value.trim() !== '';
  if ('children' in node) return (node.children as Nodes[]).some(hasText);
  return false;
}

export function mdastToMarkdown(root: Root): MarkdownOutput {
  return new MarkdownBuilder().build(root);
}
