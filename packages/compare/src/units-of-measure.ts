/**
 * Units of measure are written many ways across provinces ("Kabupaten / Kota", "Kab/Kota",
 * "<acronym> Kab/Kota", "<acronym>K/Kota"; "Indeks", "indeks"; "%", "persen"). The comparison needs to know
 * when two spellings mean the same thing, and when two drafts measure one indicator differently.
 */

import { PROFILES } from '@lkip/parse';

export type UnitClass = 'percent' | 'index' | 'districts' | 'people' | 'service-units' | 'institutions' | 'case-files' | 'money';

/** What the target counts or measures: a difference here means the drafts are not measuring the same thing. */
export type TargetKind = 'count-of-districts' | 'score' | 'count';

const CLASS_PATTERNS: [RegExp, UnitClass][] = [
  [/^(?:%|persen|percent|prosen)$/, 'percent'],
  [/^(?:indeks|index|nilai|poin|skor)$/, 'index'],
  // "Kab/Kota", "Kabupaten/Kota", "Kab./Kota", "Kabupaten", "Kota"; an agency's words before them are dropped first.
  [/^kab(?:upaten)?\.?(?:\s*\/\s*kota)?$|^kota$/, 'districts'],
  [/^(?:orang|org|pegawai|petugas|peserta|jiwa)$/, 'people'],
  [/^unit$/, 'service-units'],
  [/^lembaga$/, 'institutions'],
  [/^(?:berkas(?:\s+perkara)?|perkara|bp)$/, 'case-files'],
  [/^(?:rp\.?|rupiah)$/, 'money'],
];

const DISPLAY: Record<UnitClass, string> = {
  percent: '%',
  index: 'Indeks',
  districts: 'Kab/Kota',
  people: 'Orang',
  'service-units': 'Unit',
  institutions: 'Lembaga',
  'case-files': 'Berkas Perkara',
  money: 'Rp',
};

// One-word agency names and district-office prefixes of the profiles: "<acronym> Kab/Kota" and
// "<acronym>K/Kota" count districts as "Kab/Kota" does.
const AGENCY_WORDS = new Set(Object.values(PROFILES).flatMap((p) => p.agencyNames).filter((n) => /^[A-Za-z]{2,12}$/.test(n)).map((n) => n.toLowerCase()));
const DISTRICT_OFFICES = new Set(
  Object.values(PROFILES)
    .flatMap((p) => p.offices)
    .filter((o) => o.kind === 'regency' || o.kind === 'city')
    .flatMap((o) => o.prefixes)
    .filter((n) => /^[A-Za-z]{2,12}$/.test(n))
    .map((n) => n.toLowerCase()),
);

function withoutAgency(s: string): string {
  const first = /^[a-z]+/.exec(s)?.[0] ?? '';
  if (DISTRICT_OFFICES.has(first)) return `kab${s.slice(first.length)}`;
  if (AGENCY_WORDS.has(first) && /^\s+\S/.test(s.slice(first.length))) return s.slice(first.length).trim();
  return s;
}

/** The class of a unit as written, or undefined when it is none we know. */
export function unitClassOf(unit: string | undefined | null): UnitClass | undefined {
  if (unit === undefined || unit === null) return undefined;
  const s = unit.toLowerCase().replace(/\s+/g, ' ').trim();
  if (s === '') return undefined;
  const unitWords = withoutAgency(s);
  for (const [pattern, cls] of CLASS_PATTERNS) if (pattern.test(unitWords)) return cls;
  return undefined;
}

/** One spelling per class, for display: "Kabupaten / Kota" and "<acronym> Kab/Kota" both show as "Kab/Kota". */
export function displayUnit(cls: UnitClass): string {
  return DISPLAY[cls];
}

/** Normalised spelling of a unit as written; unknown units keep their own (trimmed) spelling. */
export function normaliseUnit(unit: string | undefined | null): string | null {
  const cls = unitClassOf(unit);
  if (cls) return DISPLAY[cls];
  const trimmed = unit?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/**
 * The kind of a target as written. The unit written beside the target decides; the indicator's
 * name ("Jumlah Kab/Kota dengan …") only when no unit is written: a province that states "53,71
 * Indeks" for a district-count indicator has changed what it measures, whatever the name says.
 */
export function targetKindOf(cls: UnitClass | undefined, countsDistricts: boolean): TargetKind | undefined {
  if (cls === undefined) return countsDistricts ? 'count-of-districts' : undefined;
  switch (cls) {
    case 'districts':
      return 'count-of-districts';
    case 'percent':
    case 'index':
      return 'score';
    case 'people':
    case 'service-units':
    case 'institutions':
    case 'case-files':
      return 'count';
    default:
      return undefined;
  }
}
