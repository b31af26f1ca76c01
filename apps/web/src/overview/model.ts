import type { LkipDocument, Measurement, MeasurementRole, PlaceKind, Polarity } from '@lkip/schema';

/** One figure as the overview shows it, with the span to select in the editor. */
export interface OverviewFigure {
  text: string;
  value?: number;
  from: number;
  to: number;
  place: PlaceKind;
}

/** Realisation against target, read with the indicator's polarity. */
export type TargetStatus = 'above' | 'at' | 'below';

export interface OverviewRow {
  key: string;
  /** Absent for figures about the whole report (the indicator's own aggregate). */
  unitName?: string;
  measure: 'indicator' | 'unit-value';
  aggregate: boolean;
  target?: OverviewFigure;
  realisation?: OverviewFigure;
  achievement?: OverviewFigure;
  category?: OverviewFigure;
  status?: TargetStatus;
}

export interface IndicatorOverview {
  id: string;
  number?: number;
  name: string;
  /** The normalised name rules fall back on when an indicator has no number. */
  key: string;
  unitOfMeasure?: string;
  polarity: Polarity;
  /** For "Jumlah Kab/Kota dengan <measure> berkategori …" indicators: what each unit's own figure measures. */
  measureName?: string;
  year?: number;
  rows: OverviewRow[];
}

/**
 * The same figure is stated in up to five places. The chapter tables of BAB III are where the
 * office computes it (the summary, appendix and recap copy it from there), so they win; the PK
 * documents state targets only and come last.
 */
const PLACE_RANK: Record<PlaceKind, number> = {
  'chapter-table': 0,
  'chapter-prose': 1,
  summary: 2,
  appendix: 3,
  recap: 4,
  pk: 5,
  'signed-pk': 6,
  prose: 7,
  closing: 8,
};

/** The overview's columns, in the order the chapter tables give them. */
export const OVERVIEW_ROLES: readonly MeasurementRole[] = ['target', 'realisation', 'achievement', 'category'];

/** Per indicator, its units × target / realisation / achievement / category for the report's year. */
export function buildOverview(doc: LkipDocument): IndicatorOverview[] {
  const year = reportYear(doc);
  const unitOrder = new Map(doc.units.map((u, i) => [u.id, i]));
  const unitName = new Map(doc.units.map((u) => [u.id, u.name]));

  const best = new Map<string, Measurement>();
  for (const m of doc.measurements) {
    // Earlier years appear in comparison tables; the overview is about the year reported on.
    if (year !== undefined && m.year !== year) continue;
    const key = `${m.indicatorId}\u0000${m.unitId ?? ''}\u0000${m.measure}\u0000${m.role}`;
    const held = best.get(key);
    if (!held || better(m, held)) best.set(key, m);
  }

  const rowsByIndicator = new Map<string, Map<string, OverviewRow>>();
  for (const m of best.values()) {
    const rows = rowsByIndicator.get(m.indicatorId) ?? new Map<string, OverviewRow>();
    rowsByIndicator.set(m.indicatorId, rows);
    const rowKey = `${m.unitId ?? ''}\u0000${m.measure}`;
    let row = rows.get(rowKey);
    if (!row) {
      const name = m.unitId !== undefined ? unitName.get(m.unitId) : undefined;
      row = { key: rowKey, measure: m.measure, aggregate: m.aggregate === true || m.unitId === undefined, ...(name !== undefined ? { unitName: name } : {}) };
      rows.set(rowKey, row);
    }
    const figure = toFigure(m);
    if (figure) row[m.role] = figure;
  }

  return doc.indicators.map((indicator) => {
    const rows = [...(rowsByIndicator.get(indicator.id)?.values() ?? [])];
    const unitKey = (r: OverviewRow) => (r.key.startsWith('\u0000') ? Number.MAX_SAFE_INTEGER : (unitOrder.get(r.key.split('\u0000')[0] ?? '') ?? Number.MAX_SAFE_INTEGER - 1));
    rows.sort((a, b) => (a.measure === b.measure ? 0 : a.measure === 'indicator' ? -1 : 1) || unitKey(a) - unitKey(b));
    for (const row of rows) {
      const status = targetStatus(row.target?.value, row.realisation?.value, indicator.polarity);
      if (status) row.status = status;
    }
    const overview: IndicatorOverview = { id: indicator.id, name: indicator.name, key: indicator.key, polarity: indicator.polarity, rows };
    if (indicator.number !== undefined) overview.number = indicator.number;
    if (indicator.unitOfMeasure !== undefined) overview.unitOfMeasure = indicator.unitOfMeasure;
    if (indicator.countOf) overview.measureName = indicator.countOf.measureName;
    if (year !== undefined) overview.year = year;
    return overview;
  });
}

export function targetStatus(target: number | undefined, realisation: number | undefined, polarity: Polarity): TargetStatus | undefined {
  if (target === undefined || realisation === undefined || !Number.isFinite(target) || !Number.isFinite(realisation)) return undefined;
  // Figures are read from decimal text; a difference below this is the reading, not the report.
  const diff = realisation - target;
  if (Math.abs(diff) < 1e-9) return 'at';
  const ahead = polarity === 'lower-is-better' ? diff < 0 : diff > 0;
  return ahead ? 'above' : 'below';
}

function reportYear(doc: LkipDocument): number | undefined {
  if (doc.meta.fiscalYear !== undefined) return doc.meta.fiscalYear;
  const counts = new Map<number, number>();
  for (const m of doc.measurements) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  let year: number | undefined;
  let most = 0;
  for (const [y, n] of counts) {
    if (n > most || (n === most && year !== undefined && y > year)) {
      year = y;
      most = n;
    }
  }
  return year;
}

function better(candidate: Measurement, held: Measurement): boolean {
  const rank = PLACE_RANK[candidate.place.kind] - PLACE_RANK[held.place.kind];
  return rank !== 0 ? rank < 0 : candidate.position.offset < held.position.offset;
}

function toFigure(m: Measurement): OverviewFigure | undefined {
  if (m.role === 'category') {
    if (!m.label) return undefined;
    return { text: m.label.text, from: m.label.position.offset, to: m.label.position.endOffset, place: m.place.kind };
  }
  const q = m.quantity;
  if (!q) return undefined;
  // An ambiguous reading ("1.250") is shown as written, without a value to colour or chart.
  const figure: OverviewFigure = { text: q.raw, from: q.position.offset, to: q.position.endOffset, place: m.place.kind };
  if (!q.ambiguous) figure.value = q.value;
  return figure;
}

/**
 * Rules name an indicator in `subject.indicator` by its number (or its key when it has none);
 * the findings panel titles a group with the indicator's number and name.
 */
export function indicatorTitle(label: string, overview: readonly IndicatorOverview[]): string {
  const indicator = overview.find((i) => (i.number !== undefined && String(i.number) === label) || i.key === label || i.id === label);
  if (!indicator) return label;
  return indicator.number !== undefined ? `${indicator.number}. ${indicator.name}` : indicator.name;
}
