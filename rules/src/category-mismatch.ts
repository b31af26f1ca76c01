import { defineRule, hull, type Derivation, type FindingEvidence, type Interval, lineRef, numberRef, overlaps, type RuleContext, wordRef } from '@lkip/engine';
import type { Indicator, LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { fmt, indicatorLabel, indicatorShort, said, unitName } from './support/describe.js';
import { inputOf } from './support/evidence.js';
import { readingsOf } from './support/figures.js';
import { bandOfLabel, bandOverlaps, scaleLabel, scaleRange, scalesFor, type BandRange, type ScaleRanges } from './support/scales.js';
import { indicatorById, ofStatement } from './support/indexes.js';

type Context = RuleContext<unknown>;

/** A category label with the value it labels and the scales that could judge it. */
interface LabelledValue {
  category: Measurement & { label: NonNullable<Measurement['label']> };
  value: Quantity;
  /** The measurement of the value: its figure key and place, for the engine's groups. */
  measured: Measurement;
  indicator: Indicator;
  /** Every value the stated figure stands for, over all its readings. */
  interval: Interval;
}

type Verdict = { kind: 'fits' } | { kind: 'gap'; scale: ScaleRanges } | { kind: 'mismatch'; scale: ScaleRanges; bands: BandRange[] };

/** The realisation stated with the label: the same table row or prose clause. */
function valueOf(doc: LkipDocument, category: Measurement): Measurement | undefined {
  const sameStatement = ofStatement(doc, category.statement).filter((m) => m.role === 'realisation' && m.quantity && m.indicatorId === category.indicatorId);
  return sameStatement.find((m) => m.measure === category.measure) ?? sameStatement[0];
}

function labelledValues(doc: LkipDocument, context: Context): LabelledValue[] {
  const found: LabelledValue[] = [];
  for (const m of doc.measurements) {
    if (m.role !== 'category' || !m.label) continue;
    const indicator = indicatorById(doc).get(m.indicatorId);
    const measured = valueOf(doc, m);
    const value = measured?.quantity;
    if (!indicator || !measured || !value) continue;
    const interval = readingsOf(value)
      .map((r) => context.tolerance.of(r))
      .reduce(hull);
    found.push({ category: { ...m, label: m.label }, value, measured, indicator, interval });
  }
  return found;
}

/**
 * Judges a label against the scales that know it and whose range holds the value (IKP has a 1–4
 * scale and a 25–100 one with the same labels). Silent when no such scale exists: a label from
 * another vocabulary, or a value on another scale, is not this rule's to judge.
 */
function judge(item: LabelledValue, scales: ScaleRanges[]): Verdict | undefined {
  const applicable = scales.filter((s) => bandOfLabel(s, item.category.label.text) && overlaps(scaleRange(s), item.interval));
  if (applicable.length === 0) return undefined;
  let verdict: Verdict | undefined;
  for (const scale of applicable) {
    const stated = bandOfLabel(scale, item.category.label.text);
    if (stated && bandOverlaps(stated, item.interval)) return { kind: 'fits' };
    const bands = scale.bands.filter((b) => bandOverlaps(b, item.interval));
    if (bands.length > 0) verdict ??= { kind: 'mismatch', scale, bands };
    else verdict ??= { kind: 'gap', scale };
  }
  return verdict;
}

/** Writes a band's label the way the draft wrote the one it replaces ("tinggi", "TINGGI", "Tinggi"). */
export function labelLike(label: string, like: string): string {
  const letters = like.replace(/[^\p{L}]/gu, '');
  if (letters !== '' && letters === letters.toLowerCase()) return label.toLowerCase();
  if (letters.length > 1 && letters === letters.toUpperCase()) return label.toUpperCase();
  return label.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
}

/** Keeps quotes and spaces around the label as written: “ Tinggi” → “ Sangat Tinggi”. */
function relabel(written: string, label: string): string {
  const core = /\p{L}[\p{L}\s-]*\p{L}|\p{L}/u.exec(written);
  if (!core) return labelLike(label, written);
  return written.slice(0, core.index) + labelLike(label, core[0]) + written.slice(core.index + core[0].length);
}

/** A computed band edge in a message, with the decimals it needs. */
function edge(value: number): string {
  const text = fmt(value);
  return numberRef(value, text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
}

/** A band's range with its edges as the draft states them ("≥ 53,71", "49,74 – 53,50"). */
function bandText(band: BandRange): string {
  const lo = band.band?.min ? said(band.band.min) : edge(band.lo);
  const hi = band.band?.max ? said(band.band.max) : edge(band.hi);
  if (band.lo === -Infinity) return `${band.hiInclusive ? '≤' : '<'} ${hi}`;
  if (band.hi === Infinity) return `${band.loInclusive ? '≥' : '>'} ${lo}`;
  return `${lo} – ${hi}`;
}

function report(item: LabelledValue, verdict: Exclude<Verdict, { kind: 'fits' }>, doc: LkipDocument, context: Context): void {
  const { category, value, indicator } = item;
  const unit = unitName(doc, category.unitId) || category.place.label || '';
  const subject = { indicator: String(indicator.number ?? indicator.key), unit, role: 'category', detail: category.place.kind };
  const scalePosition = verdict.scale.scale?.position;
  const related = scalePosition ? [{ at: scalePosition, note: `${wordRef('scale')} ${scaleLabel(verdict.scale.name)}, ${lineRef(scalePosition.line)}` }] : [];
  const who = [indicatorShort(doc, indicator.id), unit].filter((w) => w.length > 0).join(', ');
  const data = { who, label: category.label.text.trim(), value: said(value), scale: scaleLabel(verdict.scale.name) };
  const evidence: FindingEvidence = { stated: { text: data.label }, basis: 'rule', label: indicatorLabel(doc, indicator.id) };
  // The stated label's band: a label that fits the value the other places state follows from a mistyped value.
  const statedBand = bandOfLabel(verdict.scale, category.label.text);
  if (statedBand) {
    const band: Extract<Derivation, { kind: 'category' }>['band'] = { loInclusive: statedBand.loInclusive, hiInclusive: statedBand.hiInclusive };
    if (Number.isFinite(statedBand.lo)) band.lo = statedBand.lo;
    if (Number.isFinite(statedBand.hi)) band.hi = statedBand.hi;
    evidence.derivation = { kind: 'category', value: inputOf(doc, item.measured), band };
  }
  if (verdict.kind === 'gap') {
    context.report({ at: category.label.position, messageId: 'inGap', data, related, subject, evidence });
    return;
  }
  const expected = verdict.bands.map((b) => `${b.label} (${bandText(b)})`).join(' / ');
  context.report({
    at: category.label.position,
    messageId: 'mismatch',
    data: { ...data, expected },
    suggestions: verdict.bands.map((b) => ({
      messageId: 'useBand',
      data: { band: b.label },
      fix: { at: category.label.position, text: relabel(category.label.text, b.label) },
    })),
    related,
    subject,
    evidence: { ...evidence, expected: { text: verdict.bands.map((b) => b.label).join(' / ') } },
  });
}

export default defineRule({
  meta: {
    id: 'category-mismatch',
    family: 'category',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'A stated category must be the band of the scale that its value falls in',
      descriptionId: 'Kategori yang disebut harus sesuai dengan rentang skala tempat nilainya berada',
    },
    messages: {
      mismatch: {
        en: '{who}: {value} is labelled “{label}”, but the scale puts it in {expected}.',
        id: '{who}: nilai {value} berkategori “{label}”, padahal menurut skala termasuk {expected}.',
      },
      inGap: {
        en: '{who}: {value} is labelled “{label}”, but it falls in no band of the scale.',
        id: '{who}: nilai {value} berkategori “{label}”, padahal tidak masuk rentang mana pun pada skala.',
      },
      useBand: {
        en: 'Change the category to “{band}”.',
        id: 'Ubah kategorinya menjadi “{band}”.',
      },
    },
  },
  check(doc, context) {
    const scalesByIndicator = new Map<string, ScaleRanges[]>();
    for (const item of labelledValues(doc, context)) {
      let scales = scalesByIndicator.get(item.indicator.id);
      if (!scales) {
        scales = scalesFor(doc, context.config, item.indicator);
        scalesByIndicator.set(item.indicator.id, scales);
      }
      const verdict = judge(item, scales);
      if (verdict && verdict.kind !== 'fits') report(item, verdict, doc, context);
    }
  },
});
