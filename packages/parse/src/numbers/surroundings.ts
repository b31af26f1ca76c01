import type { NumberKind, ReadNumber } from './types.js';

// Spaces that may sit inside a figure's text ("66,7 %", "- 28,39", "17.154 pelajar"). Tabs are
// left out on purpose: drafts converted from PDF separate table cells with tabs.
const SP = '[ \\u00a0\\u2007\\u202f]';
const LETTER = /\p{L}/u;

// Character tests work on char codes: they run for every character of drafts of several MB.
export function isSpace(ch: string): boolean {
  const c = ch.length === 1 ? ch.charCodeAt(0) : -1;
  return c === 0x20 || c === 0xa0 || c === 0x2007 || c === 0x202f;
}

export function isDigit(ch: string): boolean {
  const c = ch.length === 1 ? ch.charCodeAt(0) : -1;
  return c >= 0x30 && c <= 0x39;
}

export function isLetter(ch: string): boolean {
  if (ch.length !== 1) return false;
  const c = ch.charCodeAt(0) | 0x20;
  if (c >= 0x61 && c <= 0x7a) return true;
  return ch.charCodeAt(0) >= 0x80 && LETTER.test(ch);
}

export function isAlphanumeric(ch: string): boolean {
  return isDigit(ch) || isLetter(ch);
}

/** Index of the first character at or after `at` that is not a space, looking at most `limit` characters ahead. */
function skipSpacesForward(text: string, at: number, limit: number): number {
  let q = at;
  while (q < text.length && q - at < limit && isSpace(text.charAt(q))) q++;
  return q;
}

/** Characters written as a minus (hyphen, en dash, U+2212) or plus before a figure. */
export function isSignChar(ch: string): boolean {
  return ch === '-' || ch === '\u2013' || ch === '\u2212' || ch === '+';
}

/** `Rp`, `Rp.`, `Rp ` or `Rp.\t` ending at `at`; returns where `Rp` starts, or -1. */
export function currencyBefore(text: string, at: number): number {
  let q = at;
  // Tabs are allowed here: the seed's budget tables put "Rp." in a cell of its own.
  for (let k = 0; k < 8 && q > 0 && (isSpace(text.charAt(q - 1)) || text.charAt(q - 1) === '\t'); k++) q--;
  if (text.charAt(q - 1) === '.') q--;
  const p = text.charAt(q - 1);
  const r = text.charAt(q - 2);
  if ((p === 'p' || p === 'P') && (r === 'R' || r === 'r') && !isAlphanumeric(text.charAt(q - 3))) return q - 2;
  return -1;
}

/** A sign character before `at`, separated from it by at most three spaces; returns its index, or -1. */
export function signBefore(text: string, at: number): number {
  let q = at;
  for (let k = 0; k < 3 && q > 0 && isSpace(text.charAt(q - 1)); k++) q--;
  return q > 0 && isSignChar(text.charAt(q - 1)) ? q - 1 : -1;
}

const PERCENT_SIGN = new RegExp(`${SP}{0,3}\\\\?%`, 'y');

/** End of a `%` (or LaTeX `\%`) written right after `at`, or -1. */
export function percentSignAfter(text: string, at: number): number {
  const next = text.charAt(skipSpacesForward(text, at, 3));
  if (next !== '%' && next !== '\\') return -1;
  PERCENT_SIGN.lastIndex = at;
  return PERCENT_SIGN.test(text) ? PERCENT_SIGN.lastIndex : -1;
}

// LaTeX fractions in the seed write "\frac{3 \text{ Kab/Kota}}{2 \text{ Kab/Kota}}": the unit
// sits inside a \text{…} wrapper, possibly after LaTeX spacing commands.
const LATEX_GAP = `(?:${SP}|\\\\[ ,;:!]|~){0,6}`;
const LATEX_WRAPPER = `(\\\\(?:text|mathrm|textrm|mbox|textit|textbf|mathit) {0,3}\\{${SP}{0,6})?`;
// "3 Kab/Kota", and with an agency's one-word name before it ("3 <acronym> Kab/Kota").
const KAB_KOTA = `(?:[A-Za-z]{2,12}${SP}{1,3})?(?:Kab(?:upaten)?\\.?${SP}{0,3}\\/${SP}{0,3}Kota|Kota${SP}{0,3}\\/${SP}{0,3}Kab(?:upaten)?)`;
const UNIT_WORD = `${KAB_KOTA}|Berkas${SP}{1,3}Perkara|Indeks|Orang|Unit|Lembaga|Gram|Persen`;
const UNIT = new RegExp(`${LATEX_GAP}${LATEX_WRAPPER}(${UNIT_WORD})(?![\\p{L}\\p{N}])(${SP}{0,6}\\})?`, 'iuy');

export interface UnitMatch {
  unit: string;
  kind: NumberKind;
  end: number;
}

function kindOfUnit(unit: string): NumberKind {
  const word = unit.toLowerCase();
  if (word === 'indeks') return 'index';
  if (word === 'persen') return 'percent';
  if (word === 'gram') return 'unknown';
  return 'count';
}

/** A unit of measure written right after `at` (spaces, LaTeX spacing and a \text{…} wrapper allowed). */
export function unitAfter(text: string, at: number): UnitMatch | undefined {
  const next = text.charAt(skipSpacesForward(text, at, 6));
  if (!isLetter(next) && next !== '\\' && next !== '~') return undefined;
  UNIT.lastIndex = at;
  const m = UNIT.exec(text);
  if (m === null) return undefined;
  const unit = m[2] ?? '';
  // The closing brace belongs to the figure only when this match opened the wrapper.
  const end = m[1] !== undefined || m[3] === undefined ? UNIT.lastIndex : UNIT.lastIndex - m[3].length;
  return { unit, kind: kindOfUnit(unit), end };
}

// Nouns that only ever follow a count of things or people; "17.154 pelajar" is 17 154 pupils.
const COUNT_NOUN = new RegExp(
  `${SP}{1,3}(?:pelajar|mahasiswa|siswa|peserta|relawan|penggiat|pegawai|personel|personil|jiwa|warga|penduduk|` +
    `remaja|pemuda|sekolah|desa|kelurahan|kecamatan|instansi|kegiatan|kasus|tersangka|responden|keluarga|klien|` +
    `pasien|anggota|pengunjung|eksemplar|lembar|paket|buah|kali|tahanan|kantor|satker|berkas)(?!\\p{L})`,
  'iuy',
);

/** End of a count noun written right after `at`, or -1. */
export function countNounAfter(text: string, at: number): number {
  if (!isSpace(text.charAt(at)) || !isLetter(text.charAt(skipSpacesForward(text, at, 3)))) return -1;
  COUNT_NOUN.lastIndex = at;
  return COUNT_NOUN.test(text) ? COUNT_NOUN.lastIndex : -1;
}

const COUNT_VERB = /(?:^|[^\p{L}])(?:sebanyak|berjumlah)[ \u00a0\u2007\u202f]{1,3}$/iu;

/** "sebanyak 1.752", "berjumlah 4": the words announce a count. */
export function countVerbBefore(text: string, at: number): boolean {
  if (!isSpace(text.charAt(at - 1))) return false;
  return COUNT_VERB.test(text.slice(Math.max(0, at - 16), at));
}

const BOUND = /(≥|≤|>=|<=|>|<|\\(?:geqslant|leqslant|geq|leq|ge|le|gt|lt))[ \u00a0\u2007\u202f~{]*$/u;
const BOUND_KIND: Record<string, NonNullable<ReadNumber['bound']>> = {
  '≥': 'ge', '>=': 'ge', '\\geq': 'ge', '\\ge': 'ge', '\\geqslant': 'ge',
  '≤': 'le', '<=': 'le', '\\leq': 'le', '\\le': 'le', '\\leqslant': 'le',
  '>': 'gt', '\\gt': 'gt',
  '<': 'lt', '\\lt': 'lt',
};

export interface BoundMatch {
  bound: NonNullable<ReadNumber['bound']>;
  start: number;
}

/** A comparison written right before `at` ("≥ 53,71", "$\geq 53,71$"). */
export function boundBefore(text: string, at: number): BoundMatch | undefined {
  let q = at;
  while (q > 0 && at - q < 8 && (isSpace(text.charAt(q - 1)) || text.charAt(q - 1) === '~' || text.charAt(q - 1) === '{')) q--;
  // Every operator ends in one of these characters (\geq, \ge, \le, \gt, \geqslant …).
  if (q === 0 || !'≥≤<>=qet'.includes(text.charAt(q - 1))) return undefined;
  const from = Math.max(0, at - 20);
  const m = BOUND.exec(text.slice(from, at));
  if (m === null) return undefined;
  const operator = m[1] ?? '';
  const start = from + m.index;
  const before = text.charAt(start - 1);
  // Markdown converted from HTML keeps tags such as "<br>5"; arrows "->" and "=>" are no bounds either.
  if (/^[<>=]+$/.test(operator) && before !== '' && (isLetter(before) || '-=/"\''.includes(before))) {
    return undefined;
  }
  const bound = BOUND_KIND[operator];
  return bound === undefined ? undefined : { bound, start };
}

/** Letters glued before `at` that are a LaTeX command ("\times100"), not a code like "P3K". */
export function latexCommandBefore(text: string, at: number): boolean {
  let q = at;
  for (let k = 0; k < 16 && q > 0 && isLetter(text.charAt(q - 1)); k++) q--;
  return q < at && text.charAt(q - 1) === '\\';
}
