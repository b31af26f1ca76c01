import type { ColumnRole, ReportingUnit } from '@lkip/schema';

export type OfficeKind = ReportingUnit['kind'];

/** One kind of office of an agency and the ways a draft writes it before the place name. */
export interface OfficeForm {
  kind: OfficeKind;
  /**
   * The words before the place name, as drafts write them ("Kantor Provinsi", "KP"): matched
   * case-insensitively, any run of spaces between words, a final "." optional.
   */
  prefixes: string[];
  /** The unit's name: `{place}` is the place name ("Kantor Provinsi {place}"). Default: the first prefix and the place. */
  display?: string;
  /** Only a signed PK title or a per-office table row names such an office; prose mentions never do. */
  strongOnly?: boolean;
}

/**
 * An agency's vocabulary, as data: how its offices are named, what it calls its indicators,
 * its table headers. The reader needs none of it (the generic profile learns the offices from
 * the document), but a profile makes the reading surer.
 */
export interface AgencyProfile {
  id: string;
  /** The profile this one adds to. */
  extends?: string;
  description?: string;
  /** The agency's names and acronyms, as a title writes them: recognise the agency and drop them from indicator names. */
  agencyNames: string[];
  offices: OfficeForm[];
  /** What the agency calls its indicators (IKU, IKK, ...), most usual first. */
  indicatorAcronyms: string[];
  /** The long form of each indicator acronym ("Indikator Kinerja Utama" for IKU), to count how a draft names its indicators. */
  indicatorTerms: Record<string, string>;
  /** Header words per column role (lower-case words, whole-word match); they win over the built-in words. */
  headerSynonyms: Partial<Record<ColumnRole, string[]>>;
  /** Words of indicator names that make an indicator lower-is-better ("prevalensi"). */
  lowerIsBetter: string[];
  /**
   * Softer than `lowerIsBetter`: words of indicator names that suggest lower is better ("kasus",
   * "kematian") when the draft states no polarity; the rules then accept a capaian computed
   * either way rather than decide. Whole words, any case.
   */
  lowerIsBetterHints?: string[];
  /**
   * Words that turn such a subject into an indicator of what was handled or reduced ("kasus yang
   * diselesaikan", "penurunan angka kematian"): the name no longer suggests lower is better.
   */
  higherDespite?: string[];
  /** Capitalised words that follow an office name in running text and are not part of it. */
  stopWords: string[];
  /**
   * Spellings of indicator-name words that mean the same: a global pattern over the lower-case
   * name and its replacement, applied when names are matched (those of every built-in profile).
   */
  nameSpellings: [pattern: RegExp, replacement: string][];
}

/** What `lkip.config.json` may say of a profile: a built-in id, or additions to one. */
export type ProfileInput = string | ProfileOverride;

export interface ProfileOverride {
  /** A built-in profile to start from (default: auto-detected from the title, else `generic`). */
  extends?: string;
  agencyNames?: string[];
  offices?: OfficeForm[];
  indicatorAcronyms?: string[];
  indicatorTerms?: Record<string, string>;
  headerSynonyms?: Partial<Record<ColumnRole, string[]>>;
  lowerIsBetter?: string[];
  lowerIsBetterHints?: string[];
  higherDespite?: string[];
  stopWords?: string[];
}
