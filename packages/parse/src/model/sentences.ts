import type { Quantity, Sentence } from '@lkip/schema';
import { findNumbers } from '../numbers/index.js';
import { sentences as splitSentences, type Block } from './blocks.js';
import { toQuantity, type BuildContext } from './context.js';
import { overlapsTable, paragraphsOf } from './prose-scope.js';
import { sectionAt } from './sections.js';

/**
 * Units of measure the number reader leaves to its callers because they only matter in prose:
 * lengths, areas, weights, volumes, and the things a sentence counts. Read right after a figure
 * ("120,5 km", "45 ruas", "1.250 jiwa"); the word is kept as written.
 */
const UNIT_AFTER =
  /^[ \t\u00a0]{0,2}(km(?:2|²)?|kilometer|meter(?:\s+persegi)?|m(?:2|3|²|³)?|ha|hektar[e]?|ton|kg|kilogram|liter(?:\s*\/\s*detik)?|l\s*\/\s*detik|mw|kwh|ruas|titik|paket|dokumen|laporan|kegiatan|program|sub\s?kegiatan|jiwa|orang|pegawai|personel|desa|kelurahan|kecamatan|kabupaten|provinsi|sekolah|puskesmas|rumah|unit|buah|kasus|perkara|pasien|balita|bayi|keluarga|kk|bidang|jembatan|sasaran|indikator)(?![\p{L}\p{N}])/iu;

const SKIPPED_KINDS = new Set<Block['kind']>(['table', 'html', 'code']);
const ANY_DIGIT = /[0-9]/;

function kindOf(block: Block): Sentence['kind'] {
  if (block.kind === 'heading') return 'heading';
  if (block.kind === 'math') return 'formula';
  return block.inList ? 'list-item' : 'sentence';
}

/**
 * A leading "1." / "2)" / "a." of an enumeration is a marker, not a figure; so is an inline
 * "; 3). Dinas Contoh …" item number.
 */
function isListMarker(text: string, figure: { start: number; end: number; value: number; decimals: number; percent: boolean }, fourthMarkChar: number): boolean {
  if (figure.decimals !== 0 || figure.percent) return false;
  if (figure.value < 100 && /^\)/.test(text.slice(figure.end, figure.end + 1)) && !/\($/.test(text.slice(Math.max(0, figure.start - 3), figure.start).trimEnd()) && /(?:^|[;:,.\s])$/.test(text.slice(Math.max(0, figure.start - 2), figure.start))) return true;
  // A leading marker is at most three characters besides markup ("(a)", "1."): a figure after the
  // fourth is no marker, and the text before it is not copied (a sentence of many figures would
  // copy its beginning once per figure).
  if (figure.start > fourthMarkChar) return false;
  const before = text.slice(0, figure.start).replace(/[*_#>\s-]+/g, '');
  if (before !== '' && !/^\(?[a-z]?[.)]?$/i.test(before)) return false;
  return /^[.)](?:\s|$)/.test(text.slice(figure.end, figure.end + 2));
}

/** Where the fourth character that is not markup (`*_#>`, spaces, "-") stands, or the text's length. */
function fourthNonMarkup(text: string): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[*_#>\s-]/.test(text.charAt(i))) continue;
    if (++seen === 4) return i;
  }
  return text.length;
}

function quantitiesOf(ctx: BuildContext, text: string, base: number): Quantity[] {
  const out: Quantity[] = [];
  const fourth = fourthNonMarkup(text);
  for (const f of findNumbers(text)) {
    if (isListMarker(text, f, fourth)) continue;
    const q = toQuantity(ctx, f, base);
    if (f.currency && !q.unit) q.unit = 'Rp';
    if (!q.unit && !f.percent && !f.currency && mayStartWord(text, f.end)) {
      const m = UNIT_AFTER.exec(text.slice(f.end, f.end + 24));
      if (m?.[1]) q.unit = m[1].replace(/\s+/g, ' ');
    }
    out.push(q);
  }
  return out;
}

/**
 * Whether a word may start after `end` (past up to two blanks, as UNIT_AFTER allows): most figures
 * are followed by a sign or a bracket, and are then neither sliced nor searched for a unit. Any
 * character past ASCII may be a letter under the pattern's case folding.
 */
function mayStartWord(text: string, end: number): boolean {
  let i = end;
  for (let k = 0; k < 2; k++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0) i++;
    else break;
  }
  const c = text.charCodeAt(i);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x80;
}

/** A year ("2024", "Tahun 2023") is context, not a statement of a figure. */
function statesAFigure(q: Quantity): boolean {
  return !(q.decimals === 0 && !q.percent && !q.unit && q.value >= 1900 && q.value <= 2100);
}

/**
 * Every sentence of prose that states a figure: paragraphs (joined across page breaks), list
 * items, headings and displayed formulas, split at sentence ends that respect "Rp.", "Kab." and
 * "No."; tables are read elsewhere and left out, whatever their layout.
 */
export function readSentences(ctx: BuildContext): Sentence[] {
  const out: Sentence[] = [];
  for (const block of paragraphsOf(ctx)) {
    // A block without a digit states no figure: it is not split into sentences.
    if (SKIPPED_KINDS.has(block.kind) || !ANY_DIGIT.test(block.raw) || overlapsTable(ctx, block.start, block.end)) continue;
    const kind = kindOf(block);
    const parts = kind === 'formula' ? [{ start: block.start, end: block.end, raw: block.raw }] : splitSentences(block);
    for (const part of parts) {
      const lead = part.raw.length - part.raw.trimStart().length;
      const text = part.raw.trim();
      if (text.length === 0) continue;
      const start = part.start + lead;
      const quantities = quantitiesOf(ctx, text, start);
      if (!quantities.some(statesAFigure)) continue;
      const sentence: Sentence = { id: `p${out.length + 1}`, kind, text, quantities, position: ctx.map.position(start, start + text.length) };
      const section = sectionAt(ctx.sections, start);
      if (section) sentence.sectionId = section.id;
      out.push(sentence);
    }
  }
  return out;
}
