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

/**
 * A reference to a line of the draft inside message data or a related note ("PK BCNK Batu Merah,
 * baris 2332" / "…, line 2332"): rules write the token, the engine words it in the locale.
 */
export function lineRef(line: number): string {
  return `\u27e6line:${line}\u27e7`;
}

export function localizeRefs(text: string, locale: Locale = 'id'): string {
  return text.replace(LINE_REF, (_, n: string) => `${LINE_WORD[locale]} ${n}`);
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
