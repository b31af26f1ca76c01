import type { LkipDocument } from '@lkip/schema';
import type { LintMessage } from '@lkip/engine';

/**
 * What the comparison reads of a document. A worker thread posts exactly this back instead of
 * the whole model: raw tables, claims and budget lines are most of a model's size and the
 * comparison never looks at them.
 */
export type ComparableDocument = Pick<LkipDocument, 'meta' | 'units' | 'indicators' | 'measurements' | 'scales'> &
  Partial<Pick<LkipDocument, 'tables' | 'sentences' | 'sections'>>;

export interface ComparisonInput {
  /** How the document is named in the output (a path as the user gave it, or a label). */
  file: string;
  doc: ComparableDocument;
  /** The lint findings of this document; they become the lint status of the cells and the summary's counts. */
  messages?: readonly LintMessage[];
}

export type Locale = 'id' | 'en';

export interface CompareOptions {
  /** Language of the flag messages. Default 'en'. */
  locale?: Locale;
  /** |x − median| / (1.4826 · MAD) above this is an outlier. Default 3.5 (Iglewicz & Hoaglin). */
  outlierThreshold?: number;
  /** Fewer provinces with an achievement than this are not tested for outliers. Default 5. */
  outlierMinCount?: number;
  /**
   * The MAD is taken as at least this share of the values' magnitude (the median of |x|). Default
   * 0.02: when most provinces report nearly the same achievement, a province 0,02 points away is
   * not "far"; with the default a value within about 10 % of the median is never an outlier.
   */
  outlierRelativeMadFloor?: number;
  /** Drafts that could not be read, listed in the output (they are not compared). */
  skipped?: readonly SkippedDocument[];
}

// ---- The JSON shape (documented in README.md; keep it stable) ------------------------------

/** Findings of one draft by severity, as `lkip lint` counts them (`info` is lkip's level 0). */
export interface FindingCounts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Findings per rule id ("fatal" for messages without one), most frequent first. */
  byRule: Record<string, number>;
}

/** An indicator of the draft far below target, for the summary's "worst indicators". */
export interface WorstIndicator {
  /** Row key in `indicators`, or null when the indicator matched no other draft's. */
  indicator: string | null;
  number: number | null;
  name: string;
  achievement: number;
}

export interface DocumentSummary {
  /** The draft's own indicators with an achievement of the province office, by band. */
  indicators: { total: number; above: number; at: number; below: number; withoutFigure: number };
  /** (above + at) / (above + at + below), 0…1; null when no indicator has an achievement. */
  metShare: number | null;
  /**
   * 1 for the highest share met among the drafts of the same fiscal year; equal shares share a
   * rank (1, 2, 2, 4). Null without a share.
   */
  rank: number | null;
  findings: FindingCounts;
  /** Up to three indicators below target, lowest achievement first. */
  worst: WorstIndicator[];
}

/** One finding of a draft, as the summary lists it (cells carry theirs too). */
export interface DocumentFinding {
  ruleId: string | null;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
}

export interface ComparedDocument {
  file: string;
  agency: string | null;
  province: string | null;
  fiscalYear: number | null;
  /** What the columns are headed with: the province, with the year or a number when several drafts share it. */
  label: string;
  summary: DocumentSummary;
  /** Every lint finding of the draft, by line. */
  findings: DocumentFinding[];
}

/** The sum of the documents' summaries (the totals row). */
export interface ComparisonTotals {
  documents: number;
  indicators: { total: number; above: number; at: number; below: number; withoutFigure: number };
  metShare: number | null;
  findings: FindingCounts;
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

/** One point of a province's series for an indicator: the figures of that year's filing. */
export interface TrendPoint {
  year: number;
  document: string;
  target: number | null;
  realisation: number | null;
  achievement: number | null;
}

export interface TrendSeries {
  /** The province (or the file, for a draft that names none). */
  province: string;
  points: TrendPoint[];
}

export interface ComparisonIndicator {
  /** Normalised name words, without the province's own name: stable across drafts. */
  key: string;
  name: string;
  number: number | null;
  /** Unit of measure, normalised ("%", "Indeks", "Kab/Kota", "Orang" …). */
  unit: string | null;
  cells: ComparisonCell[];
  /** Only when the drafts span several fiscal years: each province's figures year by year. */
  trend?: TrendSeries[];
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
  | 'duplicate-document'
  | 'fiscal-year'
  | 'missing-indicator'
  | 'unit-of-measure'
  | 'target-kind'
  | 'category-scale'
  | 'achievement-outlier'
  | 'history-mismatch';

export interface ComparisonFlag {
  kind: FlagKind;
  /** Key of the row concerned; null for flags about whole documents (fiscal year, duplicates). */
  indicator: string | null;
  /** The documents the flag points at (the odd ones out), by `file`. */
  documents: string[];
  message: string;
}

/** A draft that could not be read or holds no indicators: reported, not compared. */
export interface SkippedDocument {
  file: string;
  reason: string;
}

export interface Comparison {
  documents: ComparedDocument[];
  /** The fiscal years of the drafts, ascending; more than one makes the comparison indicator × province × year. */
  years: number[];
  totals: ComparisonTotals;
  indicators: ComparisonIndicator[];
  unmatched: UnmatchedIndicator[];
  flags: ComparisonFlag[];
  skipped: SkippedDocument[];
}
