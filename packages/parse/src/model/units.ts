import type { ReportingUnit } from '@lkip/schema';
import type { AgencyProfile, OfficeForm } from '../profiles/index.js';
import type { HeaderSynonyms } from './column-roles.js';
import { isBlankChar } from '../tables/source.js';
import { countBefore } from '../text/sorted.js';

type Kind = ReportingUnit['kind'];

/** A word of an office prefix: lower-case, and whether a "." may follow it ("Kab."). */
interface PrefixWord {
  text: string;
  dot: boolean;
}

/** One way of writing an office before its place name, compiled. */
export interface CompiledForm {
  kind: Kind;
  words: PrefixWord[];
  /** The unit's name, `{place}` (and `{prefix}`) to fill. */
  display: string;
  prefix: string;
  strongOnly: boolean;
}

/**
 * How this draft names its offices: the profile's office forms, or, when the profile has none,
 * forms learned from the document ("<acronym> Provinsi|Kabupaten|Kota <place>", the acronym's
 * own "<acronym>P"/"<acronym>K", the agency's full name before the region word).
 */
export interface OfficeVocabulary {
  forms: CompiledForm[];
  /** The forms by the lower-case first word of their prefix, longer prefixes first. */
  byFirstWord: ReadonlyMap<string, CompiledForm[]>;
  stopWords: ReadonlySet<string>;
  /** The agency acronyms the draft uses for its offices (lower-case), to drop from indicator names. */
  acronyms: string[];
  /** The unit name template of each kind: the first form of that kind the profile lists. */
  displays: ReadonlyMap<Kind, string>;
  /** The profile's header synonyms, with the office prefixes as headers of the office column. */
  headerSynonyms: HeaderSynonyms;
}

/**
 * `/\s/` for one character: the prefix matcher asks it of every character it passes, for every
 * office word of the draft, so it goes by the code (isBlankChar, less the zero-width space that
 * `/\s/` does not count).
 */
function isSpace(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return c !== undefined && /\s/.test(c);
  const code = c.charCodeAt(0);
  return code !== 0x200b && isBlankChar(code);
}

function prefixWords(prefix: string): PrefixWord[] {
  return prefix
    .trim()
    .split(/\s+/)
    .map((w) => ({ text: w.replace(/\.$/, '').toLowerCase(), dot: w.endsWith('.') }));
}

/**
 * Where a prefix written at `at` ends, or -1: its words in any case, any run of spaces between
 * them, a "." after a word that may take one, and a space after the last word. (Matched by hand,
 * not by a pattern built from the profile's words.)
 */
function matchPrefix(text: string, at: number, words: readonly PrefixWord[]): number {
  let i = at;
  for (const [k, word] of words.entries()) {
    if (k > 0) {
      if (!isSpace(text[i])) return -1;
      while (isSpace(text[i])) i++;
    }
    if (text.slice(i, i + word.text.length).toLowerCase() !== word.text) return -1;
    i += word.text.length;
    if (word.dot && text[i] === '.') i++;
  }
  return isSpace(text[i]) ? i : -1;
}

function compile(form: OfficeForm): CompiledForm[] {
  const display = form.display ?? '{prefix} {place}';
  const prefix = (form.prefixes[0] ?? '').replace(/\.$/, '');
  return form.prefixes.map((p) => ({ kind: form.kind, words: prefixWords(p), display, prefix, strongOnly: form.strongOnly === true }));
}

const REGION = { province: ['Provinsi', 'Prov.'], regency: ['Kabupaten', 'Kab.'], city: ['Kota'] } as const;

/** "Badan Contoh Nasional" for "BCN": words (a joining "dan" allowed) whose initials spell the acronym. */
function fullNameOf(acronym: string, text: string): string | undefined {
  const letters = acronym.toLowerCase();
  const tokens = [...text.matchAll(/[A-Za-z]+/g)].map((m) => m[0]);
  for (let i = 0; i < tokens.length; i++) {
    const words: string[] = [];
    let j = i;
    for (const letter of letters) {
      if (words.length > 0 && tokens[j]?.toLowerCase() === 'dan') words.push(tokens[j++] ?? '');
      const w = tokens[j];
      if (w === undefined || w.length < 2 || w.charAt(0).toLowerCase() !== letter) break;
      words.push(w);
      j++;
    }
    if (j > i && words.filter((w) => w.toLowerCase() !== 'dan').length === letters.length && /^[A-Z]/.test(words[0] ?? '')) return words.join(' ');
  }
  return undefined;
}

/**
 * The office forms a draft teaches when no profile names them: an upper-case acronym written
 * before Provinsi/Kabupaten/Kota at least twice, whose letters are the initials of a name the draft
 * also writes; then its "<acronym>P"/"<acronym>K" short forms when the draft uses them. Failing
 * that, the bare region words, for the row labels of per-office tables only.
 */
export function learnOfficeForms(text: string, indicatorAcronyms: readonly string[] = []): OfficeForm[] {
  const flat = text.replace(/[*_]+/g, '');
  const counts = new Map<string, number>();
  for (const m of flat.matchAll(/(?<![\p{L}\p{N}])([A-Z]{2,7})[ \t\u00a0]+(?:Provinsi|PROVINSI|Prov\.|Kabupaten|KABUPATEN|Kab\.|KAB\.|Kota|KOTA)[ \t\u00a0]+[A-Z]/gu)) {
    const a = m[1] ?? '';
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  // "<acronym>P Teluk", "<acronym>K Batu": the acronym with a province or district letter, before a place.
  const shortForms = new Set([...flat.matchAll(/(?<![\p{L}\p{N}])([A-Z]{2,7}[PK])[ \t\u00a0]+[A-Z]/gu)].map((m) => m[1] ?? ''));
  const forms: OfficeForm[] = [];
  const acronyms = [...counts.entries()].filter(([a, n]) => n >= 2 && !indicatorAcronyms.includes(a)).sort((a, b) => b[1] - a[1]).map(([a]) => a);
  for (const a of acronyms) {
    const name = fullNameOf(a, flat);
    if (!name) continue;
    const short = (suffix: string) => shortForms.has(`${a}${suffix}`);
    const full = (region: string) => `${name} ${region}`;
    forms.push(
      { kind: 'province', prefixes: [...REGION.province.map((r) => `${a} ${r}`), ...(short('P') ? [`${a}P`] : []), full('Provinsi')], display: `${a} Provinsi {place}` },
      { kind: 'city', prefixes: [`${a} Kota`, ...(short('K') ? [`${a}K Kota`] : []), full('Kota')], display: `${a} Kota {place}` },
      { kind: 'regency', prefixes: [...REGION.regency.map((r) => `${a} ${r}`), ...(short('K') ? [`${a}K`] : []), full('Kabupaten')], display: `${a} Kabupaten {place}` },
    );
  }
  if (forms.length > 0) return forms;
  const phrases = learnOfficePhrases(flat);
  if (phrases.length > 0) return phrases;
  return [
    { kind: 'province', prefixes: ['Provinsi'], display: 'Provinsi {place}', strongOnly: true },
    { kind: 'city', prefixes: ['Kota'], display: 'Kota {place}', strongOnly: true },
    { kind: 'regency', prefixes: ['Kabupaten', 'Kab.'], display: 'Kabupaten {place}', strongOnly: true },
  ];
}

const PHRASE_STOP = new Set(['di', 'dan', 'se', 'ke', 'dari', 'wilayah', 'seluruh', 'kepala', 'tahun', 'jl', 'jalan', 'pada', 'yang', 'untuk', 'dengan', 'oleh']);
const REGION_KIND: Record<string, Kind> = { provinsi: 'province', prov: 'province', kabupaten: 'regency', kab: 'regency', kota: 'city' };

/**
 * Office names the draft writes before region words at least three times, one to three
 * capitalised words ("Kantor Cabang Kabupaten …", "Kanca Kota …"), when it has no acronym to
 * learn from. The most written phrase of each kind names the unit.
 */
function learnOfficePhrases(flat: string): OfficeForm[] {
  const counts = new Map<string, { kind: Kind; phrase: string; region: string; n: number }>();
  // The lookbehind starts a try only at a word's first letter, so a long run of letters is scanned once.
  const re = /(?<![A-Za-z])((?:[A-Z][A-Za-z]+[ \t\u00a0]+){1,3})(Provinsi|PROVINSI|Prov\.|Kabupaten|KABUPATEN|Kab\.|KAB\.|Kota|KOTA)[ \t\u00a0]+[A-Z]/gu;
  for (const m of flat.matchAll(re)) {
    const words = (m[1] ?? '').trim().split(/\s+/);
    const region = m[2] ?? '';
    const kind = REGION_KIND[region.toLowerCase().replace(/\.$/, '')];
    if (!kind) continue;
    for (let k = 1; k <= words.length; k++) {
      const tail = words.slice(words.length - k);
      if (PHRASE_STOP.has((tail[0] ?? '').toLowerCase()) || tail.some((w) => REGION_KIND[w.toLowerCase()] !== undefined)) continue;
      const phrase = tail.join(' ');
      const key = `${kind}:${phrase.toLowerCase()}:${region.toLowerCase()}`;
      const entry = counts.get(key) ?? { kind, phrase, region, n: 0 };
      entry.n++;
      if (entry.phrase === entry.phrase.toUpperCase() && phrase !== phrase.toUpperCase()) entry.phrase = phrase;
      counts.set(key, entry);
    }
  }
  // A phrase counts over all its regions: "Kancab Kabupaten" three times makes "Kancab Kota" an office too.
  const total = new Map<string, number>();
  for (const e of counts.values()) total.set(e.phrase.toLowerCase(), (total.get(e.phrase.toLowerCase()) ?? 0) + e.n);
  const kept = [...counts.values()].filter((e) => (total.get(e.phrase.toLowerCase()) ?? 0) >= 3).sort((a, b) => b.n - a.n);
  const forms: OfficeForm[] = [];
  for (const kind of ['province', 'city', 'regency'] as const) {
    const ofKind = kept.filter((e) => e.kind === kind);
    const top = ofKind[0];
    if (!top) continue;
    const region = kind === 'province' ? 'Provinsi' : kind === 'city' ? 'Kota' : 'Kabupaten';
    const prefixes = [...new Set(ofKind.map((e) => `${e.phrase} ${e.region}`))];
    forms.push({ kind, prefixes, display: `${top.phrase} ${region} {place}` });
  }
  return forms;
}

/** The office vocabulary of one draft read with `profile`. */
export function officeVocabulary(profile: AgencyProfile, text: string): OfficeVocabulary {
  const regional = profile.offices.some((o) => o.kind !== 'other');
  if (regional) {
    // A profile whose offices the draft never names (detected from a passing mention) teaches
    // nothing: learn the draft's own offices as well.
    const own = vocabularyOf(profile, profile.offices);
    if (draftOfficeMentions(text, own).length > 0) return own;
  }
  // The draft's own forms first: their names are the units' names.
  return vocabularyOf(profile, [...learnOfficeForms(text, profile.indicatorAcronyms), ...profile.offices]);
}

function vocabularyOf(profile: AgencyProfile, offices: readonly OfficeForm[]): OfficeVocabulary {
  // Longer prefixes first: "Kantor Kota" before "Kantor".
  const length = (f: CompiledForm) => f.words.reduce((n, w) => n + w.text.length + 1, 0);
  const forms = offices.flatMap(compile).sort((a, b) => length(b) - length(a));
  const byFirstWord = new Map<string, CompiledForm[]>();
  for (const f of forms) {
    const first = f.words[0]?.text ?? '';
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), f]);
  }
  const acronyms = new Set<string>();
  for (const name of profile.agencyNames) if (/^[A-Z]{2,8}$/.test(name)) acronyms.add(name.toLowerCase());
  for (const form of offices) for (const p of form.prefixes) {
    const first = p.split(/\s+/)[0] ?? '';
    if (/^[A-Z]{2,8}$/.test(first)) acronyms.add(first.toLowerCase());
  }
  const stopWords = new Set([...profile.stopWords, ...acronyms].map((w) => w.toLowerCase()));
  // A column headed by an office prefix ("Kantor Kabupaten", "KCP/KCK") names each row's office.
  const unitHeaders = offices.filter((o) => !o.strongOnly).flatMap((o) => o.prefixes.map((p) => p.replace(/\.$/, '').toLowerCase()));
  const headerSynonyms: HeaderSynonyms = { ...profile.headerSynonyms, unit: [...(profile.headerSynonyms.unit ?? []), ...unitHeaders] };
  const displays = new Map<Kind, string>();
  for (const form of offices) if (!displays.has(form.kind)) displays.set(form.kind, form.display ?? '{prefix} {place}');
  return { forms, byFirstWord, stopWords, acronyms: [...acronyms], displays, headerSynonyms };
}

const TOKEN = /^[A-Za-z][A-Za-z'’-]*$/;

export interface Mention {
  kind: Kind;
  place: string;
  text: string;
  form: CompiledForm;
}

const PLACE_WORD = /^[ \u00a0]+([^\s,.;:()"“”]+)/;

/**
 * Reads the place name after an office prefix: capitalised words up to punctuation, a line end or
 * a stop word. `nextWord` finds the next word; office mentions in prose also stop a word at "/".
 */
export function readPlace(after: string, maxWords: number, stopWords: ReadonlySet<string>, nextWord: RegExp = PLACE_WORD): string | undefined {
  const words: string[] = [];
  let rest = after;
  for (let i = 0; i < maxWords; i++) {
    const m = nextWord.exec(rest);
    if (!m) break;
    const word = (m[1] ?? '').replace(/[*_]+/g, '');
    if (!TOKEN.test(word) || stopWords.has(word.toLowerCase())) break;
    const first = word.charAt(0);
    if (first !== first.toUpperCase()) break;
    words.push(word);
    rest = rest.slice(m[0].length);
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

const FIRST_WORD = /^[\p{L}\p{N}]+/u;

/** The office prefix `text` opens with, the longest first. */
export function prefixOf(vocab: OfficeVocabulary, text: string, strong = true): { kind: Kind; rest: string; prefix: string; form: CompiledForm } | undefined {
  const first = FIRST_WORD.exec(text)?.[0].toLowerCase();
  for (const form of (first && vocab.byFirstWord.get(first)) || []) {
    if (form.strongOnly && !strong) continue;
    const end = matchPrefix(text, 0, form.words);
    if (end >= 0) return { kind: form.kind, rest: text.slice(end), prefix: text.slice(0, end), form };
  }
  return undefined;
}

const openingWordLists = new WeakMap<OfficeVocabulary, string[]>();
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WHOLE_WORD = /^[\p{L}\p{N}]+$/u;

function isWordCharAt(text: string, i: number): boolean {
  const code = text.codePointAt(i);
  if (code === undefined) return false;
  // ASCII by its code (asked at both ends of every office word of the draft); the rest by the pattern.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return WORD_CHAR.test(String.fromCodePoint(code));
}

function isWordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  // The code point that ends just before i: two code units when i follows a surrogate pair.
  const low = text.charCodeAt(i - 1);
  return isWordCharAt(text, low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1);
}

/**
 * Where the words that may open one of the vocabulary's prefixes start in `text`, in order: each
 * such word found with `indexOf` in the lower-cased text and kept where it is a whole word. The
 * same places a walk over every word (`[\p{L}\p{N}]+`) looking each up in `byFirstWord` finds, but
 * the search skips a long draft's other words far faster than that walk. When lower-casing changes
 * the text's length (a few non-Latin letters do), offsets would not match: then the walk is used.
 */
export function openingWordStarts(text: string, vocab: OfficeVocabulary): number[] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    return [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => vocab.byFirstWord.has(m[0].toLowerCase())).map((m) => m.index ?? 0);
  }
  const words = openingWords(vocab);
  const starts: number[] = [];
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      if (!isWordCharBefore(text, at) && !isWordCharAt(text, at + word.length)) starts.push(at);
    }
  }
  return starts.sort((a, b) => a - b);
}

function openingWords(vocab: OfficeVocabulary): string[] {
  let words = openingWordLists.get(vocab);
  if (!words) {
    words = [...vocab.byFirstWord.keys()].filter((w) => WHOLE_WORD.test(w));
    openingWordLists.set(vocab, words);
  }
  return words;
}

/** Where the vocabulary's opening words occur in a whole draft (word ends not yet checked), by start. */
export interface OpeningWordIndex {
  starts: number[];
  lengths: number[];
}

const ASCII_WORD = /^[a-z0-9]+$/;

/** A word one of whose own beginnings is also its ending ("kak"): its occurrences may overlap. */
function overlapsItself(word: string): boolean {
  for (let k = 1; k < word.length; k++) if (word.endsWith(word.slice(0, k))) return true;
  return false;
}

/**
 * The opening words of `text` found once, for `openingWordStartsIn` to answer for its slices (a
 * draft's paragraphs and cells) instead of lower-casing and searching each slice again. Undefined
 * where a slice's own search might find other places: lower-casing that changes the text's length,
 * words beyond plain ASCII, or a word whose occurrences may overlap (its search skips past each).
 */
export function openingWordIndex(text: string, vocab: OfficeVocabulary): OpeningWordIndex | undefined {
  const words = openingWords(vocab);
  if (!words.every((w) => ASCII_WORD.test(w) && !overlapsItself(w))) return undefined;
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return undefined;
  const hits: [number, number][] = [];
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) hits.push([at, word.length]);
  }
  hits.sort((a, b) => a[0] - b[0]);
  return { starts: hits.map((h) => h[0]), lengths: hits.map((h) => h[1]) };
}

/**
 * `openingWordStarts(slice, vocab)` for `slice`, the part of the indexed text that starts at
 * `base`: the occurrences that lie wholly inside it, their word ends checked within the slice.
 */
export function openingWordStartsIn(index: OpeningWordIndex, slice: string, base: number): number[] {
  const { starts, lengths } = index;
  const out: number[] = [];
  for (let k = countBefore(starts.length, (i) => (starts[i] as number) < base); k < starts.length && (starts[k] as number) < base + slice.length; k++) {
    const at = (starts[k] as number) - base;
    const end = at + (lengths[k] as number);
    if (end <= slice.length && !isWordCharBefore(slice, at) && !isWordCharAt(slice, end)) out.push(at);
  }
  return out;
}

/**
 * Every office named in a text ("Kantor Kabupaten Lembah Hijau", "KCP Teluk Biru"). `strong`: the
 * text is a signed PK title or a per-office table cell, where even the bare region words name an office.
 */
export function findOfficeMentions(text: string, vocab: OfficeVocabulary, strong = false): Mention[] {
  const out: Mention[] = [];
  // Words inside a prefix already read ("Kota" in "<acronym> Kota …") start no other prefix.
  let after = 0;
  for (const at of openingWordStarts(text, vocab)) {
    if (at < after) continue;
    const slice = text.slice(at, at + 120);
    const prefix = prefixOf(vocab, slice, strong);
    if (!prefix) continue;
    after = at + prefix.prefix.length;
    // "Kantor Kab/Kota", "KCK/Kota Jajaran": the offices as a group, not one office.
    if (/^\s*\//.test(prefix.rest)) continue;
    const place = readPlace(prefix.rest, 3, vocab.stopWords);
    if (!place) continue;
    out.push({ kind: prefix.kind, place, text: slice.slice(0, prefix.prefix.length + 1 + place.length), form: prefix.form });
  }
  return out;
}

const draftMentions = new WeakMap<OfficeVocabulary, { text: string; mentions: Mention[] }>();

/**
 * The offices a whole draft names (emphasis markers dropped), found once per vocabulary: choosing
 * the vocabulary and building the units both read the whole draft with the profile's own one.
 * The list is shared: read it, do not change it.
 */
function draftOfficeMentions(text: string, vocab: OfficeVocabulary): Mention[] {
  const known = draftMentions.get(vocab);
  if (known?.text === text) return known.mentions;
  const mentions = findOfficeMentions(text.replace(/[*_]+/g, ''), vocab);
  draftMentions.set(vocab, { text, mentions });
  return mentions;
}

export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function acronym(words: string[]): string {
  return words.map((w) => w.charAt(0)).join('');
}

export interface UnitRegistry {
  units: ReportingUnit[];
  province?: ReportingUnit;
  /** The unit a cell or phrase names, or undefined when it names none (or more than one). */
  resolve(text: string): ReportingUnit | undefined;
  /** "Rata-Rata Provinsi TB", "IKP TB", "JUMLAH": a row about all units together. */
  isAggregate(text: string): boolean;
  /** Every office a text names, in this draft's vocabulary. */
  mentions(text: string): Mention[];
  vocabulary: OfficeVocabulary;
}

const LIST_MARKER = /^\s*(?:[a-z]|\d{1,2})[.)]\s+/i;
const AGGREGATE = /\b(rata-?\s?rata|jumlah|total|rerata|average|keseluruhan)\b/i;

/**
 * Builds the reporting units from the draft's own office names. Evidence: signed PK titles and
 * measurement-table cells count fully; a prose mention counts only once an office is named at
 * least twice, so a one-off "BCNP Pulau Jauh" in a story does not become a unit.
 */
export function buildUnits(text: string, strongNames: string[], vocab: OfficeVocabulary): UnitRegistry {
  const counts = new Map<string, { kind: Kind; place: string; n: number; strong: boolean; spellings: Set<string>; prefix: string }>();
  const add = (m: Mention, strong: boolean) => {
    const key = `${m.kind}:${m.kind === 'other' ? `${m.form.prefix.toLowerCase()} ` : ''}${normaliseWords(m.place).join(' ')}`;
    const entry = counts.get(key) ?? { kind: m.kind, place: m.place, n: 0, strong: false, spellings: new Set<string>(), prefix: m.form.prefix };
    entry.n++;
    entry.strong ||= strong;
    entry.spellings.add(m.text.replace(/\s+/g, ' ').trim());
    // Keep the title-case spelling when both "BATU MERAH" and "Batu Merah" are seen.
    if (entry.place === entry.place.toUpperCase() && m.place !== m.place.toUpperCase()) entry.place = m.place;
    counts.set(key, entry);
  };
  for (const m of draftOfficeMentions(text, vocab)) add(m, false);
  for (const name of strongNames) for (const m of findOfficeMentions(name.replace(LIST_MARKER, ''), vocab, true)) add(m, true);
  const nameOf = (kind: Kind, place: string, prefix: string): string =>
    (vocab.displays.get(kind) ?? '{prefix} {place}').replace('{prefix}', prefix).replace('{place}', place).replace(/\s+/g, ' ').trim();

  const entries = [...counts.values()];
  const provinces = entries.filter((e) => e.kind === 'province').sort((a, b) => b.n - a.n);
  const units: ReportingUnit[] = [];
  let province: ReportingUnit | undefined;
  const top = provinces[0];
  if (top) {
    // The report's own province office: the most named one; "TB" and "Teluk Biru" are one office.
    const full = provinces.find((p) => normaliseWords(p.place).length > 1 && acronym(normaliseWords(p.place)) === normaliseWords(top.place).join(''));
    const longName = normaliseWords(top.place).length > 1 ? top.place : full?.place ?? top.place;
    const spellings = new Set<string>();
    const topKey = normaliseWords(top.place).join(' ');
    const longWords = normaliseWords(longName);
    for (const p of provinces) {
      const words = normaliseWords(p.place);
      const same = words.join(' ') === topKey || words.join(' ') === longWords.join(' ') || acronym(longWords) === words.join('') || isPrefixOf(words, longWords);
      if (same) for (const s of p.spellings) spellings.add(s);
    }
    province = { id: 'u1', name: nameOf('province', longName, top.prefix), kind: 'province', placeName: longName, spellings: [...spellings] };
    units.push(province);
  }
  const districts = entries
    .filter((e) => e.kind !== 'province' && (e.strong || e.n >= 2))
    .sort((a, b) => b.n - a.n);
  const kept: typeof districts = [];
  for (const d of districts) {
    const words = normaliseWords(d.place);
    // "BCNK Kemiri" and "BCNK Tanjung Kemiri" are one office: merge a name into a kept one that contains it.
    const into = kept.find(
      (k) => containsAll(normaliseWords(k.place), words) || containsAll(words, normaliseWords(k.place)) || isSyllableAbbreviation(words, normaliseWords(k.place)),
    );
    if (into) {
      if (words.length > normaliseWords(into.place).length && d.n >= 2) into.place = d.place;
      for (const s of d.spellings) into.spellings.add(s);
      into.n += d.n;
      into.strong ||= d.strong;
      if (into.kind !== d.kind && d.kind === 'city' && d.n > 1) into.kind = d.kind;
      continue;
    }
    kept.push({ ...d, spellings: new Set(d.spellings) });
  }
  for (const [i, d] of kept.entries()) {
    const place = titleCase(d.place);
    units.push({
      id: `u${units.length + 1}`,
      name: nameOf(d.kind, place, d.prefix),
      kind: d.kind,
      placeName: d.kind === 'city' ? `Kota ${place}` : place,
      spellings: [...d.spellings],
    });
    void i;
  }
  return makeRegistry(units, province, vocab);
}

/**
 * "Batmer" for Batu Merah, "Tankem" for Tanjung Kemiri, "Lemhij" for Lembah Hijau: Indonesian
 * place abbreviations join the first syllables of each word, in order.
 */
export function isSyllableAbbreviation(short: string[], long: string[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  const word = short[0] ?? '';
  const fits = (rest: string, i: number): boolean => {
    if (i === long.length) return rest.length === 0;
    const target = long[i] ?? '';
    for (let n = Math.min(rest.length, target.length, 5); n >= 2; n--) {
      if (target.startsWith(rest.slice(0, n)) && fits(rest.slice(n), i + 1)) return true;
    }
    return false;
  };
  return word.length >= 4 && fits(word, 0);
}

function isPrefixOf(short: string[], long: string[]): boolean {
  return short.length > 0 && short.length < long.length && short.every((w, i) => long[i] === w);
}

function containsAll(haystack: string[], needles: string[]): boolean {
  return needles.length > 0 && needles.every((w) => haystack.includes(w));
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function makeRegistry(units: ReportingUnit[], province: ReportingUnit | undefined, vocab: OfficeVocabulary): UnitRegistry {
  const placeWords = new Map(units.map((u) => [u.id, normaliseWords(u.placeName.replace(/^Kota\s+/i, ''))]));
  const resolve = (input: string): ReportingUnit | undefined => {
    const text = input.replace(/[*_]+/g, '').replace(LIST_MARKER, '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 80) return undefined;
    const prefix = prefixOf(vocab, `${text} `);
    let kindHint: Kind | undefined = prefix?.kind;
    let rest = prefix ? prefix.rest.trim() : text;
    if (!prefix) {
      const kab = /^(?:Kabupaten|Kab\.?)\s+(.+)$/i.exec(rest);
      const kota = /^Kota\s+(.+)$/i.exec(rest);
      const prov = /^Provinsi\s+(.+)$/i.exec(rest);
      if (kota) [kindHint, rest] = ['city', kota[1] ?? ''];
      else if (kab) [kindHint, rest] = ['regency', kab[1] ?? ''];
      else if (prov) [kindHint, rest] = ['province', prov[1] ?? ''];
    }
    const words = normaliseWords(rest);
    if (words.length === 0) return undefined;
    // "BCN Kota Teluk Biru" under "BCNP Teluk Biru": a city or regency prefix never names the province.
    if (province && kindHint !== 'city' && kindHint !== 'regency') {
      const pw = placeWords.get(province.id) ?? [];
      if (kindHint === 'province' || words.join(' ') === pw.join(' ') || words.join('') === acronym(pw) || isSyllableAbbreviation(words, pw)) {
        if (kindHint === 'province' || words.length <= pw.length) return province;
      }
    }
    let matches = units.filter((u) => u.kind !== 'province' && containsAll(placeWords.get(u.id) ?? [], words));
    if (matches.length === 0) matches = units.filter((u) => u.kind !== 'province' && isSyllableAbbreviation(words, placeWords.get(u.id) ?? []));
    if (matches.length === 1) return matches[0];
    const exact = matches.filter((u) => (placeWords.get(u.id) ?? []).join(' ') === words.join(' '));
    if (exact.length === 1) return exact[0];
    const kinded = matches.filter((u) => u.kind === kindHint);
    return kinded.length === 1 ? kinded[0] : undefined;
  };
  const isAggregate = (input: string): boolean => {
    const text = input.replace(/[*_]+/g, '').replace(LIST_MARKER, '').trim();
    if (AGGREGATE.test(text)) return true;
    // "IKP TB": an index name followed by the province's name.
    const words = text.split(/\s+/);
    if (words.length >= 2 && province && !prefixOf(vocab, `${text} `)) {
      const rest = words.slice(1).join(' ');
      const pw = placeWords.get(province.id) ?? [];
      const rw = normaliseWords(rest);
      return rw.join('') === acronym(pw) || rw.join(' ') === pw.join(' ') || isSyllableAbbreviation(rw, pw);
    }
    return false;
  };
  const mentions = (text: string): Mention[] => findOfficeMentions(text, vocab);
  // Every table row and office mention asks again for the same few office names.
  return { units, ...(province ? { province } : {}), resolve: remembered(resolve), isAggregate: remembered(isAggregate), mentions, vocabulary: vocab };
}

/** `read` with its answers kept by input (the registry's units do not change once built). */
function remembered<T>(read: (input: string) => T): (input: string) => T {
  const answers = new Map<string, T>();
  return (input) => {
    if (answers.has(input)) return answers.get(input) as T;
    const answer = read(input);
    answers.set(input, answer);
    return answer;
  };
}
