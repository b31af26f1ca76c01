import { achievementInterval, defineRule, hull, overlaps, polarityFor, wordRef, type FindingEvidence, type Interval, type ResolvedPolarity, type RuleContext } from '@lkip/engine';
import type { CategoryStatement, Indicator, LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { indicatorLabel, indicatorShort, placeName, placeNote, placeShort, said, unitName } from './support/describe.js';
import { derivationBand, figureKey, figureOf as evidenceFigure, inputOf } from './support/evidence.js';
import { isCount, readingsOf } from './support/figures.js';
import { bandOfLabel, bandOverlaps, normaliseLabel, scalesFor, type BandRange } from './support/scales.js';
import { indicatorById, ofStatement } from './support/indexes.js';

/**
 * restated-achievement: the capaian % and the category of one indicator and office, stated again
 * elsewhere, must say the same. cross-ref-mismatch compares targets and realisations; this rule
 * compares what the draft concludes from them: "Dektara Provinsi … berkategori “Tinggi”" in the
 * summary where the chapter table says "Sangat Tinggi", a capaian of 113,8 % in the summary and
 * 118,2 % in the recap. When the draft's own figures or bands settle which statement is wrong,
 * only that one is reported (the other rules report a table that contradicts its own figures).
 */

type Context = RuleContext<unknown>;

function sameLabel(a: string, b: string): boolean {
  return normaliseLabel(a) === normaliseLabel(b);
}

/** The realisation stated with a table category: the same row. */
function valueOf(doc: LkipDocument, category: Measurement): Measurement | undefined {
  const row = ofStatement(doc, category.statement).filter((m) => m.role === 'realisation' && m.quantity && m.indicatorId === category.indicatorId);
  return row.find((m) => m.measure === category.measure) ?? row[0];
}

/** Whether `label` is the band the value falls in on one of the indicator's scales; undefined when no scale can say. */
function fitsBand(doc: LkipDocument, context: Context, indicator: Indicator, label: string, value: Quantity | undefined): boolean | undefined {
  if (!value) return undefined;
  const interval = readingsOf(value).map((r) => context.tolerance.of(r)).reduce(hull);
  let verdict: boolean | undefined;
  for (const scale of scalesFor(doc, context.config, indicator)) {
    const band = bandOfLabel(scale, label);
    if (!band) continue;
    if (bandOverlaps(band, interval)) return true;
    verdict = false;
  }
  return verdict;
}

/** The band a label names on the first of the indicator's scales that knows it. */
function bandOf(doc: LkipDocument, context: Context, indicator: Indicator, label: string): BandRange | undefined {
  for (const scale of scalesFor(doc, context.config, indicator)) {
    const band = bandOfLabel(scale, label);
    if (band) return band;
  }
  return undefined;
}

function checkCategories(doc: LkipDocument, context: Context): void {
  const fiscalYear = doc.meta.fiscalYear;
  // A report of one office states its categories for no office in particular.
  const singleOffice = doc.units.filter((u) => u.kind !== 'other' || doc.units.length === 1).length <= 1;
  // The tables' category labels by indicator and year: each statement looks only at its own.
  const tableCategories = new Map<string, Measurement[]>();
  for (const m of doc.measurements) {
    if (m.role !== 'category' || !m.label || !(m.unitId || singleOffice) || m.place.tableId === undefined || m.aggregate) continue;
    const key = `${m.indicatorId}\u0000${m.year}`;
    const list = tableCategories.get(key);
    if (list) list.push(m);
    else tableCategories.set(key, [m]);
  }
  for (const s of doc.categoryStatements) {
    if ((!s.unitId && !singleOffice) || s.year !== fiscalYear) continue;
    const indicator = indicatorById(doc).get(s.indicatorId);
    if (!indicator) continue;
    const stated = (tableCategories.get(`${s.indicatorId}\u0000${s.year}`) ?? []).filter((m) => singleOffice || m.unitId === s.unitId);
    const other = stated.find((m) => m.label && !sameLabel(m.label.text, s.label.text));
    if (!other?.label || stated.some((m) => m.label && sameLabel(m.label.text, s.label.text))) continue;
    const measured = valueOf(doc, other);
    const value = measured?.quantity;
    // The table's own value and the bands decide: a table label that its value contradicts is
    // category-mismatch's finding, and the prose may well be right.
    if (fitsBand(doc, context, indicator, other.label.text, value) === false && fitsBand(doc, context, indicator, s.label.text, value) !== false) continue;
    reportCategory(doc, context, s, other, measured, bandOf(doc, context, indicator, s.label.text));
  }
}

function reportCategory(doc: LkipDocument, context: Context, s: CategoryStatement, other: Measurement, measured: Measurement | undefined, statedBand: BandRange | undefined): void {
  const unit = unitName(doc, s.unitId);
  const value = measured?.quantity;
  const evidence: FindingEvidence = {
    figure: figureKey(doc, { indicatorId: s.indicatorId, unitId: s.unitId, aggregate: false, role: 'category', measure: other.measure, year: s.year }),
    stated: { text: s.label.text.trim() },
    expected: { text: other.label?.text.trim() ?? '' },
    basis: 'rule',
    place: placeName(doc, s.place, s.unitId),
    label: indicatorLabel(doc, s.indicatorId),
  };
  // The stated label, judged by the table's value: it follows from that value once it is corrected.
  if (measured && statedBand) evidence.derivation = { kind: 'category', value: inputOf(doc, measured), band: derivationBand(statedBand) };
  context.report({
    at: s.label.position,
    messageId: unit ? 'category' : 'categoryOfReport',
    data: {
      indicator: indicatorShort(doc, s.indicatorId),
      unit,
      label: s.label.text,
      other: other.label?.text.trim() ?? '',
      value: value ? said(value) : '—',
      where: placeShort(other.place, other.position.line),
    },
    related: [{ at: other.label?.position ?? other.position, note: placeNote(doc, other.place, other.position.line, other.unitId) }],
    subject: { indicator: s.indicatorId, unit, role: 'category', detail: `restated:${s.place.kind}` },
    evidence,
  });
}

// ---------------------------------------------------------------------------------------------
// Capaian restated

interface Achievement {
  m: Measurement & { quantity: Quantity };
  interval: Interval;
  /** The statement's own target and realisation give this capaian (true), contradict it (false), or are not there. */
  ownFigures: boolean | undefined;
  /** The target and realisation it was computed from, when the statement has them. */
  inputs?: { target: Measurement; realisation: Measurement; polarity: ResolvedPolarity };
}

/** One figure (indicator, measure, office, year) wherever it is stated. */
function figureOf(m: Measurement): string {
  return [m.indicatorId, m.measure, m.unitId ?? '\u0001', m.year].join('\u0000');
}

/** The same figure in the same kind of place, section and table. */
function placeOf(m: Measurement): string {
  return [figureOf(m), m.place.kind, m.place.sectionId ?? '\u0001', m.place.tableId ?? '\u0001'].join('\u0000');
}

function achievements(doc: LkipDocument, context: Context): Achievement[] {
  // The stated figures by figure and place, in the draft's order: each capaian looks only at its own.
  const byPlace = new Map<string, Measurement[]>();
  for (const x of doc.measurements) {
    if (x.quantity === undefined) continue;
    const list = byPlace.get(placeOf(x));
    if (list) list.push(x);
    else byPlace.set(placeOf(x), [x]);
  }
  const indicators = new Map<string, Indicator>();
  for (const i of [...doc.indicators].reverse()) indicators.set(i.id, i);
  const out: Achievement[] = [];
  for (const m of doc.measurements) {
    if (m.role !== 'achievement' || !m.quantity || m.quantity.ambiguous) continue;
    const indicator = indicators.get(m.indicatorId);
    if (!indicator) continue;
    const figure = figureOf(m);
    // The statement's own figures are few; its figure's statements grow with the draft.
    const row = ofStatement(doc, m.statement).filter((x) => x.quantity !== undefined && figureOf(x) === figure);
    // Prose states the target and the realisation in other clauses of the same place.
    const near = byPlace.get(placeOf(m)) ?? [];
    const pick = (role: Measurement['role']) => row.find((x) => x.role === role) ?? near.find((x) => x.role === role);
    const targetStated = pick('target');
    const realisationStated = pick('realisation');
    const target = targetStated?.quantity;
    const realisation = realisationStated?.quantity;
    let ownFigures: boolean | undefined;
    let inputs: Achievement['inputs'];
    if (targetStated && realisationStated && target && realisation && !target.ambiguous && !realisation.ambiguous) {
      const polarity = polarityFor(indicator.name, context.config, indicator.polaritySource === 'stated' ? indicator.polarity : undefined);
      const computed = achievementInterval(target, realisation, polarity, context.tolerance.mode);
      ownFigures = computed ? overlaps(computed, context.tolerance.of(m.quantity)) : undefined;
      inputs = { target: targetStated, realisation: realisationStated, polarity };
    }
    out.push({ m: m as Achievement['m'], interval: context.tolerance.of(m.quantity), ownFigures, ...(inputs ? { inputs } : {}) });
  }
  return out;
}

/**
 * The capaian restated is the reference's figure, computed from the reference's target and
 * realisation: when one of them is the odd figure of a cross-reference and the restated capaian
 * holds with its corrected value, the engine puts this finding in that figure's group.
 */
function achievementEvidence(doc: LkipDocument, a: Achievement, reference: Achievement): FindingEvidence {
  const evidence: FindingEvidence = {
    figure: figureKey(doc, a.m),
    stated: evidenceFigure(a.m.quantity),
    expected: evidenceFigure(reference.m.quantity),
    basis: 'rule',
    role: 'achievement',
    place: placeName(doc, a.m.place, a.m.unitId),
    label: indicatorLabel(doc, a.m.indicatorId),
  };
  const inputs = reference.inputs;
  if (inputs) {
    evidence.derivation = {
      kind: 'achievement',
      target: inputOf(doc, inputs.target, !inputs.target.aggregate),
      realisation: inputOf(doc, inputs.realisation, isCount(inputs.realisation.quantity as Quantity)),
      polarity: inputs.polarity,
    };
  }
  return evidence;
}

function checkAchievements(doc: LkipDocument, context: Context): void {
  const groups = new Map<string, Achievement[]>();
  for (const a of achievements(doc, context)) {
    const key = `${a.m.indicatorId}|${a.m.unitId ?? ''}|${a.m.aggregate ? 'agg' : ''}|${a.m.measure}|${a.m.year}`;
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  for (const group of groups.values()) {
    // Statements whose own figures contradict them are capaian-mismatch's; the rest must agree.
    const trusted = group.filter((a) => a.ownFigures === true);
    const bare = group.filter((a) => a.ownFigures === undefined);
    for (const a of bare) {
      const reference = trusted.find((t) => !overlaps(t.interval, a.interval));
      if (!reference || trusted.some((t) => overlaps(t.interval, a.interval))) continue;
      const unit = unitName(doc, a.m.unitId) || (a.m.aggregate ? 'rata-rata' : '');
      context.report({
        at: a.m.quantity.position,
        messageId: unit ? 'achievement' : 'achievementOfReport',
        data: {
          indicator: indicatorShort(doc, a.m.indicatorId),
          unit: unitName(doc, a.m.unitId) || (a.m.aggregate ? wordRef('aggregate') : ''),
          stated: said(a.m.quantity),
          other: said(reference.m.quantity),
          where: placeShort(reference.m.place, reference.m.position.line),
        },
        related: [{ at: reference.m.position, note: placeNote(doc, reference.m.place, reference.m.position.line, reference.m.unitId) }],
        subject: { indicator: a.m.indicatorId, unit, role: 'achievement', detail: `restated:${a.m.place.kind}` },
        evidence: achievementEvidence(doc, a, reference),
      });
    }
  }
}

export default defineRule({
  meta: {
    id: 'restated-achievement',
    family: 'cross-reference',
    defaultSeverity: 'warn',
    fixable: false,
    docs: {
      description: 'The capaian and the category of one indicator and office must be stated the same wherever they are restated',
      descriptionId: 'Capaian dan kategori satu indikator dan satker harus sama di setiap tempat disebutkan ulang',
    },
    messages: {
      category: {
        en: '{indicator}, {unit}: category “{label}” here, but “{other}” in {where} (value {value}).',
        id: '{indicator}, {unit}: kategori di sini “{label}”, tetapi “{other}” di {where} (nilai {value}).',
      },
      categoryOfReport: {
        en: '{indicator}: category “{label}” here, but “{other}” in {where} (value {value}).',
        id: '{indicator}: kategori di sini “{label}”, tetapi “{other}” di {where} (nilai {value}).',
      },
      achievement: {
        en: '{indicator}, {unit}: capaian {stated} here, but {other} in {where}, which its target and realisation give.',
        id: '{indicator}, {unit}: capaian di sini {stated}, tetapi {other} di {where}, sesuai target dan realisasinya.',
      },
      achievementOfReport: {
        en: '{indicator}: capaian {stated} here, but {other} in {where}, which its target and realisation give.',
        id: '{indicator}: capaian di sini {stated}, tetapi {other} di {where}, sesuai target dan realisasinya.',
      },
    },
  },
  check(doc, context) {
    checkCategories(doc, context);
    checkAchievements(doc, context);
  },
});
