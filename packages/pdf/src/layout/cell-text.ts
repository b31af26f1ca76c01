import { buildLines, lineText } from './lines.js';
import { CUT_MARK, joinLines, SOFT_CUT_MARK } from './paragraphs.js';
import type { Line, Run } from './types.js';

/**
 * The text of a table cell from its runs: lines joined with a space. Where a line is one word
 * that fills the cell, the word may have been cut because the cell was too narrow for it
 * ("Pelaksanaa" / "n", "JUMLA" / "H"): the place is marked, and decided once the document's
 * words are known (see hyphens.ts).
 */
export function cellText(runs: readonly Run[], right?: number): string {
  const lines = buildLines(runs);
  return joinCellLines(lines, right);
}

export function joinCellLines(lines: readonly Line[], right?: number): string {
  let text = '';
  let prev: Line | undefined;
  for (const line of lines) {
    const t = lineText(line);
    if (t === '') continue;
    if (prev === undefined) text = t;
    else {
      const cut = cutWord(prev, text, line, t, right);
      // Otherwise as lines of a paragraph: a space, or none after a slash ("REKOMENDASI/" "TINDAK LANJUT"), a hyphen kept or not.
      text = cut === 'word' ? `${text}${CUT_MARK}${t}` : cut === 'last-word' ? `${text}${SOFT_CUT_MARK}${t}` : joinLines(text, t);
    }
    prev = line;
  }
  return text;
}

function cutWord(prev: Line, before: string, next: Line, nextText: string, right: number | undefined): 'word' | 'last-word' | undefined {
  if (right === undefined || before.length === 0) return undefined;
  const lastLine = lineText(prev);
  // ("340.640." + "000": a number cut after a group separator counts as cut too.)
  if (/^[-–—•]/.test(nextText) || !/(?:[\p{L}\d/]|\d[.,])$/u.test(lastLine)) return undefined;
  // A cut leaves less room than the next letter needs; the document's words decide later.
  const charWidth = Math.max((prev.x1 - prev.x0) / Math.max(1, lastLine.length), (next.x1 - next.x0) / Math.max(1, nextText.length));
  if (right - prev.x1 >= charWidth * 1.6) return undefined;
  return lastLine.includes(' ') ? 'last-word' : 'word';
}
