import { buildCells, FindingIndex, measurementsByIndicator } from './cells.js';
import { comparisonFlags, unitClassOfIndicator } from './flags.js';
import { matchIndicators } from './matching.js';
import type { Comparison, ComparisonIndicator, ComparisonInput, CompareOptions } from './types.js';
import { displayUnit, normaliseUnit, type UnitClass } from './units-of-measure.js';

/**
 * Compares several LKIP documents: matches their indicators, lays out the matrix indicator ×
 * document × reporting office, and raises the flags only a comparison can raise. Pure: the
 * caller reads, parses and lints the drafts.
 */
export function compareDocuments(inputs: readonly ComparisonInput[], options: CompareOptions = {}): Comparison {
  const { rows, unmatched } = matchIndicators(inputs);
  const findingIndexes = inputs.map((input) => new FindingIndex(input.doc, input.messages ?? []));
  const measurementIndexes = inputs.map((input) => measurementsByIndicator(input.doc));

  const indicators: ComparisonIndicator[] = rows.map((row) => {
    const classes = new Map<UnitClass, number>();
    const written = new Map<string, number>();
    for (const member of row.members) {
      const input = inputs[member.doc] as ComparisonInput;
      const cls = unitClassOfIndicator(input, member.indicator);
      if (cls) classes.set(cls, (classes.get(cls) ?? 0) + 1);
      else {
        const unit = normaliseUnit(member.indicator.unitOfMeasure);
        if (unit) written.set(unit, (written.get(unit) ?? 0) + 1);
      }
    }
    const unit = mostCommon(classes);
    return {
      key: row.key,
      name: row.name,
      number: row.number,
      unit: unit ? displayUnit(unit) : (mostCommon(written) ?? null),
      cells: row.members.flatMap((member) => {
        const input = inputs[member.doc] as ComparisonInput;
        const measurements = measurementIndexes[member.doc]?.get(member.indicator.id) ?? [];
        return buildCells(input.file, input.doc, member.indicator, findingIndexes[member.doc] as FindingIndex, measurements);
      }),
    };
  });

  return {
    documents: inputs.map((input) => ({
      file: input.file,
      agency: input.doc.meta.agency ?? null,
      province: input.doc.meta.province ?? null,
      fiscalYear: input.doc.meta.fiscalYear ?? null,
    })),
    indicators,
    unmatched,
    flags: comparisonFlags(inputs, rows, indicators, unmatched, options),
  };
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
