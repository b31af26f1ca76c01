import type { LkipDocument, Position } from '@lkip/schema';
import type { z } from 'zod';
import type { ResolvedConfig } from './config.js';
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

export interface ReportDescriptor {
  at: Position;
  messageId: string;
  data?: Record<string, string | number>;
  fix?: FixSpec;
  suggestions?: SuggestionDescriptor[];
  related?: RelatedDescriptor[];
  subject?: FindingSubject;
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
}
