import type { CategoryScale, Indicator, LkipDocument, Measurement } from '@lkip/schema';
import { perDocument } from './memo.js';

/**
 * Lookups that rules would otherwise make by scanning the whole document once per indicator,
 * per statement or per label, which grows with the square of the draft. Built once per document;
 * every list keeps the draft's order, so a search of a list finds what a search of the document did.
 */

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first indicator with each id, as `doc.indicators.find` finds it. */
export const indicatorById = perDocument((doc: LkipDocument): ReadonlyMap<string, Indicator> => {
  const out = new Map<string, Indicator>();
  for (const i of doc.indicators) if (!out.has(i.id)) out.set(i.id, i);
  return out;
});

/** The measurements of each indicator. */
export const measurementsByIndicator = perDocument((doc: LkipDocument): ReadonlyMap<string, readonly Measurement[]> => {
  const out = new Map<string, Measurement[]>();
  for (const m of doc.measurements) push(out, m.indicatorId, m);
  return out;
});

/** The measurements of each statement (a table row, a clause of prose). */
export const measurementsByStatement = perDocument((doc: LkipDocument): ReadonlyMap<string, readonly Measurement[]> => {
  const out = new Map<string, Measurement[]>();
  for (const m of doc.measurements) push(out, m.statement, m);
  return out;
});

/** The draft's scales of each indicator. */
export const scalesByIndicator = perDocument((doc: LkipDocument): ReadonlyMap<string, readonly CategoryScale[]> => {
  const out = new Map<string, CategoryScale[]>();
  for (const s of doc.scales) for (const id of new Set(s.indicatorIds)) push(out, id, s);
  return out;
});

const NONE: readonly Measurement[] = [];

export function ofIndicator(doc: LkipDocument, indicatorId: string): readonly Measurement[] {
  return measurementsByIndicator(doc).get(indicatorId) ?? NONE;
}

export function ofStatement(doc: LkipDocument, statement: string): readonly Measurement[] {
  return measurementsByStatement(doc).get(statement) ?? NONE;
}
