import { emptyDocument, type LkipDocument } from '@lkip/schema';

export interface ParseOptions {
  /** Shown in diagnostics and kept in `source.path`. */
  path?: string;
  format?: 'markdown' | 'text';
  /** The fiscal year to assume when the draft does not state one clearly. */
  fiscalYear?: number;
}

// Filled in by the draft reader (issue: the monorepo and the draft reader).
export function parseDraft(text: string, options: ParseOptions = {}): LkipDocument {
  const doc = emptyDocument(options.format ?? 'markdown', text.length);
  if (options.path !== undefined) doc.source.path = options.path;
  return doc;
}
