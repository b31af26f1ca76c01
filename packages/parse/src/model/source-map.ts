import type { Position } from '@lkip/schema';
import { sourceTextOf } from '../tables/source.js';

/** Turns offsets into line/column positions for one source text. */
export class SourceMap {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    // The lines the table readers split the same text into (split on "\n", as here).
    this.lineStarts = sourceTextOf(text).lines.map((line) => line.start);
  }

  /** 1-based line and column of an offset. */
  locate(offset: number): { line: number; column: number } {
    const clamped = this.clamp(offset);
    const index = this.lineIndex(clamped);
    return { line: index + 1, column: clamped - (this.lineStarts[index] ?? 0) + 1 };
  }

  /** Every figure, sentence and table of the model takes one: two searches and no objects besides the position itself. */
  position(start: number, end: number): Position {
    const a = this.clamp(start);
    const b = this.clamp(end);
    const first = this.lineIndex(a);
    const last = this.lineIndex(b);
    return {
      line: first + 1,
      column: a - (this.lineStarts[first] ?? 0) + 1,
      offset: start,
      endLine: last + 1,
      endColumn: b - (this.lineStarts[last] ?? 0) + 1,
      endOffset: end,
    };
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  /** The 0-based index of the line an offset (already clamped) stands on. */
  private lineIndex(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
