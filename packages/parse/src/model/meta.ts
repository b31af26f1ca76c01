import type { Directive, DocumentMeta } from '@lkip/schema';
import type { AgencyProfile } from '../profiles/index.js';
import type { TableBlock } from '../tables/types.js';
import type { BuildContext } from './context.js';

const MONTHS = 'Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|Nopember|November|Desember';
const SIGNING = new RegExp(`^[ \\t*]*([A-Z][A-Za-z .'-]{2,40}),\\s+(\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4})[ \\t*]*$`, 'm');

/**
 * The report's fiscal year: the year its title and the PK caption name most often near the start
 * ("Tahun 2024", "Tahun Anggaran : 2024"); the body mentions many other years.
 */
export function readFiscalYear(text: string, tables: TableBlock[]): number | undefined {
  const counts = new Map<number, number>();
  const head = text.slice(0, 4000);
  let first = true;
  for (const m of head.matchAll(/\bTahun(?:\s+Anggaran)?\s*:?\s*((?:19|20)\d{2})\b/gi)) {
    const at = m.index ?? 0;
    // "Peraturan … Nomor 5 tahun 2023" dates a regulation, not the report.
    if (/\bNomor\s*:?\s*[\w./-]{1,20}\s+$/i.test(head.slice(Math.max(0, at - 40), at))) continue;
    const y = Number(m[1]);
    // The title names the report's year; later mentions in the preface may be stale.
    counts.set(y, (counts.get(y) ?? 0) + (first ? 6 : 1));
    first = false;
  }
  for (const t of tables) {
    const caption = t.caption ?? '';
    for (const m of caption.matchAll(/\bTahun\s+Anggaran\s*:?\s*((?:19|20)\d{2})\b/gi)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 3);
  }
  for (const m of text.matchAll(/\bPERJANJIAN\s+KINERJA\s+TAHUN\s+((?:19|20)\d{2})\b/gi)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 2);
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = year;
  return best;
}

// The kinds of government bodies whose name opens a title: "Kementerian …", "Dinas … Kabupaten …", "Balai Besar …".
const OFFICE_NAME =
  /((?:Kementerian|Kantor\s+Wilayah|Kantor|Dinas|Balai\s+Besar|Balai|Loka|Inspektorat|Sekretariat|Lembaga|Pemerintah|Rumah\s+Sakit|Kecamatan)(?:\s+(?:dan\s+)?[A-Z][A-Za-z]+){1,5}(?:\s+(?:Provinsi|Kabupaten|Kota)\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})?)/;

export function readMeta(ctx: BuildContext): DocumentMeta {
  const meta: DocumentMeta = {};
  const head = ctx.text.slice(0, 3000);
  const title = /Laporan\s+(?:Akuntabilitas\s+)?Kinerja[^\n]*(?:\n[^\n]+){0,2}/i.exec(head);
  if (title) meta.title = title[0].replace(/[*_]/g, '').replace(/\s+/g, ' ').trim().slice(0, 200);
  const agency = readAgencyName(head);
  if (agency) meta.agency = agency;
  if (ctx.units.province) meta.province = ctx.units.province.placeName;
  meta.profile = ctx.profile.id;
  const acronym = readIndicatorAcronym(ctx.text, ctx.profile);
  if (acronym) meta.indicatorAcronym = acronym;
  if (ctx.fiscalYear > 0) meta.fiscalYear = ctx.fiscalYear;
  const sign = SIGNING.exec(ctx.text);
  if (sign) {
    const at = (sign.index ?? 0) + sign[0].indexOf(sign[1] ?? '');
    const end = (sign.index ?? 0) + sign[0].trimEnd().length;
    meta.signing = { place: (sign[1] ?? '').trim(), date: (sign[2] ?? '').trim(), position: ctx.map.position(at, end) };
  }
  return meta;
}

const ACRONYM = /^[A-Z]{2,6}$/;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The code point that ends just before `at` ("" at the start), as a look-behind reads it. */
function codePointBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text.charAt(at - 1);
}

/** The code point that starts at `at` ("" at the end). */
function codePointAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** How often `word` (capitals) stands in `text` with no letter or digit before it and no letter after it. */
function standaloneCount(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!LETTER_OR_DIGIT.test(codePointBefore(text, at)) && !LETTER.test(codePointAt(text, at + word.length))) n++;
  }
  return n;
}

/**
 * What the draft calls its indicators: of the profile's acronyms, the one the draft writes most,
 * its long form ("Indikator Kinerja Utama") counting double; the profile's first when the draft
 * writes none of them.
 */
export function readIndicatorAcronym(text: string, profile: AgencyProfile): string | undefined {
  const counts = new Map<string, number>();
  const bump = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  // Each of the profile's acronyms where the draft writes it as a word of its own: as often as
  // `(?<![\p{L}\p{N}])[A-Z]{2,6}(?![\p{L}])` would find it, without reading every capital of the draft.
  for (const acronym of new Set(profile.indicatorAcronyms)) if (ACRONYM.test(acronym)) bump(acronym, standaloneCount(text, acronym));
  // "Indikator Kinerja Sasaran Strategis": the long form, up to four words after "Indikator Kinerja".
  const terms = new Map(Object.entries(profile.indicatorTerms).map(([acronym, term]) => [term.toLowerCase(), acronym]));
  for (const m of text.matchAll(/\bIndikator\s+Kinerja((?:[ \t]+[A-Za-z]+){1,3})/gi)) {
    const words = ['indikator', 'kinerja', ...(m[1] ?? '').trim().toLowerCase().split(/\s+/)];
    for (let k = words.length; k >= 3; k--) {
      const acronym = terms.get(words.slice(0, k).join(' '));
      if (acronym) {
        bump(acronym, 2);
        break;
      }
    }
  }
  let best: { acronym: string; score: number } | undefined;
  for (const acronym of profile.indicatorAcronyms) {
    const score = counts.get(acronym) ?? 0;
    if (score > 0 && (!best || score > best.score)) best = { acronym, score };
  }
  return best?.acronym ?? (profile.id === 'generic' ? undefined : profile.indicatorAcronyms[0]);
}

// Words that end an agency's name when the next line (or the same line) goes on with its address,
// contacts or the report's year: "… PROVINSI LEMBAH HIJAU / Jl. Merdeka No. 3".
const NOT_A_NAME_WORD = /^(?:jl|jln|jalan|telp|telepon|tlp|fax|faks|faksimile|email|e-mail|surel|website|laman|kode|pos|no|nomor|rt|rw|kel|kelurahan|tahun|laporan|gedung|komplek|kompleks)$/i;

/**
 * The agency's name from the title page: "Badan … (Provinsi …)" or another kind of government
 * body. Read within one paragraph (a blank line ends a name; the address or a logo's caption
 * follows it) and cut at the first word that starts an address, a contact or a year, or at a word
 * in lower case after a name in capitals ("… LEMBAH HIJAU bcn").
 */
function readAgencyName(head: string): string | undefined {
  const paragraphs = head.split(/\n[ \t]*\n/).map((p) => p.replace(/[*_]/g, '').replace(/\s+/g, ' '));
  // Capitalised words only: "berat badan lahir rendah" names no agency.
  const badan = /((?:Badan|BADAN)\s+[A-Z][A-Za-z]+\s+[A-Z][A-Za-z]+(?:\s+(?:Provinsi|PROVINSI)\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})?)/;
  for (const pattern of [badan, OFFICE_NAME]) {
    const match = paragraphs.map((p) => pattern.exec(p)).find((m) => m !== null);
    if (!match) continue;
    const words = (match[1] ?? '').split(' ');
    const capitals = (words[0] ?? '') === (words[0] ?? '').toUpperCase();
    let end = words.length;
    for (let i = 2; i < words.length; i++) {
      // The patterns match letters only: "Jl." arrives as "Jl".
      const word = words[i] as string;
      if (NOT_A_NAME_WORD.test(word) || (capitals && word !== word.toUpperCase())) {
        end = i;
        break;
      }
    }
    return titleCase(words.slice(0, end).join(' '));
  }
  return undefined;
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s.replace(/\s+/g, ' ').trim();
  return s
    .toLowerCase()
    .replace(/\b[a-z]/g, (c) => c.toUpperCase())
    .replace(/\s+/g, ' ')
    .trim();
}

const DIRECTIVE = /<!--\s*lkip-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

/** `<!-- lkip-disable-next-line rule-a, rule-b -- reason -->` and friends. */
export function readDirectives(ctx: BuildContext): Directive[] {
  const out: Directive[] = [];
  for (const m of ctx.text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    const body = (m[2] ?? '').trim();
    const [rulesPart, ...reasonParts] = body.split(/\s--\s|^--\s?/);
    const ruleIds = (rulesPart ?? '')
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => r.length > 0);
    const directive: Directive = { kind: m[1] as Directive['kind'], ruleIds, position: ctx.map.position(at, at + m[0].length) };
    const reason = reasonParts.join(' -- ').trim();
    if (reason) directive.reason = reason;
    out.push(directive);
  }
  return out;
}
