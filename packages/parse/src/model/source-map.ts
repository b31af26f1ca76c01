import type { Position } from '@lkip/schema';

/** Turns offsets into line/column positions for one source text. */
export class SourceMap {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset. */
  locate(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.lineStarts[lo] ?? 0) + 1 };
  }

  position(start: number, end: number): Position {
    const a = this.locate(start);
    const b = this.locate(end);
    return { line: a.line, column: a.column, offset: start, endLine: b.line, endColumn: b.column, endOffset: end };
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
