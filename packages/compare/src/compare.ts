import { digestDocument, type DigestIndicator, type DocumentDigest } from './digest.js';
import { rankByShareMet, documentSummary, totalsOf } from './document-summary.js';
import { comparisonFlags } from './flags.js';
import { documentLabels } from './labels.js';
import { matchIndicators } from './matching.js';
import type { Comparison, ComparisonIndicator, ComparisonInput, CompareOptions, DocumentSummary } from './types.js';
import { displayUnit, normaliseUnit, type UnitClass } from './units-of-measure.js';
import { historyFlags, trendsOf } from './years.js';

/**
 * Compares several LKIP documents: matches their indicators, lays out the matrix indicator ×
 * document × reporting office, sums up each document, and raises the flags only a comparison can
 * raise. Pure: the caller reads, parses and lints the drafts.
 */
export function compareDocuments(inputs: readonly ComparisonInput[], options: CompareOptions = {}): Comparison {
  return compareDigests(
    inputs.map((input) => digestDocument(input)),
    options,
  );
}

/**
 * The comparison from digests (`digestDocument`), which is what `lkip compare`'s worker threads
 * post back: the main thread holds a digest per draft, never a model.
 */
export function compareDigests(digests: readonly DocumentDigest[], options: CompareOptions = {}): Comparison {
  const { rows, unmatched } = matchIndicators(digests);
  const years = [...new Set(digests.map((d) => d.fiscalYear).filter((y): y is number => y !== null))].sort((a, b) => a - b);

  const rowKeys = digests.map(() => new Map<string, string>());
  const indicators: ComparisonIndicator[] = rows.map((row) => {
    const classes = new Map<UnitClass, number>();
    const written = new Map<string, number>();
    for (const member of row.members) {
      const indicator = member.indicator as DigestIndicator;
      rowKeys[member.doc]?.set(indicator.id, row.key);
      if (indicator.unitClass) classes.set(indicator.unitClass, (classes.get(indicator.unitClass) ?? 0) + 1);
      else {
        const unit = normaliseUnit(indicator.unitOfMeasure);
        if (unit) written.set(unit, (written.get(unit) ?? 0) + 1);
      }
    }
    const unit = mostCommon(classes);
    const out: ComparisonIndicator = {
      key: row.key,
      name: row.name,
      number: row.number,
      unit: unit ? displayUnit(unit) : (mostCommon(written) ?? null),
      cells: row.members.flatMap((member) => (member.indicator as DigestIndicator).cells),
    };
    if (years.length > 1) out.trend = trendsOf(out, digests);
    return out;
  });

  const labels = documentLabels(digests);
  const label = (doc: number) => labels[doc] ?? digests[doc]?.file ?? String(doc);
  const summaries = digests.map((digest, doc) => documentSummary(digest, (id) => rowKeys[doc]?.get(id) ?? null));
  const ranks = rankByShareMet(summaries.map((s, doc) => ({ fiscalYear: digests[doc]?.fiscalYear ?? null, metShare: s.metShare })));

  return {
    documents: digests.map((digest, doc) => ({
      file: digest.file,
      agency: digest.agency,
      province: digest.province,
      fiscalYear: digest.fiscalYear,
      label: label(doc),
      summary: withRank(summaries[doc] as Omit<DocumentSummary, 'rank'>, ranks[doc] ?? null),
      findings: digest.findings,
    })),
    years,
    totals: totalsOf(summaries),
    indicators,
    unmatched,
    flags: [
      ...comparisonFlags(digests, rows, indicators, unmatched, label, options),
      ...historyFlags(digests, (doc, id) => rowKeys[doc]?.get(id) ?? null, options),
    ],
    skipped: [...(options.skipped ?? [])],
  };
}

function withRank(summary: Omit<DocumentSummary, 'rank'>, rank: number | null): DocumentSummary {
  return { indicators: summary.indicators, metShare: summary.metShare, rank, findings: summary.findings, worst: summary.worst };
}

function mostCommon<T>(counts: Map<T, number>): T | undefined {
  let best: T | undefined;
  let n = 0;
  for (const [value, c] of counts) {
    if (c > n) {
      best = value;
      n = c;
    }
  }
  return best;
}
