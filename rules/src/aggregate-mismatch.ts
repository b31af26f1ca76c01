import { contains, defineRule, div, mean, overlaps, point, roundTo, scale, sub, sum, type Derivation, type FindingEvidence, type Interval, type ReportDescriptor, type Tolerance } from '@lkip/engine';
import type { BudgetLine, Cell, LkipDocument, Quantity, RawTable } from '@lkip/schema';
import { formatLike, placeNote, replaceNumber, said, saidValue, unitOrLabel } from './support/describe.js';
import { computedFigure, figureOf } from './support/evidence.js';
import { columnsOf, isNumberingRow, onlyFigure, partnerColumn, yearOf } from './support/table-roles.js';
import { perObject } from './support/memo.js';

// ---------------------------------------------------------------------------------------------
// Reading table cells

/** What a cell contributes to a sum: a figure, nothing ("-" or empty, counted as 0), or text that is not a figure. */
type CellValue = { kind: 'figure'; q: Quantity } | { kind: 'empty' } | { kind: 'text' };

const TOTAL_LABEL = /^(jumlah|total|jumlah total|total keseluruhan|grand total|jumlah seluruhnya)$/i;
const AVERAGE_LABEL = /^(rata[-\s]?rata|rerata)\b/i;
const NUMBER_COLUMN = /^(no|no\.|nomor)$/i;
const PERCENT_COLUMN = /%|persen|capaian/i;
const SUM_COLUMN = /^(jml|jumlah|total)\b/i;
const DIFFERENCE_COLUMN = /\+\s*\/\s*-|\bselisih\b|\bsisa\b|kurang\s*\/\s*lebih|lebih\s*\/\s*kurang/i;

function cleanText(text: string): string {
  return text.replace(/\*+/g, '').replace(/:\s*$/, '').trim();
}

const cleanCells = new WeakMap<Cell, string>();

/** A cell's text, cleaned once: the row labels are looked for again by every relation tried. */
function cellText(cell: Cell): string {
  let text = cleanCells.get(cell);
  if (text === undefined) cleanCells.set(cell, (text = cleanText(cell.text)));
  return text;
}

/** What a cell holds; read once per cell, since every candidate relation reads every row again. */
const cellValue = perObject(readCell);

function valueOf(cell: Cell | undefined): CellValue {
  return cell ? cellValue(cell) : { kind: 'empty' };
}

function readCell(cell: Cell): CellValue {
  const text = cellText(cell);
  if (text === '' || /^[-–—]$/.test(text)) return { kind: 'empty' };
  const q = cell.quantities.length === 1 ? cell.quantities[0] : undefined;
  // "10 Orang" and "Rp.410.000.000" are figures; "1. Kegiatan Pengelolaan …" is a label with a number in it.
  if (q && !q.bound && text.replace(q.raw, '').replace(/[^A-Za-z]/g, '').length <= 20) return { kind: 'figure', q };
  return { kind: 'text' };
}

function rowLabelMatching(row: Cell[], pattern: RegExp): string | undefined {
  for (const cell of row) {
    const text = cellText(cell);
    if (pattern.test(text)) return text;
  }
  return undefined;
}

const averageLabelled = new WeakMap<Cell[], boolean>();

/** A "Rata-rata" row, which no relation of the columns holds for; read once per row. */
function averageRow(row: Cell[]): boolean {
  let average = averageLabelled.get(row);
  if (average === undefined) {
    average = rowLabelMatching(row, AVERAGE_LABEL) !== undefined;
    averageLabelled.set(row, average);
  }
  return average;
}

function rowName(row: Cell[]): string {
  return row.map(cellText).find((t) => t.length > 0 && !/^\d+[.)]?$/.test(t)) ?? '';
}

/** Columns that can be added up: not the row number, not percentages (a total of percentages is not their sum). */
function summableColumns(table: RawTable): number[] {
  return table.columns
    .map((name, c) => ({ name: cleanText(name), c }))
    .filter(({ name, c }) => !NUMBER_COLUMN.test(name) && !PERCENT_COLUMN.test(name) && !table.rows.some((row) => row[c]?.quantities.some((q) => q.percent)))
    .map(({ c }) => c);
}

/**
 * A column whose every figure is a whole number counts things (staff, districts, rupiah):
 * its figures are exact. Any decimal in the column means measured, rounded figures.
 */
function countColumn(table: RawTable, c: number): boolean {
  return table.rows.every((row) => {
    const v = valueOf(row[c]);
    return v.kind !== 'figure' || v.q.decimals === 0;
  });
}

function intervalOfCell(v: CellValue, exact: boolean, tolerance: Tolerance): Interval | undefined {
  if (v.kind === 'empty') return point(0);
  if (v.kind === 'text' || v.q.ambiguous) return undefined;
  return exact ? point(v.q.value) : tolerance.of(v.q);
}

function pointOfCell(v: CellValue): number {
  return v.kind === 'figure' ? v.q.value : 0;
}

// ---------------------------------------------------------------------------------------------
// Findings

interface Finding {
  stated: Quantity;
  messageId: string;
  data: Record<string, string | number>;
  computed: number;
  roundingOnly: boolean;
  /** The stated figure is derived and the figures it comes from are certain: safe to rewrite. */
  fixable: boolean;
  subject: ReportDescriptor['subject'];
  related?: ReportDescriptor['related'];
  /** The table cell ("t5:2:4") or budget line the stated figure sits in. */
  cell?: string;
  /** The cells or lines the figure is computed from. */
  inputs?: string[];
  /** For a total or a mean of cells: the cells, so the engine can recompute it with one corrected. */
  total?: Extract<Derivation, { kind: 'total' }>;
}

/** A column total or mean as the engine's evidence carries it (see groups in @lkip/engine). */
function totalOf(op: 'sum' | 'mean', values: readonly CellValue[], exact: boolean): Extract<Derivation, { kind: 'total' }> {
  const terms = values.flatMap((v) => (v.kind === 'figure' ? [{ value: v.q.value, decimals: v.q.decimals, at: v.q.position, ...(exact ? { exact: true } : {}) }] : []));
  return { kind: 'total', op, terms };
}

/** What names a table in a fingerprint: its caption or its header, which survive edits elsewhere (its id does not). */
function tableName(table: RawTable): string {
  return cleanText(table.caption ?? table.columns.join(' | ')).slice(0, 60);
}

function cellKey(table: RawTable, row: number, column: number): string {
  return `${table.id}:${row}:${column}`;
}

/**
 * Exact figures (counts, rupiah) hold when the computed value is the stated one to the last
 * written digit; rounded figures when their intervals overlap.
 */
function compare(stated: Quantity, interval: Interval, computed: number, tolerance: Tolerance, exact: boolean): { holds: boolean; roundingOnly: boolean } {
  if (exact) {
    const holds = Math.abs(computed - stated.value) < 0.5 * 10 ** -stated.decimals;
    return { holds, roundingOnly: false };
  }
  const statedRange = tolerance.of(stated);
  const holds = overlaps(statedRange, interval);
  return { holds, roundingOnly: holds && !contains(statedRange, computed) };
}

// (a) "JUMLAH" / "Total" rows against the rows above them.
function columnTotals(table: RawTable, covered: Set<number>, tolerance: Tolerance): Finding[] {
  const out: Finding[] = [];
  const columns = summableColumns(table);
  let start = 0;
  table.rows.forEach((row, r) => {
    const label = rowLabelMatching(row, TOTAL_LABEL);
    if (label === undefined) return;
    const itemRows = table.rows.map((_, i) => i).filter((i) => i >= start && i < r && rowLabelMatching(table.rows[i] as Cell[], AVERAGE_LABEL) === undefined && !isNumberingRow(table.rows[i] as Cell[]));
    const items = itemRows.map((i) => table.rows[i] as Cell[]);
    start = r + 1;
    if (items.length === 0) return;
    for (const c of columns) {
      const total = valueOf(row[c]);
      if (total.kind !== 'figure' || covered.has(total.q.position.offset)) continue;
      const values = items.map((item) => valueOf(item[c]));
      if (values.every((v) => v.kind === 'empty')) continue;
      const exact = countColumn(table, c);
      const intervals = values.map((v) => intervalOfCell(v, exact, tolerance));
      if (intervals.some((i) => i === undefined)) continue;
      const computed = values.reduce((acc, v) => acc + pointOfCell(v), 0);
      const verdict = compare(total.q, sum(intervals as Interval[]), computed, tolerance, exact);
      if (verdict.holds && !verdict.roundingOnly) continue;
      if (topLevelHolds(items, values, total.q, exact, tolerance)) continue;
      if (holdsWithThousands(values, total.q)) continue;
      out.push({
        stated: total.q,
        messageId: 'columnTotal',
        data: { label, column: cleanText(table.columns[c] ?? ''), count: items.length },
        computed,
        roundingOnly: verdict.holds,
        fixable: true,
        subject: { detail: `${tableName(table)}: total ${cleanText(table.columns[c] ?? String(c))}` },
        cell: cellKey(table, r, c),
        inputs: itemRows.map((i) => cellKey(table, i, c)),
        total: totalOf('sum', values, exact),
      });
    }
  });
  return out;
}

/**
 * The nesting level of a row of a programme / kegiatan / sub-kegiatan table, from its code
 * ("1", "1.2", "1.02.01") or its first word; undefined when the row shows neither.
 */
function rowLevel(row: Cell[]): number | undefined {
  for (const cell of row) {
    const text = cellText(cell);
    if (text === '') continue;
    const code = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/.exec(text);
    if (code) return (code[1] ?? '').split('.').length;
    if (/^sub[\s-]*kegiatan\b/i.test(text)) return 3;
    if (/^kegiatan\b/i.test(text)) return 2;
    if (/^program\b/i.test(text)) return 1;
    return undefined;
  }
  return undefined;
}

/** "1,150" beside 420 and 380, "1.000" beside 412 and 305: one separator and three digits may group thousands. */
function asThousands(q: Quantity): number {
  return q.decimals === 3 && /^\s*\d{1,3}[.,]\d{3}\s*$/.test(q.raw) ? Math.round(q.value * 1000) : q.value;
}

/**
 * A column of whole numbers where the reader took a thousands separator for a decimal one: the
 * total holds once "1,150" is read as 1150. Only whole numbers are compared, so nothing is lost.
 */
function holdsWithThousands(values: CellValue[], total: Quantity): boolean {
  const figures = values.filter((v): v is { kind: 'figure'; q: Quantity } => v.kind === 'figure').map((v) => v.q);
  const all = [...figures, total];
  if (!all.some((q) => asThousands(q) !== q.value) || !all.every((q) => Number.isInteger(asThousands(q)))) return false;
  return figures.reduce((acc, q) => acc + asThousands(q), 0) === asThousands(total);
}

/**
 * A table that nests kegiatan under their programme states each amount twice: the total is the
 * sum of the top-level rows, not of every row above it.
 */
function topLevelHolds(items: Cell[][], values: CellValue[], stated: Quantity, exact: boolean, tolerance: Tolerance): boolean {
  const levels = items.map(rowLevel);
  const known = levels.filter((l): l is number => l !== undefined);
  if (known.length < items.length / 2 || new Set(known).size < 2) return false;
  const top = Math.min(...known);
  const chosen = values.filter((_, i) => levels[i] === top);
  const intervals = chosen.map((v) => intervalOfCell(v, exact, tolerance));
  if (chosen.length === 0 || intervals.some((i) => i === undefined)) return false;
  const computed = chosen.reduce((acc, v) => acc + pointOfCell(v), 0);
  return compare(stated, sum(intervals as Interval[]), computed, tolerance, exact).holds;
}

// (b) A JML/Jumlah/Total column that adds up columns before it, or a KET (+/-) / Sisa column that is a difference.
type Relation = { kind: 'sum'; columns: number[] } | { kind: 'difference'; columns: [number, number] };

function relationInterval(relation: Relation, row: Cell[], exact: (c: number) => boolean, tolerance: Tolerance): Interval | undefined {
  const parts = relation.columns.map((c) => intervalOfCell(valueOf(row[c]), exact(c), tolerance));
  if (parts.some((p) => p === undefined)) return undefined;
  const [a, b] = parts as Interval[];
  if (relation.kind === 'difference') return a && b ? sub(a, b) : undefined;
  return sum(parts as Interval[]);
}

function relationPoint(relation: Relation, row: Cell[]): number {
  const values = relation.columns.map((c) => pointOfCell(valueOf(row[c])));
  return relation.kind === 'difference' ? (values[0] ?? 0) - (values[1] ?? 0) : values.reduce((a, b) => a + b, 0);
}

function candidateRelations(target: number, before: number[], difference: boolean): Relation[] {
  if (difference) {
    const out: Relation[] = [];
    for (const a of before) for (const b of before) if (a !== b) out.push({ kind: 'difference', columns: [a, b] });
    return out;
  }
  const out: Relation[] = [];
  // Every combination of up to ten columns; wider tables only by contiguous runs, to stay small.
  if (before.length <= 10) {
    for (let mask = 1; mask < 1 << before.length; mask++) {
      const columns = before.filter((_, i) => mask & (1 << i));
      if (columns.length >= 2) out.push({ kind: 'sum', columns });
    }
  } else {
    for (let i = 0; i < before.length; i++) for (let j = i + 1; j < before.length; j++) out.push({ kind: 'sum', columns: before.slice(i, j + 1) });
  }
  return out.filter((r) => !r.columns.includes(target));
}

interface RelationFit {
  relation: Relation;
  holds: number[];
  fails: number[];
}

function fitRelation(table: RawTable, target: number, relation: Relation, exact: (c: number) => boolean, tolerance: Tolerance): RelationFit {
  const holds: number[] = [];
  const fails: number[] = [];
  table.rows.forEach((row, r) => {
    if (averageRow(row)) return;
    const stated = valueOf(row[target]);
    if (stated.kind !== 'figure' || stated.q.ambiguous) return;
    if (relation.columns.every((c) => valueOf(row[c]).kind === 'empty')) return;
    const interval = relationInterval(relation, row, exact, tolerance);
    if (!interval) return;
    const verdict = compare(stated.q, interval, relationPoint(relation, row), tolerance, exact(target));
    (verdict.holds ? holds : fails).push(r);
  });
  return { relation, holds, fails };
}

/**
 * Which columns the derived column is made of, inferred from the rows themselves: the relation
 * that holds in most rows, when it holds in at least two and in more than half of them, and no
 * other relation of the same size holds as often with different failures.
 */
function inferRelation(table: RawTable, target: number, before: number[], difference: boolean, exact: (c: number) => boolean, tolerance: Tolerance): RelationFit | undefined {
  const fits = candidateRelations(target, before, difference).map((relation) => fitRelation(table, target, relation, exact, tolerance));
  const score = (f: RelationFit): number[] => [f.holds.length, -f.relation.columns.length, contiguous(f.relation.columns) ? 1 : 0, Math.max(...f.relation.columns)];
  fits.sort((a, b) => compareScores(score(b), score(a)));
  const best = fits[0];
  if (!best || best.holds.length < 2 || best.holds.length * 2 <= best.holds.length + best.fails.length) return undefined;
  const rival = fits.find((f) => f !== best && f.holds.length === best.holds.length && f.relation.columns.length === best.relation.columns.length && f.fails.join() !== best.fails.join());
  return rival && best.fails.length > 0 ? undefined : best;
}

function contiguous(columns: number[]): boolean {
  return columns.every((c, i) => i === 0 || c === (columns[i - 1] ?? c) + 1);
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function rowRelations(table: RawTable, tolerance: Tolerance): Finding[] {
  const out: Finding[] = [];
  const columns = summableColumns(table).filter((c) => table.rows.filter((row) => valueOf(row[c]).kind === 'figure').length >= 2);
  const counts = new Map<number, boolean>();
  const exact = (c: number) => {
    let count = counts.get(c);
    if (count === undefined) counts.set(c, (count = countColumn(table, c)));
    return count;
  };
  for (const target of columns) {
    const name = cleanText(table.columns[target] ?? '');
    const difference = DIFFERENCE_COLUMN.test(name);
    if (!difference && !SUM_COLUMN.test(name)) continue;
    const before = columns.filter((c) => c < target);
    const fit = inferRelation(table, target, before, difference, exact, tolerance);
    if (!fit) continue;
    const names = fit.relation.columns.map((c) => cleanText(table.columns[c] ?? ''));
    const formula = fit.relation.kind === 'difference' ? `${names[0]} − ${names[1]}` : names.join(' + ');
    for (const r of fit.fails) {
      const row = table.rows[r] as Cell[];
      const stated = (valueOf(row[target]) as { q: Quantity }).q;
      out.push({
        stated,
        messageId: fit.relation.kind === 'difference' ? 'rowDifference' : 'rowSum',
        data: { column: name, row: rowName(row), formula, terms: fit.relation.columns.map((c) => figureOrDash(row[c])).join(fit.relation.kind === 'difference' ? ' − ' : ' + '), rows: fit.holds.length },
        computed: relationPoint(fit.relation, row),
        roundingOnly: false,
        fixable: fit.relation.columns.every((c) => valueOf(row[c]).kind !== 'text'),
        subject: { unit: rowName(row), detail: `${tableName(table)}: ${name}` },
        cell: cellKey(table, r, target),
        inputs: fit.relation.columns.map((c) => cellKey(table, r, c)),
      });
    }
  }
  return out;
}

function figureOrDash(cell: Cell | undefined): string {
  const v = valueOf(cell);
  return v.kind === 'figure' ? said(v.q) : '-';
}

// (c) "Rata-rata" rows against the mean of the rows above them.
function averageRows(table: RawTable, tolerance: Tolerance): Finding[] {
  const out: Finding[] = [];
  const columns = summableColumns(table);
  let start = 0;
  table.rows.forEach((row, r) => {
    if (rowLabelMatching(row, TOTAL_LABEL) !== undefined) start = r + 1;
    const label = rowLabelMatching(row, AVERAGE_LABEL);
    if (label === undefined) return;
    const items = table.rows.slice(start, r);
    start = r + 1;
    if (items.length < 2) return;
    for (const c of columns) {
      const stated = valueOf(row[c]);
      const values = items.map((item) => valueOf(item[c]));
      // A missing figure in a unit row leaves the divisor unknown.
      if (stated.kind !== 'figure' || values.some((v) => v.kind !== 'figure')) continue;
      const intervals = values.map((v) => intervalOfCell(v, false, tolerance));
      if (intervals.some((i) => i === undefined)) continue;
      const interval = mean(intervals as Interval[]) as Interval;
      const computed = values.reduce((acc, v) => acc + pointOfCell(v), 0) / values.length;
      const verdict = compare(stated.q, interval, computed, tolerance, false);
      if (verdict.holds && !verdict.roundingOnly) continue;
      out.push({
        stated: stated.q,
        messageId: 'average',
        data: { label, column: cleanText(table.columns[c] ?? ''), count: items.length },
        computed,
        roundingOnly: verdict.holds,
        fixable: true,
        subject: { detail: `${tableName(table)}: average ${cleanText(table.columns[c] ?? String(c))}` },
        total: totalOf('mean', values, false),
      });
    }
  });
  return out;
}

// (d) Budget lines: percent, remainder, remainder percent, group totals, prose totals against the table total.
function money(q: Quantity): Interval {
  // Rupiah amounts are exact to the rupiah.
  return point(q.value);
}

function budgetArithmetic(doc: LkipDocument, line: BudgetLine, tolerance: Tolerance): Finding[] {
  const out: Finding[] = [];
  const { ceiling, realisation, percent, remainder, remainderPercent } = line;
  if (!ceiling || ceiling.value === 0) return out;
  const subject = (field: string): ReportDescriptor['subject'] => ({ ...(line.unitId ? { unit: doc.units.find((u) => u.id === line.unitId)?.name ?? line.unitId } : {}), detail: `${line.place.kind} ${line.label.slice(0, 40)}: ${field}` });
  const base = { ceiling: said(ceiling), label: line.label.slice(0, 80) };
  const check = (stated: Quantity | undefined, interval: Interval | undefined, computed: number, messageId: string, field: string, data: Record<string, string>, exact: boolean): void => {
    if (!stated || !interval || stated.ambiguous) return;
    const verdict = compare(stated, interval, computed, tolerance, exact);
    if (verdict.holds && !verdict.roundingOnly) return;
    out.push({ stated, messageId, data: { ...base, ...data }, computed, roundingOnly: verdict.holds, fixable: true, subject: subject(field), inputs: [line.id] });
  };
  if (realisation) {
    const share = div(money(realisation), money(ceiling));
    check(percent, share && scale(share, 100), (realisation.value / ceiling.value) * 100, 'budgetPercent', 'percent', { realisation: said(realisation) }, false);
    check(remainder, sub(money(ceiling), money(realisation)), ceiling.value - realisation.value, 'budgetRemainder', 'remainder', { realisation: said(realisation) }, true);
  }
  // The remainder percentage follows the remainder as stated, or ceiling − realisation when none is.
  const leftValue = remainder ? remainder.value : realisation ? ceiling.value - realisation.value : undefined;
  if (leftValue !== undefined) {
    const share = div(point(leftValue), money(ceiling));
    const shown = remainder ? said(remainder) : saidValue(leftValue, 0);
    check(remainderPercent, share && scale(share, 100), (leftValue / ceiling.value) * 100, 'budgetRemainderPercent', 'remainderPercent', { remainder: shown }, false);
  }
  return out;
}

function groupTotals(doc: LkipDocument, tolerance: Tolerance): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, BudgetLine[]>();
  for (const line of doc.budget) groups.set(line.group, [...(groups.get(line.group) ?? []), line]);
  for (const lines of groups.values()) {
    const totals = lines.filter((l) => l.total);
    const items = lines.filter((l) => !l.total);
    if (totals.length !== 1 || items.length === 0) continue;
    const total = totals[0] as BudgetLine;
    for (const field of ['ceiling', 'realisation'] as const) {
      const stated = total[field];
      if (!stated || stated.ambiguous) continue;
      const figures = items.map((l) => l[field]);
      // A line without the figure leaves the sum unknown.
      if (figures.some((q) => !q || q.ambiguous)) continue;
      const computed = (figures as Quantity[]).reduce((acc, q) => acc + q.value, 0);
      const verdict = compare(stated, point(computed), computed, tolerance, true);
      if (verdict.holds) continue;
      out.push({
        stated,
        messageId: field === 'ceiling' ? 'budgetTotalCeiling' : 'budgetTotalRealisation',
        data: { label: total.label.slice(0, 80), count: items.length },
        computed,
        roundingOnly: false,
        fixable: true,
        subject: { detail: `${total.place.kind} ${total.label.slice(0, 40)}: total ${field}` },
        cell: total.id,
      });
    }
  }
  return out;
}

/** "total alokasi anggaran Rp X dengan realisasi Rp Y": prose stating the same ceiling as a table total must state its realisation too. */
function proseAgainstTable(doc: LkipDocument): Finding[] {
  const out: Finding[] = [];
  const tableTotals = doc.budget.filter((l) => l.total && l.place.tableId !== undefined && l.ceiling && l.realisation);
  for (const line of doc.budget) {
    if (!line.total || line.place.tableId !== undefined || !line.ceiling || !line.realisation) continue;
    const reference = tableTotals.find((t) => t.ceiling?.value === line.ceiling?.value);
    if (!reference?.realisation || reference.realisation.value === line.realisation.value) continue;
    out.push({
      stated: line.realisation,
      messageId: 'proseTotal',
      data: { ceiling: said(line.ceiling), other: said(reference.realisation), where: placeNote(doc, reference.place, reference.position.line) },
      computed: reference.realisation.value,
      roundingOnly: false,
      // Either figure may be the wrong one.
      fixable: false,
      subject: { detail: `${line.place.kind} ${line.label.slice(0, 40)}: realisation vs ${reference.place.kind}` },
      related: [{ at: reference.realisation.position, note: placeNote(doc, reference.place, reference.position.line) }],
    });
  }
  return out;
}

// (e) Budget rows of any table read by column role: % = realisasi / pagu × 100, sisa = pagu − realisasi.
interface BudgetColumns {
  ceiling: number;
  spent: number;
  percent?: number;
  remaining?: number;
}

/** The pagu / realisasi / % / sisa columns that go together, by role and year ("Pagu 2024", "Realisasi 2024"). */
function budgetColumns(table: RawTable): BudgetColumns[] {
  const out: BudgetColumns[] = [];
  for (const spent of columnsOf(table, 'spent')) {
    const year = yearOf(table, spent);
    const ceiling = partnerColumn(table, 'ceiling', year);
    if (ceiling === undefined) continue;
    const percent = partnerColumn(table, 'spent-percent', year);
    const remaining = partnerColumn(table, 'remaining', year);
    out.push({ ceiling, spent, ...(percent !== undefined ? { percent } : {}), ...(remaining !== undefined ? { remaining } : {}) });
  }
  return out;
}

function moneyOf(cell: Cell | undefined): Quantity | undefined {
  const q = onlyFigure(cell);
  return q && !q.percent && !q.ambiguous ? q : undefined;
}

/**
 * Every row of a table with pagu and realisasi columns, totals included: a programme's % comes
 * from its own pagu and realisasi (the sums), not from the mean of its sub-rows' percentages.
 * Figures the budget lines already cover are left to (d). `checked` collects the cells examined,
 * so that (b) does not infer the same relation a second time.
 */
function budgetRows(table: RawTable, covered: Set<number>, checked: Set<string>, tolerance: Tolerance): Finding[] {
  const out: Finding[] = [];
  for (const columns of budgetColumns(table)) {
    const header = (c: number) => cleanText(table.columns[c] ?? '');
    table.rows.forEach((row, r) => {
      if (isNumberingRow(row)) return;
      const ceiling = moneyOf(row[columns.ceiling]);
      const spent = moneyOf(row[columns.spent]);
      if (!ceiling || !spent || ceiling.value <= 0) return;
      const inputs = [cellKey(table, r, columns.ceiling), cellKey(table, r, columns.spent)];
      const label = rowName(row).slice(0, 80);
      const base = { label, ceiling: said(ceiling), realisation: said(spent) };
      const subject = (field: string): ReportDescriptor['subject'] => ({ unit: label.slice(0, 40), detail: `${tableName(table)}: ${field}` });
      const percentCell = columns.percent !== undefined ? onlyFigure(row[columns.percent]) : undefined;
      if (percentCell && !percentCell.ambiguous && columns.percent !== undefined && !covered.has(percentCell.position.offset)) {
        checked.add(cellKey(table, r, columns.percent));
        const share = div(money(spent), money(ceiling));
        const computed = (spent.value / ceiling.value) * 100;
        const verdict = share ? compare(percentCell, scale(share, 100), computed, tolerance, false) : undefined;
        if (verdict && !(verdict.holds && !verdict.roundingOnly)) {
          out.push({ stated: percentCell, messageId: 'budgetPercent', data: base, computed, roundingOnly: verdict.holds, fixable: true, subject: subject(header(columns.percent)), cell: cellKey(table, r, columns.percent), inputs });
        }
      }
      const left = columns.remaining !== undefined ? onlyFigure(row[columns.remaining]) : undefined;
      if (left && !left.ambiguous && columns.remaining !== undefined && !covered.has(left.position.offset)) {
        checked.add(cellKey(table, r, columns.remaining));
        if (left.percent || /%|\bpersen/i.test(header(columns.remaining))) {
          // "Sisa (%)": the share of the pagu left unspent.
          const share = div(sub(money(ceiling), money(spent)), money(ceiling));
          const computed = ((ceiling.value - spent.value) / ceiling.value) * 100;
          const verdict = share ? compare(left, scale(share, 100), computed, tolerance, false) : undefined;
          if (verdict && !(verdict.holds && !verdict.roundingOnly)) {
            out.push({ stated: left, messageId: 'budgetRemainderPercent', data: { ...base, remainder: saidValue(ceiling.value - spent.value, ceiling.decimals) }, computed, roundingOnly: verdict.holds, fixable: true, subject: subject(header(columns.remaining)), cell: cellKey(table, r, columns.remaining), inputs });
          }
        } else {
          const computed = ceiling.value - spent.value;
          // A remainder written without its minus sign when the realisation exceeds the pagu is still the same amount.
          const verdict = compare(left, point(computed), computed, tolerance, true);
          const unsigned = computed < 0 && left.value > 0 && compare(left, point(-computed), -computed, tolerance, true).holds;
          if (!verdict.holds && !unsigned) {
            out.push({ stated: left, messageId: 'budgetRemainder', data: base, computed, roundingOnly: false, fixable: true, subject: subject(header(columns.remaining)), cell: cellKey(table, r, columns.remaining), inputs });
          }
        }
      }
    });
  }
  return out;
}

function budgetCovered(doc: LkipDocument): Set<number> {
  const covered = new Set<number>();
  for (const line of doc.budget) {
    for (const q of [line.ceiling, line.realisation, line.percent, line.remainder, line.remainderPercent]) if (q) covered.add(q.position.offset);
  }
  return covered;
}

// ---------------------------------------------------------------------------------------------

function reportFinding(finding: Finding, report: (d: ReportDescriptor) => void): void {
  const { stated } = finding;
  const decimals = stated.decimals;
  const computed = formatLike(roundTo(finding.computed, decimals), decimals, stated);
  const data = { ...finding.data, stated: said(stated), computed: saidValue(roundTo(finding.computed, decimals), decimals) };
  const edit = { at: stated.position, text: replaceNumber(stated, roundTo(finding.computed, decimals), decimals) };
  const percent = finding.messageId === 'budgetPercent' || finding.messageId === 'budgetRemainderPercent';
  // A budget share moved across 100 % by a fix tells another story: see the engine's fix-safety.
  const evidence: FindingEvidence = {
    stated: figureOf(stated),
    expected: computedFigure(edit.text, roundTo(finding.computed, decimals), decimals),
    basis: 'derived',
    role: percent ? 'percent' : 'other',
    ...(finding.total ? { derivation: finding.total } : {}),
  };
  if (finding.roundingOnly) {
    report({ at: stated.position, messageId: 'holdsByRounding', data, level: 'rounding', ...(finding.subject ? { subject: finding.subject } : {}) });
    return;
  }
  report({
    at: stated.position,
    messageId: finding.messageId,
    data,
    ...(finding.fixable ? { fix: edit } : { suggestions: [{ messageId: 'replace', data: { computed }, fix: edit }] }),
    ...(finding.related ? { related: finding.related } : {}),
    ...(finding.subject ? { subject: finding.subject } : {}),
    evidence,
  });
}

export default defineRule({
  meta: {
    id: 'aggregate-mismatch',
    family: 'aggregate',
    defaultSeverity: 'error',
    fixable: true,
    // A figure whose inputs are not certain gets a suggestion instead of a fix.
    hasSuggestions: true,
    docs: {
      description: 'Totals, row sums, differences, averages and budget percentages must agree with the figures they are computed from',
      descriptionId: 'Jumlah, total baris, selisih, rata-rata dan persentase anggaran harus sesuai dengan angka asalnya',
    },
    messages: {
      columnTotal: {
        en: '{label} of column "{column}" is {stated}, but the {count} rows above it add up to {computed}.',
        id: '{label} kolom "{column}" tertulis {stated}, padahal {count} baris di atasnya berjumlah {computed}.',
      },
      rowSum: {
        en: 'Row "{row}": column "{column}" is {stated}, but {formula} = {terms} = {computed} (the relation holds in {rows} other rows).',
        id: 'Baris "{row}": kolom "{column}" tertulis {stated}, padahal {formula} = {terms} = {computed} (hubungan ini berlaku di {rows} baris lain).',
      },
      rowDifference: {
        en: 'Row "{row}": column "{column}" is {stated}, but {formula} = {terms} = {computed} (the relation holds in {rows} other rows).',
        id: 'Baris "{row}": kolom "{column}" tertulis {stated}, padahal {formula} = {terms} = {computed} (hubungan ini berlaku di {rows} baris lain).',
      },
      average: {
        en: '{label} of column "{column}" is {stated}, but the mean of the {count} rows above it is {computed}.',
        id: '{label} kolom "{column}" tertulis {stated}, padahal rata-rata {count} baris di atasnya {computed}.',
      },
      budgetPercent: {
        en: 'Budget "{label}": realisation {realisation} / ceiling {ceiling} × 100 % = {computed}, not {stated}.',
        id: 'Anggaran "{label}": realisasi {realisation} / pagu {ceiling} × 100 % = {computed}, bukan {stated}.',
      },
      budgetRemainder: {
        en: 'Budget "{label}": the remainder is ceiling {ceiling} − realisation {realisation} = {computed}, not {stated}.',
        id: 'Anggaran "{label}": sisa anggaran adalah pagu {ceiling} − realisasi {realisation} = {computed}, bukan {stated}.',
      },
      budgetRemainderPercent: {
        en: 'Budget "{label}": remainder {remainder} / ceiling {ceiling} × 100 % = {computed}, not {stated}.',
        id: 'Anggaran "{label}": sisa {remainder} / pagu {ceiling} × 100 % = {computed}, bukan {stated}.',
      },
      budgetTotalCeiling: {
        en: '{label}: the total ceiling is {stated}, but the {count} lines of the list add up to {computed}.',
        id: '{label}: total pagu tertulis {stated}, padahal {count} baris daftar berjumlah {computed}.',
      },
      budgetTotalRealisation: {
        en: '{label}: the total realisation is {stated}, but the {count} lines of the list add up to {computed}.',
        id: '{label}: total realisasi tertulis {stated}, padahal {count} baris daftar berjumlah {computed}.',
      },
      proseTotal: {
        en: 'Realisation {stated} for the ceiling {ceiling} differs from the realisation {other} stated for the same ceiling in {where}.',
        id: 'Realisasi {stated} untuk pagu {ceiling} berbeda dengan realisasi {other} untuk pagu yang sama di {where}.',
      },
      holdsByRounding: {
        en: '{stated} holds only thanks to the rounding of the figures it is computed from; as written they give {computed}.',
        id: '{stated} hanya cocok karena pembulatan angka asalnya; sebagaimana tertulis hasilnya {computed}.',
      },
      replace: {
        en: 'Write {computed}',
        id: 'Tulis {computed}',
      },
    },
  },
  check(doc, context) {
    const { tolerance } = context;
    const covered = budgetCovered(doc);
    const checked = new Set<string>();
    const budgetRowFindings = doc.tables.flatMap((table) => budgetRows(table, covered, checked, tolerance));
    // A sisa column the roles already tie to its pagu and realisasi is not inferred again.
    const relations = [...doc.tables.flatMap((table) => rowRelations(table, tolerance)).filter((f) => !checked.has(f.cell ?? '')), ...budgetRowFindings];
    const totals = doc.tables.flatMap((table) => columnTotals(table, covered, tolerance));
    const groups = groupTotals(doc, tolerance);
    const budget = doc.budget.flatMap((line) => budgetArithmetic(doc, line, tolerance));
    const averages = doc.tables.flatMap((table) => averageRows(table, tolerance));
    const findings = [...withoutConsequences(relations, totals), ...withoutConsequences([], groups.concat(budget)), ...averages, ...proseAgainstTable(doc)];
    // A row named by an office's other spelling is that office (see unitOrLabel).
    const report = (d: ReportDescriptor) => context.report(d.subject?.unit ? { ...d, subject: { ...d.subject, unit: unitOrLabel(doc, d.subject.unit) } } : d);
    for (const finding of findings) reportFinding(finding, report);
  },
});

/**
 * One wrong figure breaks every sum it enters: a wrong JML makes KET (+/-) and the JUMLAH row
 * look wrong too. Only the figure whose own inputs are sound is reported; the others follow
 * from it and would send the editor to fix figures that are right.
 */
function withoutConsequences(relations: Finding[], totals: Finding[]): Finding[] {
  const errors = (list: Finding[]): Finding[] => list.filter((f) => !f.roundingOnly);
  const wrongRelationCells = new Set(errors(relations).map((f) => f.cell));
  const keptTotals = totals.filter((f) => f.roundingOnly || !(f.inputs ?? []).some((k) => wrongRelationCells.has(k) || errors(totals).some((t) => t !== f && t.cell === k)));
  const totalCells = new Set(errors(keptTotals).map((f) => f.cell));
  // A row figure computed from a wrong total (a programme's % from its wrong pagu total) follows from that total.
  const keptRelations = relations.filter((f) => f.roundingOnly || (!(f.inputs ?? []).some((k) => wrongRelationCells.has(k) || totalCells.has(k)) && !totalCells.has(f.cell)));
  return [...keptRelations, ...keptTotals];
}
