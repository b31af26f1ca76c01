import { contains, defineRule, overlaps, sum, type Interval, type Tolerance } from '@lkip/engine';
import type { Cell, LkipDocument, Quantity, RawTable } from '@lkip/schema';
import { formatLike, replaceNumber, unitOrLabel } from './support/describe.js';
import { figureText } from './support/figures.js';

/**
 * component-total: a small table of parts and their total with no "Jumlah" anywhere —
 * "Pengungkit | Hasil | Nilai ZI", "Komponen A | Komponen B | Nilai Akhir". aggregate-mismatch
 * checks totals that say "Jumlah"/"Total"; here the last figure column is a total only when the
 * table itself shows it: most rows add up, or (one row) the stated total misses the sum by a
 * slip. A table whose total lies between its parts averages them and is left alone, and so is a
 * table a stated formula covers (formula-mismatch's).
 */

const TOTAL_HEADER = /\b(?:nilai|total|jumlah|skor|indeks|hasil\s+akhir|akumulasi)\b/i;
// Parts are not targets, realisations, shares, weights or years.
const NOT_A_PART = /\b(?:target|realisasi|capaian|%|persen|bobot|konversi|satuan|tahun|19\d{2}|20\d{2})\b|%/i;
const NUMERIC_TEXT = /^\d+(?:[.,]\d+)?$/;
const isNumeric = (text: string): boolean => NUMERIC_TEXT.test(text.trim());
// A slip: the total misses the sum by a little (a digit mistyped, a part changed and the total not).
const SLIP = 0.06;

interface Layout {
  parts: number[];
  total: number;
}

function figure(cell: Cell | undefined): Quantity | undefined {
  if (!cell || !isNumeric(cell.text) || cell.quantities.length !== 1) return undefined;
  const q = cell.quantities[0];
  return q && !q.ambiguous && !q.percent ? q : undefined;
}

/** The last figure column, with the two to four figure columns right before it as its parts. */
function layoutOf(table: RawTable): Layout | undefined {
  const numeric = (c: number) => table.rows.length > 0 && table.rows.every((row) => figure(row[c]) !== undefined);
  const columns = table.columns.map((_, c) => c).filter(numeric);
  const total = columns[columns.length - 1];
  if (total === undefined || !TOTAL_HEADER.test(table.columns[total] ?? '') || NOT_A_PART.test(table.columns[total] ?? '')) return undefined;
  const parts: number[] = [];
  for (let c = total - 1; c >= 0 && columns.includes(c); c--) parts.unshift(c);
  if (parts.length < 2 || parts.length > 4 || parts.some((c) => NOT_A_PART.test(table.columns[c] ?? ''))) return undefined;
  return { parts, total };
}

interface RowCheck {
  row: number;
  stated: Quantity;
  terms: Quantity[];
  computed: number;
  holds: boolean;
  between: boolean;
}

function checkRow(table: RawTable, r: number, layout: Layout, tolerance: Tolerance): RowCheck | undefined {
  const row = table.rows[r] ?? [];
  const stated = figure(row[layout.total]);
  const terms = layout.parts.map((c) => figure(row[c]));
  if (!stated || terms.some((t) => t === undefined)) return undefined;
  const qs = terms as Quantity[];
  const interval: Interval = sum(qs.map((q) => tolerance.of(q)));
  const computed = qs.reduce((s, q) => s + q.value, 0);
  const values = qs.map((q) => q.value);
  return {
    row: r,
    stated,
    terms: qs,
    computed,
    holds: overlaps(interval, tolerance.of(stated)) || contains(tolerance.of(stated), computed),
    between: stated.value >= Math.min(...values) && stated.value <= Math.max(...values),
  };
}

function coveredByFormula(doc: LkipDocument, table: RawTable, column: number): boolean {
  return doc.formulas.some((f) => f.applications.some((a) => a.tableId === table.id && (a.resultColumn === column || a.termColumns.includes(column))));
}

function rowName(row: Cell[] | undefined): string {
  return (row ?? []).map((c) => c.text.trim()).find((t) => t.length > 0 && !/^\d+[.)]?$/.test(t) && !isNumeric(t)) ?? '';
}

export default defineRule({
  meta: {
    id: 'component-total',
    family: 'aggregate',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'In a small table of components and their total ("Pengungkit | Hasil | Nilai"), the total must be the sum of the components',
      descriptionId: 'Pada tabel kecil komponen dan totalnya ("Pengungkit | Hasil | Nilai"), totalnya harus jumlah komponen-komponennya',
    },
    messages: {
      notTheSum: {
        en: '{total} of {row}: {terms} make {computed}, but the table states {stated}.',
        id: '{total} {row}: {terms} berjumlah {computed}, tetapi tabel menyatakan {stated}.',
      },
      notTheSumRows: {
        en: '{total} of {row}: {terms} make {computed}, but the table states {stated}; in {rows} other rows the total is the sum of the components (line {line}).',
        id: '{total} {row}: {terms} berjumlah {computed}, tetapi tabel menyatakan {stated}; pada {rows} baris lain totalnya jumlah komponennya (baris {line}).',
      },
      replace: {
        en: 'Write {computed}, the sum of the components',
        id: 'Tulis {computed}, jumlah komponennya',
      },
    },
  },
  check(doc, context) {
    for (const table of doc.tables) {
      const layout = layoutOf(table);
      if (!layout || coveredByFormula(doc, table, layout.total)) continue;
      const checks = table.rows.map((_, r) => checkRow(table, r, layout, context.tolerance)).filter((c): c is RowCheck => c !== undefined);
      if (checks.length === 0 || checks.some((c) => c.between)) continue;
      const holding = checks.filter((c) => c.holds);
      const failing = checks.filter((c) => !c.holds);
      const bySlip = (c: RowCheck) => Math.abs(c.stated.value - c.computed) <= SLIP * c.computed && c.stated.value > Math.max(...c.terms.map((t) => t.value));
      // Most rows add up; or a single row whose total misses the sum by a slip.
      const evidence = holding.length >= 1 && holding.length > failing.length ? 'rows' : checks.length === 1 && failing.every(bySlip) ? 'slip' : undefined;
      if (!evidence) continue;
      const names = layout.parts.map((c) => (table.columns[c] ?? '').trim());
      const totalName = (table.columns[layout.total] ?? '').trim();
      for (const c of failing) {
        const computed = formatLike(c.computed, c.stated.decimals, c.stated);
        context.report({
          at: c.stated.position,
          messageId: evidence === 'rows' ? 'notTheSumRows' : 'notTheSum',
          data: {
            total: totalName,
            row: rowName(table.rows[c.row]),
            terms: c.terms.map((t, i) => `${names[i]} ${figureText(t)}`).join(' + '),
            computed,
            stated: figureText(c.stated),
            ...(evidence === 'rows' ? { rows: holding.length, line: holding[0]?.stated.position.line ?? 0 } : {}),
          },
          suggestions: [{ messageId: 'replace', data: { computed }, fix: { at: c.stated.position, text: replaceNumber(c.stated, c.computed, c.stated.decimals) } }],
          subject: { unit: unitOrLabel(doc, rowName(table.rows[c.row])), detail: `${totalName}: ${names.join(' + ')}` },
        });
      }
    }
  },
});
