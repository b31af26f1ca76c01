import { comparableDocument, compareDocuments, provinceAchievement, type Comparison, type ComparisonCell, type ComparisonIndicator, type ComparisonInput } from '@lkip/compare';
import { lintDocument, type Locale } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';

export interface CompareDraft {
  file: string;
  text: string;
}

/**
 * Reads and lints one draft as `lkip compare` does (LF text, markdown unless .txt, the shipped
 * rules), so a cell in the viewer shows the same figures and findings as the CLI's report.
 * Returns undefined for a text without indicators: there is nothing of it to compare.
 */
export function analyseDraft(draft: CompareDraft, locale: Locale): ComparisonInput | undefined {
  const text = draft.text.replace(/\r\n?/g, '\n');
  const doc = parseDraft(text, { path: draft.file, format: /\.txt$/i.test(draft.file) ? 'text' : 'markdown' });
  if (doc.indicators.length === 0) return undefined;
  return { file: draft.file, doc: comparableDocument(doc), messages: lintDocument(doc, { rules, locale, text }) };
}

export function compare(inputs: readonly ComparisonInput[], locale: Locale): Comparison {
  return compareDocuments(inputs, { locale });
}

export function cellsOf(indicator: ComparisonIndicator, file: string): ComparisonCell[] {
  return indicator.cells.filter((c) => c.document === file);
}

export function provinceCell(indicator: ComparisonIndicator, file: string): ComparisonCell | undefined {
  const cells = cellsOf(indicator, file);
  return cells.find((c) => c.unitKind === 'province' && c.measure === 'indicator') ?? cells[0];
}

export { provinceAchievement };

/**
 * Where a click on a matrix cell leads: the first finding of the draft for that indicator, or,
 * when the cell is clean, the figure itself (achievement, else realisation, else target).
 */
export function cellTarget(cells: readonly ComparisonCell[]): { line: number; column: number } | undefined {
  const finding = cells.flatMap((c) => c.findings).sort((a, b) => b.severity - a.severity || a.line - b.line || a.column - b.column)[0];
  if (finding) return { line: finding.line, column: finding.column };
  const first = cells[0];
  const figure = first?.achievement ?? first?.realisation ?? first?.target;
  return figure ? { line: figure.line, column: figure.column } : undefined;
}

/** Flag kinds raised for an indicator row and one draft, for the cell's marks. */
export function flagsFor(comparison: Comparison, indicator: ComparisonIndicator, file: string): string[] {
  return comparison.flags.filter((f) => f.indicator === indicator.key && f.documents.includes(file)).map((f) => f.kind);
}
