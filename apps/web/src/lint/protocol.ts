import type { LintMessage, Locale } from '@lkip/engine';
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

export type WorkerRequest = ({ kind: 'lint' } & LintJob) | ({ kind: 'fix-all' } & LintJob);

export interface LintOutcome {
  messages: LintMessage[];
  overview: IndicatorOverview[];
  /** A config that does not validate: shown once, the draft is linted with the defaults. */
  configError?: string;
  /** Time spent parsing and linting, for the status line. */
  ms: number;
}

export type WorkerResponse =
  | ({ kind: 'lint'; id: number } & LintOutcome)
  /** `output` is what `lkip lint --fix` would write; `messages` are the findings left in it. */
  | ({ kind: 'fix-all'; id: number; output: string; fixed: boolean } & LintOutcome)
  | { kind: 'error'; id: number; error: string };
