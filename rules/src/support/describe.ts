import { lineRef, numberRef, placeRef, unitNamed } from '@lkip/engine';
import type { LkipDocument, Place, Quantity } from '@lkip/schema';
import { formatIndonesianNumber, numberStyleOf } from '@lkip/parse';

export function unitName(doc: LkipDocument, unitId: string | undefined): string {
  return doc.units.find((u) => u.id === unitId)?.name ?? '';
}

/**
 * A row's label as a finding's subject: the office's name when the label names that office (see
 * `unitNamed`), so that one office is counted once in the summaries, whatever row named it;
 * otherwise the label as written.
 */
export function unitOrLabel(doc: LkipDocument, label: string): string {
  return unitNamed(doc.units, label)?.name ?? label;
}

/** What the draft calls its indicators ("IKU", "IKK"), as the reader found it; "Indikator" when it names none. */
export function indicatorNoun(doc: LkipDocument): string {
  return doc.meta.indicatorAcronym ?? 'Indikator';
}

/** "IKU 3": an indicator by its number, in the draft's own word for indicators. */
export function indicatorNumberLabel(doc: LkipDocument, number: number): string {
  return `${indicatorNoun(doc)} ${number}`;
}

export function indicatorLabel(doc: LkipDocument, indicatorId: string | undefined): string {
  const indicator = doc.indicators.find((i) => i.id === indicatorId);
  if (!indicator) return '';
  const name = indicator.name.length > 70 ? `${indicator.name.slice(0, 67)}…` : indicator.name;
  return indicator.number !== undefined ? `${indicatorNumberLabel(doc, indicator.number)} (${name})` : name;
}

/**
 * "PK BCNK Batu Merah", "tabel BAB III — Batu Merah": where a figure stands, with the kind of
 * place as a reference the engine words in the message's language ("the Chapter III table").
 */
export function placeName(doc: LkipDocument, place: Place, unitId?: string): string {
  let name = placeRef(place.kind);
  if (place.kind === 'signed-pk') {
    const section = doc.sections.find((s) => s.id === place.sectionId);
    const unit = unitName(doc, section?.unitId ?? unitId);
    name = unit ? `PK ${unit}` : placeRef('signed-pk');
  } else if (place.kind === 'recap' || place.kind === 'chapter-table' || place.kind === 'appendix') {
    const unit = unitName(doc, unitId);
    if (unit) name = `${name} — ${unit}`;
  }
  return name;
}

/** "tabel BAB III, baris 812": the kind of place and the line, for a figure of an office the message already names. */
export function placeShort(place: Place, line: number): string {
  return `${placeRef(place.kind)}, ${lineRef(line)}`;
}

/** "PK BCNK Batu Merah, baris 2341", "tabel BAB III — Batu Merah, baris 812": where another figure stands. */
export function placeNote(doc: LkipDocument, place: Place, line: number, unitId?: string): string {
  return `${placeName(doc, place, unitId)}, ${lineRef(line)}`;
}

/** "IKK 14": an indicator as short messages name it (its number, else its name cut to 40 characters). */
export function indicatorShort(doc: LkipDocument, indicatorId: string | undefined): string {
  const indicator = doc.indicators.find((i) => i.id === indicatorId);
  if (!indicator) return '';
  if (indicator.number !== undefined) return indicatorNumberLabel(doc, indicator.number);
  return indicator.name.length > 40 ? `${indicator.name.slice(0, 39)}…` : indicator.name;
}

/**
 * A figure inside a message: its number as a reference the engine writes in the message's
 * language (89,58 / 89.58), with "%" when the draft wrote one, and its unit of measure when asked.
 */
export function said(q: Quantity, withUnit = false): string {
  const percent = q.percent || /%/.test(q.raw) ? ' %' : '';
  const unit = withUnit && q.unit && !percent ? ` ${q.unit}` : '';
  return `${numberRef(q.value, q.decimals)}${percent}${unit}`;
}

/** A computed value inside a message, with the decimals of the figure it is compared with. */
export function saidValue(value: number, decimals: number, percent = false): string {
  return `${numberRef(value, decimals)}${percent ? ' %' : ''}`;
}

/** A figure as the draft wrote it, without its unit words. */
export function shown(q: Quantity): string {
  return q.raw.trim();
}

/** Writes a computed value in the style of the figure it replaces ("106,2" stays comma style). */
export function formatLike(value: number, decimals: number, like: Quantity): string {
  const style = numberStyleOf(like.raw);
  return formatIndonesianNumber(value, decimals, style);
}

/** The replacement text for a figure's number part, keeping its sign, % sign and unit as written. */
export function replaceNumber(q: Quantity, value: number, decimals = q.decimals): string {
  const number = /[-–−]?\s*\d[\d.,]*/.exec(q.raw);
  const formatted = formatLike(value, decimals, q);
  if (!number) return formatted;
  return q.raw.slice(0, number.index) + formatted + q.raw.slice(number.index + number[0].length);
}

/** Short human text of a number for messages. */
export function fmt(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}

/** Text cut to `max` characters with "…", so that a message naming it stays short. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
