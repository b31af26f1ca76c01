export type { CompareDraft } from './keys.ts';
import { provinceAchievement, type Comparison, type ComparisonCell, type ComparisonIndicator } from '@lkip/compare';

// Reading a finished Comparison for the view. Nothing here reads a draft (that happens in
// compare.worker.ts).

export function cellsOf(indicator: ComparisonIndicator, file: string): ComparisonCell[] {
  return indicator.cells.filter((c) => c.document === file);
}

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

export { provinceAchievement };
