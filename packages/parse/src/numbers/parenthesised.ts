import { parseNumberWordsAt, tokenizeWords } from './number-words.js';
import { scanFigures, toReadNumber } from './scan.js';
import type { NumberWordMatch, ReadNumber } from './types.js';

const OPENING = /[ \u00a0\u2007\u202f]{0,3}\(/y;
const LONGEST_WORDS = 160;
const BLANK = /^\s*$/;
// "50% (lima puluh persen)": the word "persen" may close the parenthesis.
const TRAILER = /^\s*(?:persen\s*)?$/i;

export interface ParenthesisedNumberWords {
  digits: ReadNumber;
  word: NumberWordMatch;
  start: number;
  end: number;
}

function wordsInParenthesesAt(text: string, from: number): { word: NumberWordMatch; end: number } | undefined {
  OPENING.lastIndex = from;
  if (!OPENING.test(text)) return undefined;
  const innerStart = OPENING.lastIndex;
  const window = text.slice(innerStart, innerStart + LONGEST_WORDS + 1);
  const close = window.indexOf(')');
  if (close < 0) return undefined;
  const inner = window.slice(0, close);
  if (inner.includes('(')) return undefined;
  const tokens = tokenizeWords(inner);
  const parsed = tokens.length > 0 ? parseNumberWordsAt(tokens, 0) : undefined;
  const first = tokens[0];
  const last = parsed === undefined ? undefined : tokens[parsed.next - 1];
  if (parsed === undefined || first === undefined || last === undefined) return undefined;
  if (!BLANK.test(inner.slice(0, first.start)) || !TRAILER.test(inner.slice(last.end))) return undefined;
  return {
    word: { value: parsed.value, text: inner.slice(first.start, last.end), start: innerStart + first.start, end: innerStart + last.end },
    end: innerStart + close + 1,
  };
}

/**
 * The digit/word pairs Indonesian reports write, "12 (dua belas) Sasaran", "4 (empat)",
 * "50% (lima puluh persen)". Pairs whose digits and words disagree are returned too: finding
 * them is the point.
 */
export function findParenthesisedNumberWords(text: string): ParenthesisedNumberWords[] {
  // Most paragraphs hold no parenthesis, and every pair needs one: their figures need no reading.
  if (typeof text !== 'string' || !text.includes('(')) return [];
  const pairs: ParenthesisedNumberWords[] = [];
  for (const figure of scanFigures(text)) {
    const found = wordsInParenthesesAt(text, figure.end) ?? (figure.outerEnd !== figure.end ? wordsInParenthesesAt(text, figure.outerEnd) : undefined);
    if (found !== undefined) {
      pairs.push({ digits: toReadNumber(figure), word: found.word, start: figure.start, end: found.end });
    }
  }
  return pairs;
}
