import type { AgencyProfile } from '../profiles/index.js';
import type { HeaderSynonyms } from './column-roles.js';
import type { LkipDocument, Measurement, Place, PlaceKind, Quantity } from '@lkip/schema';
import { findNumbers, type NumberContext, type ReadNumber } from '../numbers/index.js';
import type { SourceCell } from '../tables/types.js';
import type { Block } from './blocks.js';
import type { IndicatorRegistry } from './indicators.js';
import type { ProseScope } from './prose-scope.js';
import { sectionAt, type SectionSpan } from './sections.js';
import type { SourceMap } from './source-map.js';
import type { OfficeVocabulary, OpeningWordIndex, UnitRegistry } from './units.js';

/** What every part of the reader shares while one draft becomes a document. */
export interface BuildContext {
  text: string;
  map: SourceMap;
  doc: LkipDocument;
  blocks: Block[];
  sections: SectionSpan[];
  units: UnitRegistry;
  indicators: IndicatorRegistry;
  fiscalYear: number;
  ids: Map<string, number>;
  /** The agency vocabulary the draft is read with (configured, or detected from its title). */
  profile: AgencyProfile;
  /** Header words per column role from the profile and the draft's office names (see `columnRoles`). */
  headerSynonyms: HeaderSynonyms;
  /** Computed once, on first use, by the readers that share them. */
  cache: {
    paragraphs?: Block[];
    scopes?: ProseScope[];
    cells?: Map<string, Quantity[]>;
    /** The office words of the whole draft (see `officeMentionsIn`); undefined index: search each text. */
    openingWords?: { vocab: OfficeVocabulary; index: OpeningWordIndex | undefined };
    /** The tables' spans sorted by start, with the furthest end so far (see `overlapsTable`). */
    tableSpans?: { of: readonly unknown[]; starts: number[]; maxEnds: number[] };
    /** The figures of a cell's text by column context and text (see `cellQuantities`). */
    cellTexts?: Map<string, ReadNumber[]>;
    /** Column contexts by a short id (see `cellQuantities`). */
    contextIds?: { byObject: WeakMap<NumberContext, number>; byText: Map<string, number> };
  };
}

export function nextId(ctx: BuildContext, prefix: string): string {
  const n = (ctx.ids.get(prefix) ?? 0) + 1;
  ctx.ids.set(prefix, n);
  return `${prefix}${n}`;
}

export function toQuantity(ctx: BuildContext, r: ReadNumber, base: number, unit?: string): Quantity {
  const q: Quantity = {
    value: r.value,
    raw: r.raw,
    decimals: r.decimals,
    position: ctx.map.position(base + r.start, base + r.end),
  };
  const u = r.unit && r.unit !== '%' ? r.unit : unit;
  if (u) q.unit = u.replace(/\s+/g, ' ').trim();
  if (r.percent) q.percent = true;
  if (r.bound) q.bound = r.bound;
  if (r.ambiguous) q.ambiguous = { readings: r.ambiguous.readings, reason: r.ambiguous.reason };
  return q;
}

/**
 * A column context as part of a cache key: a short number, the same for contexts that read alike.
 * The decimals list has an entry per row, so writing it out into the key of every cell of a long
 * column (or hashing such a key) would cost the square of its rows; it is written out once per
 * context object, and contexts that read alike share one number.
 */
function contextKey(ctx: BuildContext, context: NumberContext | undefined): string {
  if (!context) return '';
  const ids = (ctx.cache.contextIds ??= { byObject: new WeakMap(), byText: new Map() });
  let id = ids.byObject.get(context);
  if (id === undefined) {
    const text = `${context.kind ?? ''}:${context.columnDecimals?.join(',') ?? ''}`;
    id = ids.byText.get(text);
    if (id === undefined) ids.byText.set(text, (id = ids.byText.size + 1));
    ids.byObject.set(context, id);
  }
  return String(id);
}

const ANY_DIGIT = /[0-9]/;

/** The figures in a table cell, read from the cell's exact source slice so positions stay exact. */
export function cellQuantities(ctx: BuildContext, cell: SourceCell, context?: NumberContext): Quantity[] {
  const start = cell.position.offset;
  // The raw table and the measurements read the same cells with the same column context.
  const contextId = contextKey(ctx, context);
  const key = `${start}:${cell.position.endOffset}:${contextId}`;
  ctx.cache.cells ??= new Map();
  const cached = ctx.cache.cells.get(key);
  if (cached) return cached.map((q) => ({ ...q }));
  const slice = ctx.text.slice(start, cell.position.endOffset);
  // Tables repeat their cells' texts ("-", "100 %", "0"): the figures of a text read with one
  // column context are read once, then placed at each cell.
  const byText = (ctx.cache.cellTexts ??= new Map<string, ReadNumber[]>());
  const textKey = `${contextId}:${slice}`;
  let read = byText.get(textKey);
  // A cell without a digit (a label, "-") holds no figure: it is not scanned.
  if (!read) byText.set(textKey, (read = ANY_DIGIT.test(slice) ? findNumbers(slice, context) : []));
  const quantities = read.map((r) => toQuantity(ctx, r, start));
  ctx.cache.cells.set(key, quantities);
  return quantities.map((q) => ({ ...q }));
}

/** The single figure a cell states ("3.77 Indeks", "87.18 %"), or undefined for "-", words or several figures. */
export function cellFigure(ctx: BuildContext, cell: SourceCell | undefined, context?: NumberContext): Quantity | undefined {
  if (!cell) return undefined;
  const text = cell.text.trim();
  if (text.length === 0 || /^[-–—]+$/.test(text)) return undefined;
  const figures = cellQuantities(ctx, cell, context);
  if (figures.length !== 1) return undefined;
  const figure = figures[0];
  if (!figure) return undefined;
  // "3 Kab/Kota" is a figure with its unit; "Jumlah 3 kegiatan di 2 desa" is prose, not a figure.
  const rest = text.replace(figure.raw, '').replace(/[\s%()]+/g, ' ').trim();
  if (rest.length > 30) return undefined;
  if (!figure.unit && rest.length > 0 && !/^[A-Za-z/ .]+$/.test(rest)) return undefined;
  if (!figure.unit && rest.length > 0) figure.unit = rest;
  return figure;
}

/**
 * Decimals of the other figures in each column: `85.625` among `88.929` and `81.339` is an index
 * with three decimals, not 85 625.
 */
export function columnContexts(table: { body: SourceCell[][] }): (NumberContext | undefined)[] {
  const width = Math.max(0, ...table.body.map((r) => r.length));
  return Array.from({ length: width }, (_, col) => {
    const decimals: number[] = [];
    for (const row of table.body) {
      const text = row[col]?.text.trim() ?? '';
      const m = /[.,](\d+)\s*(%|indeks)?\s*$/i.exec(text);
      if (m && !/\d[.,]\d{3}[.,]\d/.test(text)) decimals.push((m[1] ?? '').length);
    }
    return decimals.length > 0 ? { columnDecimals: decimals } : undefined;
  });
}

export function placeFor(ctx: BuildContext, kind: PlaceKind, offset: number, extra: Partial<Place> = {}): Place {
  const place: Place = { kind, ...extra };
  const section = sectionAt(ctx.sections, offset);
  if (section) place.sectionId = section.id;
  return place;
}

export function addMeasurement(ctx: BuildContext, m: Omit<Measurement, 'id' | 'year'> & { year?: number }): Measurement {
  const measurement: Measurement = { id: nextId(ctx, 'm'), year: ctx.fiscalYear, ...m };
  ctx.doc.measurements.push(measurement);
  return measurement;
}

