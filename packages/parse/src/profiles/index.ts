import { bnn } from './bnn.js';
import { bpom } from './bpom.js';
import { bps } from './bps.js';
import { generic } from './generic.js';
import { kemenag } from './kemenag.js';
import { pemda } from './pemda.js';
import type { AgencyProfile, OfficeForm, ProfileInput, ProfileOverride } from './types.js';

export type { AgencyProfile, OfficeForm, OfficeKind, ProfileInput, ProfileOverride } from './types.js';

/** The built-in agency profiles, by id. */
export const PROFILES: Readonly<Record<string, AgencyProfile>> = Object.freeze({ generic, bnn, bps, kemenag, pemda, bpom });

/** The ids of the built-in profiles, `generic` first. */
export const PROFILE_IDS: readonly string[] = Object.freeze(Object.keys(PROFILES));

export class UnknownProfileError extends Error {
  constructor(readonly id: string) {
    super(`Unknown agency profile "${id}"; known profiles: ${PROFILE_IDS.join(', ')}`);
  }
}

function merge(base: AgencyProfile, over: ProfileOverride & { id?: string; description?: string }): AgencyProfile {
  const headerSynonyms: AgencyProfile['headerSynonyms'] = { ...base.headerSynonyms };
  for (const [role, words] of Object.entries(over.headerSynonyms ?? {}) as [keyof AgencyProfile['headerSynonyms'], string[] | undefined][]) {
    headerSynonyms[role] = [...(words ?? []), ...(headerSynonyms[role] ?? [])];
  }
  const merged: AgencyProfile = {
    id: over.id ?? base.id,
    agencyNames: [...(over.agencyNames ?? []), ...base.agencyNames],
    // The profile's own offices first: a display template of the child wins for its kind.
    offices: [...(over.offices ?? []), ...base.offices],
    // An agency says which acronyms it uses: a non-empty list replaces the parent's.
    indicatorAcronyms: over.indicatorAcronyms && over.indicatorAcronyms.length > 0 ? [...over.indicatorAcronyms] : [...base.indicatorAcronyms],
    indicatorTerms: { ...base.indicatorTerms, ...(over.indicatorTerms ?? {}) },
    headerSynonyms,
    lowerIsBetter: [...(over.lowerIsBetter ?? []), ...base.lowerIsBetter],
    lowerIsBetterHints: [...(over.lowerIsBetterHints ?? []), ...(base.lowerIsBetterHints ?? [])],
    higherDespite: [...(over.higherDespite ?? []), ...(base.higherDespite ?? [])],
    stopWords: [...base.stopWords, ...(over.stopWords ?? [])],
    nameSpellings: [...base.nameSpellings, ...((over as Partial<AgencyProfile>).nameSpellings ?? [])],
  };
  const description = over.description ?? base.description;
  if (description !== undefined) merged.description = description;
  return merged;
}

function builtIn(id: string, seen = new Set<string>()): AgencyProfile {
  const profile = PROFILES[id];
  if (!profile) throw new UnknownProfileError(id);
  if (!profile.extends || seen.has(id)) return profile;
  seen.add(id);
  return merge(builtIn(profile.extends, seen), profile);
}

/**
 * The full profile for a config's `profile`: a built-in id, or additions that `extends` one.
 * Without `extends`, additions start from `fallback` (the profile detected from the draft).
 * Throws UnknownProfileError for an id that is not built in.
 */
export function resolveProfile(input: ProfileInput | undefined, fallback = 'generic'): AgencyProfile {
  if (input === undefined) return builtIn(fallback);
  if (typeof input === 'string') return builtIn(input);
  const base = builtIn(input.extends ?? fallback);
  return merge(base, { ...input, id: base.id });
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where `name` first stands as whole words in `flat` (one space between words), or -1. An all-capitals name must match its case. */
function firstWholeWord(flat: string, lower: string, name: string): number {
  const exact = /^[A-Z]+$/.test(name);
  const hay = exact ? flat : lower;
  const needle = exact ? name : name.toLowerCase().replace(/\s+/g, ' ');
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!isWordChar(hay[at - 1]) && !isWordChar(hay[at + needle.length])) return at;
  }
  return -1;
}

/**
 * The built-in profile whose agency the draft's head names (its title and cover), or `generic`.
 * The earliest name wins; a name must stand as whole words. A bare acronym does not count (a
 * report cites other agencies: "Sumber: <acronym>"); the agency's full name or one of its office
 * prefixes ("<acronym> Provinsi") does.
 */
export function detectProfile(text: string): string {
  const flat = text.slice(0, 3000).replace(/[*_]+/g, '').replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  let best: { id: string; at: number; length: number } | undefined;
  for (const profile of Object.values(PROFILES)) {
    const prefixes = profile.offices.filter((o) => !o.strongOnly).flatMap((o) => o.prefixes.map((p) => p.replace(/\.$/, '')));
    const names = [...profile.agencyNames.filter((n) => !/^[A-Z]+$/.test(n)), ...prefixes];
    for (const name of names) {
      const at = firstWholeWord(flat, lower, name);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && name.length > best.length)) best = { id: profile.id, at, length: name.length };
    }
  }
  return best?.id ?? 'generic';
}

/** Every office form of every built-in profile (for readers that work without a profile, such as name matching). */
export function allOfficeForms(): OfficeForm[] {
  return Object.values(PROFILES).flatMap((p) => p.offices);
}

/** Spellings of every built-in profile, for name matching outside one draft. */
export function allNameSpellings(): [RegExp, string][] {
  return Object.values(PROFILES).flatMap((p) => p.nameSpellings);
}
