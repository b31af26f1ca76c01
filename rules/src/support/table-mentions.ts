import type { Cell, ColumnRole, LkipDocument, Quantity, RawTable } from '@lkip/schema';
import { perDocument } from './memo.js';

/**
 * Where prose names a table's row: the row labels of tables (an indicator, an office, an activity)
 * as normalised word sequences, and a finder for their mentions in a sentence.
 */

/** The part a column plays for restatements. */
export type FigureRole = 'target' | 'realisation' | 'achievement' | 'ceiling' | 'spent' | 'spent-percent';

export interface TableRow {
  table: RawTable;
  row: number;
  /** The label as written. */
  label: string;
  /** Normalised spellings that name the row. */
  keys: string[];
  /** The row names an office (the table's other dimension, its indicator, comes from its section). */
  office: boolean;
  /**
   * For a "Persentase X" row: X, as prose writes it right after the figure ("95,38 persen
   * konsumen puas terhadap …" for "Persentase konsumen yang puas terhadap …").
   */
  shareKeys: string[];
}

const LABEL_ROLES = new Set<ColumnRole>(['indicator', 'unit', 'label']);
const FIGURE_ROLES = new Set<ColumnRole>(['target', 'realisation', 'achievement', 'ceiling', 'spent', 'spent-percent']);
// Row labels that name no one thing: totals, averages, and words that appear in any sentence.
const GENERIC = /^(?:jumlah|total|jumlah total|total keseluruhan|rata rata|rerata|rata rata provinsi|rata rata kabupaten|rata rata kota|sub total|subtotal|lainnya|dan lain lain|keterangan|uraian|kegiatan|program|indikator|sasaran|capaian|target|realisasi|anggaran|pagu|satker|unit|persentase|indeks|nilai|tahun)$/;

/** Lower case, markup and punctuation gone, words separated by single spaces. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[*_`\\]+/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The role a header names, for tables the reader gave no roles. */
function headerRole(name: string): FigureRole | undefined {
  const n = normalise(name);
  if (/\brealisasi (anggaran|keuangan)\b/.test(n)) return 'spent';
  if (/\b(pagu|alokasi)\b/.test(n) || n === 'anggaran') return 'ceiling';
  if (/^target\b/.test(n)) return 'target';
  if (/^realisasi\b/.test(n) && !/%|persen/.test(name)) return 'realisation';
  if (/\bcapaian\b/.test(n) || /^%|^persentase$/.test(name.trim())) return 'achievement';
  return undefined;
}

export function columnRoleOf(table: RawTable, c: number): FigureRole | undefined {
  const role = table.roles?.[c];
  if (role !== undefined) return FIGURE_ROLES.has(role) ? (role as FigureRole) : undefined;
  return headerRole(table.columns[c] ?? '');
}

function labelColumns(table: RawTable): number[] {
  const named = table.roles?.flatMap((r, c) => (LABEL_ROLES.has(r) ? [c] : [])) ?? [];
  if (named.length > 0) return named;
  // Without a label role: the first column of unknown role that holds words in most rows.
  const width = table.columns.length;
  for (let c = 0; c < width; c++) {
    if (table.roles && table.roles[c] !== 'other') continue;
    const words = table.rows.filter((row) => /\p{L}{3,}/u.test(row[c]?.text ?? '') && (row[c]?.quantities.length ?? 0) === 0).length;
    if (words * 2 > table.rows.length) return [c];
  }
  return [];
}

function cleanLabel(text: string): string {
  return text.replace(/[*_`]+/g, '').replace(/^\s*(?:\d{1,2}|[a-z])[.)]\s+/i, '').replace(/\s+/g, ' ').trim().replace(/ ?:$/, '').trim();
}

/** A label that names one thing: two words or more, or a single long word, and not a generic word. */
function distinctive(key: string): boolean {
  if (GENERIC.test(key) || /^\d/.test(key)) return false;
  const words = key.split(' ');
  return words.length >= 2 ? key.length >= 6 : key.length >= 8;
}

/** The rows of the document's tables that prose can name, computed once per document. */
export const tableRows = perDocument((doc: LkipDocument): TableRow[] => {
  // Each spelling names the first office that has it, as a search of the offices in order would find.
  const unitBySpelling = new Map<string, LkipDocument['units'][number]>();
  for (const u of doc.units) {
    for (const s of [u.name, ...u.spellings]) {
      const key = normalise(s);
      if (!unitBySpelling.has(key)) unitBySpelling.set(key, u);
    }
  }
  const out: TableRow[] = [];
  // Each row's label normalised, as `uniqueKeys` needs it: the row's own key, kept rather than computed again.
  const normalisedLabels = new Map<TableRow, string>();
  for (const table of doc.tables) {
    if (table.kind === 'band' || table.kind === 'staff') continue;
    if (!table.columns.some((_, c) => columnRoleOf(table, c) !== undefined)) continue;
    const labels = labelColumns(table);
    if (labels.length !== 1) continue;
    const c = labels[0] as number;
    const office = table.roles?.[c] === 'unit';
    table.rows.forEach((row, r) => {
      const label = cleanLabel(row[c]?.text ?? '');
      const key = normalise(label);
      if (!distinctive(key)) return;
      const keys = new Set([key]);
      const unit = unitBySpelling.get(key);
      if (unit) for (const s of [unit.name, ...unit.spellings]) if (distinctive(normalise(s))) keys.add(normalise(s));
      // Offices are named by their spellings; shortened names are for indicators and activities.
      if (!office && !unit) for (const k of [...keys]) for (const variant of variants(k)) keys.add(variant);
      const share = /^(?:persentase|prosentase|presentase) (.+)$/.exec(key)?.[1];
      const shareKeys = !office && !unit && share && share.split(' ').length >= 3 ? [...new Set([share, share.replace(/ yang /g, ' ')])] : [];
      const tableRow: TableRow = { table, row: r, label, keys: [...keys], office: office || unit !== undefined, shareKeys };
      normalisedLabels.set(tableRow, key);
      out.push(tableRow);
    });
  }
  return uniqueKeys(out, normalisedLabels);
});

// A shortened name does not end on a word that needs what follows it.
const FUNCTION_WORD = /^(?:yang|dan|atau|di|dalam|dengan|untuk|terhadap|atas|pada|ke|dari|oleh|per|serta|bagi|sebagai|melalui|se)$/;
const MEASURE_WORD = /^(?:persentase|prosentase|presentase|jumlah|tingkat|nilai|angka|rasio|cakupan|indeks|capaian)\s+/;

/**
 * How prose shortens an indicator's name: without its measure word ("kemantapan jalan nasional"
 * for "Tingkat kemantapan jalan nasional"), or its first words when they make at least half of it
 * ("Indeks Kepuasan Masyarakat" for "Indeks Kepuasan Masyarakat terhadap layanan kecamatan").
 */
function variants(key: string): string[] {
  const out: string[] = [];
  const stripped = key.replace(MEASURE_WORD, '');
  if (stripped !== key && stripped.split(' ').length >= 3) out.push(stripped);
  for (const k of stripped !== key && stripped.split(' ').length >= 3 ? [key, stripped] : [key]) {
    const words = k.split(' ');
    for (let n = 3; n < words.length; n++) if (n * 2 >= words.length && !FUNCTION_WORD.test(words[n - 1] ?? '')) out.push(words.slice(0, n).join(' '));
  }
  return out;
}

/** A shortened name that two rows share names neither. `labels`: each row's label, normalised. */
function uniqueKeys(rows: TableRow[], labels: ReadonlyMap<TableRow, string>): TableRow[] {
  const owners = new Map<string, Set<string>>();
  for (const row of rows) for (const k of row.keys) owners.set(k, (owners.get(k) ?? new Set()).add(labels.get(row) ?? ''));
  for (const row of rows) row.keys = row.keys.filter((k) => (owners.get(k)?.size ?? 0) <= 1 || k === labels.get(row));
  const shareOwners = new Map<string, Set<string>>();
  for (const row of rows) for (const k of row.shareKeys) shareOwners.set(k, (shareOwners.get(k) ?? new Set()).add(labels.get(row) ?? ''));
  for (const row of rows) row.shareKeys = row.shareKeys.filter((k) => (shareOwners.get(k)?.size ?? 0) <= 1);
  return rows;
}

/** A text normalised as `normalise` does (but not trimmed), with the source offset of every character and where its words start. */
export interface NormalisedText {
  text: string;
  origin: number[];
  /** Offsets in `text` where a word starts. */
  wordStarts: number[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The text normalised as `normalise` does, with the source offset of every character kept. */
export function normalisedWithOffsets(text: string): NormalisedText {
  let out = '';
  const origin: number[] = [];
  const wordStarts: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Markup characters vanish; ASCII letters and digits are told apart without a regular expression, which costs most on long drafts.
    if (code === 42 || code === 95 || code === 96 || code === 92) continue;
    const word = code < 128 ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : LETTER_OR_DIGIT.test(text[i] as string);
    if (word) {
      if (space) wordStarts.push(out.length);
      out += code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : (text[i] as string)) : (text[i] as string).toLowerCase();
      origin.push(i);
      space = false;
    } else if (!space) {
      out += ' ';
      origin.push(i);
      space = true;
    }
  }
  return { text: out, origin, wordStarts };
}

export interface Mention {
  key: string;
  start: number;
  end: number;
}

/** Keys (normalised word sequences) by their first word, each with its rank in the order given. */
export interface KeyIndex {
  byFirstWord: Map<string, { key: string; rank: number }[]>;
}

export function keyIndex(keys: Iterable<string>): KeyIndex {
  const byFirstWord = new Map<string, { key: string; rank: number }[]>();
  let rank = 0;
  for (const key of keys) {
    const space = key.indexOf(' ');
    const first = space < 0 ? key : key.slice(0, space);
    const list = byFirstWord.get(first);
    if (list) list.push({ key, rank: rank++ });
    else byFirstWord.set(first, [{ key, rank: rank++ }]);
  }
  return { byFirstWord };
}

/**
 * Every place a sentence names one of the keys, whole words only, longest first where they
 * overlap (the key given first wins between two as long). Only keys that start with a word of
 * the sentence are tried there, so the cost follows the sentence's words, not the table rows.
 */
export function mentions(text: string | NormalisedText, keys: KeyIndex | Iterable<string>): Mention[] {
  const norm = typeof text === 'string' ? normalisedWithOffsets(text) : text;
  const index = 'byFirstWord' in keys ? keys : keyIndex(keys);
  const t = norm.text;
  const found: (Mention & { rank: number })[] = [];
  for (const at of norm.wordStarts) {
    let wordEnd = t.indexOf(' ', at);
    if (wordEnd < 0) wordEnd = t.length;
    const candidates = index.byFirstWord.get(t.slice(at, wordEnd));
    if (!candidates) continue;
    for (const { key, rank } of candidates) {
      const after = at + key.length;
      if (after > t.length || (after < t.length && t.charCodeAt(after) !== 32) || !t.startsWith(key, at)) continue;
      const start = norm.origin[at] ?? 0;
      const end = (norm.origin[after - 1] ?? start) + 1;
      found.push({ key, start, end, rank });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const kept: Mention[] = [];
  for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push({ key: m.key, start: m.start, end: m.end });
  return kept.sort((a, b) => a.start - b.start);
}

/** The single figure a cell states, or undefined. */
export function cellFigure(cell: Cell | undefined): Quantity | undefined {
  if (!cell || cell.quantities.length !== 1) return undefined;
  const q = cell.quantities[0];
  if (!q || q.ambiguous || q.bound) return undefined;
  const rest = cell.text.replace(q.raw, '').replace(/[^\p{L}]/gu, '');
  return rest.length <= 20 ? q : undefined;
}
