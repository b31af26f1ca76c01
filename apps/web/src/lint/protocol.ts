import type { LintMessage, Locale } from '@lkip/engine';
import type { DocxLocation } from '@lkip/parse';
import type { PdfLocation } from '@lkip/pdf';
import type { IndicatorOverview } from '../overview/model.ts';

/** What the editor asks of the lint worker. `id` orders requests: a reply to an older id is stale. */
export interface LintJob {
  id: number;
  /** The draft as the editor holds it: LF line ends, so offsets match the editor's. */
  text: string;
  locale: Locale;
  /** The opened file's name: `.txt` drafts are read as converted text, like the CLI does. */
  path: string;
  /** `lkip.config.json` next to a draft opened by `lkip view`, as text; the worker validates it. */
  configText?: string;
}

/** The finding an "ignore with reason" is about, as the panel lists it. */
export interface IgnoreTarget {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

export type WorkerRequest =
  | ({ kind: 'lint' } & LintJob)
  | ({ kind: 'fix-all' } & LintJob)
  | ({ kind: 'ignore'; target: IgnoreTarget; reason: string } & LintJob)
  /** A Word document's bytes, read into the Markdown the CLI reads (transferred, not copied). */
  | { kind: 'docx'; id: number; bytes: ArrayBuffer; locale: Locale }
  /** A PDF's bytes, its text layer read into Markdown; the worker keeps where each piece is on its page. */
  | { kind: 'pdf'; id: number; bytes: ArrayBuffer; locale: Locale }
  /** Nothing to read yet (no `lkip view` draft on its way): lint a small bundled draft, unanswered, so the first real one runs warm. */
  | { kind: 'warm-up'; id: number; locale: Locale };

/** Where a finding (or a related place) is in a PDF: its page (1-based) and box, in points from the page's top-left. */
export interface PdfPlace {
  page: number;
  bbox: [number, number, number, number];
}

/**
 * What the draft is, said plainly instead of "no findings": an LKIP (or an excerpt of one, which
 * the engine lints with a note), something with no performance figures at all, a draft the
 * reader failed on, or an empty text.
 */
export type DraftState = 'lkip' | 'excerpt' | 'not-lkip' | 'unreadable' | 'empty';

/** A rule as the panel names it: a readable title and the family it belongs to. */
export interface RuleInfo {
  id: string;
  description: string;
  family: string;
  fixable: boolean;
}

export interface LintOutcome {
  messages: LintMessage[];
  overview: IndicatorOverview[];
  state: DraftState;
  /** Why the reader failed, for `unreadable`. */
  stateDetail?: string;
  /**
   * Per message, the office it is about as the draft's own list of offices names it: rules quote
   * the spelling at hand ("BNNP NTT", "BNNP Nusa Tenggara Timur"), the filter needs one name.
   */
  units: (string | undefined)[];
  rules: RuleInfo[];
  /** A config that does not validate: shown once, the draft is linted with the defaults. */
  configError?: string;
  /** Time spent parsing and linting, for the status line. */
  ms: number;
}

/** An edit of the draft: replace `from`..`to` of the text the request carried with `insert`. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

export interface PdfRead {
  markdown: string;
  /** Paragraphs, headings, fractions and table cells of `markdown`, with their page and box. */
  locations: PdfLocation[];
  pages: number;
  /** Each page's size in points as displayed (index 0 is page 1). */
  pageSizes: { width: number; height: number }[];
  /** Pages without any text (scanned pages inside a text PDF), 1-based. */
  pagesWithoutText: number[];
}

export interface DocxRead {
  markdown: string;
  /** Paragraphs and table cells of the document with their place in `markdown`. */
  locations: DocxLocation[];
}

export type WorkerResponse =
  | ({ kind: 'lint'; id: number } & LintOutcome)
  /** `output` is what `lkip lint --fix` would write; `messages` are the findings left in it. */
  | ({ kind: 'fix-all'; id: number; output: string; fixed: boolean } & LintOutcome)
  /** The comment that silences exactly that finding, or why none could be placed. */
  | { kind: 'ignore'; id: number; edit?: TextEdit; error?: string }
  | ({ kind: 'docx'; id: number } & DocxRead)
  | ({ kind: 'pdf'; id: number } & PdfRead)
  | { kind: 'error'; id: number; error: string };
