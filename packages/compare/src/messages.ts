import type { Locale } from './types.js';

/** Flag messages in both languages lkip speaks; placeholders are filled by the callers. */
/** What an outlier message says: how far, in which direction, against what spread. */
export interface OutlierWords {
  name: string;
  value: string;
  where: string;
  distance: string;
  direction: 'below' | 'above';
  count: number;
  median: string;
  spread: string;
  /** The spread is the floor (a share of the median), not the provinces' own MAD. */
  floored: boolean;
  /** The floor as a percentage of the median ("2"). */
  floorPercent: string;
  times: string;
  threshold: string;
  z: string;
}

/** What a history message says: the figure as this year's filing cites it, and as the earlier filing states it. */
export interface HistoryWords {
  name: string;
  year: number;
  office: string;
  role: 'target' | 'realisation' | 'achievement';
  stated: string;
  line: number;
  expected: string;
  previous: string;
  previousLine: number;
}

export interface FlagMessages {
  duplicate(who: string, count: number, files: string): string;
  lacksYears(who: string, years: string): string;
  yearGaps(years: string, gaps: string): string;
  history(words: HistoryWords): string;
  fiscalYear(parts: string): string;
  missing(name: string, where: string, candidates: string): string;
  candidate(name: string, score: string): string;
  sameNumber(name: string): string;
  unitOfMeasure(name: string, parts: string): string;
  targetKind(name: string, parts: string): string;
  categoryScale(name: string, where: string, detail: string): string;
  scaleLabels(theirs: string, others: string): string;
  scaleEdges(label: string, theirs: string, others: string): string;
  outlier(words: OutlierWords): string;
  inDrafts(what: string, where: string): string;
  kinds: Record<'count-of-districts' | 'score' | 'count', string>;
  drafts(n: number): string;
  and: string;
}

const ROLE_EN = { target: 'target', realisation: 'realisation', achievement: 'achievement' } as const;
const ROLE_ID = { target: 'target', realisation: 'realisasi', achievement: 'capaian' } as const;

const en: FlagMessages = {
  duplicate: (who, count, files) => `${who} has ${count} drafts in this comparison: ${files}. Keep one, or compare them on purpose.`,
  lacksYears: (who, years) => `${who} has no draft for ${years}`,
  yearGaps: (years, gaps) => `The drafts cover ${years}, but not for every province: ${gaps}.`,
  history: (w) =>
    `"${w.name}": the ${w.year} ${ROLE_EN[w.role]} of ${w.office} is cited as ${w.stated} (line ${w.line}), but the ${w.year} filing (${w.previous}) states ${w.expected} (line ${w.previousLine}).`,
  fiscalYear: (parts) => `Fiscal years differ: ${parts}.`,
  missing: (name, where, candidates) => `"${name}" is missing from ${where}${candidates}.`,
  candidate: (name, score) => ` (closest there: "${name}", similarity ${score})`,
  sameNumber: (name) => ` (they number "${name}" the same instead)`,
  unitOfMeasure: (name, parts) => `"${name}" is measured in different units: ${parts}.`,
  targetKind: (name, parts) => `"${name}" sets targets of different kinds: ${parts}.`,
  categoryScale: (name, where, detail) => `"${name}": the category bands of ${where} differ from the other drafts (${detail}).`,
  scaleLabels: (theirs, others) => `labels ${theirs} against ${others}`,
  scaleEdges: (label, theirs, others) => `${label} ${theirs} against ${others}`,
  outlier: (w) =>
    `"${w.name}": ${w.where} reached ${w.value} %, ${w.distance} points ${w.direction} the median of the ${w.count} provinces (${w.median} %). ` +
    `Their usual distance from the median is ${w.spread} points (1.4826 × the median absolute deviation${w.floored ? `, taken as at least ${w.floorPercent} % of the median because most provinces report nearly the same figure` : ''}), ` +
    `and ${w.where} stands ${w.times} times that far; more than ${w.threshold} times is flagged (modified z-score ${w.z}, Iglewicz & Hoaglin).`,
  inDrafts: (what, where) => `${what} in ${where}`,
  kinds: { 'count-of-districts': 'a count of districts', score: 'a score (index or %)', count: 'a count' },
  drafts: (n) => `${n} drafts`,
  and: 'and',
};

const id: FlagMessages = {
  duplicate: (who, count, files) => `${who} punya ${count} draf dalam perbandingan ini: ${files}. Pakai satu saja, atau bandingkan dengan sengaja.`,
  lacksYears: (who, years) => `${who} tidak punya draf tahun ${years}`,
  yearGaps: (years, gaps) => `Draf mencakup tahun ${years}, tetapi tidak untuk setiap provinsi: ${gaps}.`,
  history: (w) =>
    `"${w.name}": ${ROLE_ID[w.role]} ${w.year} ${w.office} dikutip ${w.stated} (baris ${w.line}), padahal laporan tahun ${w.year} (${w.previous}) menyatakan ${w.expected} (baris ${w.previousLine}).`,
  fiscalYear: (parts) => `Tahun anggaran berbeda: ${parts}.`,
  missing: (name, where, candidates) => `"${name}" tidak ada di ${where}${candidates}.`,
  candidate: (name, score) => ` (yang paling mirip di sana: "${name}", kemiripan ${score})`,
  sameNumber: (name) => ` (di sana bernomor sama: "${name}")`,
  unitOfMeasure: (name, parts) => `"${name}" diukur dengan satuan berbeda: ${parts}.`,
  targetKind: (name, parts) => `"${name}" menetapkan target yang berbeda jenis: ${parts}.`,
  categoryScale: (name, where, detail) => `"${name}": pita kategori ${where} berbeda dari draf lain (${detail}).`,
  scaleLabels: (theirs, others) => `label ${theirs} dibanding ${others}`,
  scaleEdges: (label, theirs, others) => `${label} ${theirs} dibanding ${others}`,
  outlier: (w) =>
    `"${w.name}": ${w.where} mencapai ${w.value} %, ${w.distance} poin ${w.direction === 'below' ? 'di bawah' : 'di atas'} median ${w.count} provinsi (${w.median} %). ` +
    `Jarak biasa dari median adalah ${w.spread} poin (1,4826 × deviasi absolut median${w.floored ? `, paling sedikit ${w.floorPercent} % dari median karena sebagian besar provinsi melaporkan angka yang hampir sama` : ''}), ` +
    `dan ${w.where} berjarak ${w.times} kali itu; lebih dari ${w.threshold} kali ditandai (skor z termodifikasi ${w.z}, Iglewicz & Hoaglin).`,
  inDrafts: (what, where) => `${what} di ${where}`,
  kinds: { 'count-of-districts': 'jumlah Kab/Kota', score: 'nilai (indeks atau %)', count: 'jumlah' },
  drafts: (n) => `${n} draf`,
  and: 'dan',
};

export function flagMessages(locale: Locale): FlagMessages {
  return locale === 'id' ? id : en;
}

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] as string}`;
}

/** Numbers in messages: at most two decimals, no trailing zeros. */
export function formatNumber(value: number, locale: Locale): string {
  const text = String(Math.round(value * 100) / 100);
  return locale === 'id' ? text.replace('.', ',') : text;
}
