import { roundTo } from './interval.js';
import type { Locale, MessageText, RuleMeta } from './types.js';

export type MessageData = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. Rules format their own numbers (Indonesian drafts write 95,34,
 * English readers expect 95.34), so values are only stringified here. A placeholder without data
 * stays as written, as in ESLint, so a missing value shows up instead of reading as blank.
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\s*([\w.-]+)\s*\}/g, (match, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : match));
}

const LINE_WORD: Record<Locale, string> = { id: 'baris', en: 'line' };
const LINE_REF = /\u27e6line:(\d+)\u27e7/g;
const NUMBER_REF = /\u27e6num:(-?[\d.e+-]+):(\d+)\u27e7/g;
const MORE_REF = /\u27e6more:(\d+)\u27e7/g;
const MORE_WORDS: Record<Locale, (n: number) => string> = {
  id: (n) => ` dan ${n} tempat lain`,
  en: (n) => ` and ${n} more ${n === 1 ? 'place' : 'places'}`,
};
const PLACE_REF = /\u27e6place:([a-z-]+)\u27e7/g;
const WORD_REF = /\u27e6word:([a-z-]+)\u27e7/g;

/** Words rules put into related notes and message data, worded when the message is. */
export const COMMON_WORDS: Record<string, MessageText> = {
  target: { id: 'target', en: 'target' },
  realisation: { id: 'realisasi', en: 'realisation' },
  achievement: { id: 'capaian', en: 'achievement' },
  year: { id: 'tahun', en: 'year' },
  formula: { id: 'rumus', en: 'formula' },
  scale: { id: 'skala', en: 'scale' },
  aggregate: { id: 'rata-rata', en: 'average' },
  ceiling: { id: 'pagu', en: 'budget ceiling' },
  spent: { id: 'realisasi anggaran', en: 'budget spent' },
  'spent-percent': { id: 'persentase realisasi anggaran', en: 'share of the budget spent' },
  heading: { id: 'judul bagian', en: 'heading of' },
  row: { id: 'baris', en: 'row of' },
  activity: { id: 'kegiatan', en: 'activity of' },
  sentence: { id: 'kalimat', en: 'sentence' },
  weights: { id: 'bobot komponen', en: 'component weights' },
  part: { id: 'rincian', en: 'part' },
  'budget-total': { id: 'total anggaran', en: 'total budget' },
  'staff-table': { id: 'tabel pegawai', en: 'staff table' },
  'first-item': { id: 'butir pertama', en: 'first item' },
  table: { id: 'tabel', en: 'table' },
  column: { id: 'kolom', en: 'column' },
};

/** A common word ("target", "realisasi" / "realisation") inside a note, worded in the locale. */
export function wordRef(key: keyof typeof COMMON_WORDS & string): string {
  return `\u27e6word:${key}\u27e7`;
}

/**
 * A reference to a line of the draft inside message data or a related note ("PK BCNK Batu Merah,
 * baris 2332" / "…, line 2332"): rules write the token, the engine words it in the locale.
 */
export function lineRef(line: number): string {
  return `\u27e6line:${line}\u27e7`;
}

/**
 * A figure inside a message, written in the locale's style when the message is worded ("89,58"
 * in Indonesian, "89.58" in English) with the decimals it shows: a message names every figure
 * in one style, whichever style each place of the draft used.
 */
export function numberRef(value: number, decimals: number): string {
  return `\u27e6num:${value}:${Math.max(0, Math.min(20, Math.trunc(decimals)))}\u27e7`;
}

/** " and 4 more places" / " dan 4 tempat lain" after the first place a message names; nothing for 0. */
export function moreRef(count: number): string {
  return count > 0 ? `\u27e6more:${count}\u27e7` : '';
}

/** The kinds of place a figure can stand in, worded for readers (the `Place.kind` values of the model). */
export const PLACE_WORDS: Record<string, MessageText> = {
  summary: { id: 'Ikhtisar Eksekutif', en: 'the executive summary' },
  pk: { id: 'Perjanjian Kinerja (BAB II)', en: 'the performance agreement (Chapter II)' },
  'chapter-table': { id: 'tabel BAB III', en: 'the Chapter III table' },
  'chapter-prose': { id: 'uraian BAB III', en: 'the Chapter III text' },
  appendix: { id: 'Lampiran', en: 'the appendix' },
  recap: { id: 'Rekapitulasi', en: 'the recap' },
  'signed-pk': { id: 'PK', en: 'the signed agreement' },
  prose: { id: 'uraian', en: 'the text' },
  closing: { id: 'BAB IV', en: 'Chapter IV' },
};

/** A kind of place inside a message or note ("tabel BAB III" / "the Chapter III table"), worded in the locale. */
export function placeRef(kind: string): string {
  return `\u27e6place:${kind}\u27e7`;
}

/**
 * A number in the locale's style: Indonesian writes 1.234,5, English 1,234.5. Written by hand:
 * building an Intl.NumberFormat loads locale data, which costs a cached re-lint more than the
 * rest of its report.
 */
export function formatNumber(value: number, decimals: number, locale: Locale = 'id'): string {
  const [group, point] = locale === 'id' ? ['.', ','] : [',', '.'];
  // Half away from zero, as the rules round (toFixed alone would print 105,55 as 105,5).
  const fixed = roundTo(Math.abs(value), decimals).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction !== undefined ? point + fraction : ''}`;
}

export function localizeRefs(text: string, locale: Locale = 'id'): string {
  return text
    .replace(LINE_REF, (_, n: string) => `${LINE_WORD[locale]} ${n}`)
    .replace(NUMBER_REF, (_, value: string, decimals: string) => formatNumber(Number(value), Number(decimals), locale))
    .replace(MORE_REF, (_, n: string) => MORE_WORDS[locale](Number(n)))
    .replace(WORD_REF, (match, key: string) => {
      const words = COMMON_WORDS[key];
      return words ? localizedText(words, locale) : match;
    })
    .replace(PLACE_REF, (match, kind: string) => {
      const words = PLACE_WORDS[kind];
      return words ? localizedText(words, locale) : match;
    });
}

export function localizedText(text: MessageText, locale: Locale = 'id'): string {
  const other: Locale = locale === 'id' ? 'en' : 'id';
  return text[locale] || text[other];
}

/** The text of a rule's `messageId` in `locale`; an unknown id is a bug in the rule, so it throws. */
export function ruleMessage(meta: Pick<RuleMeta<unknown>, 'id' | 'messages'>, messageId: string, data: MessageData | undefined, locale: Locale = 'id'): string {
  const text = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (!text) throw new Error(`rule '${meta.id}' reported unknown messageId '${messageId}'`);
  return localizeRefs(formatMessage(localizedText(text, locale), data), locale);
}

/** What the engine itself says, worded after ESLint's messages so that users recognise them. */
export const engineMessages = {
  unusedDisable: {
    en: "Unused lkip-disable directive (no problems were reported from '{ruleId}').",
    id: "Direktif lkip-disable tidak terpakai (tidak ada masalah yang dilaporkan dari '{ruleId}').",
  },
  unusedDisableAll: {
    en: 'Unused lkip-disable directive (no problems were reported).',
    id: 'Direktif lkip-disable tidak terpakai (tidak ada masalah yang dilaporkan).',
  },
  unusedEnable: {
    en: "Unused lkip-enable directive (no matching lkip-disable directives were found for '{ruleId}').",
    id: "Direktif lkip-enable tidak terpakai (tidak ada direktif lkip-disable yang cocok untuk '{ruleId}').",
  },
  unusedEnableAll: {
    en: 'Unused lkip-enable directive (no matching lkip-disable directives were found).',
    id: 'Direktif lkip-enable tidak terpakai (tidak ada direktif lkip-disable yang cocok).',
  },
  unknownRule: {
    en: "Definition for rule '{ruleId}' was not found.",
    id: "Definisi aturan '{ruleId}' tidak ditemukan.",
  },
  reviewFix: {
    en: 'Change {old} to {new}: this moves the figure from {from} to {to}; check before applying.',
    id: 'Ubah {old} menjadi {new}: angka ini berpindah dari {from} ke {to}; periksa sebelum diterapkan.',
  },
  conflictFix: {
    en: 'Change {old} to {new}, if the figure most places state is the right one (the evidence points both ways).',
    id: 'Ubah {old} menjadi {new}, bila angka yang disebut sebagian besar tempat yang benar (buktinya menunjuk ke dua arah).',
  },
  parseFailed: {
    en: 'Parsing error: {error}',
    id: 'Galat pembacaan: {error}',
  },
  excerpt: {
    en: 'This is an excerpt (no Perjanjian Kinerja table, no report chapters): its figures were checked, but these checks could not run: cross-references between places (PK, chapters, appendix); tallies and count claims against the PK.',
    id: 'Ini cuplikan (tanpa tabel Perjanjian Kinerja dan tanpa bab laporan): angka-angkanya sudah diperiksa, tetapi pemeriksaan berikut tidak dapat dijalankan: perbandingan angka antartempat (PK, bab, lampiran); rekap dan klaim jumlah terhadap PK.',
  },
  excerptNoYear: {
    en: 'This is an excerpt (no Perjanjian Kinerja table, no report chapters): its figures were checked, but these checks could not run: cross-references between places (PK, chapters, appendix); tallies and count claims against the PK; year checks (no report year in a title).',
    id: 'Ini cuplikan (tanpa tabel Perjanjian Kinerja dan tanpa bab laporan): angka-angkanya sudah diperiksa, tetapi pemeriksaan berikut tidak dapat dijalankan: perbandingan angka antartempat (PK, bab, lampiran); rekap dan klaim jumlah terhadap PK; pemeriksaan tahun (tahun laporan tidak tertulis di judul).',
  },
} satisfies Record<string, MessageText>;

export function engineMessage(key: keyof typeof engineMessages, data: MessageData, locale: Locale = 'id'): string {
  return formatMessage(localizedText(engineMessages[key], locale), data);
}

/** Where a figure stands against its target (or against 100 % for other percentages), worded. */
export const STANDING_WORDS: Record<'target' | 'hundred', Record<'above' | 'at' | 'below', MessageText>> = {
  target: {
    above: { id: 'di atas target', en: 'above target' },
    at: { id: 'sesuai target', en: 'at target' },
    below: { id: 'di bawah target', en: 'below target' },
  },
  hundred: {
    above: { id: 'di atas 100 %', en: 'above 100 %' },
    at: { id: '100 %', en: '100 %' },
    below: { id: 'di bawah 100 %', en: 'below 100 %' },
  },
};
