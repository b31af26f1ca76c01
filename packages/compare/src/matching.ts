import { nameSimilarity, nameWords, placeWords, WordWeights } from './similarity.js';
import type { UnmatchedIndicator, UnmatchedReason } from './types.js';

/** What matching reads of an indicator. */
export interface MatchableIndicator {
  id: string;
  number: number | null;
  name: string;
  /** Character offset in its draft: rows keep the drafts' order. */
  offset: number;
}

/** What matching reads of a document: its indicators, and the place names to leave out of their names. */
export interface MatchSource {
  file: string;
  province: string | null;
  /** Names of the draft's offices and places ("Batu Merah", "BCNK Batu Merah"). */
  placeNames: readonly string[];
  indicators: readonly MatchableIndicator[];
}

/**
 * Thresholds on the weighted name similarity (0…1). Chosen on the first agency's provincial
 * drafts: the same indicator spelt differently in two provinces scores above 0.8; neighbouring
 * indicators that share most words ("Nilai Kinerja Anggaran BCN" and "Jumlah BCN Kab/Kota …
 * dengan Nilai Kinerja Anggaran mencapai target") score 0.45–0.6; an indicator renamed outright
 * ("Skor Integritas Satker" for "Nilai Zona Integritas BCN berdasarkan penilaian internal")
 * scores about 0.2.
 */
export const MATCH_THRESHOLDS = {
  /** Enough on its own, whatever the numbers say. */
  byName: 0.62,
  /** Enough when the indicator numbers agree too: the number backs a name that is only close. */
  byNameAndNumber: 0.4,
  /** A best match must lead the runner-up by this much, unless the number decides between them. */
  margin: 0.05,
} as const;

export interface IndicatorRef {
  /** Index of the document in the inputs. */
  doc: number;
  indicator: MatchableIndicator;
  words: string[];
  /** `words` joined: the indicator's key across drafts. */
  key: string;
}

export interface IndicatorRow {
  members: IndicatorRef[];
  key: string;
  name: string;
  number: number | null;
}

export interface MatchResult {
  rows: IndicatorRow[];
  unmatched: UnmatchedIndicator[];
}

interface WorkingRow {
  members: IndicatorRef[];
  /** Distinct word lists of the members: most members share one, so scoring stays cheap. */
  variants: Map<string, string[]>;
  numbers: Map<number, number>;
}

interface Rejection {
  ref: IndicatorRef;
  reason: UnmatchedReason;
}

/**
 * Groups the indicators of several documents into rows, one indicator per document per row.
 * Documents are taken in turn (the one with most indicators first, so the rows start from the
 * fullest list); each document's indicators are assigned to the existing rows greedily, best
 * pairs first, and what fits no row starts a row of its own. A row that ends with a single
 * document is not a comparison: when there are several documents it is reported as unmatched,
 * with the most similar row as its best candidate, instead of being guessed into a row.
 */
export function matchIndicators(inputs: readonly MatchSource[]): MatchResult {
  const weights = new WordWeights();
  const refsByDoc: IndicatorRef[][] = inputs.map((input, doc) => {
    const stop = placeWords([input.province ?? undefined, ...input.placeNames]);
    return input.indicators.map((indicator) => {
      const words = nameWords(indicator.name, stop);
      weights.add(words);
      return { doc, indicator, words, key: words.join(' ') };
    });
  });
  const wordCache = new Map<string, number>();
  // Most drafts spell an indicator one of a few ways: 38 provinces give some twenty distinct
  // word lists, so name pairs repeat and are scored once.
  const nameCache = new Map<string, number>();
  const similarity = (ref: IndicatorRef, row: WorkingRow): number => {
    let best = 0;
    for (const [variantKey, words] of row.variants) {
      const key = `${ref.key}\u0001${variantKey}`;
      let score = nameCache.get(key);
      if (score === undefined) {
        score = nameSimilarity(ref.words, words, weights, wordCache);
        nameCache.set(key, score);
      }
      if (score > best) best = score;
    }
    return best;
  };

  const rows: WorkingRow[] = [];
  const rejections: Rejection[] = [];
  const order = inputs.map((_, i) => i).sort((a, b) => (refsByDoc[b]?.length ?? 0) - (refsByDoc[a]?.length ?? 0) || a - b);
  for (const doc of order) {
    const refs = refsByDoc[doc] ?? [];
    const existing = rows.length;
    const scores = refs.map((ref) => rows.slice(0, existing).map((row) => similarity(ref, row)));
    const numberAgrees = (ref: IndicatorRef, row: WorkingRow) => ref.indicator.number !== null && modeNumber(row) === ref.indicator.number;
    const acceptable = (ref: IndicatorRef, row: WorkingRow, score: number) =>
      score >= MATCH_THRESHOLDS.byName || (score >= MATCH_THRESHOLDS.byNameAndNumber && numberAgrees(ref, row));

    const pairs: { i: number; r: number; rank: number }[] = [];
    refs.forEach((ref, i) => {
      rows.slice(0, existing).forEach((row, r) => {
        const score = scores[i]?.[r] ?? 0;
        // The number breaks near-ties between similar names; it never makes a poor name acceptable.
        if (acceptable(ref, row, score)) pairs.push({ i, r, rank: score + (numberAgrees(ref, row) ? MATCH_THRESHOLDS.margin : 0) });
      });
    });
    pairs.sort((x, y) => y.rank - x.rank || x.i - y.i || x.r - y.r);

    const assigned = new Map<number, number>();
    const takenRows = new Set<number>();
    const ambiguous = new Set<number>();
    for (const { i, r, rank } of pairs) {
      if (assigned.has(i) || takenRows.has(r) || ambiguous.has(i)) continue;
      // Another free row this close means the name alone cannot tell them apart.
      const rival = pairs.find((p) => p.i === i && p.r !== r && !takenRows.has(p.r) && rank - p.rank < MATCH_THRESHOLDS.margin);
      if (rival) {
        ambiguous.add(i);
        continue;
      }
      assigned.set(i, r);
      takenRows.add(r);
    }

    refs.forEach((ref, i) => {
      const r = assigned.get(i);
      if (r !== undefined) {
        addMember(rows[r] as WorkingRow, ref);
        return;
      }
      if (ambiguous.has(i)) {
        rejections.push({ ref, reason: 'ambiguous' });
        return;
      }
      const row: WorkingRow = { members: [], variants: new Map(), numbers: new Map() };
      addMember(row, ref);
      rows.push(row);
    });
  }

  const multiDocument = inputs.length > 1;
  const kept = rows.filter((row) => !multiDocument || row.members.length > 1);
  const finished = kept.map((row) => finishRow(row, inputs));
  makeKeysUnique(finished);
  const keyOf = new Map<WorkingRow, string>(kept.map((row, i) => [row, (finished[i] as IndicatorRow).key]));

  const unmatched: UnmatchedIndicator[] = [];
  const describe = (ref: IndicatorRef, fallback: UnmatchedReason): UnmatchedIndicator => {
    let best: WorkingRow | undefined;
    let bestScore = 0;
    for (const row of kept) {
      if (row.members.includes(ref)) continue;
      const score = similarity(ref, row);
      if (score > bestScore) {
        best = row;
        bestScore = score;
      }
    }
    let reason = fallback;
    if (best && fallback === 'no-match') {
      const holder = best.members.find((m) => m.doc === ref.doc);
      if (holder && bestScore >= MATCH_THRESHOLDS.byNameAndNumber) reason = 'duplicate';
      else if (ref.indicator.number !== null && modeNumber(best) === ref.indicator.number) reason = 'name-differs';
    }
    const entry: UnmatchedIndicator = {
      document: inputs[ref.doc]?.file ?? '',
      indicator: ref.indicator.number ?? null,
      name: ref.indicator.name,
      reason,
    };
    if (best && bestScore > 0) {
      entry.bestCandidate = keyOf.get(best) as string;
      entry.score = Math.round(bestScore * 1000) / 1000;
    }
    return entry;
  };
  if (multiDocument) {
    for (const row of rows) if (row.members.length === 1) unmatched.push(describe(row.members[0] as IndicatorRef, 'no-match'));
  }
  for (const { ref, reason } of rejections) unmatched.push(describe(ref, reason));
  const docIndex = new Map(inputs.map((input, i) => [input.file, i]));
  unmatched.sort((a, b) => (docIndex.get(a.document) ?? -1) - (docIndex.get(b.document) ?? -1) || (a.indicator ?? Infinity) - (b.indicator ?? Infinity));

  finished.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || firstPosition(a) - firstPosition(b));
  return { rows: finished, unmatched };
}

function addMember(row: WorkingRow, ref: IndicatorRef): void {
  row.members.push(ref);
  if (!row.variants.has(ref.key)) row.variants.set(ref.key, ref.words);
  if (ref.indicator.number !== null) row.numbers.set(ref.indicator.number, (row.numbers.get(ref.indicator.number) ?? 0) + 1);
}

function modeNumber(row: WorkingRow): number | undefined {
  let best: number | undefined;
  let count = 0;
  for (const [n, c] of row.numbers) {
    if (c > count || (c === count && best !== undefined && n < best)) {
      best = n;
      count = c;
    }
  }
  return best;
}

/** The row's key and name are those most of its documents use; ties go to the earliest document. */
function finishRow(row: WorkingRow, inputs: readonly MatchSource[]): IndicatorRow {
  const counts = new Map<string, { count: number; first: IndicatorRef }>();
  for (const ref of row.members) {
    const key = ref.key;
    const entry = counts.get(key);
    if (entry) {
      entry.count++;
      if (ref.doc < entry.first.doc) entry.first = ref;
    } else {
      counts.set(key, { count: 1, first: ref });
    }
  }
  let chosen: { key: string; count: number; first: IndicatorRef } | undefined;
  for (const [key, entry] of counts) {
    if (!chosen || entry.count > chosen.count || (entry.count === chosen.count && entry.first.doc < chosen.first.doc)) chosen = { key, ...entry };
  }
  const members = [...row.members].sort((a, b) => a.doc - b.doc);
  return {
    members,
    key: chosen?.key ?? '',
    name: chosen ? withoutProvince(chosen.first.indicator.name, inputs[chosen.first.doc]?.province ?? undefined) : '',
    number: modeNumber(row) ?? null,
  };
}

/**
 * "Nilai Kinerja Anggaran BCN Provinsi Teluk Biru" names one province's indicator; the
 * row stands for every province's, so its name drops the province ("… BCN Provinsi").
 */
export function withoutProvince(name: string, province: string | undefined): string {
  if (!province) return name;
  const escaped = province.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const stripped = name.replace(new RegExp(`\\s+${escaped}(?=\\s*$|\\s*[,;)])`, 'i'), '').trim();
  return stripped === '' ? name : stripped;
}

/** Keys identify rows in the output (flags, unmatched candidates): two rows may not share one. */
function makeKeysUnique(rows: IndicatorRow[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const n = (seen.get(row.key) ?? 0) + 1;
    seen.set(row.key, n);
    if (n > 1) row.key = `${row.key} #${n}`;
  }
}

function firstPosition(row: IndicatorRow): number {
  const first = row.members[0];
  return first ? first.doc * 1e9 + first.indicator.offset : Infinity;
}
