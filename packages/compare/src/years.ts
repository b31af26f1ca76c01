import type { DocumentDigest } from './digest.js';
import { entityOf, provinceCell } from './flags.js';
import { checkHistory, sameEntity } from './history/check.js';
import { flagMessages } from './messages.js';
import type { ComparisonFlag, ComparisonIndicator, CompareOptions, TrendSeries } from './types.js';

/**
 * When the drafts span several fiscal years the matrix becomes indicator × province × year: each
 * indicator gets, per province, its figures year by year (one point per year's filing; of two
 * drafts of one province and year, the first).
 */
export function trendsOf(indicator: ComparisonIndicator, digests: readonly DocumentDigest[]): TrendSeries[] {
  const series = new Map<string, TrendSeries>();
  for (const digest of digests) {
    if (digest.fiscalYear === null) continue;
    const cell = provinceCell(indicator, digest.file);
    if (!cell) continue;
    const entity = entityOf(digest) ?? digest.file;
    const entry = series.get(entity) ?? { province: digest.province ?? digest.agency ?? digest.file, points: [] };
    if (entry.points.some((p) => p.year === digest.fiscalYear)) continue;
    entry.points.push({
      year: digest.fiscalYear,
      document: digest.file,
      target: cell.target?.value ?? null,
      realisation: cell.realisation?.value ?? null,
      achievement: cell.achievement?.value ?? null,
    });
    series.set(entity, entry);
  }
  const out = [...series.values()];
  for (const s of out) s.points.sort((a, b) => a.year - b.year);
  return out;
}

/**
 * The year-against-year check inside a comparison: every draft is checked against the drafts of
 * the same province for the earlier years it cites, as `lkip lint --previous` does one draft.
 */
export function historyFlags(digests: readonly DocumentDigest[], rowKey: (doc: number, indicatorId: string) => string | null, options: CompareOptions): ComparisonFlag[] {
  const text = flagMessages(options.locale ?? 'en');
  const flags: ComparisonFlag[] = [];
  digests.forEach((current, doc) => {
    if (current.fiscalYear === null || current.history.prior.length === 0) return;
    for (const previous of digests) {
      if (previous === current || previous.fiscalYear === null || previous.fiscalYear >= current.fiscalYear) continue;
      if (entityOf(previous) === null || entityOf(current) === null || !sameEntity(current.history, previous.history)) continue;
      for (const finding of checkHistory(current.history, previous.history)) {
        const expected = finding.expected[0];
        if (!expected) continue;
        flags.push({
          kind: 'history-mismatch',
          indicator: rowKey(doc, finding.indicator.id),
          documents: [current.file],
          message: text.history({
            name: finding.indicator.name,
            year: finding.year,
            office: finding.stated.officeName,
            role: finding.role,
            stated: finding.stated.raw,
            line: finding.stated.line,
            expected: expected.raw,
            previous: previous.file,
            previousLine: expected.line,
          }),
        });
      }
    }
  });
  return flags;
}


