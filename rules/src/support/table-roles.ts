/**
 * Reading table rows by column role (target, realisasi, capaian, pagu, tahun N …) and cell
 * figures only, so that the checks that need no Perjanjian Kinerja run on every layout the reader
 * knows (tab, pipe, HTML, aligned, one cell per line, flat rows).
 */
import type { Cell, ColumnRole, Quantity, RawTable } from '@lkip/schema';
import { perObject } from './memo.js';

export function cleanText(text: string): string {
  return text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[*_]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/:\s*$/, '')
    .trim();
}

/** The columns of a role, left to right; none when the reader gave the table no roles. */
export function columnsOf(table: RawTable, role: ColumnRole): number[] {
  const out: number[] = [];
  (table.roles ?? []).forEach((r, c) => {
    if (r === role) out.push(c);
  });
  return out;
}

export function yearOf(table: RawTable, column: number): number | null {
  return table.years?.[column] ?? null;
}

/** A cell holding nothing: empty, or a dash. */
export function isBlank(cell: Cell | undefined): boolean {
  const text = cleanText(cell?.text ?? '');
  return text === '' || /^[-–—]+$/.test(text);
}

/**
 * The one figure a cell states: "95,5 %", "3 Berkas Perkara", "Rp 1.250.000". Undefined for a
 * cell with no figure, with several ("75 (Baik)", "3 dari 4"), a bound ("≥ 80"), or a figure in a
 * sentence (a label that happens to hold a number).
 */
export function onlyFigure(cell: Cell | undefined): Quantity | undefined {
  if (!cell || cell.quantities.length !== 1) return undefined;
  const q = cell.quantities[0];
  if (!q || q.bound) return undefined;
  const rest = cleanText(cell.text).replace(q.raw.trim(), '').replace(/[^\p{L}]/gu, '');
  return rest.length <= 24 ? q : undefined;
}

const LABEL_ROLES: readonly ColumnRole[] = ['indicator', 'label', 'unit', 'goal'];

/** What a row is about, as its cells say: the indicator, label, office or goal cell, else its first text cell. */
export function rowLabel(table: RawTable, row: Cell[]): string {
  for (const role of LABEL_ROLES) {
    for (const c of columnsOf(table, role)) {
      const text = cleanText(row[c]?.text ?? '');
      if (text.length > 0 && !/^[-–—]+$/.test(text)) return text;
    }
  }
  return row.map((c) => cleanText(c.text)).find((t) => t.length > 0 && !/^[\d.,)(%\s-]+$/.test(t)) ?? '';
}

/** A short label for messages. */
export function shortLabel(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** What names a table in a fingerprint: its caption or its header, which survive edits elsewhere (its id does not). */
export function tableName(table: RawTable): string {
  return cleanText(table.caption ?? table.columns.join(' | ')).slice(0, 60);
}

const TOTAL_OR_AVERAGE = /^(?:(?:jumlah|total|sub\s*total|grand\s+total)(?:\s+(?:total|keseluruhan|seluruhnya|akhir))?$|rata[-\s]?rata\b|rerata\b)/i;

/** "Jumlah", "Total", "Rata-rata" rows: their figures are computed from other rows. */
export function isSummaryRow(row: Cell[]): boolean {
  return row.some((c) => TOTAL_OR_AVERAGE.test(cleanText(c.text)));
}

/**
 * The one column of `role` that goes with a column about `year`: same year when the headers give
 * one, else the only column of the role without a year (or the only one of the role at all).
 */
export function partnerColumn(table: RawTable, role: ColumnRole, year: number | null): number | undefined {
  const all = columnsOf(table, role);
  if (year !== null) {
    const same = all.filter((c) => yearOf(table, c) === year);
    if (same.length === 1) return same[0];
    if (same.length > 1) return undefined;
  }
  const without = all.filter((c) => yearOf(table, c) === null);
  if (without.length === 1) return without[0];
  return all.length === 1 ? all[0] : undefined;
}

/**
 * A row that numbers the columns ("1 2 3 4 5 = 4/3 6 = 3-4", "(1) (2) (3)"), as converted
 * budget and performance tables repeat under their header: no figure of it is a statement.
 * Several rules ask it of every row of every table: answered once per row.
 */
export const isNumberingRow: (row: Cell[]) => boolean = perObject(readNumberingRow);

function readNumberingRow(row: Cell[]): boolean {
  // The first cell that is no column number settles it: the rest of the row is not cleaned.
  const numbers: number[] = [];
  for (const cell of row) {
    const text = cleanText(cell.text);
    if (text.length === 0) continue;
    const m = /^\(?(\d{1,2})\)?(?:\s*=\s*[\d()+\-−x×*/:\s]+)?$/.exec(text);
    if (!m) return false;
    numbers.push(Number(m[1]));
  }
  if (numbers.length < 2) return false;
  return numbers.every((n, i) => i === 0 || n > (numbers[i - 1] ?? 0));
}
