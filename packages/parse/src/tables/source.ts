import type { Position } from '@lkip/schema';
import type { Position as UnistPosition } from 'unist';

/** One source line: `start`..`end` is its content without the line ending. */
export interface Line {
  /** 0-based line index. */
  index: number;
  start: number;
  end: number;
}

/** A half-open offset range into the source text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Whitespace as it shows up in converted PDFs: ASCII blanks plus the no-break and typographic
 * spaces that Word and PDF converters leave behind. Checked by code so no regex is involved.
 */
export function isBlankChar(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 13 ||
    code === 10 ||
    code === 11 ||
    code === 12 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The source text split into lines, with offset ↔ line/column conversion. Lines are split on
 * "\n" only (a "\r" before it is treated as part of the line ending) so line numbers agree
 * with the other position helpers of the package; columns count UTF-16 units, tabs as one.
 */
export class SourceText {
  readonly lines: Line[] = [];

  constructor(readonly text: string) {
    // Line breaks found with indexOf: a loop over every character of a long draft runs in the
    // interpreter for most of its length on a cold start (about ten times slower).
    for (let start = 0; ; ) {
      const lf = text.indexOf('\n', start);
      const next = lf === -1 ? text.length : lf;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      this.lines.push({ index: this.lines.length, start, end });
      if (lf === -1) break;
      start = lf + 1;
    }
  }

  line(index: number): Line | undefined {
    return this.lines[index];
  }

  lineText(index: number): string {
    const line = this.lines[index];
    return line === undefined ? '' : this.text.slice(line.start, line.end);
  }

  /** Index of the line holding `offset` (an offset at a line ending belongs to that line). */
  lineIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lines[mid]?.start ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private point(offset: number): { line: number; column: number; offset: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const index = this.lineIndexAt(clamped);
    const start = this.lines[index]?.start ?? 0;
    return { line: index + 1, column: clamped - start + 1, offset: clamped };
  }

  position(start: number, end: number): Position {
    const a = this.point(start);
    const b = this.point(Math.max(start, end));
    return { line: a.line, column: a.column, offset: a.offset, endLine: b.line, endColumn: b.column, endOffset: b.offset };
  }

  unist(start: number, end: number): UnistPosition {
    const a = this.point(start);
    const b = this.point(Math.max(start, end));
    return { start: a, end: b };
  }

  isBlank(index: number): boolean {
    const line = this.lines[index];
    if (line === undefined) return true;
    for (let i = line.start; i < line.end; i++) if (!isBlankChar(this.text.charCodeAt(i))) return false;
    return true;
  }

  /** `start`..`end` without the whitespace at either side (a zero-width span at `start` when all blank). */
  trim(start: number, end: number): Span {
    let s = start;
    let e = end;
    while (s < e && isBlankChar(this.text.charCodeAt(s))) s++;
    while (e > s && isBlankChar(this.text.charCodeAt(e - 1))) e--;
    return s === e ? { start, end: start } : { start: s, end: e };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

let lastSource: SourceText | undefined;

/**
 * The lines of `text`, split once for all its readers: the two table plugins, the table
 * collector and the fraction reader of one draft each split the same text into lines, a walk
 * over every character. Only the last text is kept.
 */
export function sourceTextOf(text: string): SourceText {
  if (lastSource?.text !== text) lastSource = new SourceText(text);
  return lastSource;
}

/** Converts a schema position back to offsets, for callers that hold both kinds. */
export function spanOf(position: Position): Span {
  return { start: position.offset, end: position.endOffset };
}
