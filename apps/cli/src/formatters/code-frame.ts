import { codeFrameColumns, type BabelCodeFrameOptions } from '@babel/code-frame';

// Drafts hold markdown tables whose rows run to hundreds of characters; a frame that wraps
// across the terminal hides the caret. Lines longer than this are cut to a window around the
// finding, so that a frame (with its gutter and indent) fits in 100 columns.
const MAX_LINE = 84;
const LEAD = 30;

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function sourceLines(source: string): string[] {
  return source.split(/\r\n|\n|\r/);
}

/** A code frame for `span`, two lines of context, no syntax colouring (drafts are not JS). */
export function codeFrame(lines: readonly string[], span: Span): string {
  if (span.line < 1 || span.line > lines.length) return '';
  const first = Math.max(1, span.line - 2);
  const last = Math.min(lines.length, Math.max(span.line, span.endLine) + 2);
  const shown = lines.slice(first - 1, last);
  // The window follows the finding's own line; context lines are cut to the same window.
  const target = lines[span.line - 1] ?? '';
  const start = target.length > MAX_LINE ? Math.max(0, span.column - 1 - LEAD) : 0;
  const clip = (line: string) => {
    if (line.length <= start) return line.length > 0 ? '…' : '';
    const head = start > 0 ? '…' : '';
    const tail = line.length > start + MAX_LINE ? '…' : '';
    return head + line.slice(start, start + MAX_LINE) + tail;
  };
  const shift = (column: number) => (start > 0 ? Math.min(Math.max(1, column - start + 1), MAX_LINE + 2) : Math.min(column, MAX_LINE + 1));
  const raw = shown.map(clip).join('\n');
  const endLine = Math.max(span.endLine, span.line);
  const endColumn = endLine === span.line ? Math.max(span.endColumn, span.column + 1) : span.endColumn;
  return codeFrameColumns(
    raw,
    { start: { line: span.line, column: shift(span.column) }, end: { line: endLine, column: shift(endColumn) } },
    options(first),
  );
}

// `startLine` (the number of the first line passed) is read by @babel/code-frame 7.29 but is
// missing from @types/babel__code-frame; it lets us pass only the framed lines of a large draft.
function options(startLine: number): BabelCodeFrameOptions {
  const opts: BabelCodeFrameOptions & { startLine: number } = { highlightCode: false, linesAbove: 2, linesBelow: 2, startLine };
  return opts;
}
