import { defineRule, lineRef, overlaps, point, wordRef, type FindingEvidence, type Interval, type Tolerance } from '@lkip/engine';
import type { LkipDocument, Quantity, RawTable, Sentence } from '@lkip/schema';
import { clip, replaceNumber, said, unitOrLabel } from './support/describe.js';
import { figureKey, figureOf, measurementAt } from './support/evidence.js';
import { figureText } from './support/figures.js';
import { figuresOf, isExactCount, isYear, unitKey, type SentenceFigure } from './support/prose-sums.js';
import { perDocument } from './support/memo.js';
import { cellFigure, columnRoleOf, keyIndex, mentions, normalise, normalisedWithOffsets, tableRows, type FigureRole, type KeyIndex, type Mention, type TableRow } from './support/table-mentions.js';

/**
 * restated-figure: a sentence names a table's row (an indicator, an office, an activity) and a
 * column (target, realisasi, capaian, anggaran …) and states a figure close to, but not the same
 * as, that cell: "capaian Puskesmas Sukamaju 98,90 %" where the table says 98,80 %. Figures the
 * model already holds as measurements of PK indicators are cross-ref-mismatch's.
 */

interface RoleWord {
  role: FigureRole;
  start: number;
  end: number;
}

const ROLE_WORDS: [RegExp, FigureRole][] = [
  [/\b(?:realisasi\s+(?:anggaran|keuangan|belanja)|penyerapan(?:\s+anggaran)?|serapan(?:\s+anggaran)?|terserap)\b/gi, 'spent'],
  [/\b(?:pagu(?:\s+anggaran)?|alokasi\s+anggaran|anggaran)\b/gi, 'ceiling'],
  [/\b(?:target(?:nya)?|ditargetkan)\b/gi, 'target'],
  [/\b(?:realisasi(?:nya)?|terealisasi)\b/gi, 'realisation'],
  [/\b(?:capaian(?:nya)?|persentase\s+capaian|tingkat\s+capaian)\b/gi, 'achievement'],
];

// Sentences about other periods, other benchmarks, or several figures at once.
const OTHER_FRAME = /\b(?:tahun\s+(?:sebelumnya|lalu|kemarin)|sebelumnya|nasional|rata[-\s]?rata|rerata|standar|dibandingkan|dibanding|triwulan|semester|bulan|renstra|rpjmd|rpjmn|akhir\s+periode|kumulatif|masing[-\s]masing|berturut[-\s]turut|sampai\s+dengan|s\.?\s?d\.?|hingga)\b/i;

// "mencapai target", "melebihi target": the word names the target without stating it.
const NOT_STATING_TARGET = /(?:mencapai|melebihi|memenuhi|di\s?bawah|di\s?atas|sesuai|realisasi|capaian)$/i;

function roleWords(text: string): RoleWord[] {
  const out: RoleWord[] = [];
  for (const [pattern, role] of ROLE_WORDS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (role === 'target' && (NOT_STATING_TARGET.test(text.slice(Math.max(0, start - 20), start).trimEnd()) || /^\s+(?:kinerja\s+)?yang\s+(?:telah\s+|sudah\s+)?(?:ditetapkan|direncanakan|diharapkan)/i.test(text.slice(end, end + 40)))) continue;
      if (out.some((w) => start < w.end && w.start < end)) continue;
      out.push({ role, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function yearsOf(sentence: Sentence): number[] {
  return [...sentence.text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
}

/** The column roles a figure with this sentence role may sit in, the likelier ones first. */
function columnRolesFor(role: FigureRole | 'value', percent: boolean): FigureRole[][] {
  switch (role) {
    case 'target':
      return [['target']];
    case 'value':
      return [['realisation']];
    case 'realisation':
      return percent ? [['realisation'], ['spent-percent', 'achievement']] : [['realisation', 'spent']];
    case 'achievement':
      return [['achievement', 'spent-percent']];
    case 'ceiling':
      return percent ? [] : [['ceiling']];
    case 'spent':
      return percent ? [['spent-percent'], ['achievement']] : [['spent']];
    default:
      return [];
  }
}

// "Indeks Reformasi Birokrasi sebesar 70,54": an indicator named right before its figure states its realisation.
// Read on the gap with its white space collapsed to single spaces, so no two spaces compete.
const IMPLIED_VALUE = /^(?:\([^()]{0,40}\) ?)?(?:(?:pada )?tahun (?:ini|\d{4}) ?)?,? ?(?:adalah|sebesar|mencapai|yaitu|yakni|senilai|berjumlah|sebanyak|tercatat|menjadi) ?:?$/i;

function impliesValue(gap: string): boolean {
  return gap.length <= 80 && IMPLIED_VALUE.test(gap.replace(/\s+/g, ' ').trim());
}

function money(q: Quantity): boolean {
  return /rp/i.test(q.raw) || unitKey(q) === 'rp';
}

/** Same kind of figure: both percentages or neither, money with money, the same written unit. */
/** The unit a cell's figure is in: written beside it, in the row's Satuan cell, or in the column header "(Indeks)". */
function cellUnit(cell: Quantity, table: RawTable, column: number, row: number): string | undefined {
  const own = unitKey(cell);
  if (own) return own;
  const text = table.rows[row]?.[column]?.text ?? '';
  const rest = normalise(text.replace(cell.raw, ''));
  if (/^\p{L}[\p{L} ]{0,20}$/u.test(rest)) return rest;
  const measureUnit = table.roles?.findIndex((r) => r === 'measure-unit') ?? -1;
  const satuan = measureUnit >= 0 ? normalise(table.rows[row]?.[measureUnit]?.text ?? '') : '';
  if (satuan) return satuan;
  const header = /\(([^()%]{2,20})\)\s*$/.exec(table.columns[column] ?? '')?.[1];
  return header && !/^rp$/i.test(header.trim()) ? normalise(header) : undefined;
}

function sameUnit(text: Quantity, cell: Quantity, table: RawTable, column: number, row: number): boolean {
  const measureUnit = table.roles?.findIndex((r) => r === 'measure-unit') ?? -1;
  const rowPercent = measureUnit >= 0 && /^(?:%|persen)$/i.test(table.rows[row]?.[measureUnit]?.text.trim() ?? '');
  const cellPercent = cell.percent === true || /%|persen/i.test(table.columns[column] ?? '') || (rowPercent && columnRoleOf(table, column) !== 'achievement');
  if ((text.percent === true) !== cellPercent) return false;
  if (money(text) !== (money(cell) || /\brp\b/i.test(table.columns[column] ?? '') || ['ceiling', 'spent'].includes(columnRoleOf(table, column) ?? ''))) return false;
  if (text.percent || money(text)) return true;
  const a = unitKey(text);
  const b = cellUnit(cell, table, column, row);
  if (a && b) return a === b || a.startsWith(b) || b.startsWith(a);
  // A count ("3 Kab/Kota", "10 orang") restates a cell of the same count, whose unit the table shows.
  return !(a && isExactCount(text));
}

/** The digits as written, without separators: "98,80 %" → "9880". */
function digits(q: Quantity): string {
  return q.raw.replace(/\D+/g, '');
}

/** One digit changed, or two neighbouring digits swapped: a typing slip. */
function oneSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Close but different: the same magnitude and either within 3 % or one typing slip apart. */
function close(text: Quantity, cell: Quantity): boolean {
  const a = text.value;
  const b = cell.value;
  if (a === b || a <= 0 || b <= 0) return false;
  if (Math.floor(Math.log10(a)) !== Math.floor(Math.log10(b))) return false;
  return Math.abs(a - b) / Math.max(a, b) <= 0.03 || (text.decimals === cell.decimals && oneSlip(digits(text), digits(cell)));
}

function intervalOf(q: Quantity, tolerance: Tolerance): Interval {
  // Money and counts are exact; measured figures stand for their rounding interval.
  return q.decimals === 0 && (money(q) || (!q.percent && q.value >= 1000)) ? point(q.value) : tolerance.of(q);
}

function agrees(a: Quantity, b: Quantity, tolerance: Tolerance): boolean {
  return overlaps(intervalOf(a, tolerance), intervalOf(b, tolerance));
}

interface Candidate {
  row: TableRow;
  column: number;
  cell: Quantity;
}

function rowMention(figure: SentenceFigure, found: Mention[], previousEnd: number): Mention | undefined {
  const before = found.filter((m) => m.end <= figure.start);
  if (before.length === 0) return undefined;
  const distinct = new Set(before.map((m) => m.key));
  const last = before[before.length - 1] as Mention;
  if (distinct.size === 1) return last;
  // Several rows named: only the one named after the previous figure is this figure's.
  return last.start >= previousEnd ? last : undefined;
}

function roleOf(figure: SentenceFigure, words: RoleWord[], previousEnd: number): FigureRole | undefined {
  const before = words.filter((w) => w.end <= figure.start && w.start >= previousEnd);
  const last = before[before.length - 1];
  if (!last || figure.start - last.end > 120) return undefined;
  // "target dan realisasi …": two roles since the previous figure leave the figure's own unclear.
  if (new Set(before.map((w) => w.role)).size > 1) return undefined;
  return last.role;
}

/** What the rule reads from every sentence, built once per document: the row keys and the office spellings, indexed by first word. */
interface Lookups {
  rows: TableRow[];
  keys: KeyIndex;
  shareKeys: KeyIndex;
  /** Rows by the key that names them. */
  rowsByKey: Map<string, TableRow[]>;
  rowsByShareKey: Map<string, TableRow[]>;
  /** Normalised office spellings: whether the office is a district's (not the province's). */
  districtBySpelling: Map<string, boolean>;
  offices: KeyIndex;
}

const lookupsOf = perDocument((doc: LkipDocument): Lookups => {
  const rows = tableRows(doc);
  const index = (pick: (r: TableRow) => string[]) => {
    const by = new Map<string, TableRow[]>();
    for (const r of rows) for (const k of new Set(pick(r))) by.set(k, [...(by.get(k) ?? []), r]);
    return by;
  };
  const rowsByKey = index((r) => r.keys);
  const rowsByShareKey = index((r) => r.shareKeys);
  const districtBySpelling = new Map<string, boolean>();
  // The last office that has a spelling is the one it names, as a map filled in order keeps.
  for (const u of doc.units) for (const s of [u.name, ...u.spellings]) if (normalise(s).length >= 4) districtBySpelling.set(normalise(s), u.kind !== 'province');
  return { rows, keys: keyIndex(rowsByKey.keys()), shareKeys: keyIndex(rowsByShareKey.keys()), rowsByKey, rowsByShareKey, districtBySpelling, offices: keyIndex(districtBySpelling.keys()) };
});

function candidatesFor(doc: LkipDocument, sentence: Sentence, figure: SentenceFigure, role: FigureRole | 'value', rows: TableRow[], namesDistrict: boolean): Candidate[] {
  const years = yearsOf(sentence);
  const fiscal = doc.meta.fiscalYear;
  const out: Candidate[] = [];
  for (const row of rows) {
    const { table } = row;
    // An office's row is about the indicator of the table's section: only prose of that section restates it.
    if (row.office && (!table.sectionId || sentence.sectionId !== table.sectionId)) continue;
    // An indicator's or an activity's row is about the reporting office as a whole, not one district's.
    if (!row.office && doc.units.length > 1 && namesDistrict) continue;
    if (role === 'value' && table.columns.some((_, c) => ['ceiling', 'spent'].includes(columnRoleOf(table, c) ?? ''))) continue;
    for (const tier of columnRolesFor(role, figure.q.percent === true)) {
      const columns = table.columns.map((_, c) => c).filter((c) => tier.includes(columnRoleOf(table, c) as FigureRole));
      const usable: Candidate[] = [];
      for (const c of columns) {
        const cell = cellFigure(table.rows[row.row]?.[c]);
        if (!cell || !sameUnit(figure.q, cell, table, c, row.row)) continue;
        const columnYear = table.years?.[c] ?? null;
        const year = columnYear ?? fiscal;
        if (years.some((y) => y !== year && y !== fiscal)) continue;
        if (columnYear !== null && fiscal !== undefined && columnYear !== fiscal && !years.includes(columnYear)) continue;
        if (columnYear !== null && years.length > 0 && !years.includes(columnYear)) continue;
        usable.push({ row, column: c, cell });
      }
      if (usable.length === 0) continue;
      // Two columns of the same role (two years, two kinds of target) leave the cell unknown.
      if (usable.length === 1) out.push(usable[0] as Candidate);
      break;
    }
  }
  return out;
}

function columnName(table: RawTable, c: number): string {
  return clip(table.columns[c] ?? '', 30) || `${wordRef('column')} ${c + 1}`;
}

function tableName(table: RawTable, max = 60): string {
  return table.caption ? clip(table.caption.replace(/[*_]+/g, ''), max) : `${wordRef('table')} ${lineRef(table.position.line)}`;
}

/**
 * The cell's figure when the model holds it as a measurement (a PK indicator's target or
 * realisation): the prose restates that figure, and shares its key with cross-ref-mismatch's findings.
 */
function evidenceOf(doc: LkipDocument, stated: Quantity, cell: Quantity, role: FigureRole | 'value'): FindingEvidence {
  const measured = measurementAt(doc).get(cell.position.offset);
  // Two places that disagree, the table preferred as the source the prose copies: what cross-ref-mismatch calls precedence.
  const evidence: FindingEvidence = { stated: figureOf(stated), expected: figureOf(cell), basis: 'precedence', places: { stated: 1, expected: 1 } };
  if (measured) evidence.figure = figureKey(doc, measured);
  if (role === 'target' || role === 'realisation' || role === 'achievement') evidence.role = role;
  else if (role === 'value') evidence.role = 'realisation';
  return evidence;
}

export default defineRule({
  meta: {
    id: 'restated-figure',
    family: 'cross-reference',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'A figure that prose restates from a table (a named row and column) must be the figure the table states',
      descriptionId: 'Angka tabel yang diulang dalam uraian (baris dan kolom yang disebut) harus sama dengan angka di tabel',
    },
    messages: {
      restated: {
        en: '"{row}": the text states {role} {stated}, but the table at line {line} states {cell}.',
        id: '"{row}": uraian menyebut {role} {stated}, tetapi tabel pada baris {line} menyatakan {cell}.',
      },
      useTable: {
        en: 'Write {cell}, as the table states',
        id: 'Tulis {cell}, sesuai tabel',
      },
    },
  },
  check(doc, context) {
    const lookups = lookupsOf(doc);
    if (lookups.rows.length === 0) return;
    const measured = new Set(doc.measurements.flatMap((m) => (m.quantity ? [m.quantity.position.offset] : [])));
    const ROLE_NAMES: Record<FigureRole | 'value', string> = {
      value: wordRef('realisation'),
      target: wordRef('target'),
      realisation: wordRef('realisation'),
      achievement: wordRef('achievement'),
      ceiling: wordRef('ceiling'),
      spent: wordRef('spent'),
      'spent-percent': wordRef('spent-percent'),
    };
    // An office's own signed PK speaks of that office's figures, not of the report's tables.
    const signedPk = new Set(doc.sections.filter((x) => x.kind === 'signed-pk').map((x) => x.id));
    for (const sentence of doc.sentences) {
      if (sentence.kind === 'formula' || sentence.kind === 'heading' || (sentence.sectionId !== undefined && signedPk.has(sentence.sectionId))) continue;
      // Only a figure can be restated: most sentences state none and need no reading.
      if (sentence.quantities.length === 0) continue;
      const normalised = normalisedWithOffsets(sentence.text);
      const found = mentions(normalised, lookups.keys);
      const shares = figuresOf(sentence).some((f) => f.q.percent) ? mentions(normalised, lookups.shareKeys) : [];
      if (found.length === 0 && shares.length === 0) continue;
      // "nasional" in "jalan nasional" names the row; outside a row's name it names a benchmark.
      let rest = sentence.text;
      for (const m of [...found, ...shares]) rest = rest.slice(0, m.start) + ' '.repeat(m.end - m.start) + rest.slice(m.end);
      if (OTHER_FRAME.test(rest)) continue;
      const words = roleWords(sentence.text);
      let previousEnd = 0;
      let namesDistrict: boolean | undefined;
      for (const figure of figuresOf(sentence)) {
        const start = previousEnd;
        previousEnd = figure.end;
        if (isYear(figure.q) || figure.inParentheses || figure.q.ambiguous || figure.q.bound) continue;
        if (measured.has(figure.q.position.offset)) continue;
        // "95,38 persen konsumen puas terhadap …": a percentage followed by what a "Persentase …" row counts.
        const share = figure.q.percent ? shares.find((m) => m.start >= figure.end && /^(?:persen)?$/i.test(sentence.text.slice(figure.end, m.start).trim())) : undefined;
        const mention = share ?? rowMention(figure, found, start);
        if (!mention) continue;
        const role = share ? 'value' : (roleOf(figure, words, start) ?? (impliesValue(sentence.text.slice(mention.end, figure.start)) && !words.some((w) => w.start >= mention.end && w.end <= figure.start) ? 'value' : undefined));
        if (!role) continue;
        namesDistrict ??= mentions(normalised, lookups.offices).some((m) => lookups.districtBySpelling.get(m.key) === true);
        const candidates = candidatesFor(doc, sentence, figure, role, (share ? lookups.rowsByShareKey : lookups.rowsByKey).get(mention.key) ?? [], namesDistrict);
        if (candidates.length === 0) continue;
        if (candidates.some((c) => agrees(figure.q, c.cell, context.tolerance))) continue;
        // Cells that disagree with one another: which one the sentence restates is unclear.
        const reference = candidates[0] as Candidate;
        if (candidates.some((c) => !agrees(c.cell, reference.cell, context.tolerance))) continue;
        if (!close(figure.q, reference.cell)) continue;
        // The figure is another cell of the same row or column: the sentence may speak of that one.
        const table = reference.row.table;
        const sameRow = (table.rows[reference.row.row] ?? []).some((cell) => cell.quantities.some((q) => agrees(q, figure.q, context.tolerance)));
        const sameColumn = table.rows.some((r) => r[reference.column]?.quantities.some((q) => agrees(q, figure.q, context.tolerance)));
        if (sameRow || sameColumn) continue;
        const cellText = figureText(reference.cell);
        context.report({
          at: figure.q.position,
          messageId: 'restated',
          // The table's caption and the cell's column are the other place's note; the message names the line.
          data: { row: clip(reference.row.label, 50), role: ROLE_NAMES[role], stated: said(figure.q), cell: said(reference.cell), line: reference.cell.position.line, table: tableName(table), column: columnName(table, reference.column) },
          suggestions: [{ messageId: 'useTable', data: { cell: cellText }, fix: { at: figure.q.position, text: replaceNumber(figure.q, reference.cell.value, reference.cell.decimals) } }],
          related: candidates.map((c) => ({ at: c.cell.position, note: `${tableName(c.row.table)}, ${clip(c.row.label, 40)}, ${columnName(c.row.table, c.column)}` })),
          subject: { unit: unitOrLabel(doc, reference.row.label.slice(0, 60)), role, detail: `${table.columns.join(' | ').slice(0, 80)}: ${(table.columns[reference.column] ?? '').replace(/\s+/g, ' ').trim() || `kolom ${reference.column + 1}`}` },
          evidence: evidenceOf(doc, figure.q, reference.cell, role),
        });
      }
    }
  },
});
