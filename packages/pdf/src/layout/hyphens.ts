import { CUT_MARK, HYPHEN_MARK, SOFT_CUT_MARK } from './paragraphs.js';

const WORD = /\p{L}+(?:-\p{L}+)*/gu;
const MARKED = new RegExp(`(\\p{L}+)${HYPHEN_MARK}(\\p{L}+)`, 'gu');
/** The two pieces around a mark are not words of the document on their own. */
const PIECES = new RegExp(`\\p{L}*[${HYPHEN_MARK}${CUT_MARK}${SOFT_CUT_MARK}]\\p{L}*`, 'gu');

/** Words of the document (lower case), to decide how a word cut at a line end was written. */
export function vocabulary(texts: Iterable<string>, cache?: Map<string, string[]>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    // A document asks twice for the words of most of its texts (see document.ts): they are kept.
    let found = cache?.get(text);
    if (!found) {
      found = [];
      const marked = text.includes(HYPHEN_MARK) || text.includes(CUT_MARK) || text.includes(SOFT_CUT_MARK);
      for (const token of (marked ? text.replace(PIECES, ' ') : text).split(/\s+/)) {
        // An e-mail or web address ("unitkerja@…") runs words together that the text writes apart.
        if (token.includes('@') || token.includes('://') || /^www\./i.test(token)) continue;
        for (const m of token.matchAll(WORD)) found.push(m[0].toLowerCase());
      }
      cache?.set(text, found);
    }
    for (const w of found) words.add(w);
  }
  return words;
}

/**
 * "penyalah-" + "gunaan" is "penyalahgunaan"; "masing-" + "masing" stays "masing-masing"
 * (Indonesian doubles words with a hyphen), and so does a pair the document writes with a
 * hyphen elsewhere while never writing it closed.
 */
export function resolveHyphens(text: string, words: ReadonlySet<string>): string {
  if (!text.includes(HYPHEN_MARK) && !text.includes(CUT_MARK) && !text.includes(SOFT_CUT_MARK)) return text;
  return resolveCuts(text, words)
    .replace(MARKED, (_, a: string, b: string) => {
      const la = a.toLowerCase();
      const lb = b.toLowerCase();
      const closed = `${la}${lb}`;
      const hyphenated = `${la}-${lb}`;
      const doubled = la === lb || la.endsWith(lb) || lb.startsWith(la);
      if (words.has(closed)) return `${a}${b}`;
      if (doubled || words.has(hyphenated)) return `${a}-${b}`;
      return `${a}${b}`;
    })
    .replaceAll(HYPHEN_MARK, '-');
}

/**
 * Words a narrow cell cut into pieces ("Menin" "gkatn" "ya", "88.12" "5"): a number or a
 * path is always one token; letters are joined or spaced so that the result has the most
 * text in words the document writes whole elsewhere. A column a few letters wide cuts a
 * sentence into dozens of pieces: the best split is found word by word (the score of a split
 * is the sum of its words' scores), not by trying every one.
 */
function resolveCuts(text: string, words: ReadonlySet<string>): string {
  if (!text.includes(CUT_MARK) && !text.includes(SOFT_CUT_MARK)) return text;
  return text
    .split(' ')
    .map((token) => (token.includes(CUT_MARK) || token.includes(SOFT_CUT_MARK) ? splitToken(token, words) : token))
    .join(' ');
}

function splitToken(token: string, words: ReadonlySet<string>): string {
  const pieces = token.split(/[\uE001\uE002]/u);
  const n = pieces.length;
  // Where the line before held several words, a space is the better guess when nothing tells.
  const soft = [...token.matchAll(/[\uE001\uE002]/gu)].map((m) => m[0] === SOFT_CUT_MARK);
  // Each place between two pieces: letters on both sides may be one word or two; else the
  // place is decided by what stands there.
  const kind = pieces.slice(0, -1).map((a, i): 'free' | 'space' | 'join' => {
    const b = pieces[i + 1] as string;
    if (/\p{L}$/u.test(a) && /^\p{L}/u.test(b)) return 'free';
    // "88.12" + "5": a number goes on; "Kab/" + "Kota" and "Kab" + "/Kota": so does a path ("Kab /" + "Kota",
    // a slash standing alone, was spaced); "53.65" + "Indeks" does not.
    if ((/[\d.,]$/.test(a) && /^[\d.,]/.test(b)) || (/[/\\]$/.test(a) && a.length > 1) || /^[/\\]/.test(b)) return 'join';
    return 'space';
  });
  // best[j]: the best score of the pieces before j, with a word ending at j.
  const best: number[] = [0];
  const from: number[] = [0];
  for (let j = 1; j <= n; j++) {
    best[j] = -Infinity;
    from[j] = 0;
    if (j < n && kind[j - 1] === 'join') continue;
    const after = j < n && kind[j - 1] === 'free' ? (soft[j - 1] ? 0.1 : 0) : 0;
    let inner = 0;
    for (let s = j - 1; s >= 0; s--) {
      // A word runs from piece s to piece j - 1: no forced space inside it.
      if (s < j - 1) {
        const k = kind[s] as string;
        if (k === 'space') break;
        if (k === 'free') inner += soft[s] ? 0 : 0.1;
      }
      if (s > 0 && kind[s - 1] === 'join') continue;
      const score = (best[s] as number) + wordScore(pieces.slice(s, j).join(''), words) + inner + after;
      if (score >= (best[j] as number)) {
        best[j] = score;
        from[j] = s;
      }
    }
  }
  const out: string[] = [];
  for (let j = n; j > 0; j = from[j] as number) out.unshift(pieces.slice(from[j], j).join(''));
  return out.join(' ');
}

function wordScore(token: string, words: ReadonlySet<string>): number {
  let score = 0;
  for (const m of token.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    // Short words are weak evidence ("si", "an" are words and pieces alike; "KAB", "DIY" a little more).
    if (words.has(w)) score += w.length >= 4 ? w.length : w.length === 3 ? 1 : 0;
    else if (w.length <= 2) score -= 3;
  }
  return score;
}
