import { PROFILES, indicatorWords } from '@lkip/parse';

/**
 * Name similarity for indicators of different drafts. `indicatorWords` already folds the usual
 * variants ("Pemberdayan"/"Pemberdayaan", "Kab / Kota"/"Kabupaten/Kota", and the spellings the
 * agency profiles list); what is left are typing slips ("kwalitas", "rehabilitas") and the
 * province's own name inside the indicator ("Nilai Kinerja Anggaran BCN Provinsi Teluk Biru"). Words
 * are weighted by how rare they are among all the indicators compared, so that "jumlah" or
 * "nilai" count for little and "remaja" or "integritas" for much.
 */

// Words of office and place names that are also words of indicator names: never strip these.
// The agencies' own names come from the profiles: every word of them, and "<acronym>kota".
const GENERIC_PLACE_WORDS = new Set([
  'kota', 'kabupaten', 'kab', 'provinsi', 'kabkota', 'wilayah',
  ...Object.values(PROFILES).flatMap((p) => [...p.agencyNames, ...p.offices.flatMap((o) => o.prefixes)]).flatMap((name) => {
    const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1);
    return /^[A-Z]{2,8}$/.test(name) ? [...words, `${name.toLowerCase()}kota`] : words;
  }),
]);

/** Words of the draft's own province and office names, to be left out of its indicator names. */
export function placeWords(places: readonly (string | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const place of places) {
    if (!place) continue;
    for (const w of place.toLowerCase().split(/[^a-z0-9]+/)) {
      if (w.length > 1 && !GENERIC_PLACE_WORDS.has(w)) out.add(w);
    }
  }
  return out;
}

export function nameWords(name: string, extraStop?: ReadonlySet<string>): string[] {
  return indicatorWords(name, extraStop);
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/**
 * 1 for equal words, 0.85 for a likely typing slip (same first letter, one edit in a word of 5–8
 * letters, two in a longer one), 0 otherwise. Short words must match exactly: "ibm" and "ikp"
 * are different things.
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5 || a[0] !== b[0]) return 0;
  const max = shorter >= 9 ? 2 : 1;
  return editDistance(a, b, max) <= max ? 0.85 : 0;
}

export class WordWeights {
  private readonly df = new Map<string, number>();
  private total = 0;

  private readonly weights = new Map<string, number>();

  add(words: readonly string[]): void {
    this.weights.clear();
    this.total++;
    for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  /** Inverse document frequency over all indicator names compared; unseen words weigh most. */
  weight(word: string): number {
    let w = this.weights.get(word);
    if (w === undefined) {
      w = Math.log(1 + (this.total + 1) / ((this.df.get(word) ?? 0) + 0.5));
      this.weights.set(word, w);
    }
    return w;
  }
}

/**
 * Weighted Dice coefficient with soft word matches: 2·Σ matched weight / (Σ weight of a + Σ
 * weight of b). Each word of `b` pairs with at most one word of `a`, best pairs first.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[], weights: WordWeights, cache?: Map<string, number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const wa = a[i] as string;
      const wb = b[j] as string;
      let s: number;
      if (cache) {
        const key = wa < wb ? `${wa}|${wb}` : `${wb}|${wa}`;
        s = cache.get(key) ?? -1;
        if (s < 0) {
          s = wordSimilarity(wa, wb);
          cache.set(key, s);
        }
      } else {
        s = wordSimilarity(wa, wb);
      }
      if (s > 0) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let common = 0;
  for (const { i, j, s } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    common += s * ((weights.weight(a[i] as string) + weights.weight(b[j] as string)) / 2);
  }
  const total = a.reduce((n, w) => n + weights.weight(w), 0) + b.reduce((n, w) => n + weights.weight(w), 0);
  return total === 0 ? 0 : (2 * common) / total;
}
