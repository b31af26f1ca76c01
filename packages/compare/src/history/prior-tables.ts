import type { Cell, ColumnRole, Indicator, Quantity, RawTable, TableKind } from '@lkip/schema';
import type { ComparableDocument } from '../types.js';
import { indicatorNamed, OfficeFinder, provinceName, SectionSubjects, type OfficeMention } from './places.js';
import { PROVINCE_OFFICE, stated, unitFits, usable, type HistoryRole, type PriorFigure } from './figures.js';

/** Tables that never hold an indicator's figures by year. */
const OTHER_KINDS = new Set<TableKind>(['budget', 'staff', 'band', 'component']);
const BUDGET_ROLES = new Set<ColumnRole>(['ceiling', 'spent', 'spent-percent', 'remaining']);
/** Roles whose columns hold an indicator's figures. */
const FIGURE_ROLES = new Set<ColumnRole>(['year', 'target', 'realisation', 'achievement', 'score']);

/**
 * What a column of figures can hold. A bare year ("2023") or a score column holds realisations
 * mostly, achievements sometimes; a "Capaian 2023" column often holds realisations too (drafts
 * head a series of realisations "Capaian"), so both are accepted there.
 */
function columnRoles(role: ColumnRole | undefined): HistoryRole[] {
  switch (role) {
    case 'target':
      return ['target'];
    case 'realisation':
      return ['realisation'];
    case 'achievement':
      return ['achievement', 'realisation'];
    default:
      return ['realisation', 'achievement'];
  }
}

/** A row labelled "Target", "Realisasi" or "Capaian" says what its figures are. */
function rowRoles(label: string): HistoryRole[] | undefined {
  const s = label.trim().toLowerCase();
  if (/^target\b/.test(s)) return ['target'];
  if (/^realisasi\b/.test(s)) return ['realisation'];
  if (/^(?:%\s*)?capaian\b|^persentase\s+capaian\b|^%$/.test(s)) return ['achievement'];
  return undefined;
}

const YEAR = /(?<![\d.,])((?:19|20)\d{2})(?![\d.,]?\d)/;

/**
 * The year a column is about: the year its header names, or one relative to the report's
 * ("Tahun N-1", "Tahun Sebelumnya", "Tahun Lalu").
 */
export function columnYear(header: string, read: number | null, fiscalYear: number): number | null {
  if (read !== null) return read;
  const h = header.toLowerCase();
  const relative = /\bn\s*[-−–]\s*([1-5])\b/.exec(h);
  if (relative) return fiscalYear - Number(relative[1]);
  if (/\btahun\s+(?:sebelumnya|lalu)\b/.test(h)) return fiscalYear - 1;
  return null;
}

function onlyFigure(cell: Cell | undefined): Quantity | undefined {
  if (!cell || cell.quantities.length !== 1) return undefined;
  const q = cell.quantities[0];
  return usable(q) ? q : undefined;
}

interface RowSubject {
  indicator: Indicator;
  office: OfficeMention;
  roles?: HistoryRole[];
}

/** Figures stated for earlier years in tables: year columns beside (or instead of) this year's, and rows headed by a year. */
export function priorFiguresInTables(doc: ComparableDocument, fiscalYear: number): PriorFigure[] {
  const offices = new OfficeFinder(doc.units);
  const subjects = new SectionSubjects(doc.sections ?? [], doc.units);
  const province: OfficeMention = { key: PROVINCE_OFFICE, name: provinceName(doc) };
  const out: PriorFigure[] = [];
  for (const table of doc.tables ?? []) {
    const roles = table.roles;
    if (!roles || OTHER_KINDS.has(table.kind) || roles.some((r) => BUDGET_ROLES.has(r))) continue;
    const years = table.columns.map((header, c) => (FIGURE_ROLES.has(roles[c] as ColumnRole) ? columnYear(header, table.years?.[c] ?? null, fiscalYear) : null));
    const priorColumns = years.flatMap((y, c) => (y !== null && y < fiscalYear ? [c] : []));
    // "Tahun" over a column of years: each row is a year.
    const yearColumn = roles.findIndex((r, c) => r === 'year' && years[c] === null && /^\s*(?:tahun|thn|th\.?)\s*$/i.test(table.columns[c] ?? ''));
    if (priorColumns.length === 0 && yearColumn < 0) continue;
    const tableIndicator = table.indicatorId ?? subjects.indicatorOf(table.sectionId);
    const indicators = new Map(doc.indicators.map((i) => [i.id, i]));

    for (const row of table.rows) {
      const subject = rowSubject(table, row, roles, tableIndicator === undefined ? undefined : indicators.get(tableIndicator), doc.indicators, offices, province);
      if (!subject) continue;
      const add = (c: number, year: number, columnRoleList: HistoryRole[]) => {
        const q = onlyFigure(row[c]);
        if (!q || !unitFits(q, subject.indicator.unitOfMeasure)) return;
        out.push({
          ...stated(q),
          indicatorId: subject.indicator.id,
          office: subject.office.key,
          officeName: subject.office.name,
          year,
          roles: subject.roles ?? columnRoleList,
          source: 'table',
        });
      };
      for (const c of priorColumns) add(c, years[c] as number, columnRoles(roles[c]));
      if (yearColumn >= 0) {
        const year = YEAR.exec(row[yearColumn]?.text ?? '');
        const rowYear = year ? Number(year[1]) : undefined;
        if (rowYear === undefined || rowYear >= fiscalYear || (row[yearColumn]?.text ?? '').replace(YEAR, '').trim() !== '') continue;
        roles.forEach((role, c) => {
          if (c !== yearColumn && (role === 'target' || role === 'realisation' || role === 'achievement' || role === 'score')) add(c, rowYear, columnRoles(role));
        });
      }
    }
  }
  return out;
}

/**
 * What a row is about. A row of a table of several indicators names its indicator; a row of an
 * indicator's own table names an office (or none: the province's row), or says whether it holds
 * targets, realisations or achievements. Rows about anything else (averages, components) are left out.
 */
function rowSubject(
  table: RawTable,
  row: Cell[],
  roles: readonly ColumnRole[],
  tableIndicator: Indicator | undefined,
  indicators: readonly Indicator[],
  offices: OfficeFinder,
  province: OfficeMention,
): RowSubject | undefined {
  const indicatorColumn = roles.indexOf('indicator');
  let indicator = tableIndicator;
  if (indicatorColumn >= 0) {
    indicator = indicatorNamed(row[indicatorColumn]?.text ?? '', indicators);
    if (!indicator) return undefined;
  }
  if (!indicator) return undefined;
  const labels = roles.flatMap((r, c) => (r === 'unit' || r === 'label' ? [row[c]?.text ?? ''] : [])).join(' ');
  if (labels.trim() === '' || indicatorColumn >= 0) {
    const named = offices.mentions(labels);
    if (named.length > 1) return undefined;
    return { indicator, office: named[0] ?? province };
  }
  const named = offices.mentions(labels);
  if (named.length === 1) return { indicator, office: named[0] as OfficeMention };
  if (named.length > 1) return undefined;
  const byRole = rowRoles(labels);
  if (byRole) return { indicator, office: province, roles: byRole };
  // A table with a single row about its indicator: the province's figures.
  return table.rows.length === 1 ? { indicator, office: province } : undefined;
}
