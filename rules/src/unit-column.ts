import { defineRule, lineRef } from '@lkip/engine';
import type { Cell, LkipDocument, Measurement, RawTable } from '@lkip/schema';
import { clip, indicatorShort } from './support/describe.js';
import { perDocument } from './support/memo.js';

/**
 * unit-column: a SATUAN column filled with one unit for every row ("Persen", copied down), while
 * the rows' indicators are measured in Indeks, Kab/Kota, Orang or Lembaga — in the row's own
 * target and realisation cells, or in the PK. One finding per table, at the first row that
 * disagrees, naming the rows and their units.
 */

const PERCENT = /^(?:%|persen|prosen|persentase)$/;

/** One spelling per unit: "Kab/ Kota", "Kabupaten/Kota", "Kab/Kot" are one; "%", "persen" are one. */
export function unitKey(text: string): string | undefined {
  const t = text.toLowerCase().replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();
  if (t === '' || /^[-–—]+$/.test(t)) return undefined;
  const letters = t.replace(/[^\p{L}%/ ]/gu, '').trim();
  if (PERCENT.test(letters) || nearlySame(letters, 'persen')) return '%';
  if (/\bkab\w*\s*\/\s*kot/.test(letters)) return 'kab/kota';
  const words = letters.split(/[\s/]+/).filter((w) => w.length > 0);
  return words.length > 0 ? words.join(' ') : undefined;
}

/** One substitution, insertion or deletion apart ("Person" for "Persen"): a typo of the same unit. */
function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const tail = (x: string, k: number) => x.slice(k);
  return tail(a, i + 1) === tail(b, i + 1) || tail(a, i + 1) === tail(b, i) || tail(a, i) === tail(b, i + 1);
}

interface RowUnit {
  row: number;
  cell: Cell;
  /** The unit the row's own figures or its indicator are measured in. */
  measured: string;
  measuredText: string;
  indicatorId?: string;
}

/** The first measurement of each table row: looked up once per document, not once per row. */
const rowMeasurements = perDocument((doc: LkipDocument): ReadonlyMap<string, Measurement> => {
  const out = new Map<string, Measurement>();
  for (const m of doc.measurements) {
    const key = `${m.place.tableId}\u0000${m.place.row}`;
    if (m.place.tableId !== undefined && !out.has(key)) out.set(key, m);
  }
  return out;
});

function measuredUnit(doc: LkipDocument, table: RawTable, r: number): { key: string; text: string; indicatorId?: string } | undefined {
  const row = table.rows[r] ?? [];
  const roles = table.roles ?? [];
  // The row's target and realisation, and a unit written in the cell after one of them ("89 | Indeks").
  for (const [c, role] of roles.entries()) {
    if (role !== 'target' && role !== 'realisation') continue;
    const cell = row[c];
    const q = cell?.quantities.length === 1 ? cell.quantities[0] : undefined;
    // "12 Desa": the words after the figure, when the number reader left them.
    const rest = q && cell ? cell.text.replace(q.raw, '').trim() : '';
    const words = /^[\p{L}][\p{L}/ .]{0,24}$/u.test(rest) ? rest : undefined;
    const text = q?.percent || /%/.test(q?.raw ?? '') ? '%' : (q?.unit ?? words);
    const next = roles[c + 1] === 'other' ? row[c + 1]?.text.trim() : undefined;
    const written = text ?? (next && next.length <= 20 && !/\d/.test(next) ? next : undefined);
    const key = written ? unitKey(written) : undefined;
    if (key && written) return { key, text: written };
  }
  const m = rowMeasurements(doc).get(`${table.id}\u0000${r}`);
  const indicator = doc.indicators.find((i) => i.id === m?.indicatorId);
  const key = indicator?.unitOfMeasure ? unitKey(indicator.unitOfMeasure) : undefined;
  return key && indicator?.unitOfMeasure ? { key, text: indicator.unitOfMeasure, indicatorId: indicator.id } : undefined;
}

export default defineRule({
  meta: {
    id: 'unit-column',
    family: 'unit',
    defaultSeverity: 'warn',
    fixable: false,
    docs: {
      description: 'A unit-of-measure (SATUAN) column must give each row the unit its indicator is measured in, not one unit copied down every row',
      descriptionId: 'Kolom satuan harus memberi setiap baris satuan indikatornya, bukan satu satuan yang disalin ke semua baris',
    },
    messages: {
      copiedDown: {
        en: 'The unit column gives “{unit}” for all {rows} rows of this table, but {count} of them are measured in other units, this one in {first}.',
        id: 'Kolom satuan menulis “{unit}” untuk ke-{rows} baris tabel ini, padahal {count} di antaranya diukur dengan satuan lain, yang ini dalam {first}.',
      },
    },
  },
  check(doc, context) {
    for (const table of doc.tables) {
      const column = table.roles?.indexOf('measure-unit') ?? -1;
      if (column < 0) continue;
      const rows: RowUnit[] = [];
      const stated: string[] = [];
      let statedText = '';
      table.rows.forEach((row, r) => {
        const cell = row[column];
        const key = cell ? unitKey(cell.text) : undefined;
        if (!cell || !key) return;
        if (!stated.some((k) => nearlySame(k, key))) stated.push(key);
        statedText ||= cell.text.trim();
        const measured = measuredUnit(doc, table, r);
        if (measured) rows.push({ row: r, cell, measured: measured.key, measuredText: measured.text, ...(measured.indicatorId ? { indicatorId: measured.indicatorId } : {}) });
      });
      // A column with several units is a real unit column: its rows are checked by unit-mismatch.
      if (stated.length !== 1 || rows.length < 2) continue;
      const unit = stated[0] ?? '';
      const wrong = rows.filter((x) => !nearlySame(x.measured, unit));
      if (wrong.length < 2) continue;
      const first = wrong[0];
      if (!first) continue;
      // The other rows and their units are the finding's places; the message names the unit written and this row's own.
      context.report({
        at: first.cell.position,
        messageId: 'copiedDown',
        data: { unit: clip(statedText, 30), rows: rows.length, count: wrong.length, first: clip(first.measuredText, 30) },
        related: wrong.slice(1, 6).map((x) => ({ at: x.cell.position, note: `${x.measuredText}${x.indicatorId ? ` (${indicatorShort(doc, x.indicatorId)})` : ''}, ${lineRef(x.cell.position.line)}` })),
        subject: { detail: `${table.id}:${unit}` },
        // One unit copied down the satuan column of several tables is one template, one problem.
        evidence: { figure: `satuan-column|${unit}`, stated: { text: statedText }, basis: 'rule' },
      });
    }
  },
});
