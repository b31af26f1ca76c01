import type { LkipDocument } from '@lkip/schema';
import type { LintMessage } from '@lkip/engine';

/**
 * What the comparison reads of a document. A worker thread posts exactly this back instead of
 * the whole model: raw tables, claims and budget lines are most of a model's size and the
 * comparison never looks at them.
 */
export type ComparableDocument = Pick<LkipDocument, 'meta' | 'units' | 'indicators' | 'measurements' | 'scales'>;

export interface ComparisonInput {
  /** How the document is named in the output (a path as the user gave it, or a label). */
  file: string;
  doc: ComparableDocument;
  /** The lint findings of this document; they become the lint status of the cells. */
  messages?: readonly LintMessage[];
}

export type Locale = 'id' | 'en';

export interface CompareOptions {
  /** Language of the flag messages. Default 'en'. */
  locale?: Locale;
  /** |x − median| / (1.4826 · MAD) above this is an outlier. Default 3.5 (Iglewicz & Hoaglin). */
  outlierThreshold?: number;
  /** Fewer achievements than this are not tested for outliers. Default 4. */
  outlierMinCount?: number;
}

// ---- The JSON shape (documented in README.md; keep it stable) ------------------------------

export interface ComparedDocument {
  file: string;
  agency: string | null;
  province: string | null;
  fiscalYear: number | null;
}

/** A figure as stated: the number read, the text it was read from and its unit of measure. */
export interface Figure {
  value: number;
  raw: string;
  unit: string | null;
  /** Where the chosen statement of the figure is (1-based), to jump into the draft. */
  line: number;
  column: number;
}

export interface CategoryLabel {
  label: string;
  line: number;
  column: number;
}

export interface CellFinding {
  ruleId: string | null;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
}

export type ReportingUnitKind = 'province' | 'regency' | 'city' | 'other';

export interface ComparisonCell {
  /** `documents[].file` of the document the cell belongs to. */
  document: string;
  /** The reporting office as the draft names it ("BCNP Teluk Biru", "BCNK Batu Merah"). */
  unit: string;
  unitKind: ReportingUnitKind;
  /**
   * `indicator`: the indicator's own figures for this office. `unit-value`: for "Jumlah Kab/Kota
   * dengan Indeks X …" indicators a district office states its index X, not a count.
   */
  measure: 'indicator' | 'unit-value';
  target: Figure | null;
  realisation: Figure | null;
  achievement: Figure | null;
  category: CategoryLabel | null;
  findings: CellFinding[];
}

export interface ComparisonIndicator {
  /** Normalised name words, without the province's own name: stable across drafts. */
  key: string;
  name: string;
  number: number | null;
  /** Unit of measure, normalised ("%", "Indeks", "Kab/Kota", "Orang" …). */
  unit: string | null;
  cells: ComparisonCell[];
}

export type UnmatchedReason =
  /** A row with the same number exists, but the names disagree too much to call it the same indicator. */
  | 'name-differs'
  /** Two rows fit about equally well. */
  | 'ambiguous'
  /** The document already has a better match for the row this indicator resembles. */
  | 'duplicate'
  /** Nothing in the other documents resembles it. */
  | 'no-match';

export interface UnmatchedIndicator {
  document: string;
  /** The indicator's number in its own draft, when it has one. */
  indicator: number | null;
  name: string;
  reason: UnmatchedReason;
  /** Key of the most similar row of `indicators`, when there is one. */
  bestCandidate?: string;
  /** Name similarity to `bestCandidate`, 0…1, rounded to 3 decimals. */
  score?: number;
}

export type FlagKind =
  | 'fiscal-year'
  | 'missing-indicator'
  | 'unit-of-measure'
  | 'target-kind'
  | 'category-scale'
  | 'achievement-outlier';

export interface ComparisonFlag {
  kind: FlagKind;
  /** Key of the row concerned; null for flags about whole documents (fiscal year). */
  indicator: string | null;
  /** The documents the flag points at (the odd ones out), by `file`. */
  documents: string[];
  message: string;
}

export interface Comparison {
  documents: ComparedDocument[];
  indicators: ComparisonIndicator[];
  unmatched: UnmatchedIndicator[];
  flags: ComparisonFlag[];
}
