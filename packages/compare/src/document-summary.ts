import { compareCodeUnits } from '@lkip/engine';
import type { DocumentDigest } from './digest.js';
import type { ComparisonCell, ComparisonTotals, DocumentSummary, FindingCounts, WorstIndicator } from './types.js';

// Achievements are stated with two decimals at most; 100.004 is still "sesuai target" (as in achievement-bands.ts).
const AT_TARGET_TOLERANCE = 0.005;
const WORST = 3;

export type TargetStanding = 'above' | 'at' | 'below';

export function standing(achievement: number): TargetStanding {
  if (Math.abs(achievement - 100) < AT_TARGET_TOLERANCE) return 'at';
  return achievement > 100 ? 'above' : 'below';
}

function provinceCellOf(cells: readonly ComparisonCell[]): ComparisonCell | undefined {
  return cells.find((c) => c.unitKind === 'province' && c.measure === 'indicator') ?? cells[0];
}

export function countFindings(findings: readonly { ruleId: string | null; severity: 0 | 1 | 2 }[]): FindingCounts {
  const counts: FindingCounts = { errorCount: 0, warningCount: 0, infoCount: 0, byRule: {} };
  const byRule = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 2) counts.errorCount++;
    else if (f.severity === 1) counts.warningCount++;
    else counts.infoCount++;
    const id = f.ruleId ?? 'fatal';
    byRule.set(id, (byRule.get(id) ?? 0) + 1);
  }
  counts.byRule = Object.fromEntries([...byRule].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0])));
  return counts;
}

/**
 * A draft's standing: its own indicators (matched or not) by the province office's achievement,
 * above / at / below target, its lint findings by severity (the counts `lkip lint` gives), and
 * the indicators furthest below target. `rowKey` gives an indicator's row in the comparison.
 */
export function documentSummary(digest: DocumentDigest, rowKey: (indicatorId: string) => string | null): Omit<DocumentSummary, 'rank'> {
  const indicators = { total: digest.indicators.length, above: 0, at: 0, below: 0, withoutFigure: 0 };
  const below: WorstIndicator[] = [];
  for (const indicator of digest.indicators) {
    const achievement = provinceCellOf(indicator.cells)?.achievement?.value;
    if (achievement === undefined || !Number.isFinite(achievement)) {
      indicators.withoutFigure++;
      continue;
    }
    const s = standing(achievement);
    indicators[s]++;
    if (s === 'below') below.push({ indicator: rowKey(indicator.id), number: indicator.number, name: indicator.name, achievement });
  }
  const measured = indicators.above + indicators.at + indicators.below;
  below.sort((a, b) => a.achievement - b.achievement || (a.number ?? Infinity) - (b.number ?? Infinity));
  return {
    indicators,
    metShare: measured === 0 ? null : (indicators.above + indicators.at) / measured,
    findings: countFindings(digest.findings),
    worst: below.slice(0, WORST),
  };
}

/**
 * Competition ranking ("1224") by share of indicators met, within each fiscal year: a province is
 * ranked among the provinces of its own year.
 */
export function rankByShareMet(entries: readonly { fiscalYear: number | null; metShare: number | null }[]): (number | null)[] {
  return entries.map((entry) => {
    if (entry.metShare === null) return null;
    let better = 0;
    for (const other of entries) {
      if (other.fiscalYear === entry.fiscalYear && other.metShare !== null && other.metShare > entry.metShare + 1e-12) better++;
    }
    return better + 1;
  });
}

export function totalsOf(summaries: readonly Pick<DocumentSummary, 'indicators' | 'findings'>[]): ComparisonTotals {
  const indicators = { total: 0, above: 0, at: 0, below: 0, withoutFigure: 0 };
  const byRule = new Map<string, number>();
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const s of summaries) {
    indicators.total += s.indicators.total;
    indicators.above += s.indicators.above;
    indicators.at += s.indicators.at;
    indicators.below += s.indicators.below;
    indicators.withoutFigure += s.indicators.withoutFigure;
    errorCount += s.findings.errorCount;
    warningCount += s.findings.warningCount;
    infoCount += s.findings.infoCount;
    for (const [rule, n] of Object.entries(s.findings.byRule)) byRule.set(rule, (byRule.get(rule) ?? 0) + n);
  }
  const measured = indicators.above + indicators.at + indicators.below;
  return {
    documents: summaries.length,
    indicators,
    metShare: measured === 0 ? null : (indicators.above + indicators.at) / measured,
    findings: { errorCount, warningCount, infoCount, byRule: Object.fromEntries([...byRule].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))) },
  };
}
