import { comparableDocument, compareDocuments, type Comparison, type ComparisonInput } from '@lkip/compare';
import { lintDocument, type Locale, type Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import type { CompareDraft } from './keys.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
type Rules = readonly Rule<any>[];

// The worker's part of the comparison: reading and linting each draft, then comparing them.

/**
 * Reads and lints one draft as `lkip compare` does (LF text, markdown unless .txt, the shipped
 * rules), so a cell in the viewer shows the same figures and findings as the CLI's report.
 * Returns undefined for a text without indicators: there is nothing of it to compare.
 */
export function analyseDraft(draft: CompareDraft, locale: Locale, rules: Rules): ComparisonInput | undefined {
  const text = draft.text.replace(/\r\n?/g, '\n');
  const doc = parseDraft(text, { path: draft.name, format: /\.txt$/i.test(draft.name) ? 'text' : 'markdown' });
  if (doc.indicators.length === 0) return undefined;
  return { file: draft.key, doc: comparableDocument(doc), messages: lintDocument(doc, { rules, locale, text }) };
}

export function compare(inputs: readonly ComparisonInput[], locale: Locale, skipped: readonly string[] = []): Comparison {
  return compareDocuments(inputs, { locale, skipped: skipped.map((file) => ({ file, reason: locale === 'id' ? 'tanpa indikator kinerja' : 'no performance indicators' })) });
}
