import { unitNamed, type LintMessage } from '@lkip/engine';
import type { Indicator, Measurement, MeasurementRole, PlaceKind, ReportingUnit } from '@lkip/schema';
import type { CategoryLabel, CellFinding, ComparableDocument, ComparisonCell, Figure, ReportingUnitKind } from './types.js';

/**
 * Which statement of a figure stands for the draft when it states the figure in several places.
 * The BAB III tables are where a draft reports an indicator in full (target, realisation, %, per
 * office); the PK is the agreed target; the others restate them. Disagreements between places
 * are the cross-reference rule's business; the comparison shows one figure per cell and carries
 * that rule's findings as the cell's lint status.
 */
export const PLACE_PRIORITY: Record<PlaceKind, number> = {
  'chapter-table': 0,
  pk: 1,
  appendix: 2,
  recap: 3,
  summary: 4,
  'chapter-prose': 5,
  closing: 6,
  'signed-pk': 7,
  prose: 8,
};

/** Places whose figures sit in a table row: a finding anywhere on that line is about the row. */
const TABLE_PLACES = new Set<PlaceKind>(['chapter-table', 'pk', 'appendix', 'recap', 'signed-pk']);

/** Figures the draft states for the indicator as a whole, with no office named. */
const DOCUMENT_UNIT = '';

interface Spot {
  indicatorId: string;
  unitKey: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  table: boolean;
}

/** The findings of one document, sorted to the (indicator, office) cells they concern. */
export class FindingIndex {
  private readonly byCell = new Map<string, CellFinding[]>();

  constructor(doc: ComparableDocument, messages: readonly LintMessage[]) {
    const provinceKey = provinceUnitOf(doc)?.id ?? DOCUMENT_UNIT;
    const spotsByLine = new Map<number, Spot[]>();
    for (const m of doc.measurements) {
      const unitKey = unitKeyOf(m, provinceKey);
      if (unitKey === undefined) continue;
      const p = m.position;
      const spot: Spot = { indicatorId: m.indicatorId, unitKey, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, table: TABLE_PLACES.has(m.place.kind) };
      for (let line = p.line; line <= p.endLine; line++) {
        const list = spotsByLine.get(line);
        if (list) list.push(spot);
        else spotsByLine.set(line, [spot]);
      }
    }

    for (const message of messages) {
      const cells = new Set<string>();
      for (const spot of spotsByLine.get(message.line) ?? []) {
        if (spot.table || within(message, spot)) cells.add(cellKey(spot.indicatorId, spot.unitKey));
      }
      for (const key of subjectCells(doc, message, provinceKey)) cells.add(key);
      const finding: CellFinding = {
        ruleId: message.ruleId,
        severity: message.severity,
        message: message.message,
        line: message.line,
        column: message.column,
      };
      for (const key of cells) {
        const list = this.byCell.get(key);
        if (list) list.push(finding);
        else this.byCell.set(key, [finding]);
      }
    }
  }

  findings(indicatorId: string, unitKey: string): CellFinding[] {
    return [...(this.byCell.get(cellKey(indicatorId, unitKey)) ?? [])];
  }
}

/**
 * The cells of one document for one indicator: the province office first, then every office
 * the draft states figures for, in the draft's order of offices.
 */
export function buildCells(file: string, doc: ComparableDocument, indicator: Indicator, findings: FindingIndex, measurements: readonly Measurement[]): ComparisonCell[] {
  const province = provinceUnitOf(doc);
  const provinceKey = province?.id ?? DOCUMENT_UNIT;
  const byUnit = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const unitKey = unitKeyOf(m, provinceKey);
    if (unitKey === undefined) continue;
    const list = byUnit.get(unitKey);
    if (list) list.push(m);
    else byUnit.set(unitKey, [m]);
  }
  // Every matched indicator has a province cell, even when the draft states no figure for it:
  // the empty cell says so.
  if (!byUnit.has(provinceKey)) byUnit.set(provinceKey, []);

  const unitOrder = new Map(doc.units.map((u, i) => [u.id, i]));
  const keys = [...byUnit.keys()].sort((a, b) => {
    if (a === provinceKey) return -1;
    if (b === provinceKey) return 1;
    return (unitOrder.get(a) ?? Infinity) - (unitOrder.get(b) ?? Infinity);
  });
  return keys.map((unitKey) => {
    const measurements = byUnit.get(unitKey) ?? [];
    const unit = doc.units.find((u) => u.id === unitKey);
    const measure = measurements.some((m) => m.measure === 'indicator') || measurements.length === 0 ? 'indicator' : 'unit-value';
    const chosen = measurements.filter((m) => m.measure === measure);
    const cell: ComparisonCell = {
      document: file,
      unit: unit?.name ?? doc.meta.province ?? file,
      unitKind: (unit?.kind ?? 'province') as ReportingUnitKind,
      measure,
      target: figureOf(pick(chosen, 'target')),
      realisation: figureOf(pick(chosen, 'realisation')),
      achievement: figureOf(pick(chosen, 'achievement')),
      category: categoryOf(pick(chosen, 'category')),
      findings: findings.findings(indicator.id, unitKey),
    };
    return cell;
  });
}

/** A document's measurements by indicator id, built once rather than filtered per indicator. */
export function measurementsByIndicator(doc: ComparableDocument): Map<string, Measurement[]> {
  const out = new Map<string, Measurement[]>();
  for (const m of doc.measurements) {
    const list = out.get(m.indicatorId);
    if (list) list.push(m);
    else out.set(m.indicatorId, [m]);
  }
  return out;
}

export function provinceUnitOf(doc: ComparableDocument): ReportingUnit | undefined {
  return doc.units.find((u) => u.kind === 'province');
}

/**
 * The office a figure belongs to. A figure without an office that is not an average row is the
 * whole report's, which for a provincial LKIP is the province office's. Average rows ("Rata-Rata
 * Provinsi") are left out: no office states them.
 */
function unitKeyOf(m: Measurement, provinceKey: string): string | undefined {
  if (m.unitId !== undefined) return m.unitId;
  if (m.aggregate) return undefined;
  return provinceKey;
}

function pick(measurements: readonly Measurement[], role: MeasurementRole): Measurement | undefined {
  let best: Measurement | undefined;
  for (const m of measurements) {
    if (m.role !== role) continue;
    if (role === 'category' ? !m.label : !m.quantity) continue;
    if (!best) {
      best = m;
      continue;
    }
    const byPlace = PLACE_PRIORITY[m.place.kind] - PLACE_PRIORITY[best.place.kind];
    if (byPlace < 0 || (byPlace === 0 && m.position.offset < best.position.offset)) best = m;
  }
  return best;
}

function figureOf(m: Measurement | undefined): Figure | null {
  const q = m?.quantity;
  if (!m || !q) return null;
  return {
    value: q.value,
    raw: q.raw,
    unit: q.unit ?? (q.percent ? '%' : null),
    line: q.position.line,
    column: q.position.column,
  };
}

function categoryOf(m: Measurement | undefined): CategoryLabel | null {
  const label = m?.label;
  if (!label) return null;
  return { label: label.text, line: label.position.line, column: label.position.column };
}

function cellKey(indicatorId: string, unitKey: string): string {
  return `${indicatorId}\u0000${unitKey}`;
}

function within(message: LintMessage, spot: Spot): boolean {
  const afterStart = message.line > spot.line || (message.line === spot.line && message.column >= spot.column);
  const beforeEnd = message.line < spot.endLine || (message.line === spot.endLine && message.column < spot.endColumn);
  return afterStart && beforeEnd;
}

/** Rules name what a finding is about (`subject`): "<acronym> 8", the indicator's name, an office's name. */
function subjectCells(doc: ComparableDocument, message: LintMessage, provinceKey: string): string[] {
  const subject = message.subject;
  if (!subject?.indicator) return [];
  const indicators = doc.indicators.filter((i) => indicatorMatches(i, subject.indicator as string));
  if (indicators.length === 0) return [];
  let unitKeys: string[];
  if (subject.unit) {
    const unit = doc.units.find((u) => u.id === subject.unit) ?? unitNamed(doc.units, subject.unit);
    if (!unit) return [];
    unitKeys = [unit.id];
  } else {
    unitKeys = [provinceKey];
  }
  return indicators.flatMap((i) => unitKeys.map((u) => cellKey(i.id, u)));
}

function indicatorMatches(indicator: Indicator, text: string): boolean {
  const wanted = normalise(text);
  // "IKU 3", "IKSS 3", "Indikator 3": whatever the agency calls its indicators, then the number.
  const numbered = /^\p{L}[\p{L}.]{0,11}\s*(\d+)$/u.exec(wanted);
  if (numbered) return indicator.number === Number(numbered[1]);
  if (/^\d+$/.test(wanted)) return indicator.number === Number(wanted);
  return [indicator.id, indicator.name, indicator.key, ...indicator.names].some((s) => normalise(s) === wanted);
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}
