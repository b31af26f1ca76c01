import { analyseNumeral, type NumeralShape } from './numeral.js';
import { chooseReading, type ChosenReading } from './choose-reading.js';
import {
  boundBefore,
  countNounAfter,
  countVerbBefore,
  currencyBefore,
  isAlphanumeric,
  isDigit,
  isLetter,
  isSpace,
  latexCommandBefore,
  percentSignAfter,
  signBefore,
  unitAfter,
} from './surroundings.js';
import type { NumberContext, NumberKind, NumberReading, ReadNumber } from './types.js';

/** A figure as the scanner sees it: the public reading plus what callers inside this module need. */
export interface Figure extends ReadNumber {
  /** Start including a bound operator written before the figure. */
  outerStart: number;
  /** End including the unit or count noun written after the figure. */
  outerEnd: number;
  /** Digits and separators only. */
  core: string;
  shape: NumeralShape;
  /** Which reading of an `either` shape was chosen. */
  chose: ChosenReading;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function scanCore(text: string, from: number): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isDigitCode(c)) j++;
    else if ((c === 0x2e || c === 0x2c) && isDigitCode(text.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

function isLineStart(text: string, at: number): boolean {
  let q = at;
  while (q > 0 && (isSpace(text.charAt(q - 1)) || text.charAt(q - 1) === '\t')) q--;
  return q === 0 || text.charAt(q - 1) === '\n' || text.charAt(q - 1) === '\r';
}

function lineContinuesAfter(text: string, at: number): boolean {
  let q = at;
  while (q < text.length && (isSpace(text.charAt(q)) || text.charAt(q) === '\t')) q++;
  return q < text.length && text.charAt(q) !== '\n' && text.charAt(q) !== '\r';
}

type SignRole = 'sign' | 'separator' | 'code' | 'maybe-bullet' | 'bullet';

function signRole(text: string, signAt: number, previous: Figure | undefined): SignRole {
  const glued = text.charAt(signAt - 1);
  // "P-21", "ke-3", "COVID-19": the dash joins a code, the digits are no figure.
  if (isLetter(glued)) return 'code';
  let q = signAt;
  while (q > 0 && isSpace(text.charAt(q - 1))) q--;
  const before = text.charAt(q - 1);
  // A dash between two figures separates a range ("49,74 – 53,50", "2020-2024") or subtracts.
  if (isDigit(before) || before === '%' || previous?.outerEnd === q) return 'separator';
  const ch = text.charAt(signAt);
  if ((ch === '-' || ch === '+') && isSpace(text.charAt(signAt + 1)) && isLineStart(text, signAt)) return 'maybe-bullet';
  return 'sign';
}

/**
 * Digits glued to a code on their left: "P3K", "a1", "KEP/25", "a_1". A dot after letters is
 * no code ("TA.2024", "s.d.2024" are years); the codes that use dots also use slashes.
 */
function codeOnTheLeft(text: string, coreStart: number): boolean {
  const before = text.charAt(coreStart - 1);
  if (isLetter(before)) return !latexCommandBefore(text, coreStart) && !multiplicationSign(text, coreStart - 1);
  if (before === '/' || before === '\\') return isAlphanumeric(text.charAt(coreStart - 2));
  if (before === '_') return isAlphanumeric(text.charAt(coreStart - 2));
  return false;
}

/** "x100%": drafts write the multiplication sign as a lone letter x. */
function multiplicationSign(text: string, at: number): boolean {
  const ch = text.charAt(at);
  return (ch === 'x' || ch === 'X') && !isLetter(text.charAt(at - 1));
}

/** Digits glued to a code on their right: "4GN", "25/M.PAN", "21-P". */
function codeOnTheRight(text: string, coreEnd: number): boolean {
  const after = text.charAt(coreEnd);
  if (after === '/' || after === '_') return isAlphanumeric(text.charAt(coreEnd + 1));
  if (after === '-' || after === '\u2013') return isLetter(text.charAt(coreEnd + 1));
  return false;
}

function withSign(reading: NumberReading, negative: boolean): NumberReading {
  // -0 would print as "0" but fail equality with 0 in callers' checks.
  return { value: negative && reading.value !== 0 ? -reading.value : reading.value, decimals: reading.decimals };
}

function buildFigure(
  text: string,
  coreStart: number,
  coreEnd: number,
  previous: Figure | undefined,
  context: NumberContext | undefined,
): Figure | undefined {
  // Left side: currency, then a sign before the currency or the digits. Neither may reach back
  // into the figure before: in "Rp 5.000.000,- 10 kegiatan" the dash ends the money figure and
  // is no minus of the 10.
  const floor = previous?.outerEnd ?? 0;
  let currencyAt = currencyBefore(text, coreStart);
  if (currencyAt >= 0 && currencyAt < floor) currencyAt = -1;
  let signAt = signBefore(text, currencyAt >= 0 ? currencyAt : coreStart);
  if (signAt >= 0 && signAt < floor) signAt = -1;
  let role: SignRole | undefined;
  if (signAt >= 0) {
    role = signRole(text, signAt, previous);
    if (role === 'code') return undefined;
    if (role === 'sign' && currencyAt < 0) currencyAt = currencyBefore(text, signAt);
  }
  if (currencyAt < 0 && codeOnTheLeft(text, coreStart)) return undefined;

  // Right side: the money dash, then %, a unit word or a count noun.
  let end = coreEnd;
  if (text.charAt(end) === ',' && text.charAt(end + 1) === '-' && !isDigit(text.charAt(end + 2))) end += 2;
  else if (codeOnTheRight(text, coreEnd)) return undefined;
  let outerEnd = end;
  let percent = false;
  let unit: string | undefined;
  let unitKind: NumberKind | undefined;
  let countHint = false;
  const afterPercent = isLetter(text.charAt(end)) ? -1 : percentSignAfter(text, end);
  if (afterPercent >= 0) {
    percent = true;
    unit = '%';
    end = afterPercent;
    outerEnd = end;
  } else {
    const unitMatch = unitAfter(text, end);
    if (unitMatch !== undefined) {
      unit = unitMatch.unit;
      unitKind = unitMatch.kind;
      percent = unitMatch.kind === 'percent';
      outerEnd = unitMatch.end;
    } else if (isLetter(text.charAt(end))) {
      return undefined;
    } else {
      const nounEnd = countNounAfter(text, end);
      if (nounEnd >= 0) {
        countHint = true;
        outerEnd = nounEnd;
      }
    }
  }

  // A markdown bullet ("- 1) Kategori …") is no minus; a lone "- 28,39%" on its line is.
  if (role === 'maybe-bullet') role = lineContinuesAfter(text, outerEnd) ? 'bullet' : 'sign';
  const negative = role === 'sign' && text.charAt(signAt) !== '+';
  if (role !== 'sign') signAt = -1;
  const start = signAt >= 0 && (currencyAt < 0 || signAt < currencyAt) ? signAt : currencyAt >= 0 ? currencyAt : coreStart;

  const core = text.slice(coreStart, coreEnd);
  const shape = analyseNumeral(core);
  if (shape === undefined) return undefined;
  const bound = boundBefore(text, start);
  countHint ||= shape.type === 'either' && countVerbBefore(text, start);
  const choice = chooseReading(shape, { currency: currencyAt >= 0, percent, unitKind, countHint, context });
  if (!Number.isFinite(choice.reading.value)) return undefined;

  const reading = withSign(choice.reading, negative);
  const figure: Figure = {
    value: reading.value,
    decimals: reading.decimals,
    raw: text.slice(start, end),
    start,
    end,
    percent,
    currency: currencyAt >= 0,
    outerStart: bound?.start ?? start,
    outerEnd,
    core,
    shape,
    chose: choice.chose,
  };
  if (unit !== undefined) figure.unit = unit;
  if (bound !== undefined) figure.bound = bound.bound;
  if (choice.ambiguous !== undefined) {
    figure.ambiguous = { readings: choice.ambiguous.readings.map((r) => withSign(r, negative)), reason: choice.ambiguous.reason };
  }
  return figure;
}

/** Scans of whole texts read without a context, while a document is being built (see `withScanMemo`). */
let memo: Map<string, readonly Figure[]> | undefined;

/**
 * Runs `work` with the scans of a text (no column context, no limit) remembered until it returns:
 * the readers of one draft scan the same paragraphs and sentences several times over (counts,
 * sentences, clauses). Scoped to one call so that a long-lived process keeps no draft's text.
 */
export function withScanMemo<T>(work: () => T): T {
  const outer = memo;
  memo = new Map();
  try {
    return work();
  } finally {
    memo = outer;
  }
}

/** Every figure of `text`, in order. Linear in the length of the text. The list is shared: read it, do not change it. */
export function scanFigures(text: string, context?: NumberContext, limit = Infinity): readonly Figure[] {
  if (memo === undefined || context !== undefined || limit !== Infinity) return scanText(text, context, limit);
  let figures = memo.get(text);
  if (figures === undefined) memo.set(text, (figures = scanText(text, undefined, Infinity)));
  return figures;
}

const NEXT_DIGIT = /[0-9]/g;

function scanText(text: string, context: NumberContext | undefined, limit: number): Figure[] {
  const figures: Figure[] = [];
  let previous: Figure | undefined;
  let i = 0;
  while (i < text.length && figures.length < limit) {
    // The next digit, found by a native search rather than a step per character: most of a
    // paragraph is words.
    NEXT_DIGIT.lastIndex = i;
    if (NEXT_DIGIT.exec(text) === null) break;
    i = NEXT_DIGIT.lastIndex - 1;
    const coreEnd = scanCore(text, i);
    const figure = buildFigure(text, i, coreEnd, previous, context);
    i = coreEnd;
    if (figure !== undefined) {
      figures.push(figure);
      previous = figure;
      i = Math.max(i, figure.outerEnd);
    }
  }
  return figures;
}

export function toReadNumber(figure: Figure): ReadNumber {
  const read: ReadNumber = {
    value: figure.value,
    decimals: figure.decimals,
    raw: figure.raw,
    start: figure.start,
    end: figure.end,
    percent: figure.percent,
    currency: figure.currency,
  };
  if (figure.unit !== undefined) read.unit = figure.unit;
  if (figure.bound !== undefined) read.bound = figure.bound;
  if (figure.ambiguous !== undefined) {
    read.ambiguous = {
      readings: figure.ambiguous.readings.map((r) => ({ ...r })),
      reason: figure.ambiguous.reason,
    };
  }
  return read;
}
