import type { Quantity } from '@lkip/schema';
import type { TableBlock } from '../tables/types.js';
import { columnRoles } from './classify.js';
import { addMeasurement, cellFigure, placeFor, type BuildContext } from './context.js';
import { measureOf } from './measure.js';
import { sectionAt } from './sections.js';

// The column that carries a component table's result: "Nilai Akhir", "Nilai ZI", "Nilai Kinerja Anggaran", "Σ".
const RESULT_HEADER = /nilai akhir|nilai zi\b|^nilai kinerja anggaran|capaian indeks|σ|\btotal nilai\b|^nilai$/i;

/**
 * Component tables (NKA = EKA and IKPA parts, IKPA aspects, ZI Pengungkit + Hasil) state each
 * unit's final value once more: it is a realisation figure that must agree with the chapter's.
 * Only tables with exactly one row per unit are read; multi-row layouts per unit are left alone.
 */
export function readComponentMeasurements(ctx: BuildContext, table: TableBlock): void {
  const roles = columnRoles(table.columns, ctx.headerSynonyms);
  if (roles.unit === undefined) return;
  const section = sectionAt(ctx.sections, table.position.offset);
  const indicatorId = section ? ctx.doc.sections.find((s) => s.id === section.id)?.indicatorId : undefined;
  const sectionIndicator = ctx.indicators.indicators.find((i) => i.id === indicatorId);
  if (!sectionIndicator) return;
  const rows = table.body.map((row) => {
    const text = row[roles.unit ?? 0]?.text.trim() ?? '';
    return { row, unit: ctx.units.resolve(text), aggregate: text.length > 0 && ctx.units.isAggregate(text) };
  });
  if (rows.length === 0 || rows.some((r) => !r.unit && !r.aggregate)) return;
  const ids = rows.map((r) => r.unit?.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) return;
  let resultCol = table.columns.findIndex((c) => RESULT_HEADER.test(c.trim()));
  if (resultCol < 0) {
    for (let c = table.columns.length - 1; c > roles.unit; c--) {
      if (rows.every((r) => cellFigure(ctx, r.row[c]) !== undefined)) {
        resultCol = c;
        break;
      }
    }
  }
  if (resultCol < 0) return;
  const districtCount = ctx.units.units.filter((u) => u.kind !== 'province').length;
  rows.forEach(({ row, unit, aggregate }, r) => {
    const figure: Quantity | undefined = cellFigure(ctx, row[resultCol]);
    if (!figure || figure.percent) return;
    const indicator = unit && unit.kind !== 'province' && !sectionIndicator.countOf ? ctx.indicators.match({ name: sectionIndicator.name, district: true }) ?? sectionIndicator : sectionIndicator;
    const place = placeFor(ctx, 'chapter-table', table.position.offset, { tableId: table.id, row: r, column: resultCol, label: `${table.columns[resultCol] ?? ''} — ${row[roles.unit ?? 0]?.text.trim() ?? ''}` });
    const base = {
      indicatorId: indicator.id,
      ...(unit ? { unitId: unit.id } : {}),
      ...(aggregate ? { aggregate: true } : {}),
      measure: measureOf(indicator, unit, [figure], aggregate, districtCount),
      statement: `${table.id}:r${r}`,
    };
    addMeasurement(ctx, { ...base, role: 'realisation', quantity: figure, place, position: figure.position });
    if (roles.category !== undefined) {
      const cell = row[roles.category];
      const text = cell?.text.replace(/[*_]/g, '').trim() ?? '';
      if (cell && text.length > 0 && text.length <= 40 && !/\d/.test(text) && !/^[-–]+$/.test(text)) {
        addMeasurement(ctx, { ...base, role: 'category', label: { text, position: cell.position }, place: { ...place, column: roles.category }, position: cell.position });
      }
    }
  });
}
