import type { Band, CategoryScale, Quantity, TableKind } from '@lkip/schema';
import { findNumbers, findRanges, type ReadNumber } from '../numbers/index.js';
import type { TableBlock } from '../tables/types.js';
import type { Block } from './blocks.js';
import { nextId, toQuantity, type BuildContext } from './context.js';
import { sectionAt } from './sections.js';

const LIST_BAND = /(?:Kategori|Predikat)\s+([A-Za-z][A-Za-z ]{1,40}?)\s*\(([^()]{1,80})\)\s*;?\s*$/i;
// "Nilai Kinerja Anggaran lebih dari 80% (delapan puluh persen) sampai dengan 90% (…) dikategorikan dengan Baik"
const PROSE_BAND = /dikategorikan\s+(?:dengan\s+|sebagai\s+)?([A-Za-z][A-Za-z ]{1,30}?)\s*[;.,]?\s*(?:dan\s*;?\s*)?$/i;

function indicatorIdsAt(ctx: BuildContext, offset: number): string[] {
  const section = sectionAt(ctx.sections, offset);
  const id = section ? ctx.doc.sections.find((s) => s.id === section.id)?.indicatorId : undefined;
  return id ? [id] : [];
}

function titleCase(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/**
 * Whether `raw` may hold `word` once its emphasis markers are dropped: a paragraph without markers
 * must hold it as it stands. Most paragraphs are ruled out here, not copied and searched.
 */
function mayHold(raw: string, word: RegExp): boolean {
  return MARKER.test(raw) || word.test(raw);
}

const MARKER = /[*_]/;
const LIST_WORD = /kategori|predikat/i;
// The list band's closing bracket, with only blanks, ";" and emphasis after it.
const CLOSING_BRACKET = /\)[\s;*_]*$/;
const PROSE_WORD = /dikategorikan/i;
const INEQUALITY = /[≤≥<>]/;

function listBand(ctx: BuildContext, block: Block): Band | undefined {
  if (!CLOSING_BRACKET.test(block.raw) || !mayHold(block.raw, LIST_WORD)) return undefined;
  const m = LIST_BAND.exec(block.raw.replace(/[*_]+/g, ''));
  if (!m) return undefined;
  const label = titleCase(m[1] ?? '');
  const inner = m[2] ?? '';
  const innerAt = block.raw.indexOf(inner);
  if (innerAt < 0) return undefined;
  const base = block.start + innerAt;
  const range = findRanges(inner)[0];
  const band: Band = { label, minInclusive: true, maxInclusive: true, position: ctx.map.position(block.start, block.end) };
  if (range) {
    band.min = toQuantity(ctx, range.min, base);
    band.max = toQuantity(ctx, range.max, base);
    return band;
  }
  const figure = findNumbers(inner)[0];
  if (!figure) return undefined;
  const q = toQuantity(ctx, figure, base);
  if (figure.bound === 'ge' || figure.bound === 'gt') {
    band.min = q;
    band.minInclusive = figure.bound === 'ge';
  } else if (figure.bound === 'le' || figure.bound === 'lt') {
    band.max = q;
    band.maxInclusive = figure.bound === 'le';
  } else {
    return undefined;
  }
  return band;
}

// "Baik: 89 ≤ nilai < 95", "Sangat Baik: nilai ≥ 95", "Kurang: nilai < 70"
const INEQUALITY_BAND = /^\s*(?:[-*]\s+)?(?:\d{1,2}[.)]\s+)?([A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(.{1,60})$/;

function inequalityBand(ctx: BuildContext, block: Block): Band | undefined {
  if (!INEQUALITY.test(block.raw)) return undefined;
  const m = INEQUALITY_BAND.exec(block.raw.replace(/[*_]+/g, ' '));
  if (!m || !/[≤≥<>]/.test(m[2] ?? '') || !/\bnilai\b|\bx\b|\bskor\b/i.test(m[2] ?? '')) return undefined;
  const expression = m[2] ?? '';
  const offset = block.raw.indexOf(expression.trim().slice(0, 8));
  const base = block.start + Math.max(0, offset);
  const band: Band = { label: titleCase(m[1] ?? ''), minInclusive: true, maxInclusive: true, position: ctx.map.position(block.start, block.end) };
  // Read "a OP nilai OP b" by where each figure stands relative to the word "nilai".
  const word = /\bnilai\b|\bx\b|\bskor\b/i.exec(expression);
  const wordAt = word?.index ?? 0;
  for (const f of findNumbers(expression.trim())) {
    const q = toQuantity(ctx, f, base);
    const trimmedOffset = expression.indexOf(expression.trim());
    const at = f.start + trimmedOffset;
    const before = expression.slice(Math.max(0, at - 4), at);
    const after = expression.slice(at + f.raw.length, at + f.raw.length + 4);
    if (at < wordAt) {
      band.min = q;
      band.minInclusive = /≤|<=/.test(after);
    } else if (/[<≤]/.test(before)) {
      band.max = q;
      band.maxInclusive = /≤|<=/.test(before);
    } else if (/[>≥]/.test(before)) {
      band.min = q;
      band.minInclusive = /≥|>=/.test(before);
    }
    delete q.bound;
  }
  return band.min || band.max ? band : undefined;
}

function proseBand(ctx: BuildContext, block: Block): Band | undefined {
  const raw = block.raw;
  if (!mayHold(raw, PROSE_WORD)) return undefined;
  const m = PROSE_BAND.exec(raw.replace(/[*_]+/g, ''));
  if (!m) return undefined;
  // Spelled-out repeats "(sembilan puluh persen)" carry no new figure.
  const figures = findNumbers(raw.replace(/\([^()]*\)/g, (s) => ' '.repeat(s.length)));
  const above = /lebih\s+dari|di\s?atas|>/i;
  const upTo = /sampai\s+dengan|s\.?d\.?|hingga|kurang\s+dari\s+atau\s+sama/i;
  const band: Band = { label: titleCase(m[1] ?? ''), minInclusive: false, maxInclusive: true, position: ctx.map.position(block.start, block.end) };
  for (const f of figures) {
    const before = raw.slice(Math.max(0, f.start - 20), f.start);
    const q: Quantity = toQuantity(ctx, f, block.start);
    if (above.test(before)) band.min = q;
    else if (upTo.test(before)) band.max = q;
  }
  return band.min || band.max ? band : undefined;
}

function scaleName(ctx: BuildContext, blocks: Block[], first: Block, fallback: string): string {
  const index = blocks.indexOf(first);
  const previous = index > 0 ? blocks[index - 1] : undefined;
  if (previous && /klasifikasi|kategori|predikat|dikelompokkan/i.test(previous.plain) && previous.plain.length < 300) {
    const name = previous.plain
      .replace(/^(adapun\s+)?(klasifikasi|kategori)\s+/i, '')
      .replace(/\s*(dikelompokkan\s+ke\s+dalam\s+kategori\s+)?sebagai\s+berikut\s*:?\s*$/i, '')
      .trim();
    if (name.length > 0) return name.slice(0, 120);
  }
  return fallback;
}

function indicatorName(ctx: BuildContext, ids: string[]): string {
  return ctx.indicators.indicators.find((i) => i.id === ids[0])?.name ?? 'Skala kategori';
}

/** Category scales written as lists, as prose, or as tables. */
export function readScales(ctx: BuildContext, bandTables: (TableBlock | { block: TableBlock; kind: TableKind })[]): CategoryScale[] {
  const scales: CategoryScale[] = [];
  const readers: [CategoryScale['source'], (ctx: BuildContext, b: Block) => Band | undefined][] = [
    ['list', listBand],
    ['list', inequalityBand],
    ['prose', proseBand],
  ];
  for (const [source, read] of readers) {
    let run: { first: Block; bands: Band[] } | undefined;
    const flush = () => {
      if (run && run.bands.length >= 2) {
        const ids = indicatorIdsAt(ctx, run.first.start);
        const last = run.bands[run.bands.length - 1];
        scales.push({
          id: nextId(ctx, 'c'),
          name: scaleName(ctx, ctx.blocks, run.first, indicatorName(ctx, ids)),
          indicatorIds: ids,
          bands: run.bands,
          source,
          ...(source === 'prose' ? { percentOfMax: true } : {}),
          position: ctx.map.position(run.first.start, last ? last.position.endOffset : run.first.end),
        });
      }
      run = undefined;
    };
    for (const block of ctx.blocks) {
      const band = block.kind === 'paragraph' ? read(ctx, block) : undefined;
      if (!band) {
        if (block.plain.length > 0) flush();
        continue;
      }
      if (!run) run = { first: block, bands: [] };
      run.bands.push(band);
    }
    flush();
  }
  for (const table of bandTables) scales.push(...('block' in table ? tableScales(ctx, table.block, table.kind) : tableScales(ctx, table)));
  return scales.sort((a, b) => a.position.offset - b.position.offset);
}

/** One edge of a band cell as written: the figure, whether the band includes it. */
interface CellEdge {
  figure: ReadNumber;
  inclusive: boolean;
}

/**
 * A band cell: "91 – 100", "70 – < 85", "> 85", "≤ 50", "lebih dari 90", "85 < x ≤ 100". HTML
 * entities and words are read as the operators they stand for.
 */
export function bandCellEdges(text: string): { min?: CellEdge; max?: CellEdge } | undefined {
  const normal = text
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&ge;/g, '≥')
    .replace(/&le;/g, '≤')
    .replace(/>=/g, '≥')
    .replace(/<=/g, '≤')
    .replace(/\b(?:lebih\s+dari\s+(?:atau\s+)?sama\s+dengan|minimal|paling\s+(?:sedikit|rendah))\s*/gi, '≥ ')
    .replace(/\b(?:kurang\s+dari\s+(?:atau\s+)?sama\s+dengan|maksimal|paling\s+tinggi)\s*/gi, '≤ ')
    .replace(/\b(?:lebih\s+dari|di\s?atas)\s*/gi, '> ')
    .replace(/\b(?:kurang\s+dari|di\s?bawah)\s*/gi, '< ')
    .replace(/[*_]+/g, '')
    .trim();
  if (/[A-Za-z]{3,}/.test(normal.replace(/\b(?:x|nilai|skor|capaian|sampai|dengan|hingga|s\.?d\.?)\b/gi, ''))) return undefined;
  const figures = findNumbers(normal);
  const after = (f: ReadNumber) => normal.slice(f.end, f.end + 3).trim();
  if (figures.length === 2) {
    const [a, b] = figures as [ReadNumber, ReadNumber];
    // "85 < x ≤ 100": the operator after the first figure says whether it is included.
    const aExclusive = a.bound === 'gt' || /^</.test(after(a));
    return { min: { figure: a, inclusive: !aExclusive }, max: { figure: b, inclusive: b.bound !== 'lt' } };
  }
  if (figures.length !== 1) return undefined;
  const f = figures[0] as ReadNumber;
  if (f.bound === 'ge' || f.bound === 'gt') return { min: { figure: f, inclusive: f.bound === 'ge' } };
  if (f.bound === 'le' || f.bound === 'lt') return { max: { figure: f, inclusive: f.bound === 'le' } };
  return undefined;
}

/** The figure's quantity at its place in the draft (HTML cells hold "&gt; 85" where the text reads "> 85"). */
function edgeQuantity(ctx: BuildContext, cell: { position: { offset: number; endOffset: number } }, figure: ReadNumber, from: number): { q: Quantity; next: number } {
  const source = ctx.text.slice(cell.position.offset, cell.position.endOffset);
  const at = source.indexOf(figure.raw, from);
  const start = at >= 0 ? at : 0;
  const q = toQuantity(ctx, { ...figure, start: 0, end: at >= 0 ? figure.raw.length : source.length }, cell.position.offset + start);
  delete q.bound;
  return { q, next: at >= 0 ? at + figure.raw.length : from };
}

const BAND_HEADER = /interval|rentang|range|nilai|capaian|skor|score|batas|persentase|%/i;

function tableScales(ctx: BuildContext, table: TableBlock, kind: TableKind = 'band'): CategoryScale[] {
  const out: CategoryScale[] = [];
  const cols = table.columns.length;
  const rangeCols: number[] = [];
  const textCols: number[] = [];
  if (table.body.length < 2) return out;
  for (let c = 0; c < cols; c++) {
    const cells = table.body.map((r) => r[c]?.text.trim() ?? '');
    // A table the classifier did not call a band table needs a header that speaks of values.
    const rangeHeader = kind === 'band' || BAND_HEADER.test(table.columns[c] ?? '');
    if (rangeHeader && cells.every((t) => bandCellEdges(t) !== undefined) && cells.some((t) => findRanges(t).length === 1 || /[<>≤≥]|&[lg][te];|dari|atas|bawah/i.test(t))) rangeCols.push(c);
    else if (cells.every((t) => t.length > 0 && !/\d/.test(t))) textCols.push(c);
  }
  const labelCol = textCols[textCols.length - 1];
  if (labelCol === undefined) return out;
  if (kind !== 'band' && !/kategori|kriteria|predikat|keterangan|interpretasi|mutu|peringkat/i.test(table.columns[labelCol] ?? '')) return out;
  const ids = indicatorIdsAt(ctx, table.position.offset);
  for (const c of rangeCols) {
    const bands: Band[] = [];
    for (const row of table.body) {
      const cell = row[c];
      const edges = cell ? bandCellEdges(cell.text) : undefined;
      if (!cell || !edges) continue;
      const alt = textCols.filter((t) => t !== labelCol).map((t) => row[t]?.text.trim() ?? '').filter(Boolean);
      const band: Band = {
        label: row[labelCol]?.text.trim() ?? '',
        ...(alt.length > 0 ? { altLabels: alt } : {}),
        minInclusive: edges.min?.inclusive ?? true,
        maxInclusive: edges.max?.inclusive ?? true,
        position: cell.position,
      };
      let from = 0;
      if (edges.min) {
        const { q, next } = edgeQuantity(ctx, cell, edges.min.figure, from);
        band.min = q;
        from = next;
      }
      if (edges.max) band.max = edgeQuantity(ctx, cell, edges.max.figure, from).q;
      bands.push(band);
    }
    if (bands.length >= 2) {
      out.push({
        id: nextId(ctx, 'c'),
        name: `${table.columns[c] ?? 'Interval'}${ids.length > 0 ? ` — ${indicatorName(ctx, ids)}` : ''}`,
        indicatorIds: ids,
        bands,
        source: 'table',
        position: table.position,
      });
    }
  }
  return out;
}
