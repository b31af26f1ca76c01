import { extname } from 'node:path';
import { comparableDocument, type ComparableDocument } from '@lkip/compare';
import { lintDocument, type LintMessage, type Locale, type ResolvedConfig, type Rule } from '@lkip/engine';
import { readDraftInput } from '../read-input.js';
import type { ParseDraft } from '../commands/context.js';

export interface DraftTools {
  parse: ParseDraft;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
  rules: readonly Rule<any>[];
  locale: Locale;
  /** The run's lkip.config.json, so a cell's findings are the ones `lkip lint` reports. */
  config?: ResolvedConfig;
}

/** What a worker posts back for one draft: the part of the model the comparison reads, and the findings. */
export interface AnalysedDraft {
  file: string;
  doc: ComparableDocument;
  messages: LintMessage[];
}

/**
 * Reads, parses and lints one draft. The same function runs in a worker thread and in-process,
 * so both paths give the same comparison. Unreadable files come back as one-line `CliError`s
 * naming the file, as `lkip lint` words them; a file without indicators comes back empty.
 */
export async function analyseDraftFile(path: string, label: string, tools: DraftTools): Promise<AnalysedDraft> {
  // A Word draft arrives as the Markdown it converts to, so every kind of draft compares alike.
  const draft = await readDraftInput(path, label);
  // Positions count lines and columns; CRLF drafts give the same lines once the CRs are gone.
  const text = draft.text.replace(/\r\n?/g, '\n');
  const format = extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown';
  const doc = tools.parse(text, { path, format, ...(tools.config?.profile !== undefined ? { profile: tools.config.profile } : {}) });
  // Nothing to compare and nothing to lint against: the caller decides whether that is fatal.
  if (doc.indicators.length === 0) return { file: label, doc: comparableDocument(doc), messages: [] };
  const messages = lintDocument(doc, { rules: tools.rules, locale: tools.locale, text, ...(tools.config ? { config: tools.config } : {}) });
  return { file: label, doc: comparableDocument(doc), messages };
}
