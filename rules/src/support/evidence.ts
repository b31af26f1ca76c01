import type { Derivation, EvidenceFigure, EvidenceInput } from '@lkip/engine';
import type { LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { indicatorLabel, placeName, unitName } from './describe.js';
import { figureText } from './figures.js';
import { perDocument } from './memo.js';
import type { BandRange } from './scales.js';
import { indicatorById } from './indexes.js';

/**
 * Which figure of the draft a measurement states, the same string in every place that states it:
 * indicator number (or key), office, role, measure and year. Names and numbers, not ids or lines,
 * so that the groups the engine builds from it keep their ids when the draft is edited elsewhere.
 */
export function figureKey(doc: LkipDocument, m: Pick<Measurement, 'indicatorId' | 'unitId' | 'aggregate' | 'role' | 'measure' | 'year'>, role: string = m.role): string {
  const indicator = indicatorById(doc).get(m.indicatorId);
  const office = m.aggregate ? 'aggregate' : unitName(doc, m.unitId);
  return [String(indicator?.number ?? indicator?.key ?? m.indicatorId), office, role, m.measure, m.year].join('|');
}

/** A figure as the evidence for the engine carries it: as written, its value and its decimals. */
export function figureOf(q: Quantity): EvidenceFigure {
  return { text: figureText(q), value: q.value, decimals: q.decimals };
}

/** A computed figure as a fix would write it. */
export function computedFigure(text: string, value: number, decimals: number): EvidenceFigure {
  return { text, value, decimals };
}

/** An input of a derived figure: the figure, its key and where it stands. */
export function inputOf(doc: LkipDocument, m: Measurement, exact = false): EvidenceInput {
  const q = m.quantity as Quantity;
  const input: EvidenceInput = { ...figureOf(q), value: q.value, decimals: q.decimals, figure: figureKey(doc, m), at: q.position };
  if (exact) input.exact = true;
  return input;
}

/** Where a measurement stands and what it is about, in words, for the engine's group summaries. */
export function aboutOf(doc: LkipDocument, m: Measurement): { place: string; label: string } {
  return { place: placeName(doc, m.place, m.unitId), label: indicatorLabel(doc, m.indicatorId) };
}

/** The measurement whose figure stands at a place of the draft (by offset), for evidence about a figure another rule reads as text. */
export const measurementAt = perDocument((doc: LkipDocument): ReadonlyMap<number, Measurement> => {
  const out = new Map<number, Measurement>();
  for (const m of doc.measurements) if (m.quantity && !out.has(m.quantity.position.offset)) out.set(m.quantity.position.offset, m);
  return out;
});

/** A band as a category derivation carries it: open ends absent (JSON keeps no Infinity). */
export function derivationBand(band: BandRange): Extract<Derivation, { kind: 'category' }>['band'] {
  const out: Extract<Derivation, { kind: 'category' }>['band'] = { loInclusive: band.loInclusive, hiInclusive: band.hiInclusive };
  if (Number.isFinite(band.lo)) out.lo = band.lo;
  if (Number.isFinite(band.hi)) out.hi = band.hi;
  return out;
}
