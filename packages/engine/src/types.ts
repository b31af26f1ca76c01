import type { LkipDocument, Position } from '@lkip/schema';
import type { z } from 'zod';
import type { AchievementPolarity } from './achievement.js';
import type { ResolvedConfig } from './config.js';
import type { FindingGroup } from './groups/types.js';
import type { Interval, RoundingMode } from './interval.js';

export type Locale = 'id' | 'en';

export type RuleFamily =
  | 'achievement'
  | 'inverted-ratio'
  | 'tally'
  | 'count-claim'
  | 'cross-reference'
  | 'category'
  | 'aggregate'
  | 'formula'
  | 'year'
  | 'unit';

export type SeverityName = 'off' | 'warn' | 'error';

/** A message text in both languages; `{name}` placeholders are filled from `data`. */
export interface MessageText {
  en: string;
  id: string;
}

export interface RuleMeta<Options> {
  /** kebab-case and stable: users put it in configs and in disable comments. */
  id: string;
  family: RuleFamily;
  defaultSeverity: 'warn' | 'error';
  /** The rule offers `fix` for derived figures it is certain about. */
  fixable: boolean;
  /** The rule offers `suggestions` where the editor must choose. */
  hasSuggestions?: boolean;
  docs: { description: string; descriptionId: string };
  messages: Record<string, MessageText>;
  /** Validated and defaulted before `check` runs; `{}` is passed when the user gives nothing. */
  options?: z.ZodType<Options>;
}

/** Replace the text at `at` (a position in the draft) with `text`. */
export interface FixDescriptor {
  at: Position;
  text: string;
}

/**
 * One edit, or several that belong together (swapping a fraction's numerator and denominator, a
 * count and its number word). Several edits become one ESLint fix spanning them all, which needs
 * the draft's text: the engine drops such fixes when it is linting without it.
 */
export type FixSpec = FixDescriptor | readonly FixDescriptor[];

export interface SuggestionDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  fix: FixSpec;
}

export interface RelatedDescriptor {
  at: Position;
  /** A short description of the other place: "PK BCNK Batu Merah", "tabel Lampiran". */
  note: string;
}

/** What a rule identifies a finding by, so baselines and SARIF fingerprints survive edits. */
export interface FindingSubject {
  indicator?: string;
  unit?: string;
  role?: string;
  /** Anything else that tells two findings of one rule apart (a table column, a claim kind). */
  detail?: string;
}

/** Where a figure stands: a position without its offsets (what a LintMessage keeps). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A figure as the draft states it, or as the evidence says it should be. */
export interface EvidenceFigure {
  /** As written ("97,36 Indeks"), or as a fix would write it; for a year or a unit, the word itself. */
  text: string;
  value?: number;
  /** Decimals shown: what "the same figure" means when two texts are compared. */
  decimals?: number;
}

/** A figure that a derived figure is computed from, with the key of the figure and where it stands. */
export interface EvidenceInput extends EvidenceFigure {
  value: number;
  decimals: number;
  /** The same key as `FindingEvidence.figure` of a finding about this figure. */
  figure: string;
  at: Span;
  /** A count or an agreed target: exact, not a rounded figure. */
  exact?: boolean;
}

/** One indicator of an above/at/below-target tally, with the figures its standing comes from. */
export interface StandingInput {
  label: string;
  target: EvidenceInput;
  realisation: EvidenceInput;
  polarity: AchievementPolarity;
  /** Decimals of the achievement stated beside the pair: what "at target" (100 %) means there. */
  decimals: number;
}

/** How a derived figure is computed from other figures, so that the engine can recompute it with one of them corrected. */
export type Derivation =
  | { kind: 'achievement'; target: EvidenceInput; realisation: EvidenceInput; polarity: AchievementPolarity }
  | {
      /** A category label judged from its value: `band` is the stated label's band (open ends absent). */
      kind: 'category';
      value: EvidenceInput;
      band: { lo?: number; hi?: number; loInclusive: boolean; hiInclusive: boolean };
    }
  | {
      /** A total or a mean of table cells ("Jumlah", "Rata-rata" rows), recomputed with a cell corrected. */
      kind: 'total';
      op: 'sum' | 'mean';
      terms: { value: number; decimals: number; at: Span; exact?: boolean }[];
    }
  | {
      kind: 'standing-count';
      /** The class counted: above, at or below target, or `reached` (at or above: "N Kab/Kota reached their target"). */
      standing: Standing | 'reached';
      indicators: StandingInput[];
    };

export type Standing = 'above' | 'at' | 'below';

/**
 * What a rule knows about the figure it reports, beyond the message: the engine groups findings
 * that one wrong figure explains with it (see groups/), and judges whether a fix is safe.
 */
export interface FindingEvidence {
  /**
   * Which figure of the document this is, the same string wherever the draft states it
   * (indicator × office × role × year for a table figure, "fiscal-year" for the report's year).
   * Built from what survives edits elsewhere (numbers and names, not ids or lines).
   */
  figure?: string;
  /** What the draft states at the reported place. */
  stated?: EvidenceFigure;
  /** What it should be by the rule's evidence: the figure the other places state, the computed one. */
  expected?: EvidenceFigure;
  /**
   * How the rule knows the reported figure is the wrong one: most places state another figure
   * (`majority`), as many places state each and the place ranking chose (`precedence`), it is
   * computed from other figures that disagree with it (`derived`), or the rule's own check
   * (`rule`: a year, a label, a unit).
   */
  basis?: 'majority' | 'precedence' | 'derived' | 'rule';
  /** For a figure compared across places: how many places state it as here, and as expected. */
  places?: { stated: number; expected: number };
  /** For a derived figure: what it is computed from. */
  derivation?: Derivation;
  /** What the figure is: fixes of achievements and percentages that cross 100 % need review. */
  role?: 'target' | 'realisation' | 'achievement' | 'percent' | 'count' | 'other';
  /** For a target or realisation: the other figure of the pair, so a fix can be judged against the target. */
  against?: { target?: EvidenceFigure; realisation?: EvidenceFigure; polarity: AchievementPolarity };
  /** Rows of one table column the rule judged, and this row's column: a column wrong in most rows is one problem. */
  column?: { key: string; checked: number };
  /** Where the reported figure stands, in words ("PK BCNK Batu Merah"); may hold ⟦…⟧ references. */
  place?: string;
  /** What the finding is about, in words ("IKK 14 (Nilai IKPA …)"), for summaries. */
  label?: string;
}

export interface ReportDescriptor {
  at: Position;
  messageId: string;
  data?: Record<string, string | number>;
  fix?: FixSpec;
  suggestions?: SuggestionDescriptor[];
  related?: RelatedDescriptor[];
  subject?: FindingSubject;
  evidence?: FindingEvidence;
  /** `rounding`: the figure holds only thanks to the rounding of its inputs (shown with --report-rounding). */
  level?: 'finding' | 'rounding';
}

export interface Tolerance {
  mode: RoundingMode;
  /** The interval a stated figure stands for, under the configured rounding mode. */
  of(q: { value: number; decimals: number }): Interval;
}

export interface RuleContext<Options> {
  readonly doc: LkipDocument;
  readonly options: Options;
  readonly config: ResolvedConfig;
  readonly tolerance: Tolerance;
  /**
   * Earlier filings of the same agency (`--previous`, or `previous` in the config), read by the
   * caller: rules that compare this year's draft with them (history-mismatch) read them here.
   * Empty when none were given.
   */
  readonly previous: readonly LkipDocument[];
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta<Options>;
  check(doc: LkipDocument, context: RuleContext<Options>): void;
}

/** Severity as in ESLint's JSON: 2 error, 1 warning; 0 is lkip's info level (rounding notes). */
export type Severity = 0 | 1 | 2;

export interface LintFix {
  /** 0-based offsets into the linted text, end exclusive (ESLint's shape). */
  range: [number, number];
  text: string;
}

export interface LintSuggestion {
  desc: string;
  messageId: string;
  fix: LintFix;
}

export interface LintRelated {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: LintFix;
  suggestions?: LintSuggestion[];
  related?: LintRelated[];
  subject?: FindingSubject;
  /** What the rule knows about the figure (see FindingEvidence); lkip's own, not in ESLint's shape. */
  evidence?: FindingEvidence;
  /** The id of the group of findings that one wrong figure explains (set on results, see groups/). */
  group?: string;
  /** Set on fatal messages (the file could not be read). */
  fatal?: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  /** Errors that stopped the file from being linted at all (ESLint's field of the same name). */
  fatalErrorCount?: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, present when fixing changed something (ESLint's `output`). */
  output?: string;
  source?: string;
  /** Findings grouped by the wrong figure that explains them (lkip's own, not in ESLint's shape). */
  groups?: FindingGroup[];
}
