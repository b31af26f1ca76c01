import { scanFigures, toReadNumber, type Figure } from './scan.js';
import type { NumberContext, ReadNumber } from './types.js';

// A cell may wrap its figure in inline-math dollars ("$\geq 53,71$") or markdown emphasis
// ("**100%**"); nothing else may remain.
const CELL_DECORATION_ONLY = /^[\s$*_]*$/;

/** The one figure that makes up `text`, with the scanner's internals (for this module's own use). */
export function readSingleFigure(text: string, context?: NumberContext): Figure | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  // Two figures already rule the text out; scanning further would waste time on long text.
  const figures = scanFigures(text, context, 2);
  if (figures.length !== 1) return undefined;
  const [figure] = figures;
  if (figure === undefined) return undefined;
  if (!CELL_DECORATION_ONLY.test(text.slice(0, figure.outerStart))) return undefined;
  if (!CELL_DECORATION_ONLY.test(text.slice(figure.outerEnd))) return undefined;
  return figure;
}

/**
 * Reads the one figure that makes up `text` (a table cell such as "87.18 %",
 * "Rp. 14.798.345.000,-" or "3.77 Indeks"). Returns undefined when the text is not a single
 * figure: words, "-", an empty cell, a code such as "P-21", or a range.
 */
export function readIndonesianNumber(text: string, context?: NumberContext): ReadNumber | undefined {
  const figure = readSingleFigure(text, context);
  return figure === undefined ? undefined : toReadNumber(figure);
}
