import type { Locale } from './types.js';

/** Flag messages in both languages lkip speaks; placeholders are filled by the callers. */
export interface FlagMessages {
  fiscalYear(parts: string): string;
  missing(name: string, where: string, candidates: string): string;
  candidate(name: string, score: string): string;
  sameNumber(name: string): string;
  unitOfMeasure(name: string, parts: string): string;
  targetKind(name: string, parts: string): string;
  categoryScale(name: string, where: string, detail: string): string;
  scaleLabels(theirs: string, others: string): string;
  scaleEdges(label: string, theirs: string, others: string): string;
  outlier(name: string, value: string, where: string, med: string, scaledMad: string, z: string): string;
  inDrafts(what: string, where: string): string;
  kinds: Record<'count-of-districts' | 'score' | 'count', string>;
  drafts(n: number): string;
  and: string;
}

const en: FlagMessages = {
  fiscalYear: (parts) => `Fiscal years differ: ${parts}.`,
  missing: (name, where, candidates) => `"${name}" is missing from ${where}${candidates}.`,
  candidate: (name, score) => ` (closest there: "${name}", similarity ${score})`,
  sameNumber: (name) => ` (they number "${name}" the same instead)`,
  unitOfMeasure: (name, parts) => `"${name}" is measured in different units: ${parts}.`,
  targetKind: (name, parts) => `"${name}" sets targets of different kinds: ${parts}.`,
  categoryScale: (name, where, detail) => `"${name}": the category bands of ${where} differ from the other drafts (${detail}).`,
  scaleLabels: (theirs, others) => `labels ${theirs} against ${others}`,
  scaleEdges: (label, theirs, others) => `${label} ${theirs} against ${others}`,
  outlier: (name, value, where, med, scaledMad, z) =>
    `"${name}": achievement ${value} % in ${where} is far from the other provinces (median ${med} %, 1.4826·MAD ${scaledMad}, modified z-score ${z}).`,
  inDrafts: (what, where) => `${what} in ${where}`,
  kinds: { 'count-of-districts': 'a count of districts', score: 'a score (index or %)', count: 'a count' },
  drafts: (n) => `${n} drafts`,
  and: 'and',
};

const id: FlagMessages = {
  fiscalYear: (parts) => `Tahun anggaran berbeda: ${parts}.`,
  missing: (name, where, candidates) => `"${name}" tidak ada di ${where}${candidates}.`,
  candidate: (name, score) => ` (yang paling mirip di sana: "${name}", kemiripan ${score})`,
  sameNumber: (name) => ` (di sana bernomor sama: "${name}")`,
  unitOfMeasure: (name, parts) => `"${name}" diukur dengan satuan berbeda: ${parts}.`,
  targetKind: (name, parts) => `"${name}" menetapkan target yang berbeda jenis: ${parts}.`,
  categoryScale: (name, where, detail) => `"${name}": pita kategori ${where} berbeda dari draf lain (${detail}).`,
  scaleLabels: (theirs, others) => `label ${theirs} dibanding ${others}`,
  scaleEdges: (label, theirs, others) => `${label} ${theirs} dibanding ${others}`,
  outlier: (name, value, where, med, scaledMad, z) =>
    `"${name}": capaian ${value} % di ${where} jauh dari provinsi lain (median ${med} %, 1,4826·MAD ${scaledMad}, skor z termodifikasi ${z}).`,
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
