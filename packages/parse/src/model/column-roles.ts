import type { ColumnRole } from '@lkip/schema';
import type { ColumnRoles } from './classify.js';

/** Lower-case, one space between words. */
export const normHeader = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The first reader's rule for one (normalised) header, as `columnRoles` has always applied it.
 * Kept as it is so that the kinds of the tables it sorted do not change.
 */
export function legacyColumnKey(c: string): keyof ColumnRoles | undefined {
  if (/\b(anggaran|pagu)\b/.test(c) && /\bpagu\b/.test(c)) return 'ceiling';
  if (/\banggaran\b/.test(c) && /\brealisasi\b/.test(c)) return 'spent';
  if (/\banggaran\b/.test(c) && /%|persen/.test(c)) return 'spentPercent';
  if (/^(no\.?|nomor)$/.test(c)) return 'number';
  if (/\b(satker|satuan kerja|unit kerja|kompilasi|capaian wilayah|kompliasi|wilayah|kab\/kota)\b/.test(c) && !/target|realisasi/.test(c)) return 'unit';
  if (/indikator/.test(c)) return 'indicator';
  if (/sasaran|kategori kegiatan/.test(c)) return 'goal';
  if (/^target\b/.test(c)) return 'target';
  if (/^realisasi\b/.test(c)) return 'realisation';
  if (/^(%|% realisasi|% capaian|capaian|persentase|% \(capaian\))$/.test(c) || /^%\s/.test(c)) return 'achievement';
  if (/^kategori|^kriteria|^predikat/.test(c)) return 'category';
  if (/^satuan$/.test(c)) return 'measureUnit';
  return undefined;
}

/** Header synonyms by role, as an agency profile or `lkip.config.json` gives them (lower-case words). */
export type HeaderSynonyms = Partial<Record<ColumnRole, string[]>>;

/** The roles `columnRoles` names, by its keys. */
export const ROLE_OF_KEY: Record<keyof ColumnRoles, ColumnRole> = {
  unit: 'unit',
  indicator: 'indicator',
  goal: 'goal',
  number: 'number',
  target: 'target',
  realisation: 'realisation',
  achievement: 'achievement',
  category: 'category',
  ceiling: 'ceiling',
  spent: 'spent',
  spentPercent: 'spent-percent',
  measureUnit: 'measure-unit',
};

const YEAR = /(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d.,])/g;
/** Words that only say "year" around a year: "Tahun 2023", "Th. 2022", "TA 2024". */
const YEAR_WORDS = /\b(tahun|thn\.?|th\.?|ta\.?|t\.a\.?|tahun anggaran)(?=\s|$)/g;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `words` occurs in `text` with no letter or digit right before or after it. */
function containsWords(text: string, words: string): boolean {
  for (let i = text.indexOf(words); i !== -1; i = text.indexOf(words, i + 1)) {
    const before = i === 0 ? '' : text[i - 1]!;
    const after = text[i + words.length] ?? '';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}

const NO_SYNONYMS: HeaderSynonyms = {};
const MEMO_LIMIT = 10_000;

/**
 * Remembers a reading of one header per synonyms object. A draft's tables repeat the same headers
 * and every reader (classification, units, measurements, budget, weights) asks again for the same
 * columns; each answer costs a dozen patterns. The synonyms objects are built once per draft and
 * never changed afterwards, so their identity is a sound key.
 */
export function memoByHeader<T>(read: (header: string, synonyms: HeaderSynonyms | undefined) => T): (header: string, synonyms: HeaderSynonyms | undefined) => T {
  const bySynonyms = new WeakMap<HeaderSynonyms, Map<string, T>>();
  return (header, synonyms) => {
    const key = synonyms ?? NO_SYNONYMS;
    let byHeader = bySynonyms.get(key);
    // A long-lived process (the viewer) reads draft after draft with the built-in profiles' synonyms.
    if (!byHeader || byHeader.size > MEMO_LIMIT) bySynonyms.set(key, (byHeader = new Map()));
    if (byHeader.has(header)) return byHeader.get(header) as T;
    const value = read(header, synonyms);
    byHeader.set(header, value);
    return value;
  };
}

/** The role a profile's synonym gives the header, when one matches as whole words. */
export const synonymRole = memoByHeader(readSynonymRole);

function readSynonymRole(header: string, synonyms: HeaderSynonyms | undefined): ColumnRole | undefined {
  if (!synonyms) return undefined;
  const c = normHeader(header);
  let best: { role: ColumnRole; length: number } | undefined;
  for (const [role, words] of Object.entries(synonyms) as [ColumnRole, string[] | undefined][]) {
    for (const w of words ?? []) {
      const s = normHeader(w);
      if (!s) continue;
      const hit = c === s || containsWords(c, s);
      if (hit && (!best || s.length > best.length)) best = { role, length: s.length };
    }
  }
  return best?.role;
}

/** The one year a header names ("Realisasi 2023" → 2023); null for none or several. */
export function headerYear(header: string): number | null {
  const years = new Set([...header.matchAll(YEAR)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : null;
}

/**
 * The role of one header, without looking at the other columns. Checked in this order: profile
 * synonyms, the budget and band headers that the older reader takes for something else, the older
 * reader's rules (`columnRoles`), then the wider vocabulary of other agencies' reports.
 */
export const roleOfHeader = memoByHeader(readRoleOfHeader);

function readRoleOfHeader(raw: string, synonyms: HeaderSynonyms | undefined): ColumnRole {
  const fromSynonym = synonymRole(raw, synonyms);
  if (fromSynonym) return fromSynonym;
  const full = normHeader(raw);
  const hasYear = headerYear(full) !== null || [...full.matchAll(YEAR)].length > 0;
  // The header without its year: "Realisasi Tahun 2023" is read as "Realisasi".
  const c = hasYear
    ? normHeader(full.replace(YEAR, ' ').replace(YEAR_WORDS, ' '))
        .split(' ')
        .filter((w) => !/^[-–/]+$/.test(w))
        .join(' ')
    : full;
  // "2023", "Tahun 2023 (%)", "2022 (Rp)": a year and at most the unit of its figures.
  if (hasYear && /^(rp|jutarp|riburp|miliarrp|juta|ribu|miliar)?$/.test(c.replace(/[\s()%.,:-]+/g, ''))) return 'year';
  if (c === 'tahun' || c === 'thn' || c === 'th') return 'year';
  // "Tahun N-1", "N-2": a year relative to the report's.
  if (/^(?:(?:tahun|th\.?)\s*)?n(?:\s*[-−–]\s*[1-5])?(?:\s*\((?:%|rp\.?)\))?$/.test(c)) return 'year';
  if (/\b(interval|rentang|range)\b/.test(c)) return 'interval';
  if (/\bbatas (bawah|atas)\b/.test(c)) return 'interval';
  const percent = /%|\bpersen(tase)?\b/.test(c);
  const money = /\brp\.?\b|\brupiah\b/.test(c);
  if (percent && /\b(anggaran|keuangan|serapan|penyerapan|belanja)\b/.test(c)) return 'spent-percent';
  if (/\b(sisa|efisiensi)\b/.test(c)) return 'remaining';
  if (/\b(perubahan|kenaikan|penurunan|pertumbuhan|naik\/turun|growth)\b/.test(c) && !/^(target|pagu|anggaran|dpa|apbd)\b|\b(setelah|sebelum|sesudah) perubahan\b/.test(c)) return 'change';
  if (/\brealisasi\b/.test(c) && (money || /\b(keuangan|belanja)\b/.test(c))) return 'spent';
  if (/\b(serapan|penyerapan)\b/.test(c) && !percent) return 'spent';
  const legacy = legacyColumnKey(c);
  if (legacy) return ROLE_OF_KEY[legacy];
  if (/\b(pagu|alokasi|dpa)\b/.test(c) || /^anggaran\b/.test(c) || /\banggaran \(rp\.?\)/.test(c)) return 'ceiling';
  if (/^(no\.? urut|nomor urut|#|no\s*\.)$/.test(c)) return 'number';
  if (/^tujuan\b/.test(c)) return 'goal';
  if (/^(nilai|skor|score)\b/.test(c)) return 'score';
  if (/\bbobot\b/.test(c)) return 'weight';
  if (/\b(nilai|skor) (akhir|kinerja|total|rata-rata)\b/.test(c)) return 'score';
  if (/\bselisih\b/.test(c)) return 'remaining';
  if (/^satuan\b/.test(c) && !/\bkerja\b/.test(c)) return 'measure-unit';
  if (/^(sat\.?|unit satuan)$/.test(c)) return 'measure-unit';
  if (/\b(sub kegiatan|sub-kegiatan|subkegiatan|kegiatan|uraian|program|komponen|rincian|jenis|nama kegiatan|kode rekening)\b/.test(c)) return 'label';
  if (/\b(perangkat daerah|unit organisasi|opd|skpd|kabupaten\/kota|kecamatan)\b/.test(c)) return 'unit';
  if (/^(desa|kelurahan|desa\/kelurahan|kelurahan\/desa|nama desa|lokasi)$/.test(c)) return 'label';
  if (/^capaian\b/.test(c) || /\bcapaian( kinerja)?\s*\(%\)/.test(c) || /^(persentase|tingkat) capaian\b/.test(c)) return 'achievement';
  if (/^(target|sasaran target)\b/.test(c)) return 'target';
  if (/^(predikat|kriteria|kategori|keterangan kategori)\b/.test(c)) return 'category';
  return 'other';
}

/**
 * The role and the year of every column, read from its header words. A profile's synonyms come
 * first. Years: "2023", "Tahun 2022" are `year` columns; "Realisasi 2023" and "Capaian 2024" keep
 * the role of their word and give their year in `years`. The whole header row then settles what one
 * header alone cannot: in a budget table (pagu and no target) "Realisasi" is the money spent and
 * "%" its share of the pagu; "Selisih" beside year columns (and no pagu) is a change.
 */
export function columnRoleList(columns: readonly string[], synonyms?: HeaderSynonyms): { roles: ColumnRole[]; years: (number | null)[] } {
  const roles = columns.map((c) => roleOfHeader(c, synonyms));
  // A year in a header of no known role ("Inovasi selama 2024", "UU 35 Tahun 2009") says nothing.
  const years = columns.map((c, i) => (roles[i] === 'other' ? null : headerYear(normHeader(c))));
  const fromSynonym = columns.map((c) => synonymRole(c, synonyms) !== undefined);
  const has = (r: ColumnRole) => roles.includes(r);
  const budget = (has('ceiling') || has('spent')) && !has('target');
  if (budget) {
    roles.forEach((r, i) => {
      if (fromSynonym[i]) return;
      const c = normHeader(columns[i]!);
      if (r === 'realisation' && !/\bfisik\b/.test(c)) roles[i] = /%|\bpersen/.test(c) ? 'spent-percent' : 'spent';
      else if (r === 'achievement' && /^(\(?%\)?|%\s*realisasi|persentase|persentase realisasi|% \(persen\))$/.test(c)) roles[i] = 'spent-percent';
    });
  }
  const yearColumns = years.filter((y) => y !== null).length;
  if (yearColumns >= 2 && !has('ceiling') && !has('spent')) {
    roles.forEach((r, i) => {
      if (fromSynonym[i]) return;
      if (r === 'remaining' && /\bselisih\b/.test(normHeader(columns[i]!))) roles[i] = 'change';
    });
  }
  return { roles, years };
}

/** True when at least one column has a role other than `other`. */
export function hasColumnRoles(roles: readonly ColumnRole[]): boolean {
  return roles.some((r) => r !== 'other');
}
