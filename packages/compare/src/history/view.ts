import type { Measurement, ReportingUnit } from '@lkip/schema';
import type { ComparableDocument } from '../types.js';
import { officeKey, PROVINCE_OFFICE, stated, usable, type OwnFigure, type PriorFigure } from './figures.js';
import { priorFiguresInProse } from './prior-prose.js';
import { priorFiguresInTables } from './prior-tables.js';

export { officeKey, PROVINCE_OFFICE, stated, unitFits, usable, type HistoryRole, type OwnFigure, type PriorFigure, type StatedNumber } from './figures.js';

/**
 * What the year-against-year check reads of one filing: its own figures for its fiscal year, and
 * the figures it states for earlier years ("perbandingan realisasi kinerja dengan tahun
 * sebelumnya"). Plain data, small enough for a worker thread to post back beside the comparison's
 * digest: XBRL US DQC's prior-period rules work the same way, comparing the prior-period facts of
 * this year's filing with the facts of last year's.
 */
export interface HistoryView {
  file: string;
  fiscalYear: number | null;
  province: string | null;
  agency: string | null;
  /** Names of the filing's offices and places, left out of indicator names when matching. */
  placeNames: string[];
  indicators: HistoryIndicator[];
  /** Every statement of a figure for the filing's own fiscal year (all places). */
  own: OwnFigure[];
  /** Figures stated for earlier years. */
  prior: PriorFigure[];
}

export interface HistoryIndicator {
  id: string;
  number: number | null;
  name: string;
  /** Character offset in the draft, for the order of rows. */
  offset: number;
}

export function historyView(file: string, doc: ComparableDocument): HistoryView {
  const fiscalYear = doc.meta.fiscalYear ?? null;
  const units = new Map(doc.units.map((u) => [u.id, u]));
  const own: OwnFigure[] = [];
  for (const m of doc.measurements) {
    if (m.role === 'category' || m.aggregate || !usable(m.quantity)) continue;
    if (fiscalYear !== null && m.year !== fiscalYear) continue;
    own.push({ ...stated(m.quantity), indicatorId: m.indicatorId, place: m.place.kind, office: officeOf(m, units), role: m.role });
  }
  const prior = fiscalYear === null ? [] : [...priorFiguresInTables(doc, fiscalYear), ...priorFiguresInProse(doc, fiscalYear)];
  return {
    file,
    fiscalYear,
    province: doc.meta.province ?? null,
    agency: doc.meta.agency ?? null,
    placeNames: doc.units.flatMap((u) => [u.placeName, u.name]),
    indicators: doc.indicators.map((i) => ({ id: i.id, number: i.number ?? null, name: i.name, offset: i.position?.offset ?? 0 })),
    own,
    prior: dedupe(prior),
  };
}

function officeOf(m: Measurement, units: Map<string, ReportingUnit>): string {
  return m.unitId === undefined ? PROVINCE_OFFICE : officeKey(units.get(m.unitId));
}

/** A figure both read from a table and restated around it is one figure. */
function dedupe(figures: PriorFigure[]): PriorFigure[] {
  const seen = new Set<string>();
  return figures.filter((f) => {
    const key = `${f.line}:${f.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
