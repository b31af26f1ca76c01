import type { LkipDocument } from '@lkip/schema';
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
}

/** Reads an LKIP draft (Markdown or converted text) into the document model. Never throws. */
export function parseDraft(text: string, options: ParseOptions = {}): LkipDocument {
  return buildDocument(text, options);
}

export { parseMarkdown } from './pipeline.js';
export { PROFILES, PROFILE_IDS, UnknownProfileError, detectProfile, resolveProfile, type AgencyProfile, type OfficeForm, type OfficeKind, type ProfileInput, type ProfileOverride } from './profiles/index.js';
export * from './numbers/index.js';
export { indicatorKey, indicatorWords, countPatternOf } from './model/indicator-names.js';
export * from './docx/index.js';
export { offsetMapper, restoreLineEndings, splitLineEndings, type Eol, type LineEndings } from './text/line-endings.js';
