import type { Measurement } from '@lkip/schema';
import { buildCells, FindingIndex, measurementsByIndicator } from './cells.js';
import { historyView, type HistoryView } from './history/view.js';
import type { MatchableIndicator, MatchSource } from './matching.js';
import type { ComparisonCell, ComparisonInput, DocumentFinding } from './types.js';
import { unitClassOf, type UnitClass } from './units-of-measure.js';

/** A band of a category scale, as the scale flag compares them. */
export interface DigestBand {
  label: string;
  min: number | null;
  max: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
}

export interface DigestIndicator extends MatchableIndicator {
  unitOfMeasure: string | null;
  /** "Jumlah Kab/Kota dengan …": the target counts districts whatever unit is written. */
  countsDistricts: boolean;
  /** The unit the draft measures the indicator in: the PK's unit, else the one its targets carry most. */
  unitClass: UnitClass | null;
  /** The band scales the draft defines for the indicator. */
  scales: DigestBand[][];
  /** The cells of the matrix for this indicator: the province office first, then the district offices. */
  cells: ComparisonCell[];
}

/**
 * Everything the comparison needs of one draft, and nothing more: about 170 KB as JSON for the
 * real 2024 draft, where its model takes 1.6 MB. A worker thread reads, parses, lints and digests a draft and posts the digest
 * back, so that the main thread never holds a model and memory grows by a digest per draft.
 */
export interface DocumentDigest extends MatchSource {
  agency: string | null;
  fiscalYear: number | null;
  indicators: DigestIndicator[];
  /** Every lint finding of the draft, in the order `lkip lint` reports them. */
  findings: DocumentFinding[];
  /** Figures for the year-against-year check. */
  history: HistoryView;
}

export function digestDocument(input: ComparisonInput): DocumentDigest {
  const { file, doc } = input;
  const messages = input.messages ?? [];
  const findingIndex = new FindingIndex(doc, messages);
  const measurements = measurementsByIndicator(doc);
  return {
    file,
    agency: doc.meta.agency ?? null,
    province: doc.meta.province ?? null,
    fiscalYear: doc.meta.fiscalYear ?? null,
    placeNames: doc.units.flatMap((u) => [u.placeName, u.name]),
    indicators: doc.indicators.map((indicator) => ({
      id: indicator.id,
      number: indicator.number ?? null,
      name: indicator.name,
      offset: indicator.position?.offset ?? 0,
      unitOfMeasure: indicator.unitOfMeasure ?? null,
      countsDistricts: indicator.countOf !== undefined,
      unitClass: unitClassOfIndicator(measurements.get(indicator.id) ?? [], indicator.unitOfMeasure) ?? null,
      scales: doc.scales
        .filter((s) => s.indicatorIds.includes(indicator.id) && s.bands.length > 0)
        .map((s) => s.bands.map((b) => ({ label: b.label, min: b.min?.value ?? null, max: b.max?.value ?? null, minInclusive: b.minInclusive, maxInclusive: b.maxInclusive }))),
      cells: buildCells(file, doc, indicator, findingIndex, measurements.get(indicator.id) ?? []),
    })),
    findings: messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column })),
    history: historyView(file, doc),
  };
}

/** The unit a document measures an indicator in: the PK's unit, else the one its targets carry most. */
function unitClassOfIndicator(measurements: readonly Measurement[], declaredUnit: string | undefined): UnitClass | undefined {
  const declared = unitClassOf(declaredUnit);
  if (declared) return declared;
  const counts = new Map<UnitClass, number>();
  for (const m of measurements) {
    if (m.role !== 'target' || m.measure !== 'indicator' || !m.quantity) continue;
    const cls = unitClassOf(m.quantity.unit) ?? (m.quantity.percent ? 'percent' : undefined);
    if (cls) counts.set(cls, (counts.get(cls) ?? 0) + 1);
  }
  let best: UnitClass | undefined;
  let n = 0;
  for (const [cls, c] of counts) {
    if (c > n) {
      best = cls;
      n = c;
    }
  }
  return best;
}
