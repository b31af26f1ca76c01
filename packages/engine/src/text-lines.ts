/**
 * Line starts of a text, counting `\r\n`, `\r` and `\n` as one break each, as the parser's
 * positions (vfile) do; 0-based offsets, index 0 is line 1.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The usual case, found with indexOf: far quicker on a cold start than a loop over every character.
    for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', lf + 1)) starts.push(lf + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (ch === 0x0a) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offsets of a 1-based line without its line break: [start, end). */
  contentRange(line: number): [number, number] | undefined {
    const start = this.starts[line - 1];
    if (start === undefined) return undefined;
    const next = this.starts[line];
    if (next === undefined) return [start, this.text.length];
    const breakLength = this.text.startsWith('\r\n', next - 2) ? 2 : 1;
    return [start, next - breakLength];
  }

  /** Offsets of a 1-based line including its line break. */
  fullRange(line: number): [number, number] | undefined {
    const start = this.starts[line - 1];
    if (start === undefined) return undefined;
    return [start, this.starts[line] ?? this.text.length];
  }
}
