import type { Indicator, PlaceKind, Quantity, ReportingUnit, TableKind } from '@lkip/schema';
import type { NumberContext } from '../numbers/index.js';
import type { SourceCell, TableBlock } from '../tables/types.js';
import { columnRoles, type ColumnRoles } from './classify.js';
import { addMeasurement, cellFigure, columnContexts, placeFor, type BuildContext } from './context.js';
import { measureOf } from './measure.js';
import { sectionAt, type SectionSpan } from './sections.js';

interface RowSubject {
  indicator: Indicator;
  unit: ReportingUnit | undefined;
  aggregate: boolean;
}

/** A figure whose unit of measure was pushed into the next cell by a merged header ("3 | Berkas Perkara"). */
function figureAt(ctx: BuildContext, table: TableBlock, row: SourceCell[], col: number | undefined, context?: NumberContext): Quantity | undefined {
  if (col === undefined) return undefined;
  const figure = cellFigure(ctx, row[col], context);
  if (!figure || figure.unit || figure.percent) return figure;
  const next = row[col + 1];
  const nextHeader = table.columns[col + 1] ?? '';
  const sameHeader = nextHeader.trim() === '' || nextHeader.trim() === (table.columns[col] ?? '').trim();
  if (next && sameHeader && /^[A-Za-z][A-Za-z /.]{1,30}$/.test(next.text.trim())) figure.unit = next.text.trim().replace(/\s+/g, ' ');
  return figure;
}

function sectionIndicator(ctx: BuildContext, section: SectionSpan | undefined): Indicator | undefined {
  if (!section) return undefined;
  const id = ctx.doc.sections.find((s) => s.id === section.id)?.indicatorId;
  return id ? ctx.indicators.indicators.find((i) => i.id === id) : undefined;
}

/** Turns the rows of a measurement-bearing table into measurements. */
export function readTableMeasurements(ctx: BuildContext, table: TableBlock, kind: TableKind, tableUnit?: ReportingUnit, placeKind?: PlaceKind): void {
  const roles = columnRoles(table.columns, ctx.headerSynonyms);
  const section = sectionAt(ctx.sections, table.position.offset);
  const fromSection = sectionIndicator(ctx, section);
  const districtCount = ctx.units.units.filter((u) => u.kind !== 'province').length;
  let lastGoal: string | undefined;
  let lastIndicatorCell: string | undefined;
  const byColumn = columnContexts(table);
  const contexts = {
    target: roles.target !== undefined ? byColumn[roles.target] : undefined,
    realisation: roles.realisation !== undefined ? byColumn[roles.realisation] : undefined,
  };

  table.body.forEach((row, r) => {
    // "Tahun | Target | Realisasi | Capaian" with a row per year ("perbandingan dengan tahun
    // sebelumnya"): the rows of earlier years are not this year's figures.
    if (rowOfAnotherYear(row, ctx.fiscalYear)) return;
    const subject = rowSubject(ctx, table, kind, roles, row, fromSection, tableUnit, lastGoal, lastIndicatorCell);
    const goalCell = roles.goal !== undefined ? row[roles.goal]?.text.trim() : undefined;
    if (goalCell) lastGoal = goalCell;
    const indicatorCell = roles.indicator !== undefined ? row[roles.indicator]?.text.trim() : undefined;
    if (indicatorCell) lastIndicatorCell = indicatorCell;
    if (!subject) return;
    const target = figureAt(ctx, table, row, roles.target, contexts.target);
    const realisation = figureAt(ctx, table, row, roles.realisation, contexts.realisation);
    const achievement = figureAt(ctx, table, row, roles.achievement, { kind: 'percent' });
    if (achievement) achievement.percent = true;
    const measure = measureOf(subject.indicator, subject.unit, [target, realisation], subject.aggregate, districtCount);
    const place = placeFor(ctx, placeKind ?? placeKindOf(kind), table.position.offset, {
      tableId: table.id,
      row: r,
      label: rowLabel(table, row, roles, subject),
    });
    const base = {
      indicatorId: subject.indicator.id,
      ...(subject.unit ? { unitId: subject.unit.id } : {}),
      ...(subject.aggregate ? { aggregate: true } : {}),
      measure,
      statement: `${table.id}:r${r}`,
    };
    const roleFigures: ['target' | 'realisation' | 'achievement', Quantity | undefined, number | undefined][] = [
      ['target', target, roles.target],
      ['realisation', realisation, roles.realisation],
      ['achievement', achievement, roles.achievement],
    ];
    for (const [role, quantity, col] of roleFigures) {
      if (!quantity || col === undefined) continue;
      addMeasurement(ctx, { ...base, role, quantity, place: { ...place, column: col }, position: quantity.position });
    }
    if (roles.category !== undefined) {
      const cell = row[roles.category];
      const text = cell?.text.replace(/<[^<>]*>/g, '').replace(/[*_]/g, '').trim() ?? '';
      if (cell && text.length > 0 && text.length <= 40 && !/^[-–]+$/.test(text) && !/\d/.test(text)) {
        addMeasurement(ctx, { ...base, role: 'category', label: { text, position: cell.position }, place: { ...place, column: roles.category }, position: cell.position });
      }
    }
  });
}

/** A row labelled by a year alone ("2023", "Tahun 2023") other than the report's. */
function rowOfAnotherYear(row: SourceCell[], fiscalYear: number): boolean {
  const label = row.map((c) => c.text.trim()).find((t) => t.length > 0) ?? '';
  const year = /^(?:tahun\s+|th\.?\s*)?((?:19|20)\d{2})$/i.exec(label);
  return year !== null && fiscalYear > 0 && Number(year[1]) !== fiscalYear;
}

function placeKindOf(kind: TableKind): PlaceKind {
  switch (kind) {
    case 'pk':
      return 'pk';
    case 'appendix-summary':
      return 'appendix';
    case 'recap':
      return 'recap';
    default:
      return 'chapter-table';
  }
}

function rowLabel(table: TableBlock, row: SourceCell[], roles: ColumnRoles, subject: RowSubject): string {
  const unitText = roles.unit !== undefined ? row[roles.unit]?.text.trim() : undefined;
  const who = unitText || subject.unit?.name || '';
  return [table.caption ? table.caption.slice(0, 60) : undefined, who].filter(Boolean).join(' — ');
}

function rowSubject(
  ctx: BuildContext,
  table: TableBlock,
  kind: TableKind,
  roles: ColumnRoles,
  row: SourceCell[],
  fromSection: Indicator | undefined,
  tableUnit: ReportingUnit | undefined,
  lastGoal: string | undefined,
  lastIndicatorCell: string | undefined,
): RowSubject | undefined {
  let unit = tableUnit;
  let aggregate = false;
  if (roles.unit !== undefined) {
    const text = row[roles.unit]?.text.trim() ?? '';
    if (text.length === 0 || /^[-–]+$/.test(text)) {
      // "Rata-Rata Provinsi TB" may sit in the number column, the unit column left empty.
      const label = row.map((c) => c.text.trim()).find((t) => t.length > 0 && !/^\d+[.)]?$/.test(t)) ?? '';
      if (!ctx.units.isAggregate(label)) return undefined;
      aggregate = true;
    } else {
      unit = ctx.units.resolve(text);
      if (!unit) {
        if (!ctx.units.isAggregate(text)) return undefined;
        aggregate = true;
      }
    }
  } else if (!unit && (kind === 'pk' || kind === 'indicator-summary' || kind === 'appendix-summary')) {
    unit = ctx.units.province;
  }
  if (!unit && !aggregate && roles.unit === undefined) {
    const label = row.map((c) => c.text.trim()).find((t) => t.length > 0 && !/^\d+$/.test(t)) ?? '';
    if (ctx.units.isAggregate(label)) aggregate = true;
  }
  let indicator: Indicator | undefined;
  const district = unit !== undefined && unit.kind !== 'province';
  if (roles.indicator !== undefined) {
    const name = row[roles.indicator]?.text.trim() || lastIndicatorCell || '';
    const goal = (roles.goal !== undefined ? row[roles.goal]?.text.trim() : undefined) || lastGoal;
    const numberText = roles.number !== undefined ? row[roles.number]?.text.trim() : undefined;
    const number = numberText && /^\d{1,2}$/.test(numberText) ? Number(numberText) : undefined;
    if (name) {
      indicator = ctx.indicators.match(
        { name, ...(goal ? { goal } : {}), ...(number !== undefined && (kind === 'pk' || kind === 'recap') ? { number } : {}), district },
        row[roles.indicator]?.position.offset ?? table.position.offset,
      );
    }
  }
  if (!indicator && roles.indicator === undefined) indicator = fromSection;
  if (indicator && district && !indicator.countOf && roles.indicator === undefined) {
    // A district row in the section of a province-only indicator belongs to the count indicator built on it.
    indicator = ctx.indicators.match({ name: indicator.name, district: true }) ?? indicator;
  }
  if (!indicator) return undefined;
  if (!unit && !aggregate) unit = ctx.units.province;
  return { indicator, unit, aggregate };
}
