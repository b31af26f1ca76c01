import type { FindingSubject } from '@lkip/engine';
import type { LkipDocument, Measurement } from '@lkip/schema';
import { indicatorLabel, indicatorNumberLabel, indicatorShort, unitName } from './describe.js';

/**
 * What a measurement is about, for messages: the indicator, or for a district's own index behind
 * a "Jumlah Kab/Kota dengan indeks X berkategori Y" indicator, the index X.
 */
export function measurementLabel(doc: LkipDocument, m: Measurement): string {
  const indicator = doc.indicators.find((i) => i.id === m.indicatorId);
  if (m.measure === 'unit-value' && indicator?.countOf) {
    const name = indicator.countOf.measureName;
    return indicator.number !== undefined ? `${name} (${indicatorNumberLabel(doc, indicator.number)})` : name;
  }
  return indicatorLabel(doc, m.indicatorId);
}

/**
 * What a measurement is about, as a short message names it: "IKK 14", or for a district's own
 * index behind a count indicator, "IKK 3 (indeks kemandirian partisipasi)" cut to a few words.
 */
export function measurementShort(doc: LkipDocument, m: Measurement): string {
  const indicator = doc.indicators.find((i) => i.id === m.indicatorId);
  const short = indicatorShort(doc, m.indicatorId);
  if (m.measure !== 'unit-value' || !indicator?.countOf) return short;
  const name = indicator.countOf.measureName;
  const cut = name.length > 32 ? `${name.slice(0, 31)}…` : name;
  return indicator.number !== undefined ? `${short} (${cut})` : cut;
}

/** " — BCNK Batu Merah", " — agregat" for a "Rata-rata Provinsi" row, or nothing. */
export function unitSuffix(doc: LkipDocument, m: Measurement): string {
  if (m.aggregate) return ' — agregat';
  const name = unitName(doc, m.unitId);
  return name ? ` — ${name}` : '';
}

/** A finding's identity that survives line changes: indicator number, office, role, measure and place kind. */
export function measurementSubject(doc: LkipDocument, m: Measurement, detail: string): FindingSubject {
  return {
    indicator: String(doc.indicators.find((i) => i.id === m.indicatorId)?.number ?? m.indicatorId),
    unit: m.aggregate ? 'aggregate' : unitName(doc, m.unitId),
    role: m.role,
    detail,
  };
}
