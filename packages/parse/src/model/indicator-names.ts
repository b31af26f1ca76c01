import { allOfficeForms, allNameSpellings } from '../profiles/index.js';

/** Single-word acronyms that name a province-level office in some profile. */
function provinceOfficeAcronyms(): string[] {
  return allOfficeForms()
    .filter((f) => f.kind === 'province')
    .flatMap((f) => f.prefixes)
    .filter((p) => /^[A-Z]{3,8}$/.test(p))
    .map((p) => p.toLowerCase());
}

/**
 * Indicator names are written many ways in one draft: "Pemberdayaan"/"Pemberdayan",
 * "Kab / Kota"/"Kabupaten/Kota", with or without "di wilayah Provinsi". Matching works on
 * normalised word sets weighted by how rare a word is among the draft's own indicators.
 */

const REPLACEMENTS: [RegExp, string][] = [
  [/[“”"'’‘]/g, ' '],
  [/\bindikator kinerja (?:kegiatan|utama|program)\b/g, ' '],
  [/\bkab(?:upaten)?\.?\s*\/\s*kota\b/g, ' kabkota '],
  // The agency profiles' spellings (typos and synonyms of their reports' indicator words).
  ...allNameSpellings(),
];

const STOP = new Set([
  'yang', 'di', 'dan', 'dengan', 'terhadap', 'pada', 'dalam', 'untuk', 'serta', 'atau', 'dari', 'ke', 'oleh', 'the', 'of',
  'ikk', 'iku', 'tersebut', 'tahun', 'wilayah', 'provinsi', 'berdasarkan',
  // The profiles' province-office acronyms: a name never means an office's indicator by them.
  ...provinceOfficeAcronyms(),
]);

const NO_WORDS: ReadonlySet<string> = new Set();

export type AcronymMap = ReadonlyMap<string, string[]>;
const NO_ACRONYMS: AcronymMap = new Map();

/** "Nilai Kinerja Anggaran (NKA)": acronyms defined in the draft, checked against the initials. */
export function findAcronyms(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // Find "(ABC)" first and look back from there: scanning for the words first backtracks badly.
  for (const m of text.matchAll(/\(([A-Z]{2,6})\)/g)) {
    const acronym = m[1] ?? '';
    if (out.has(acronym)) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 120), m.index ?? 0);
    const words = before.split(/[^A-Za-z-]+/).filter((w) => w.length > 0);
    if (!/[A-Za-z-][ \t]*$/.test(before)) continue;
    // Take the shortest tail of words whose initials spell the acronym (small words like "dan" may sit inside).
    for (let k = acronym.length; k <= Math.min(words.length, acronym.length + 3); k++) {
      const tail = words.slice(words.length - k);
      const initials = tail.filter((w) => w.length > 3 || /^[A-Z]/.test(w)).map((w) => w.charAt(0).toUpperCase()).join('');
      if (initials === acronym) {
        out.set(acronym, tail.map((w) => w.toLowerCase()));
        break;
      }
    }
  }
  return out;
}

/** The words of an indicator name that carry meaning, normalised. */
export function indicatorWords(name: string, extraStop: ReadonlySet<string> = NO_WORDS, acronyms: AcronymMap = NO_ACRONYMS): string[] {
  let s = ` ${name.toLowerCase()} `;
  // "NKA" and "Nilai Kinerja Anggaran" must meet: an acronym the draft defines brings its words along.
  for (const [acronym, words] of acronyms) {
    if (name.includes(acronym) && !extraStop.has(acronym.toLowerCase())) s += ` ${words.join(' ')} `;
  }
  for (const [pattern, replacement] of REPLACEMENTS) s = s.replace(pattern, replacement);
  s = s.replace(/[^a-z0-9\s]/g, ' ');
  const words = s.split(/\s+/).filter((w) => w.length > 1 && !STOP.has(w) && !extraStop.has(w) && !/^\d+$/.test(w));
  return [...new Set(words)];
}

export function indicatorKey(name: string): string {
  return indicatorWords(name).join(' ');
}

export interface CountPattern {
  measureName: string;
  criterion: 'category' | 'target';
  category?: string;
}

/** "Jumlah Kabupaten/Kota dengan Indeks X berkategori “Tinggi” di wilayah Provinsi" and its kin. */
export function countPatternOf(name: string): CountPattern | undefined {
  const flat = name.replace(/\s+/g, ' ').trim();
  // "Jumlah Kab/Kota", "Jumlah <ACR> Kab/Kota", "Jumlah <ACR>K/Kota": an office acronym may stand before the districts.
  const head = /^Jumlah\s+(?:[A-Z]{2,12}\s+)?(?:Kab(?:upaten)?\.?\s*\/\s*Kota|Kabupaten\s+\/\s+Kota|[A-Z]{2,8}K\s*\/\s*Kota|Kabupaten|Kota)\b(?:\s+di\s+wilayah\s+Provinsi)?\s+dengan\s+(.+)$/i.exec(flat);
  if (!head) return undefined;
  const rest = (head[1] ?? '').replace(/\s+di\s+wilayah(?:\s+Provinsi)?\b.*$/i, '').trim();
  const category = /^(.+?)\s+berkategori\s*[“"']?\s*([^”"']+?)\s*[”"']?\s*$/i.exec(rest);
  if (category) {
    return { measureName: (category[1] ?? '').trim(), criterion: 'category', category: (category[2] ?? '').trim() };
  }
  const target = /^(.+?)\s+mencapai\s+target\s*$/i.exec(rest);
  if (target) return { measureName: (target[1] ?? '').trim(), criterion: 'target' };
  return undefined;
}

export interface NameCandidate {
  id: string;
  words: string[];
}

export interface NameMatch {
  id: string;
  score: number;
}

/** Candidates with what every lookup against them needs: each word's weight and each candidate's total. */
export interface PreparedCandidates {
  candidates: readonly NameCandidate[];
  /** A word's weight: rarer among the candidates is heavier. */
  weight: (word: string) => number;
  /** The summed weight of each candidate's words, by index. */
  totals: number[];
}

/**
 * The word weights of a candidate list, computed once: a registry matches hundreds of names
 * against the same few indicators, and counting their words anew for each name was most of the work.
 */
export function prepareCandidates(candidates: readonly NameCandidate[]): PreparedCandidates {
  const df = new Map<string, number>();
  for (const c of candidates) for (const w of c.words) df.set(w, (df.get(w) ?? 0) + 1);
  const weights = new Map<string, number>();
  const weight = (w: string): number => {
    let value = weights.get(w);
    if (value === undefined) weights.set(w, (value = Math.log(1 + (candidates.length + 1) / ((df.get(w) ?? 0) + 0.5))));
    return value;
  };
  return { candidates, weight, totals: candidates.map((c) => sumWeights(c.words, weight)) };
}

function sumWeights(words: readonly string[], weight: (word: string) => number): number {
  let sum = 0;
  for (const w of words) sum += weight(w);
  return sum;
}

/**
 * Weighted Dice similarity between a name and each candidate; returns the best when it is good
 * enough and clearly ahead of the runner-up, otherwise undefined (the caller reports it unmatched
 * rather than guessing).
 */
export function bestNameMatch(
  name: string,
  candidates: readonly NameCandidate[],
  options: { minScore?: number; margin?: number; extraStop?: ReadonlySet<string>; acronyms?: AcronymMap } = {},
): NameMatch | undefined {
  const words = indicatorWords(name, options.extraStop, options.acronyms);
  if (words.length === 0 || candidates.length === 0) return undefined;
  return bestWordsMatch(words, prepareCandidates(candidates), options.minScore, options.margin);
}

/**
 * `bestNameMatch` for a name already split into its words, against prepared candidates. The
 * thresholds are plain numbers, not an options object: objects of different shapes made the
 * optimised code of this hot function fall back again and again.
 */
export function bestWordsMatch(words: readonly string[], prepared: PreparedCandidates, minScore = 0.45, margin = 0.06): NameMatch | undefined {
  const { candidates, weight, totals } = prepared;
  if (words.length === 0 || candidates.length === 0) return undefined;
  const mine = sumWeights(words, weight);
  // The best (the first of equals, as a stable sort would put it) and the runner-up's score.
  let best: NameMatch | undefined;
  let second = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    let common = 0;
    for (const w of c.words) if (words.includes(w)) common += weight(w);
    const score = (2 * common) / (mine + (totals[i] ?? 0));
    if (!best || score > best.score) {
      if (best) second = best.score;
      best = { id: c.id, score };
    } else if (score > second) second = score;
  }
  if (!best || best.score < minScore) return undefined;
  if (candidates.length > 1 && best.score - second < margin) return undefined;
  return best;
}
