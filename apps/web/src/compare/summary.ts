import type { ComparedDocument, Comparison, TrendSeries } from '@lkip/compare';

// The per-province summary and the year-by-year rows as the compare view lays them out. The
// figures are packages/compare's (summary, rank, trend); only their order is decided here.

export type SummaryColumn = 'province' | 'file' | 'indicators' | 'above' | 'at' | 'below' | 'met' | 'rank' | 'errors' | 'warnings' | 'notes';
export type SortDirection = 'ascending' | 'descending';
export interface SummarySort {
  column: SummaryColumn;
  direction: SortDirection;
}

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = ['province', 'file', 'indicators', 'above', 'at', 'below', 'met', 'rank', 'errors', 'warnings', 'notes'];

/** What a column sorts by; null (no share met, no rank) always goes last. */
function valueOf(doc: ComparedDocument, column: SummaryColumn): string | number | null {
  const s = doc.summary;
  switch (column) {
    case 'province':
      return doc.label;
    case 'file':
      return doc.file;
    case 'indicators':
      return s.indicators.total;
    case 'above':
      return s.indicators.above;
    case 'at':
      return s.indicators.at;
    case 'below':
      return s.indicators.below;
    case 'met':
      return s.metShare;
    case 'rank':
      return s.rank;
    case 'errors':
      return s.findings.errorCount;
    case 'warnings':
      return s.findings.warningCount;
    case 'notes':
      return s.findings.infoCount;
  }
}

/**
 * The drafts in the order the column says; ties keep the comparison's own order (the files as
 * given), so a sort never shuffles equal rows. Drafts without a value come last either way.
 */
export function sortDocuments(documents: readonly ComparedDocument[], sort: SummarySort | undefined): ComparedDocument[] {
  if (!sort) return [...documents];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return documents
    .map((doc, index) => ({ doc, index, value: valueOf(doc, sort.column) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'string' || typeof b.value === 'string' ? String(a.value).localeCompare(String(b.value), 'id', { numeric: true }) : a.value - b.value;
      return order * sign || a.index - b.index;
    })
    .map((e) => e.doc);
}

/**
 * The next sort after a click on a column's header: first click in the column's natural order
 * (names A→Z, rank 1 first, counts and shares highest first), a second click reverses it.
 */
export function nextSort(current: SummarySort | undefined, column: SummaryColumn): SummarySort {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'province' || column === 'file' || column === 'rank' ? 'ascending' : 'descending' };
}

export interface TrendRow {
  province: string;
  /** Per year of the comparison, in order: that year's figures, or undefined when the province filed none. */
  years: ({ realisation: number | null; achievement: number | null; document: string } | undefined)[];
}

/** An indicator's trend as rows of provinces × the comparison's years (empty when the drafts are of one year). */
export function trendRows(comparison: Pick<Comparison, 'years'>, trend: readonly TrendSeries[] | undefined): TrendRow[] {
  if (!trend || comparison.years.length < 2) return [];
  return trend.map((series) => ({
    province: series.province,
    years: comparison.years.map((year) => {
      const point = series.points.find((p) => p.year === year);
      return point ? { realisation: point.realisation, achievement: point.achievement, document: point.document } : undefined;
    }),
  }));
}
