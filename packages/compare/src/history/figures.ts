import type { MeasurementRole, PlaceKind, Quantity, ReportingUnit } from '@lkip/schema';
import { unitClassOf } from '../units-of-measure.js';

export type HistoryRole = Exclude<MeasurementRole, 'category'>;

/** A number as stated, with what interval arithmetic needs. */
export interface StatedNumber {
  value: number;
  decimals: number;
  raw: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export interface OwnFigure extends StatedNumber {
  indicatorId: string;
  /** Where the filing states it: the BAB III table is quoted before restatements. */
  place: PlaceKind;
  /** `province` for the province office and the report as a whole; otherwise the office's place name, normalised. */
  office: string;
  role: HistoryRole;
}

export interface PriorFigure extends StatedNumber {
  indicatorId: string;
  office: string;
  /** The office as the draft names it, for messages. */
  officeName: string;
  year: number;
  /**
   * What the figure can be: one role when the header or the words say it ("Realisasi 2023",
   * "target … 90"), several when they do not (a column headed "2023" may hold realisations or
   * achievements). The check is silent when the figure agrees with any of them.
   */
  roles: HistoryRole[];
  source: 'table' | 'prose';
}

export const PROVINCE_OFFICE = 'province';

/** A normalised office key: the same office in two years' filings gets the same key. */
export function officeKey(unit: Pick<ReportingUnit, 'kind' | 'placeName'> | undefined): string {
  if (!unit || unit.kind === 'province') return PROVINCE_OFFICE;
  return unit.placeName
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function stated(q: Quantity): StatedNumber {
  const p = q.position;
  return { value: q.value, decimals: q.decimals, raw: q.raw, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, offset: p.offset, endOffset: p.endOffset };
}

/** A figure the check can trust: one reading, a point (not a band edge). */
export function usable(q: Quantity | undefined): q is Quantity {
  return q !== undefined && q.ambiguous === undefined && q.bound === undefined && Number.isFinite(q.value);
}

/** Whether a figure's written unit can be the indicator's (a figure in "Orang" is no index). */
export function unitFits(q: Quantity, indicatorUnit: string | undefined): boolean {
  if (q.percent || !q.unit) return true;
  const written = unitClassOf(q.unit);
  const declared = unitClassOf(indicatorUnit);
  return written === undefined || declared === undefined || written === declared;
}

