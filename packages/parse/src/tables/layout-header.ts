/**
 * Header vocabulary for the text layouts (flat rows, one cell per line, aligned columns): which
 * words open a column title, which multi-word titles belong together, and which cells hold a
 * figure. Nothing here names an agency: agencies' own header words come from their profile as
 * column-role synonyms.
 */
import type { ColumnRole } from '@lkip/schema';
import { columnRoleList } from '../model/column-roles.js';

/** Words that open a column title. */
const HEAD_WORDS = new Set([
  'no', 'no.', 'n0', 'nomor', 'indikator', 'sasaran', 'tujuan', 'program', 'kegiatan', 'sub', 'subkegiatan', 'uraian', 'komponen',
  'satuan', 'target', 'realisasi', 'capaian', '%', 'persentase', 'pagu', 'anggaran', 'alokasi', 'sisa', 'selisih', 'kategori',
  'predikat', 'kriteria', 'keterangan', 'ket', 'ket.', 'bobot', 'nilai', 'skor', 'tahun', 'perubahan', 'kenaikan', 'kenaikan/penurunan',
  'pertumbuhan', 'interval', 'rentang', 'jenis', 'iku', 'ikk', 'satker', 'unit', 'wilayah', 'kab/kota', 'kecamatan', 'opd', 'efisiensi',
  'jumlah', 'total', 'desa', 'kelurahan', 'nama', 'prevalensi', 'rata-rata',
]);

/** Titles of several words that name one column (longest first when matching). */
const PHRASES = [
  'indikator kinerja utama', 'indikator kinerja kegiatan', 'indikator kinerja program', 'indikator kinerja', 'indikator sasaran',
  'sasaran strategis', 'sasaran program', 'sasaran kegiatan', 'realisasi anggaran', 'realisasi keuangan', 'sisa anggaran', 'pagu anggaran',
  'sub kegiatan', 'unit kerja', 'satuan kerja', 'capaian kinerja', 'persentase capaian', 'tingkat capaian', 'nilai akhir',
  'program/kegiatan/sub kegiatan', 'program/kegiatan', 'kegiatan/sub kegiatan', 'perangkat daerah', 'naik/turun',
  '% realisasi anggaran', '% realisasi', '% capaian',
].map((p) => p.split(' '));

/** Tokens that never open a title but finish the one before: "(%)", "(Rp)", "Kinerja". */
const YEAR = /^(19[5-9]\d|20\d\d)$/;
const YEAR_TAKERS = new Set(['tahun', 'target', 'realisasi', 'capaian', 'anggaran', 'pagu', 'th', 'th.', 'ta', 'ta.']);

/** Roles whose cells hold figures. */
export const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'target', 'realisation', 'achievement', 'ceiling', 'spent', 'spent-percent', 'remaining', 'year', 'change', 'weight', 'score',
]);

const norm = (t: string) => t.toLowerCase();

export interface HeaderGroup {
  /** Index of the first and one past the last token of the title. */
  from: number;
  to: number;
  title: string;
}

/**
 * Groups header tokens into column titles: a known phrase, else a head word with the words
 * after it that open nothing ("Indikator Kinerja Utama", "Capaian (%)"); a year stands alone
 * unless a title word before it takes it ("Realisasi 2023"). Null when a token opens no title
 * and there is no title before it to finish, i.e. when the tokens are not a header.
 */
export function groupHeaderTokens(tokens: readonly string[]): HeaderGroup[] | null {
  const groups: HeaderGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = norm(tokens[i]!);
    const phrase = PHRASES.find((p) => p.every((w, k) => norm(tokens[i + k] ?? '') === w));
    if (phrase) {
      groups.push({ from: i, to: i + phrase.length, title: tokens.slice(i, i + phrase.length).join(' ') });
      i += phrase.length;
      continue;
    }
    // "Target Tahun 2024": the year of the title before it.
    if (t === 'tahun' && YEAR.test(tokens[i + 1] ?? '')) {
      const prev = groups[groups.length - 1];
      if (prev && prev.to === i && YEAR_TAKERS.has(norm(tokens[prev.to - 1]!)) && norm(tokens[prev.to - 1]!) !== 'tahun') {
        prev.to = i + 2;
        prev.title += ` ${tokens[i]} ${tokens[i + 1]}`;
        i += 2;
        continue;
      }
    }
    if (YEAR.test(t)) {
      const prev = groups[groups.length - 1];
      const prevLast = prev ? norm(tokens[prev.to - 1]!) : '';
      if (prev && prev.to === i && YEAR_TAKERS.has(prevLast)) {
        prev.to = i + 1;
        prev.title += ` ${tokens[i]}`;
      } else {
        groups.push({ from: i, to: i + 1, title: tokens[i]! });
      }
      i++;
      continue;
    }
    if (HEAD_WORDS.has(t) || /^n[o0]\.?$/.test(t)) {
      // "% Capaian": a lone "%" followed by the word it qualifies is one title.
      if (t === '%' && ['capaian', 'realisasi', 'perubahan'].includes(norm(tokens[i + 1] ?? ''))) {
        groups.push({ from: i, to: i + 2, title: `${tokens[i]} ${tokens[i + 1]}` });
        i += 2;
        continue;
      }
      groups.push({ from: i, to: i + 1, title: tokens[i]! });
      i++;
      continue;
    }
    const prev = groups[groups.length - 1];
    if (!prev || /^\d/.test(t)) return null;
    prev.to = i + 1;
    prev.title += ` ${tokens[i]}`;
    i++;
  }
  return groups;
}

const PHRASE_START = new Set(PHRASES.map((p) => p[0]!));

/** A word that opens a column title ("Indikator", "Target", "No.", "%", a year). */
export function isTitleWord(token: string): boolean {
  const w = token.toLowerCase();
  return HEAD_WORDS.has(w) || PHRASE_START.has(w) || YEAR.test(w) || /^n[o0]\.?$/.test(w);
}

/** Cheap test before grouping: a header has three title words at least, and few other words. */
export function mayBeHeaderWords(tokens: readonly string[]): boolean {
  if (tokens.length < 3 || tokens.length > 30) return false;
  const last = tokens[tokens.length - 1]!;
  if (/[.,;]$/.test(last) && !/^no\.$/i.test(last)) return false;
  let titles = 0;
  for (const t of tokens) {
    const w = t.toLowerCase();
    if (HEAD_WORDS.has(w) || PHRASE_START.has(w) || YEAR.test(w) || /^n[o0]\.?$/.test(w)) titles++;
  }
  return titles >= 3 && titles * 3 >= tokens.length;
}

/** Column titles of a header line of single-spaced words, with their roles; null if it is no header. */
export function readHeaderWords(tokens: readonly string[]): { groups: HeaderGroup[]; roles: ColumnRole[]; years: (number | null)[] } | null {
  if (!mayBeHeaderWords(tokens)) return null;
  const groups = groupHeaderTokens(tokens);
  if (!groups || groups.length < 3) return null;
  const { roles, years } = columnRoleList(groups.map((g) => g.title));
  if (roles.filter((r) => r !== 'other').length < 3) return null;
  if (roles.filter((r) => NUMERIC_ROLES.has(r)).length < 2) return null;
  return { groups, roles, years };
}

/** A figure as a text-layout cell holds it: "405", "16,05", "98,5%", "Rp 1.250.000", "-", "(12,5)". */
export function isFigureCell(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[-–—]$/.test(t)) return true;
  if (/^n\/?a$/i.test(t)) return true;
  return /^[-+−]?\s?\(?(?:Rp\.?\s?)?\d[\d.,]*\)?\s?%?$/i.test(t);
}

/** A whole number with no separators: a row number ("1", "12."). */
export function isRowNumber(text: string): number | undefined {
  const m = /^(\d{1,3})\.?$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

const UNIT_WORDS = new Set([
  '%', 'persen', 'orang', 'jiwa', 'unit', 'dokumen', 'laporan', 'indeks', 'nilai', 'kegiatan', 'desa', 'kelurahan', 'km', 'm', 'm2', 'm3',
  'ha', 'hektar', 'ton', 'kali', 'kasus', 'paket', 'buah', 'lokasi', 'sekolah', 'rumah', 'kk', 'bulan', 'hari', 'tahun', 'jam', 'menit',
  'predikat', 'poin', 'opd', 'perkara', 'berkas', 'lembaga', 'kab/kota', 'kabupaten', 'instansi', 'dokumen/laporan', 'rekomendasi',
  'temuan', 'skor', 'level', 'bintang', 'rasio', 'angka', 'ekor', 'liter', 'kwh', 'mw', 'pasien', 'bayi', 'balita', 'penduduk',
]);

/** A unit of measure as written in a satuan cell: "%", "Orang", "Liter/detik", "Km", "Dokumen". */
export function isUnitWord(token: string): boolean {
  const t = token.toLowerCase().replace(/[.,;:]$/, '');
  if (UNIT_WORDS.has(t)) return true;
  // "liter/detik", "m3/detik", "orang/hari": a unit per a unit.
  return /^[\p{L}\d]{1,10}\/[\p{L}\d]{1,10}$/u.test(t) && t.split('/').some((p) => UNIT_WORDS.has(p) || /^(detik|jam|hari|bulan|tahun|kapita|km2?|ha)$/.test(p));
}

/** Whether a title and the line under it make one of the known titles ("Sasaran" + "Kegiatan"). */
export function continuesPhrase(title: string, next: string): boolean {
  const words = `${title} ${next}`.toLowerCase().split(/\s+/);
  return PHRASES.some((p) => p.length >= words.length && words.every((w, k) => p[k] === w));
}

/** Words that open a goal (sasaran) statement. */
const GOAL_START = /^(meningkat|menurun|terwujud|mewujud|tercapai|terselenggara|terlaksana|tersedia|terpenuhi|menguat|peningkatan|penurunan|optimal|terjamin|terkendali|berkurang|bertambah|membaik)/i;
/** Words that open an indicator name. */
const INDICATOR_START = /^(persentase|presentase|prosentase|jumlah|indeks|nilai|angka|tingkat|rasio|cakupan|prevalensi|kapasitas|luas|panjang|rata-rata|proporsi|level|predikat|skor|opini|capaian|ketersediaan|pertumbuhan|laju|kontribusi)$/i;

/**
 * Where the goal ends and the indicator begins in words that hold both ("Meningkatkan Kapasitas
 * Air Bersih Kapasitas Debit Air Bersih"): the first indicator word after the goal's first two
 * words, when the words open with a goal verb. -1 when that cannot be told with confidence.
 */
export function goalIndicatorSplit(words: readonly string[]): number {
  if (words.length < 3 || !GOAL_START.test(words[0]!)) return -1;
  for (let k = 2; k < words.length - 1; k++) if (INDICATOR_START.test(words[k]!)) return k;
  return -1;
}
