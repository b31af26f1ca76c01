import { contains, defineRule, div, overlaps, point, roundTo, scale, sub, type Interval, type Tolerance } from '@lkip/engine';
import type { Cell, ColumnRole, Quantity, RawTable } from '@lkip/schema';
import { formatLike, replaceNumber, said, saidValue, unitOrLabel } from './support/describe.js';
import { computedFigure, figureOf } from './support/evidence.js';
import { cleanText, columnsOf, isNumberingRow, onlyFigure, rowLabel, shortLabel, tableName } from './support/table-roles.js';

/**
 * A "Perubahan" / "Kenaikan/Penurunan" / "Pertumbuhan" column beside columns of years: each row's
 * change must be (N − N−1) / N−1 × 100 when it is a percentage, or N − N−1 when it is an amount.
 */

type Reading = 'relative' | 'absolute';
type Verdict = 'holds' | 'rounding' | 'mismatch';

interface YearPair {
  /** The later year's column and the earlier one's. */
  later: number;
  earlier: number;
  laterYear: number;
  earlierYear: number;
}

interface ChangeRow {
  row: number;
  cells: Cell[];
  stated: Quantity;
  later: Quantity;
  earlier: Quantity;
  verdicts: Record<Reading, { verdict: Verdict; computed: number } | undefined>;
}

/** Roles whose columns can be a series of years, in the order they are preferred. */
const SERIES_ROLES: readonly ColumnRole[] = ['year', 'realisation', 'achievement', 'score', 'target'];

const YEAR = /(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d.,])/g;

function yearColumns(table: RawTable): { column: number; year: number }[] {
  for (const role of SERIES_ROLES) {
    const columns = columnsOf(table, role)
      .map((column) => ({ column, year: table.years?.[column] ?? null }))
      .filter((c): c is { column: number; year: number } => c.year !== null);
    if (new Set(columns.map((c) => c.year)).size >= 2 && new Set(columns.map((c) => c.year)).size === columns.length) return columns;
  }
  return [];
}

/**
 * The two years a change column compares: the two its header names ("Perubahan 2023–2024"), else
 * the latest year and the one before it.
 */
function pairFor(table: RawTable, change: number, series: { column: number; year: number }[]): YearPair | undefined {
  const named = [...new Set([...(table.columns[change] ?? '').matchAll(YEAR)].map((m) => Number(m[1])))];
  let years: number[];
  if (named.length === 2) years = named.sort((a, b) => b - a);
  else {
    const all = [...new Set(series.map((s) => s.year))].sort((a, b) => b - a);
    years = all.slice(0, 2);
  }
  const [laterYear, earlierYear] = years;
  const later = series.find((s) => s.year === laterYear);
  const earlier = series.find((s) => s.year === earlierYear);
  if (!later || !earlier || laterYear === undefined || earlierYear === undefined) return undefined;
  return { later: later.column, earlier: earlier.column, laterYear, earlierYear };
}

/** A column of whole numbers counts things: its figures are exact. */
function wholeColumn(table: RawTable, column: number): boolean {
  return table.rows.every((row) => {
    const q = onlyFigure(row[column]);
    return !q || q.decimals === 0;
  });
}

function judge(stated: Quantity, interval: Interval | undefined, exact: number | undefined, tolerance: Tolerance, unsignedDecrease: boolean): { verdict: Verdict; computed: number } | undefined {
  if (!interval || exact === undefined || !Number.isFinite(exact)) return undefined;
  const range = tolerance.of(stated);
  const signed = (v: Verdict) => ({ verdict: v, computed: exact });
  if (contains(range, exact)) return signed('holds');
  // "Kenaikan/Penurunan 5,2" under a decrease: a header that names the direction lets the column give the size only.
  if (unsignedDecrease && stated.value >= 0 && !/[-–−]/.test(stated.raw) && exact < 0) {
    const flipped = tolerance.of({ value: -stated.value, decimals: stated.decimals });
    if (contains(flipped, exact)) return signed('holds');
    if (overlaps(flipped, interval)) return signed('rounding');
  }
  return signed(overlaps(range, interval) ? 'rounding' : 'mismatch');
}

function changeRows(table: RawTable, change: number, pair: YearPair, tolerance: Tolerance): ChangeRow[] {
  const unsignedDecrease = /penurunan|\bturun\b|berkurang/i.test(table.columns[change] ?? '');
  const exactLater = wholeColumn(table, pair.later);
  const exactEarlier = wholeColumn(table, pair.earlier);
  const out: ChangeRow[] = [];
  table.rows.forEach((cells, r) => {
    if (isNumberingRow(cells)) return;
    const stated = onlyFigure(cells[change]);
    const later = onlyFigure(cells[pair.later]);
    const earlier = onlyFigure(cells[pair.earlier]);
    if (!stated || !later || !earlier || stated.ambiguous || later.ambiguous || earlier.ambiguous) return;
    // Two whole numbers of things in one row (42 and 45 posyandu) are exact, even in a column that also holds kilometres.
    const counts = later.decimals === 0 && earlier.decimals === 0 && !later.percent && !earlier.percent;
    const n = exactLater || counts ? point(later.value) : tolerance.of(later);
    const p = exactEarlier || counts ? point(earlier.value) : tolerance.of(earlier);
    const ratio = earlier.value === 0 ? undefined : div(n, p);
    const relative = judge(stated, ratio && scale(sub(ratio, point(1)), 100), earlier.value === 0 ? undefined : ((later.value - earlier.value) / earlier.value) * 100, tolerance, unsignedDecrease);
    const absolute = judge(stated, sub(n, p), later.value - earlier.value, tolerance, unsignedDecrease);
    out.push({ row: r, cells, stated, later, earlier, verdicts: { relative, absolute } });
  });
  return out;
}

const fits = (v: { verdict: Verdict } | undefined) => v !== undefined && v.verdict !== 'mismatch';

/**
 * Which reading the column uses. A "%" in the header or the cells means a percentage change,
 * unless the compared figures are percentages themselves (then a change in points is as likely).
 * Otherwise the rows decide: the reading that every row fits, or that fits at least two rows,
 * more than half of them and more than the other reading does. Undefined when neither is certain.
 */
function readingOf(table: RawTable, change: number, pair: YearPair, rows: ChangeRow[]): { reading: Reading; certain: boolean } | undefined {
  const header = cleanText(table.columns[change] ?? '');
  const percentChange = /%|\bpersen/i.test(header) || (rows.length > 0 && rows.every((r) => r.stated.percent));
  const percentValues =
    [pair.later, pair.earlier].some((c) => /%|\bpersen/i.test(table.columns[c] ?? '')) || rows.some((r) => r.later.percent || r.earlier.percent);
  if (percentChange && !percentValues) return { reading: 'relative', certain: true };
  const count = (reading: Reading) => rows.filter((r) => fits(r.verdicts[reading])).length;
  const relative = count('relative');
  const absolute = count('absolute');
  if (rows.length === 0) return undefined;
  if (relative === rows.length && absolute < rows.length) return { reading: 'relative', certain: false };
  if (absolute === rows.length && relative < rows.length) return { reading: 'absolute', certain: false };
  for (const [reading, mine, other] of [
    ['relative', relative, absolute],
    ['absolute', absolute, relative],
  ] as const) {
    if (mine >= 2 && mine * 2 > rows.length && mine > other) return { reading, certain: false };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'change-mismatch',
    family: 'aggregate',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    docs: {
      description: 'A change column (perubahan, kenaikan/penurunan) must be (N − N−1) / N−1 × 100, or N − N−1 for amounts, of the year columns it compares',
      descriptionId: 'Kolom perubahan (kenaikan/penurunan) harus sama dengan (N − N−1) / N−1 × 100, atau N − N−1 untuk besaran, dari kolom tahun yang dibandingkan',
    },
    messages: {
      relative: {
        en: 'Row "{row}": the change {laterYear} against {earlierYear} is written {stated}, but ({later} − {earlier}) / {earlier} × 100 % = {computed} %.',
        id: 'Baris "{row}": perubahan {laterYear} terhadap {earlierYear} tertulis {stated}, padahal ({later} − {earlier}) / {earlier} × 100 % = {computed} %.',
      },
      absolute: {
        en: 'Row "{row}": the change {laterYear} against {earlierYear} is written {stated}, but {later} − {earlier} = {computed}.',
        id: 'Baris "{row}": perubahan {laterYear} terhadap {earlierYear} tertulis {stated}, padahal {later} − {earlier} = {computed}.',
      },
      holdsByRounding: {
        en: 'Row "{row}": the change {stated} holds only thanks to the rounding of {later} and {earlier}; as written they give {computed}.',
        id: 'Baris "{row}": perubahan {stated} hanya cocok karena pembulatan {later} dan {earlier}; sebagaimana tertulis hasilnya {computed}.',
      },
      replace: {
        en: 'Write {computed}',
        id: 'Tulis {computed}',
      },
    },
  },
  check(doc, context) {
    for (const table of doc.tables) {
      const changes = columnsOf(table, 'change');
      if (changes.length === 0) continue;
      const series = yearColumns(table);
      if (series.length < 2) continue;
      for (const change of changes) {
        const pair = pairFor(table, change, series);
        if (!pair) continue;
        const rows = changeRows(table, change, pair, context.tolerance);
        const chosen = readingOf(table, change, pair, rows);
        if (!chosen) continue;
        for (const row of rows) {
          const result = row.verdicts[chosen.reading];
          if (!result || result.verdict === 'holds') continue;
          const { stated } = row;
          const decimals = stated.decimals;
          const computed = formatLike(roundTo(result.computed, decimals), decimals, stated);
          const data = {
            row: shortLabel(rowLabel(table, row.cells) || `#${row.row + 1}`, 40),
            column: cleanText(table.columns[change] ?? ''),
            stated: said(stated),
            later: said(row.later),
            earlier: said(row.earlier),
            laterYear: pair.laterYear,
            earlierYear: pair.earlierYear,
            computed: saidValue(roundTo(result.computed, decimals), decimals),
          };
          const subject = { unit: unitOrLabel(doc, shortLabel(rowLabel(table, row.cells), 40)), detail: `${tableName(table)}: ${data.column}` };
          if (result.verdict === 'rounding') {
            context.report({ at: stated.position, messageId: 'holdsByRounding', data, level: 'rounding', subject });
            continue;
          }
          const edit = { at: stated.position, text: replaceNumber(stated, roundTo(result.computed, decimals), decimals) };
          context.report({
            at: stated.position,
            messageId: chosen.reading,
            data,
            // A decrease written without its sign ("Penurunan 5,2") may want the sign or not: the editor decides.
            ...(chosen.certain && !(result.computed < 0 && stated.value >= 0) ? { fix: edit } : { suggestions: [{ messageId: 'replace', data: { computed }, fix: edit }] }),
            subject,
            // Computed from the two year columns; a change column wrong in most rows was computed another way, one problem.
            evidence: {
              stated: figureOf(stated),
              expected: computedFigure(edit.text, roundTo(result.computed, decimals), decimals),
              basis: 'derived',
              role: chosen.reading === 'relative' ? 'percent' : 'other',
              column: { key: `${table.id}:${change}`, checked: rows.length },
            },
          });
        }
      }
    }
  },
});
