import { achievementInterval, defineRule, hull, overlaps, polarityFor, type Interval, type RuleContext } from '@lkip/engine';
import type { CategoryStatement, Indicator, LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { indicatorLabel, placeNote, unitName } from './support/describe.js';
import { figureText, readingsOf } from './support/figures.js';
import { bandOfLabel, bandOverlaps, normaliseLabel, scalesFor } from './support/scales.js';

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
function valueOf(doc: LkipDocument, category: Measurement): Quantity | undefined {
  const row = doc.measurements.filter((m) => m.statement === category.statement && m.role === 'realisation' && m.quantity && m.indicatorId === category.indicatorId);
  return (row.find((m) => m.measure === category.measure) ?? row[0])?.quantity;
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

function checkCategories(doc: LkipDocument, context: Context): void {
  const fiscalYear = doc.meta.fiscalYear;
  // A report of one office states its categories for no office in particular.
  const singleOffice = doc.units.filter((u) => u.kind !== 'other' || doc.units.length === 1).length <= 1;
  const tableCategories = doc.measurements.filter((m) => m.role === 'category' && m.label && (m.unitId || singleOffice) && m.place.tableId !== undefined && !m.aggregate);
  for (const s of doc.categoryStatements) {
    if ((!s.unitId && !singleOffice) || s.year !== fiscalYear) continue;
    const indicator = doc.indicators.find((i) => i.id === s.indicatorId);
    if (!indicator) continue;
    const stated = tableCategories.filter((m) => m.indicatorId === s.indicatorId && (singleOffice || m.unitId === s.unitId) && m.year === s.year);
    const other = stated.find((m) => m.label && !sameLabel(m.label.text, s.label.text));
    if (!other?.label || stated.some((m) => m.label && sameLabel(m.label.text, s.label.text))) continue;
    const value = valueOf(doc, other);
    // The table's own value and the bands decide: a table label that its value contradicts is
    // category-mismatch's finding, and the prose may well be right.
    if (fitsBand(doc, context, indicator, other.label.text, value) === false && fitsBand(doc, context, indicator, s.label.text, value) !== false) continue;
    reportCategory(doc, context, s, other, value);
  }
}

function reportCategory(doc: LkipDocument, context: Context, s: CategoryStatement, other: Measurement, value: Quantity | undefined): void {
  const unit = unitName(doc, s.unitId);
  context.report({
    at: s.label.position,
    messageId: unit ? 'category' : 'categoryOfReport',
    data: {
      indicator: indicatorLabel(doc, s.indicatorId),
      unit,
      label: s.label.text,
      other: other.label?.text.trim() ?? '',
      value: value ? figureText(value) : '—',
      where: placeNote(doc, other.place, other.position.line, other.unitId),
    },
    related: [{ at: other.label?.position ?? other.position, note: placeNote(doc, other.place, other.position.line, other.unitId) }],
    subject: { indicator: s.indicatorId, unit, role: 'category', detail: `restated:${s.place.kind}` },
  });
}

// ---------------------------------------------------------------------------------------------
// Capaian restated

interface Achievement {
  m: Measurement & { quantity: Quantity };
  interval: Interval;
  /** The statement's own target and realisation give this capaian (true), contradict it (false), or are not there. */
  ownFigures: boolean | undefined;
}

function achievements(doc: LkipDocument, context: Context): Achievement[] {
  const out: Achievement[] = [];
  for (const m of doc.measurements) {
    if (m.role !== 'achievement' || !m.quantity || m.quantity.ambiguous) continue;
    const indicator = doc.indicators.find((i) => i.id === m.indicatorId);
    if (!indicator) continue;
    const same = (x: Measurement) => x.indicatorId === m.indicatorId && x.measure === m.measure && x.unitId === m.unitId && x.year === m.year && x.quantity !== undefined;
    const row = doc.measurements.filter((x) => x.statement === m.statement && same(x));
    // Prose states the target and the realisation in other clauses of the same place.
    const near = doc.measurements.filter((x) => same(x) && x.place.kind === m.place.kind && x.place.sectionId === m.place.sectionId && x.place.tableId === m.place.tableId);
    const pick = (role: Measurement['role']) => (row.find((x) => x.role === role) ?? near.find((x) => x.role === role))?.quantity;
    const target = pick('target');
    const realisation = pick('realisation');
    let ownFigures: boolean | undefined;
    if (target && realisation && !target.ambiguous && !realisation.ambiguous) {
      const polarity = polarityFor(indicator.name, context.config, indicator.polaritySource === 'stated' ? indicator.polarity : undefined);
      const computed = achievementInterval(target, realisation, polarity, context.tolerance.mode);
      ownFigures = computed ? overlaps(computed, context.tolerance.of(m.quantity)) : undefined;
    }
    out.push({ m: m as Achievement['m'], interval: context.tolerance.of(m.quantity), ownFigures });
  }
  return out;
}

function checkAchievements(doc: LkipDocument, context: Context): void {
  const groups = new Map<string, Achievement[]>();
  for (const a of achievements(doc, context)) {
    const key = `${a.m.indicatorId}|${a.m.unitId ?? ''}|${a.m.aggregate ? 'agg' : ''}|${a.m.measure}|${a.m.year}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
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
        messageId: 'achievement',
        data: {
          indicator: indicatorLabel(doc, a.m.indicatorId),
          unit,
          stated: figureText(a.m.quantity),
          other: figureText(reference.m.quantity),
          where: placeNote(doc, reference.m.place, reference.m.position.line, reference.m.unitId),
        },
        related: [{ at: reference.m.position, note: placeNote(doc, reference.m.place, reference.m.position.line, reference.m.unitId) }],
        subject: { indicator: a.m.indicatorId, unit, role: 'achievement', detail: `restated:${a.m.place.kind}` },
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
        en: '{indicator}, {unit}: the category is “{label}” here, but “{other}” in {where} (value {value}).',
        id: '{indicator}, {unit}: kategori di sini “{label}”, tetapi “{other}” di {where} (nilai {value}).',
      },
      categoryOfReport: {
        en: '{indicator}: the category is “{label}” here, but “{other}” in {where} (value {value}).',
        id: '{indicator}: kategori di sini “{label}”, tetapi “{other}” di {where} (nilai {value}).',
      },
      achievement: {
        en: '{indicator}, {unit}: the capaian is {stated} here, but {other} in {where}, where it follows from the target and realisation.',
        id: '{indicator}, {unit}: capaian di sini {stated}, tetapi {other} di {where}, yang sesuai dengan target dan realisasinya.',
      },
    },
  },
  check(doc, context) {
    checkCategories(doc, context);
    checkAchievements(doc, context);
  },
});
