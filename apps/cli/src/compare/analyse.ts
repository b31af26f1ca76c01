import { extname } from 'node:path';
import { comparableDocument, digestDocument, type DocumentDigest } from '@lkip/compare';
import { lintDocument, type Locale, type ResolvedConfig, type Rule } from '@lkip/engine';
import type { LkipDocument } from '@lkip/schema';
import { CliError } from '../errors.js';
import { readDraftInput } from '../read-input.js';
import type { ParseDraft } from '../commands/context.js';
import { describeLimitRefusal } from '../limits.js';

export interface DraftTools {
  parse: ParseDraft;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
  rules: readonly Rule<any>[];
  locale: Locale;
  /** The run's lkip.config.json, so a cell's findings are the ones `lkip lint` reports. */
  config?: ResolvedConfig;
  /** Earlier filings (`previous` in the config), for the history-mismatch rule, as `lkip lint` has them. */
  previous?: readonly LkipDocument[];
}

/**
 * What one draft comes back as: its digest (the comparison's cells, the
 * findings, the figures for the year-against-year check), or why it was left out. The model is
 * dropped as soon as the digest is made, on the worker thread that made it.
 */
export type AnalysedDraft = { file: string; digest: DocumentDigest } | { file: string; skipped: string };

/**
 * Reads, parses, lints and digests one draft. The same function runs in a worker thread and
 * in-process, so both paths give the same comparison. The draft is parsed and linted as `lkip
 * lint` does (same parse options, config and rules), so the summary's counts are lint's. A draft
 * that cannot be read or holds no indicators comes back `skipped` with the one-line reason.
 */
export async function analyseDraftFile(path: string, label: string, tools: DraftTools): Promise<AnalysedDraft> {
  let text: string;
  try {
    // A Word or PDF draft arrives as the Markdown it converts to, so every kind of draft compares alike.
    const draft = await readDraftInput(path, label);
    if (draft.kind === 'json') return { file: label, skipped: 'a JSON model, not a draft' };
    // Positions count lines and columns; CRLF drafts give the same lines once the CRs are gone.
    text = draft.text.replace(/\r\n?/g, '\n');
  } catch (error) {
    if (error instanceof CliError) return { file: label, skipped: error.message.startsWith(`${label}: `) ? error.message.slice(label.length + 2) : error.message };
    throw error;
  }
  const config = tools.config;
  const format = extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown';
  const doc = tools.parse(text, {
    path,
    format,
    ...(config?.fiscalYear !== undefined ? { fiscalYear: config.fiscalYear } : {}),
    ...(config?.profile !== undefined ? { profile: config.profile } : {}),
    ...(config?.limits !== undefined ? { limits: config.limits } : {}),
  });
  // Past one of the reader's bounds the draft was not read: say which, and how to raise it.
  const refused = doc.diagnostics.find((d) => d.code === 'limit-exceeded');
  if (refused) return { file: label, skipped: describeLimitRefusal(refused.message) };
  if (doc.indicators.length === 0) return { file: label, skipped: 'no performance indicators found; is this an LKIP draft?' };
  const messages = lintDocument(doc, {
    rules: tools.rules,
    locale: tools.locale,
    text,
    ...(config ? { config } : {}),
    ...(tools.previous && tools.previous.length > 0 ? { previous: tools.previous } : {}),
  });
  return { file: label, digest: digestDocument({ file: label, doc: comparableDocument(doc), messages }) };
}
