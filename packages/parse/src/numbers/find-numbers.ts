import { scanFigures, toReadNumber } from './scan.js';
import type { NumberContext, ReadNumber, ReadRange } from './types.js';

/**
 * Every figure in `text`, in order. Skips digits that belong to codes ("P3K", "P-21",
 * "KEP/25/M.PAN/2/2004"); keeps list markers and dates, which callers tell apart.
 */
export function findNumbers(text: string, context?: NumberContext): ReadNumber[] {
  if (typeof text !== 'string') return [];
  return scanFigures(text, context).map(toReadNumber);
}

// U+2212 is left out: between two figures it is a subtraction, not a band.
const RANGE_SEPARATOR =
  /^[ \u00a0\u2007\u202f]*(?:[-\u2013\u2014]|s\.[ \u00a0]?d\.?|s\/d|sampai(?:[ \u00a0]+dengan)?|hingga)[ \u00a0\u2007\u202f]*$/i;
const LONGEST_SEPARATOR = 24;

/**
 * Pairs of figures joined by a dash, "s.d." or "sampai dengan": category bands
 * ("49,74 – 53,50"), age groups ("12 – 21 Tahun"), periods ("2020-2024"). The pair keeps the
 * order of the text, so a band written high to low stays visible to rules.
 */
export function findRanges(text: string): ReadRange[] {
  if (typeof text !== 'string') return [];
  const figures = scanFigures(text);
  const ranges: ReadRange[] = [];
  for (let k = 0; k + 1 < figures.length; k++) {
    const first = figures[k];
    const second = figures[k + 1];
    if (first === undefined || second === undefined) continue;
    if (second.outerStart - first.outerEnd > LONGEST_SEPARATOR) continue;
    if (!RANGE_SEPARATOR.test(text.slice(first.outerEnd, second.outerStart))) continue;
    ranges.push({ min: toReadNumber(first), max: toReadNumber(second) });
    k++;
  }
  return ranges;
}
