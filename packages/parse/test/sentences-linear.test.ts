import { describe, expect, it } from 'vitest';
import { parseDraft } from '../src/index.js';

/**
 * How many characters the reader hands to String.prototype.replace while it reads `text`: a
 * measure of copying work in sizes, not milliseconds (issue "Nothing lost, nothing hangs").
 */
function replacedChars(text: string): number {
  const original = String.prototype.replace;
  let total = 0;
  String.prototype.replace = function (this: string, ...args: Parameters<typeof original>) {
    total += this.length;
    return original.apply(this, args);
  } as typeof original;
  try {
    parseDraft(text, {});
  } finally {
    String.prototype.replace = original;
  }
  return total;
}

describe('sentences of many figures', () => {
  // A displayed formula left open ("$$" with no closing "$$") runs to the end of the draft: one
  // "sentence" holding every figure after it. Deciding whether each figure is a list marker used
  // to copy the text before it, so the work grew with the square of the figures (16 000 rows of
  // four figures took three minutes).
  const openFormula = (rows: number) => `$$\\text{Capaian} =\n\n${Array.from({ length: rows }, (_, i) => `${i}\t9\t9\t9`).join('\n')}\n`;

  it('copies the text a bounded number of times, however many figures follow', () => {
    for (const rows of [1_000, 4_000]) {
      const text = openFormula(rows);
      expect(replacedChars(text) / text.length).toBeLessThan(30);
    }
  });

  it('still reads a leading "1." or "(a)" as a list marker and a later figure as a figure', () => {
    const doc = parseDraft('# Hasil\n\n1. Realisasi mencapai 95 orang dari target 100 orang.\n\n(a) 7 kegiatan terlaksana.\n', {});
    const figures = doc.sentences.flatMap((s) => s.quantities.map((q) => q.value));
    expect(figures).toEqual([95, 100, 7]);
  });
});
