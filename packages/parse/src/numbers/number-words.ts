import type { NumberWordMatch } from './types.js';

const DIGIT_WORDS: Record<string, number> = {
  satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
};
const SCALES: { words: string[]; one: string[]; value: number }[] = [
  { words: ['miliar', 'milyar'], one: ['semiliar', 'semilyar'], value: 1e9 },
  { words: ['juta'], one: ['sejuta'], value: 1e6 },
  { words: ['ribu'], one: ['seribu'], value: 1e3 },
];
// Words some drafts glue to the digit word before them ("duabelas", "tigapuluh").
const GLUABLE = new Set(['belas', 'puluh', 'ratus', 'ribu', 'juta', 'miliar', 'milyar']);
const DIGIT_NAMES = Object.keys(DIGIT_WORDS);
const FIRST_WORDS = new Set([...DIGIT_NAMES, 'nol', 'sepuluh', 'sebelas', 'seratus', ...SCALES.flatMap((scale) => scale.one)]);
const WORD = /\p{L}+/gu;
// The longest phrase up to the billions ("sembilan ratus sembilan puluh sembilan miliar …") is
// under 200 characters; the window leaves room for odd whitespace.
const PHRASE_WINDOW = 600;
const WHITESPACE_ONLY = /^\s+$/;

export interface WordToken {
  word: string;
  start: number;
  end: number;
  /** Only whitespace separates this token from the one before it. */
  joined: boolean;
}

function digitOf(word: string | undefined): number | undefined {
  return word === undefined ? undefined : DIGIT_WORDS[word];
}

/** "duabelas" → ["dua", "belas"]; undefined when the word is not a digit word glued to a multiplier. */
function splitGlued(word: string): [string, string] | undefined {
  for (const head of DIGIT_NAMES) {
    if (word.length > head.length && word.startsWith(head) && GLUABLE.has(word.slice(head.length))) return [head, word.slice(head.length)];
  }
  return undefined;
}

export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const joined = previousEnd >= 0 && WHITESPACE_ONLY.test(text.slice(previousEnd, start));
    previousEnd = end;
    const word = m[0].toLowerCase();
    const glued = splitGlued(word);
    if (glued === undefined) {
      tokens.push({ word, start, end, joined });
    } else {
      const [head, tail] = glued;
      tokens.push({ word: head, start, end: start + head.length, joined });
      tokens.push({ word: tail, start: start + head.length, end, joined: true });
    }
  }
  return tokens;
}

interface Parsed {
  value: number;
  /** Index of the first token after the number words. */
  next: number;
}

/** Reads the number words that start at token `first`, the longest phrase that makes one number. */
export function parseNumberWordsAt(tokens: readonly WordToken[], first: number): Parsed | undefined {
  const at = (k: number): string | undefined => {
    const token = tokens[k];
    if (token === undefined || (k !== first && !token.joined)) return undefined;
    return token.word;
  };

  const belowThousand = (k: number): Parsed | undefined => {
    let value = 0;
    let j = k;
    const head = at(j);
    const hundreds = digitOf(head);
    if (head === 'seratus') {
      value = 100;
      j++;
    } else if (hundreds !== undefined && at(j + 1) === 'ratus') {
      value = hundreds * 100;
      j += 2;
    }
    const word = at(j);
    const digit = digitOf(word);
    if (word === 'sepuluh') {
      value += 10;
      j++;
    } else if (word === 'sebelas') {
      value += 11;
      j++;
    } else if (digit !== undefined) {
      const multiplier = at(j + 1);
      if (multiplier === 'belas') {
        value += 10 + digit;
        j += 2;
      } else if (multiplier === 'puluh') {
        value += digit * 10;
        j += 2;
        const ones = digitOf(at(j));
        const afterOnes = at(j + 1);
        if (ones !== undefined && afterOnes !== 'belas' && afterOnes !== 'puluh' && afterOnes !== 'ratus') {
          value += ones;
          j++;
        }
      } else if (multiplier !== 'ratus') {
        value += digit;
        j++;
      }
    }
    return j > k ? { value, next: j } : undefined;
  };

  let total = 0;
  let j = first;
  for (const scale of SCALES) {
    const word = at(j);
    if (word !== undefined && scale.one.includes(word)) {
      total += scale.value;
      j++;
      continue;
    }
    const part = belowThousand(j);
    const scaleWord = part === undefined ? undefined : at(part.next);
    if (part !== undefined && part.value > 0 && scaleWord !== undefined && scale.words.includes(scaleWord)) {
      total += part.value * scale.value;
      j = part.next + 1;
    }
  }
  const rest = belowThousand(j);
  if (rest !== undefined) {
    total += rest.value;
    j = rest.next;
  }
  if (j > first) return { value: total, next: j };
  return at(first) === 'nol' ? { value: 0, next: first + 1 } : undefined;
}

/**
 * The first number written in words in `text`: "dua belas" → 12, "seratus dua puluh" → 120,
 * "dua ribu lima ratus" → 2500. Reads up to the billions.
 */
export function readNumberWords(text: string): NumberWordMatch | undefined {
  if (typeof text !== 'string') return undefined;
  // Only a window after each plausible first word is tokenized, so a long text costs one pass.
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (!FIRST_WORDS.has(word) && splitGlued(word) === undefined) continue;
    const from = m.index;
    const tokens = tokenizeWords(text.slice(from, from + PHRASE_WINDOW));
    const parsed = parseNumberWordsAt(tokens, 0);
    const first = tokens[0];
    const last = parsed === undefined ? undefined : tokens[parsed.next - 1];
    if (parsed !== undefined && first !== undefined && last !== undefined) {
      return { value: parsed.value, text: text.slice(from + first.start, from + last.end), start: from + first.start, end: from + last.end };
    }
  }
  return undefined;
}
