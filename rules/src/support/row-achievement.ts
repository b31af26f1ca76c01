/**
 * Achievement rows the model did not turn into measurements: any table row with a target, a
 * realisation and a capaian column (by column role), in excerpts without a Perjanjian Kinerja,
 * in tables of indicators the reader could not tie to the PK, in a dinas's or a puskesmas's own
 * layout. capaian-mismatch checks these rows after the measurements, skipping every capaian it
 * has already judged, so that no figure is reported twice.
 */
import { achievementInterval, contains, overlaps, pointAchievement, polarityFor, type AchievementPolarity, type ResolvedConfig, type Tolerance } from '@lkip/engine';
import { resolveProfile, type AgencyProfile } from '@lkip/parse';
import type { Cell, Indicator, LkipDocument, Quantity, RawTable } from '@lkip/schema';
import { asStated, isCount, readingsOf } from './figures.js';
import { perDocument } from './memo.js';
import { cleanText, columnsOf, isBlank, isNumberingRow, isSummaryRow, onlyFigure, partnerColumn, rowLabel, yearOf } from './table-roles.js';
import { indicatorById } from './indexes.js';

export interface AchievementRow {
  table: RawTable;
  row: number;
  label: string;
  /** The words polarity is read from: the row's label and the indicator of the table's section. */
  words: string;
  indicator: Indicator | undefined;
  target: Quantity;
  realisation: Quantity;
  achievement: Quantity;
  /** "Jumlah"/"Rata-rata" rows: the target is itself computed, so rounded. */
  summary: boolean;
  /** The row counts things ("Jumlah …", satuan "Orang"): whole numbers are exact. */
  counted: boolean;
}

/** "semakin kecil semakin baik": the draft says so itself, in any agency's words. */
const SAYS_LOWER = /\b(?:semakin\s+(?:kecil|rendah)\s+semakin\s+baik|makin\s+(?:kecil|rendah)\s+makin\s+baik)\b/i;

/**
 * The agency's words for indicators whose realisation should go down (deaths, prevalence, cases
 * …) and for the ones that count what was handled or reduced, from the profile the draft was read
 * with: vocabulary is the profile's data, not the rules'.
 */
export interface PolarityWords {
  /** Phrases, lower-case with single spaces. */
  lower: readonly string[];
  higherDespite: readonly string[];
}

function phrases(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()).filter((w) => w.length > 0))];
}

/** Whether the text names one of the phrases as whole words (a plain search: the phrases are data, not patterns). */
function hasPhrase(text: string, list: readonly string[]): boolean {
  if (list.length === 0) return false;
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return list.some((p) => words.includes(` ${p} `));
}

export const polarityWords = perDocument((doc: LkipDocument): PolarityWords => {
  let profile: AgencyProfile;
  try {
    profile = resolveProfile(undefined, doc.meta.profile ?? 'generic');
  } catch {
    profile = resolveProfile(undefined, 'generic');
  }
  return { lower: phrases(profile.lowerIsBetterHints ?? []), higherDespite: phrases(profile.higherDespite ?? []) };
});

/** `soundsLowerIsBetter`'s answers, by the document's polarity words and the text. */
const lowerByWords = new WeakMap<PolarityWords, Map<string, boolean>>();

/** The words say lower is better, and nothing in them says the indicator counts what was handled or reduced. */
export function soundsLowerIsBetter(text: string, words: PolarityWords): boolean {
  // Asked once per stated figure, of the same few indicator names: answered once per name.
  let known = lowerByWords.get(words);
  if (!known) lowerByWords.set(words, (known = new Map()));
  let answer = known.get(text);
  if (answer === undefined) {
    const clean = cleanText(text);
    answer = (SAYS_LOWER.test(clean) || hasPhrase(clean, words.lower)) && !hasPhrase(clean, words.higherDespite);
    known.set(text, answer);
  }
  return answer;
}

/** How the draft says its lower-is-better indicators are computed, and which indicators it names. */
export interface StatedLowerFormula {
  formula: 'target/realisation' | '2target-realisation';
  /** Distinctive words of the indicators the sentence names ("kematian", "infeksi", "gangguan"). */
  words: string[];
}

const MAKIN = /makin/i;
const LOWER_CLAUSE = /(?:semakin|makin)\s+(?:kecil|rendah)\b[^.;]{0,40}?(?:semakin|makin)\s+baik/i;
const RATIO_FORMULA = /target\s*(?:\/|:|dibagi(?:\s+dengan)?)\s*realisasi/i;
const DIFFERENCE_FORMULA = /2\s*[x×*·]?\s*target\s*[-−–]\s*realisasi|1\s*\+\s*\(?\s*target\s*[-−–]\s*realisasi\s*\)?\s*(?:\/|:|dibagi)\s*target/i;
const GENERIC_WORDS = new Set(['angka', 'indikator', 'persentase', 'jumlah', 'tingkat', 'rasio', 'nilai', 'yang', 'untuk', 'dan', 'atau', 'bersifat', 'kinerja', 'capaian', 'realisasi']);

/**
 * "Untuk indikator angka kematian dan angka infeksi, semakin kecil semakin baik, sehingga capaian
 * dihitung dengan rumus (2 × target − realisasi) / target × 100 %": a sentence that states the
 * lower-is-better formula, with the words of the indicators it names.
 */
export function statedLowerFormulas(doc: LkipDocument): StatedLowerFormula[] {
  const out: StatedLowerFormula[] = [];
  for (const sentence of doc.sentences ?? []) {
    // The clause needs "makin": a sentence without it is not rewritten with single spaces first.
    if (!MAKIN.test(sentence.text)) continue;
    const text = sentence.text.replace(/\s+/g, ' ');
    const clause = LOWER_CLAUSE.exec(text);
    if (!clause) continue;
    const formula = DIFFERENCE_FORMULA.test(text) ? '2target-realisation' : RATIO_FORMULA.test(text) ? 'target/realisation' : undefined;
    if (!formula) continue;
    const before = text.slice(0, clause.index);
    const named = /indikator\s+(.+)$/i.exec(before)?.[1] ?? before;
    const words = named
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w));
    out.push({ formula, words });
  }
  return out;
}

/**
 * The lower-is-better formula the draft states for a row or an indicator whose words say lower
 * is better (or that the formula's sentence names); undefined when the draft states none.
 */
export function statedFormulaFor(text: string, stated: readonly StatedLowerFormula[], polarity: PolarityWords): StatedLowerFormula['formula'] | undefined {
  // Without a stated formula there is nothing to find: most drafts state none.
  if (stated.length === 0) return undefined;
  const lower = cleanText(text).toLowerCase();
  if (hasPhrase(lower, polarity.higherDespite)) return undefined;
  const words = new Set(lower.split(/[^\p{L}]+/u));
  const named = stated.find((s) => s.words.some((w) => words.has(w)));
  if (named) return named.formula;
  const formulas = new Set(stated.map((s) => s.formula));
  return formulas.size === 1 && soundsLowerIsBetter(lower, polarity) ? [...formulas][0] : undefined;
}

/** The capaian cells capaian-mismatch's measurements already cover, by source offset. */
export function achievementRows(doc: LkipDocument, covered: ReadonlySet<number>): AchievementRow[] {
  const out: AchievementRow[] = [];
  for (const table of doc.tables) {
    const achievementColumns = columnsOf(table, 'achievement');
    if (achievementColumns.length === 0) continue;
    const indicator = table.indicatorId === undefined ? undefined : indicatorById(doc).get(table.indicatorId);
    for (const a of achievementColumns) {
      const year = yearOf(table, a);
      const t = partnerColumn(table, 'target', year);
      const r = partnerColumn(table, 'realisation', year);
      if (t === undefined || r === undefined) continue;
      table.rows.forEach((row, index) => {
        if (isNumberingRow(row)) return;
        const achievement = onlyFigure(row[a]);
        if (!achievement || covered.has(achievement.position.offset)) return;
        const target = onlyFigure(row[t]);
        const realisation = onlyFigure(row[r]);
        if (!target || !realisation || isBlank(row[t]) || isBlank(row[r])) return;
        // A row restating the header ("(1) (2) (3)") or a numbering row is no statement.
        if (target.value === 0 || target.percent !== realisation.percent) return;
        const label = rowLabel(table, row);
        const measure = columnsOf(table, 'measure-unit').map((c) => cleanText(row[c]?.text ?? '')).find((t) => t.length > 0) ?? '';
        out.push({
          table,
          row: index,
          label,
          words: [label, indicator?.name ?? '', table.caption ?? ''].join(' '),
          indicator,
          target,
          realisation,
          achievement,
          summary: isSummaryRow(row as Cell[]),
          counted: countsThings(label) || COUNT_MEASURE.test(measure),
        });
      });
    }
  }
  return out;
}

export type RowVerdict = 'holds' | 'rounding' | 'mismatch';

export interface RowJudgement {
  verdict: RowVerdict;
  /** The formula the message names. */
  polarity: AchievementPolarity & { formula: 'target/realisation' | '2target-realisation' };
  /** How sure the polarity is: configured or stated in the draft, the default, or read from the row's words. */
  polaritySource: 'config' | 'stated' | 'default' | 'words';
  computed: number;
  /** target / realisation × 100, shown beside the direct ratio when the words suggest lower-is-better. */
  inverse?: number;
  certain: boolean;
}

/** Caps agencies put on achievement and state in their method; a capped row states the cap itself. */
const CAPS = [110, 120, 125, 150];

/** A capaian that states a usual cap where the ratio goes above it. */
export function isCap(stated: number, exact: number): boolean {
  return CAPS.includes(stated) && exact > stated;
}

const HIGHER: AchievementPolarity = { polarity: 'higher-is-better' };
const LOWER_RATIO: AchievementPolarity = { polarity: 'lower-is-better', formula: 'target/realisation' };
const LOWER_DIFFERENCE: AchievementPolarity = { polarity: 'lower-is-better', formula: '2target-realisation' };

const countingNames = new Map<string, boolean>();

/** "Jumlah pelaku usaha yang mendapat pendampingan": an indicator that counts things states exact whole numbers. */
export function countsThings(name: string): boolean {
  // Asked for every statement of the same few indicator names: answered once per name (the
  // answers are kept for a few hundred names, not for every draft a long-lived process reads).
  let answer = countingNames.get(name);
  if (answer === undefined) {
    if (countingNames.size > 500) countingNames.clear();
    countingNames.set(name, (answer = /^\s*(jumlah|banyaknya)\b/i.test(cleanText(name))));
  }
  return answer;
}

/** A whole number that is not a percentage: 138 pelaku usaha, 120 dokumen. */
export function wholeCount(q: Quantity): boolean {
  return q.decimals === 0 && !q.percent && !q.ambiguous;
}

const COUNT_MEASURE = /^(orang|jiwa|unit|buah|dokumen|laporan|kegiatan|desa|kelurahan|kecamatan|sekolah|lembaga|instansi|opd|perangkat daerah|pelaku usaha|umkm|kk|rumah|rumah tangga|paket|kali|kasus|perkara|berkas|km|meter|titik|lokasi|ruas|unit kerja|satker|kab\/kota|kabupaten\/kota|peserta|pegawai|asn|produk|inovasi|rekomendasi|temuan)\b/i;

/** Whether the stated capaian holds under one formula: exactly, only thanks to rounding, or not at all. */
function verdictUnder(row: AchievementRow, polarity: AchievementPolarity, tolerance: Tolerance, configured = false): RowVerdict | undefined {
  const exactTarget = !row.summary || isCount(row.target);
  const exactRealisation = isCount(row.realisation) || (row.counted && wholeCount(row.target) && wholeCount(row.realisation));
  let verdict: RowVerdict | undefined;
  for (const tr of readingsOf(row.target)) {
    for (const rr of readingsOf(row.realisation)) {
      const interval = achievementInterval(asStated(tr, exactTarget), asStated(rr, exactRealisation), polarity, tolerance.mode);
      const exact = pointAchievement(tr, rr, polarity);
      if (!interval || exact === undefined) continue;
      for (const ar of readingsOf(row.achievement)) {
        const stated = tolerance.of(ar);
        if (contains(stated, exact)) return 'holds';
        // Capped achievement ("maksimal 120 %"): a round cap stated where the ratio goes above it.
        if (!configured && isCap(ar.value, exact)) return 'holds';
        // A capaian written as a ratio (0,955 for 95,5 %).
        if (!row.achievement.percent && ar.value <= 3 && contains(tolerance.of({ value: ar.value * 100, decimals: Math.max(0, ar.decimals - 2) }), exact)) return 'holds';
        if (overlaps(stated, interval)) verdict = 'rounding';
        else verdict ??= 'mismatch';
      }
    }
  }
  return verdict;
}

/**
 * Judges one row. A configured or stated polarity decides the formula. Otherwise the row is
 * higher-is-better unless its words say lower-is-better; either way a capaian that one of the
 * lower-is-better formulas explains is left alone when the polarity was not stated (the draft may
 * use an inverse formula it states elsewhere): a row is reported only when no reading of its
 * polarity explains it.
 */
export function judgeRow(row: AchievementRow, config: Pick<ResolvedConfig, 'polarity'>, tolerance: Tolerance, words: PolarityWords, statedFormulas: readonly StatedLowerFormula[] = []): RowJudgement | undefined {
  const stated = row.indicator?.polaritySource === 'stated' ? row.indicator.polarity : undefined;
  const configured = [row.label, row.indicator?.name ?? ''].map((name) => polarityFor(name, config, stated)).find((p) => p.source === 'config');
  const certain = !row.target.ambiguous && !row.realisation.ambiguous && !row.achievement.ambiguous;
  const computedUnder = (p: AchievementPolarity) => pointAchievement(row.target, row.realisation, p) ?? NaN;
  const documented = configured || stated ? undefined : statedFormulaFor(row.words, statedFormulas, words);
  if (configured || stated || documented) {
    const polarity = configured ?? (documented ? { polarity: 'lower-is-better' as const, formula: documented } : { polarity: stated as Indicator['polarity'], formula: 'target/realisation' as const });
    const verdict = verdictUnder(row, polarity, tolerance, configured !== undefined);
    if (!verdict) return undefined;
    return { verdict, polarity: { ...polarity, formula: polarity.formula ?? 'target/realisation' }, polaritySource: configured ? 'config' : 'stated', computed: computedUnder(polarity), certain };
  }
  const wordsSayLower = soundsLowerIsBetter(row.words, words);
  const verdicts = [HIGHER, LOWER_RATIO, LOWER_DIFFERENCE].map((p) => verdictUnder(row, p, tolerance));
  if (verdicts.some((v) => v === undefined)) return undefined;
  if (verdicts.includes('holds')) return { verdict: 'holds', polarity: { polarity: 'higher-is-better', formula: 'target/realisation' }, polaritySource: 'default', computed: computedUnder(HIGHER), certain };
  const [higher] = verdicts;
  if (wordsSayLower) {
    if (verdicts.includes('rounding')) return { verdict: 'rounding', polarity: { polarity: 'lower-is-better', formula: 'target/realisation' }, polaritySource: 'words', computed: computedUnder(verdicts[1] === 'rounding' ? LOWER_RATIO : verdicts[2] === 'rounding' ? LOWER_DIFFERENCE : HIGHER), certain };
    return { verdict: 'mismatch', polarity: { polarity: 'lower-is-better', formula: 'target/realisation' }, polaritySource: 'words', computed: computedUnder(HIGHER), inverse: computedUnder(LOWER_RATIO), certain };
  }
  // Higher-is-better by default: an inverse formula that fits means the polarity is unclear, not a wrong figure.
  if (higher === 'rounding') return { verdict: 'rounding', polarity: { polarity: 'higher-is-better', formula: 'target/realisation' }, polaritySource: 'default', computed: computedUnder(HIGHER), certain };
  if (verdicts.includes('rounding')) return undefined;
  return { verdict: 'mismatch', polarity: { polarity: 'higher-is-better', formula: 'target/realisation' }, polaritySource: 'default', computed: computedUnder(HIGHER), certain };
}
