import type { ReportingUnit } from '@lkip/schema';

type Kind = ReportingUnit['kind'];

// Office prefixes of the vertical agencies whose LKIPs we read (BNN and its provincial and district
// offices). They are words of the agency's own naming scheme, not place names.
const PREFIXES: { kind: Kind; pattern: RegExp }[] = [
  { kind: 'province', pattern: /^(?:BNNP|BNN\s+Provinsi|BNN\s+Prov\.?|Badan\s+Narkotika\s+Nasional\s+Provinsi)(?=[\s\u00a0])/i },
  { kind: 'city', pattern: /^(?:BNN\s+Kota|BNNK\s+Kota|Badan\s+Narkotika\s+Nasional\s+Kota)(?=[\s\u00a0])/i },
  { kind: 'regency', pattern: /^(?:BNNK|BNN\s+Kabupaten|BNN\s+Kab\.?|Badan\s+Narkotika\s+Nasional\s+Kabupaten)(?=[\s\u00a0])/i },
];

const PREFIX_SCAN = /\b(?:BNNP|BNNK|BNN|Badan\s+Narkotika\s+Nasional)\b/gi;

// Capitalised words that follow an office name in running text and are not part of it.
const STOP_WORDS = new Set(
  [
    'jajaran', 'tahun', 'ta', 'target', 'realisasi', 'indeks', 'nilai', 'dan', 'dengan', 'yang', 'di', 'pada', 'sebesar',
    'telah', 'sudah', 'dalam', 'untuk', 'sebagai', 'berkategori', 'kinerja', 'capaian', 'wilayah', 'melakukan', 'selaku',
    'sesuai', 'sedangkan', 'berdasarkan', 'goes', 'pasiar', 'setiap', 'hal', 'terhadap', 'klinik', 'satker', 'ri', 'jl',
    'nomor', 'tidak', 'mencapai', 'melebihi', 'dibawah', 'diatas', 'sehingga', 'secara', 'serta', 'periode', 'kepada',
    'adalah', 'atau', 'merupakan', 'mempunyai', 'memiliki', 'menetapkan', 'tersebut', 'ini', 'itu', 'pusat', 'provinsi',
    'kabupaten', 'kab', 'kota', 'bnn', 'bnnp', 'bnnk', 'kepala', 'bidang', 'bagian', 'dokumen', 'dari', 'oleh', 'ke',
    'se', 'seluruh', 'masing-masing', 'masing', 'lainnya', 'aplikasi', 'rutan', 'mobil', 'layanan', 'tingkat', 'sama',
  ].map((w) => w.toLowerCase()),
);

const TOKEN = /^[A-Za-z][A-Za-z'’-]*$/;

interface Mention {
  kind: Kind;
  place: string;
  text: string;
}

/** Reads the place name after an office prefix: capitalised words up to punctuation, a line end or a stop word. */
function readPlace(after: string, maxWords: number): string | undefined {
  const words: string[] = [];
  let rest = after;
  for (let i = 0; i < maxWords; i++) {
    const m = /^[ \u00a0]+([^\s,.;:()"“”]+)/.exec(rest);
    if (!m) break;
    const word = (m[1] ?? '').replace(/[*_]+/g, '');
    if (!TOKEN.test(word) || STOP_WORDS.has(word.toLowerCase())) break;
    const first = word.charAt(0);
    if (first !== first.toUpperCase()) break;
    words.push(word);
    rest = rest.slice(m[0].length);
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

function prefixOf(text: string): { kind: Kind; rest: string; prefix: string } | undefined {
  for (const p of PREFIXES) {
    const m = p.pattern.exec(text);
    if (m) return { kind: p.kind, rest: text.slice(m[0].length), prefix: m[0] };
  }
  return undefined;
}

/** Every "BNNK Belu" / "BNN Kota Kupang" / "BADAN NARKOTIKA NASIONAL KABUPATEN BELU" in a text. */
export function findOfficeMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PREFIX_SCAN)) {
    const at = m.index ?? 0;
    const slice = text.slice(at, at + 120);
    const prefix = prefixOf(slice);
    if (!prefix) continue;
    // "BNN Kab/Kota", "BNNK/Kota Jajaran": the offices as a group, not one office.
    if (/^\s*\//.test(prefix.rest)) continue;
    const place = readPlace(prefix.rest, prefix.kind === 'province' ? 3 : 3);
    if (!place) continue;
    out.push({ kind: prefix.kind, place, text: slice.slice(0, prefix.prefix.length + 1 + place.length) });
  }
  return out;
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
  /** "Rata-Rata Provinsi NTT", "IKP NTT", "JUMLAH": a row about all units together. */
  isAggregate(text: string): boolean;
}

const LIST_MARKER = /^\s*(?:[a-z]|\d{1,2})[.)]\s+/i;
const AGGREGATE = /\b(rata-?\s?rata|jumlah|total|rerata|average|keseluruhan)\b/i;

/**
 * Builds the reporting units from the draft's own office names. Evidence: signed PK titles and
 * measurement-table cells count fully; a prose mention counts only once an office is named at
 * least twice, so a one-off "BNNP Jawa Timur" in a story does not become a unit.
 */
export function buildUnits(text: string, strongNames: string[]): UnitRegistry {
  const counts = new Map<string, { kind: Kind; place: string; n: number; strong: boolean; spellings: Set<string> }>();
  const add = (m: Mention, strong: boolean) => {
    const key = `${m.kind}:${normaliseWords(m.place).join(' ')}`;
    const entry = counts.get(key) ?? { kind: m.kind, place: m.place, n: 0, strong: false, spellings: new Set<string>() };
    entry.n++;
    entry.strong ||= strong;
    entry.spellings.add(m.text.replace(/\s+/g, ' ').trim());
    // Keep the title-case spelling when both "BELU" and "Belu" are seen.
    if (entry.place === entry.place.toUpperCase() && m.place !== m.place.toUpperCase()) entry.place = m.place;
    counts.set(key, entry);
  };
  for (const m of findOfficeMentions(text.replace(/[*_]+/g, ''))) add(m, false);
  for (const name of strongNames) for (const m of findOfficeMentions(name.replace(LIST_MARKER, ''))) add(m, true);

  const entries = [...counts.values()];
  const provinces = entries.filter((e) => e.kind === 'province').sort((a, b) => b.n - a.n);
  const units: ReportingUnit[] = [];
  let province: ReportingUnit | undefined;
  const top = provinces[0];
  if (top) {
    // The report's own province office: the most named one; "NTT" and "Nusa Tenggara Timur" are one office.
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
    province = { id: 'u1', name: `BNNP ${longName}`, kind: 'province', placeName: longName, spellings: [...spellings] };
    units.push(province);
  }
  const districts = entries
    .filter((e) => e.kind !== 'province' && (e.strong || e.n >= 2))
    .sort((a, b) => b.n - a.n);
  const kept: typeof districts = [];
  for (const d of districts) {
    const words = normaliseWords(d.place);
    // "BNNK Ndao" and "BNNK Rote Ndao" are one office: merge a name into a kept one that contains it.
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
      name: d.kind === 'city' ? `BNN Kota ${place}` : `BNNK ${place}`,
      kind: d.kind,
      placeName: d.kind === 'city' ? `Kota ${place}` : place,
      spellings: [...d.spellings],
    });
    void i;
  }
  return makeRegistry(units, province);
}

/**
 * "Kobar" for Kotawaringin Barat, "Halbar" for Halmahera Barat, "Bartim" for Barito Timur: Indonesian
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

function makeRegistry(units: ReportingUnit[], province: ReportingUnit | undefined): UnitRegistry {
  const placeWords = new Map(units.map((u) => [u.id, normaliseWords(u.placeName.replace(/^Kota\s+/i, ''))]));
  const resolve = (input: string): ReportingUnit | undefined => {
    const text = input.replace(/[*_]+/g, '').replace(LIST_MARKER, '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 80) return undefined;
    const prefix = prefixOf(`${text} `);
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
    // "BNN Kota Bengkulu" under "BNNP Bengkulu": a city or regency prefix never names the province.
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
    // "IKP NTT": an index name followed by the province's name.
    const words = text.split(/\s+/);
    if (words.length >= 2 && province && !prefixOf(`${text} `)) {
      const rest = words.slice(1).join(' ');
      const pw = placeWords.get(province.id) ?? [];
      const rw = normaliseWords(rest);
      return rw.join('') === acronym(pw) || rw.join(' ') === pw.join(' ') || isSyllableAbbreviation(rw, pw);
    }
    return false;
  };
  return { units, ...(province ? { province } : {}), resolve, isAggregate };
}
