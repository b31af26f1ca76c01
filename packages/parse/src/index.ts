import type { LkipDocument } from '@lkip/schema';
import type { MarkdownCache } from './incremental.js';
import type { ReaderLimits } from './limits.js';
import { buildDocument } from './model/build.js';
import type { ProfileInput } from './profiles/index.js';

export interface ParseOptions {
  /** Shown in diagnostics and kept in `source.path`. */
  path?: string;
  format?: 'markdown' | 'text';
  /** The fiscal year to assume when the draft does not state one clearly. */
  fiscalYear?: number;
  /** The agency profile: a built-in id (`PROFILE_IDS`) or additions to one; detected from the title when absent. */
  profile?: ProfileInput;
  /**
   * For a caller that reads one draft again and again as it is edited (the viewer): the Markdown
   * parse of unchanged blocks is reused. The document is the same as without it.
   */
  markdownCache?: MarkdownCache;
  /** Bounds on nesting and table size (`DEFAULT_LIMITS`); a draft past one is refused with a `limit-exceeded` diagnostic. */
  limits?: Partial<ReaderLimits>;
}

/** Reads an LKIP draft (Markdown or converted text) into the document model. Never throws. */
export function parseDraft(text: string, options: ParseOptions = {}): LkipDocument {
  return buildDocument(text, options);
}

export { parseMarkdown } from './pipeline.js';
export {
  DEFAULT_LIMITS,
  LIMIT_EXCEEDED,
  LIMIT_NAMES,
  checkLimits,
  describeLimitExceeded,
  limitOfDiagnostic,
  resolveLimits,
  type LimitExceeded,
  type LimitName,
  type ReaderLimits,
} from './limits.js';
export { MarkdownCache } from './incremental.js';
export { PROFILES, PROFILE_IDS, UnknownProfileError, detectProfile, resolveProfile, type AgencyProfile, type OfficeForm, type OfficeKind, type ProfileInput, type ProfileOverride } from './profiles/index.js';
export * from './numbers/index.js';
export { indicatorKey, indicatorWords, countPatternOf } from './model/indicator-names.js';
export * from './docx/index.js';
export { editsToLineEndings, offsetMapper, restoreLineEndings, splitLineEndings, type Eol, type LineEndings } from './text/line-endings.js';
