import type { Formula, Position, TableKind } from '@lkip/schema';
import type { SourceCell, TableBlock } from '../tables/types.js';
import { columnRoleList } from './column-roles.js';
import { cellQuantities, nextId, type BuildContext } from './context.js';
import { paragraphsOf } from './prose-scope.js';
import { sectionAt, type SectionSpan } from './sections.js';

/**
 * Weights a draft states for named components — in a sentence ("Kualitas Perencanaan Anggaran
 * (20%), Kualitas Pelaksanaan Anggaran (55%) dan Kualitas Hasil Pelaksanaan Anggaran (25%)") or
 * in a table of components and their bobot — become weighted-sum formulas over the component
 * table of the same section whose headers name those components: its total must be
 * Σ weight × component. A header copied from its neighbour (two columns named after one
 * component, none after another) is placed by its position and recorded as mislabelled.
 */

interface Term {
  name: string;
  weight: number;
}

interface Statement {
  terms: Term[];
  start: number;
  end: number;
  source: 'weights-sentence' | 'weights-table';
}

// "Nama Komponen (20%)": a name, then its weight in parentheses.
const WEIGHTED_NAME = /\(\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%\s*\)/g;
// Words that end the text before a component's name: list separators and the words that open a list.
const NAME_STOP = new Set(['dan', 'serta', 'atau', 'yaitu', 'yakni', 'meliputi', 'adalah', 'dari', 'dengan', 'terdiri', 'atas', 'diukur', 'sebagai', 'berikut']);

/** The component's name: the words right before its "(20%)", back to a separator or a word that opens the list. */
function nameBefore(text: string): string {
  const tokens = text.replace(/[*_]+/g, ' ').split(/(\s+|[,;:()])/);
  const words: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && words.length <= 8; i--) {
    const t = (tokens[i] ?? '').trim();
    if (t === '') continue;
    if (/^[,;:()]$/.test(t) || NAME_STOP.has(t.toLowerCase())) break;
    words.unshift(t);
  }
  return words.length > 8 ? '' : words.join(' ');
}
const TOTAL_HEADER = /\b(?:nilai|total|jumlah|skor|indeks|hasil\s+akhir)\b/i;
const NUMERIC_CELL = /^[-–]?\s?\d+(?:[.,]\d+)?\s?%?$/;
const isNumericCell = (text: string | undefined): boolean => NUMERIC_CELL.test((text ?? '').trim());

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1);
}

function weightsSum(terms: Term[]): boolean {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  return Math.abs(total - 1) <= 0.005;
}

/** Named weights in one sentence of prose. */
function sentenceStatements(ctx: BuildContext): Statement[] {
  const out: Statement[] = [];
  for (const block of paragraphsOf(ctx)) {
    if (block.kind !== 'paragraph') continue;
    const raw = block.raw;
    const terms: Term[] = [];
    let first = -1;
    let last = -1;
    let previousEnd = 0;
    for (const m of raw.matchAll(WEIGHTED_NAME)) {
      const at = m.index ?? 0;
      const name = nameBefore(raw.slice(previousEnd, at));
      const count = words(name).length;
      previousEnd = at + m[0].length;
      if (count < 1 || count > 8) continue;
      terms.push({ name, weight: Number((m[1] ?? '0').replace(',', '.')) / 100 });
      if (first < 0) first = at - name.length;
      last = previousEnd;
    }
    if (terms.length >= 2 && weightsSum(terms)) out.push({ terms, start: block.start + Math.max(0, first), end: block.start + last, source: 'weights-sentence' });
  }
  return out;
}

/** A table of components and their weights ("Komponen | Bobot"). */
function tableStatements(ctx: BuildContext, tables: { block: TableBlock }[]): Statement[] {
  const out: Statement[] = [];
  for (const { block } of tables) {
    const { roles } = columnRoleList(block.columns, ctx.headerSynonyms);
    const weightColumn = roles.indexOf('weight');
    if (weightColumn < 0 || roles.includes('unit')) continue;
    const nameColumn = block.columns.findIndex((_, c) => c !== weightColumn && roles[c] !== 'number' && block.body.every((row) => (row[c]?.text.trim() ?? '').length > 2 && !isNumericCell(row[c]?.text)));
    if (nameColumn < 0) continue;
    const terms: Term[] = [];
    for (const row of block.body) {
      const name = row[nameColumn]?.text.replace(/[*_]+/g, '').trim() ?? '';
      if (/^(?:jumlah|total)\b/i.test(name)) continue;
      const cell = row[weightColumn];
      const q = cell ? cellQuantities(ctx, cell)[0] : undefined;
      if (!q) continue;
      terms.push({ name, weight: q.percent || /%/.test(q.raw) || q.value > 1 ? q.value / 100 : q.value });
    }
    if (terms.length >= 2 && weightsSum(terms)) out.push({ terms, start: block.position.offset, end: block.position.endOffset, source: 'weights-table' });
  }
  return out;
}

/** The component a column header names: every word of the component's name is in the header. */
function namedTerm(header: string, terms: Term[]): number | undefined {
  const h = new Set(words(header));
  const matches = terms.map((t, i) => ({ i, n: words(t.name).length, all: words(t.name).every((w) => h.has(w)) })).filter((x) => x.all);
  // The longest name that fits: "Kualitas Hasil Pelaksanaan Anggaran" before "Kualitas Pelaksanaan Anggaran".
  return matches.sort((a, b) => b.n - a.n)[0]?.i;
}

interface Application {
  tableId: string;
  resultColumn: number;
  termColumns: number[];
  mislabelled?: { column: number; header: string; expected: string; position: Position }[];
}

function headerCell(block: TableBlock, column: number): SourceCell | undefined {
  for (let r = block.headerRows - 1; r >= 0; r--) {
    const cell = block.rows[r]?.[column];
    if (cell && cell.text.trim().length > 0) return cell;
  }
  return undefined;
}

/** The run of columns that hold the components in order (one may carry a neighbour's header), and the total after it. */
function applyTo(block: TableBlock, terms: Term[]): Application | undefined {
  const named = block.columns.map((h) => namedTerm(h, terms));
  const k = terms.length;
  for (let c0 = 0; c0 + k <= block.columns.length; c0++) {
    const run = named.slice(c0, c0 + k);
    const wrong = run.map((t, i) => (t === i ? -1 : i)).filter((i) => i >= 0);
    if (wrong.length > 1) continue;
    const bad = wrong[0];
    // The odd column must carry another component's name (a copied header), not an unrelated one.
    if (bad !== undefined && (run[bad] === undefined || k < 3)) continue;
    const numeric = (c: number) => block.body.length > 0 && block.body.every((row) => isNumericCell(row[c]?.text));
    const termColumns = run.map((_, i) => c0 + i);
    if (!termColumns.every(numeric)) continue;
    const after = block.columns.map((_, c) => c).filter((c) => c >= c0 + k && numeric(c));
    const resultColumn = after.find((c) => TOTAL_HEADER.test(block.columns[c] ?? '')) ?? after[0];
    if (resultColumn === undefined) continue;
    const application: Application = { tableId: block.id, resultColumn, termColumns };
    if (bad !== undefined) {
      const column = c0 + bad;
      const cell = headerCell(block, column);
      if (!cell) continue;
      application.mislabelled = [{ column, header: cell.text.trim(), expected: terms[bad]?.name ?? '', position: cell.position }];
    }
    return application;
  }
  return undefined;
}

function sameSection(spans: SectionSpan[], a: number, b: number): boolean {
  const x = sectionAt(spans, a);
  const y = sectionAt(spans, b);
  return x !== undefined && x === y;
}

export function readStatedWeights(ctx: BuildContext, tables: { block: TableBlock; kind: TableKind }[]): Formula[] {
  const out: Formula[] = [];
  for (const statement of [...sentenceStatements(ctx), ...tableStatements(ctx, tables)]) {
    const applications: Application[] = [];
    let result = '';
    for (const { block } of tables) {
      if (block.position.offset === statement.start || !sameSection(ctx.sections, block.position.offset, statement.start)) continue;
      const application = applyTo(block, statement.terms);
      if (!application) continue;
      result ||= (block.columns[application.resultColumn] ?? '').trim();
      applications.push(application);
    }
    if (applications.length === 0) continue;
    const section = sectionAt(ctx.sections, statement.start);
    const indicatorId = section ? ctx.doc.sections.find((s) => s.id === section.id)?.indicatorId : undefined;
    const text = `${result} = ${statement.terms.map((t) => `${Math.round(t.weight * 1000) / 10}% × ${t.name}`).join(' + ')}`;
    out.push({
      id: nextId(ctx, 'x'),
      result,
      kind: 'weighted-sum',
      terms: statement.terms.map((t) => ({ name: t.name, weight: t.weight })),
      text,
      indicatorIds: indicatorId ? [indicatorId] : [],
      applications,
      source: statement.source,
      position: ctx.map.position(statement.start, statement.end),
    });
  }
  return out;
}
