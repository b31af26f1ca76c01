import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComparedDocument } from '@lkip/compare';
import { rules } from '@lkip/rules';
import { describe, expect, it } from 'vitest';
import { analyseDraft, compare } from '../src/compare/model.ts';
import { nextSort, sortDocuments, trendRows } from '../src/compare/summary.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The drafts of a fixture folder (one per sub-folder), compared as the compare worker does. */
function comparisonOf(folder: string) {
  const dir = join(repo, folder);
  const inputs = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => analyseDraft({ key: `${e.name}/draft.md`, name: 'draft.md', text: readFileSync(join(dir, e.name, 'draft.md'), 'utf8') }, 'en', rules))
    .filter((input) => input !== undefined);
  return compare(inputs, 'en');
}

function doc(file: string, errorCount: number, metShare: number | null, rank: number | null): ComparedDocument {
  return {
    file,
    agency: null,
    province: file,
    fiscalYear: 2024,
    label: file.toUpperCase(),
    summary: {
      indicators: { total: 4, above: 1, at: 1, below: 2, withoutFigure: 0 },
      metShare,
      rank,
      findings: { errorCount, warningCount: 0, infoCount: 0, byRule: {} },
      worst: [],
    },
    findings: [],
  };
}

describe('the compare view’s summary order', () => {
  const docs = [doc('b', 3, 0.5, 2), doc('a', 7, null, null), doc('c', 3, 0.75, 1), doc('d', 0, 0.5, 2)];
  const files = (sorted: ComparedDocument[]) => sorted.map((d) => d.file);

  it('keeps the files as given until a column is chosen', () => {
    expect(files(sortDocuments(docs, undefined))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('sorts counts highest first on the first click and reverses on the second; ties keep the given order', () => {
    const first = nextSort(undefined, 'errors');
    expect(first).toEqual({ column: 'errors', direction: 'descending' });
    expect(files(sortDocuments(docs, first))).toEqual(['a', 'b', 'c', 'd']);
    const second = nextSort(first, 'errors');
    expect(second.direction).toBe('ascending');
    expect(files(sortDocuments(docs, second))).toEqual(['d', 'b', 'c', 'a']);
  });

  it('ranks 1 first and puts drafts without a share met last in either direction', () => {
    const byRank = nextSort(undefined, 'rank');
    expect(files(sortDocuments(docs, byRank))).toEqual(['c', 'b', 'd', 'a']);
    expect(files(sortDocuments(docs, nextSort(byRank, 'rank')))).toEqual(['b', 'd', 'c', 'a']);
    expect(files(sortDocuments(docs, nextSort(undefined, 'met')))).toEqual(['c', 'b', 'd', 'a']);
  });

  it('sorts names A to Z first', () => {
    expect(files(sortDocuments(docs, nextSort(undefined, 'province')))).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the compare view’s year-by-year rows', () => {
  it('lays out each province of the compare-years fixtures over 2023 and 2024 from packages/compare’s trend', () => {
    const comparison = comparisonOf('fixtures/compare-years');
    expect(comparison.years).toEqual([2023, 2024]);
    const indicator = comparison.indicators.find((i) => (i.trend?.length ?? 0) > 0);
    expect(indicator).toBeDefined();
    const rows = trendRows(comparison, indicator?.trend);
    expect(rows).toHaveLength(indicator?.trend?.length ?? -1);
    for (const [i, row] of rows.entries()) {
      const series = indicator?.trend?.[i];
      expect(row.province).toBe(series?.province);
      expect(row.years).toHaveLength(2);
      row.years.forEach((cell, y) => {
        const point = series?.points.find((p) => p.year === comparison.years[y]);
        expect(cell?.realisation).toBe(point?.realisation);
        expect(cell?.achievement).toBe(point?.achievement);
      });
    }
    // Some figure moved between the years: the rows are not one year repeated.
    const all = comparison.indicators.flatMap((i) => trendRows(comparison, i.trend));
    expect(all.some((row) => row.years[0] !== undefined && row.years[1] !== undefined && row.years[0].achievement !== row.years[1].achievement)).toBe(true);
  });

  it('has no rows when every draft is of one year', () => {
    const comparison = comparisonOf('fixtures/synthetic');
    expect(comparison.years).toHaveLength(1);
    expect(comparison.indicators.every((i) => trendRows(comparison, i.trend).length === 0)).toBe(true);
  });
});
