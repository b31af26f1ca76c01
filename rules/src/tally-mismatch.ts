import {
  defineRule,
  overlaps,
  pointAchievement,
  polarityFor,
  roundTo,
  type FindingEvidence,
  type FixDescriptor,
  type StandingInput,
  type RelatedDescriptor,
  type ResolvedPolarity,
  type RuleContext,
  type Tolerance,
} from '@lkip/engine';
import type { CategoryCountClaim, Indicator, LkipDocument, Measurement, NumberWord, Quantity, ReportingUnit, TallyClaim } from '@lkip/schema';
import { indicatorLabel, indicatorNoun, indicatorNumberLabel, placeName, placeNote, replaceNumber, said, unitName } from './support/describe.js';
import { figureKey, figureOf, inputOf } from './support/evidence.js';
import { inCaseOf, numberWord } from './support/number-words.js';
import { readingsOf } from './support/figures.js';
import { bandOverlaps, normaliseLabel, rankOfLabel, scaleRange, scalesFor, type ScaleRanges } from './support/scales.js';
import { ofIndicator } from './support/indexes.js';

type TallyClass = 'above' | 'at' | 'below';
const CLASSES: readonly TallyClass[] = ['above', 'at', 'below'];
const TALLY_MESSAGE: Record<TallyClass, string> = { above: 'tallyAbove', at: 'tallyAt', below: 'tallyBelow' };

/** What the draft's own figures allow a count to be: every value from `min` to `max`. */
interface CountRange {
  min: number;
  max: number;
}

type Membership = 'yes' | 'no' | 'maybe';

/** Whether one district office counts towards a "Jumlah Kab/Kota …" figure, and why. */
interface UnitVerdict {
  unit: ReportingUnit;
  verdict: Membership;
  /** The categories the draft gives the unit (or its values' bands), for messages. */
  labels: string[];
  evidence: Measurement[];
  /** For a count of offices reaching their target: the pair each verdict came from, for the engine's recount. */
  pairs?: StandingInput[];
}

type Context = RuleContext<unknown>;

// ── report-level figures ────────────────────────────────────────────────────────────────────

function provinceId(doc: LkipDocument): string | undefined {
  return doc.units.find((u) => u.kind === 'province')?.id;
}

/**
 * The indicator's own figure for the whole report: the province office's, or one with no unit
 * (a summary row, which the reader marks as an aggregate when the draft names no province office).
 */
function isReportLevel(m: Measurement, province: string | undefined): boolean {
  return m.measure === 'indicator' && (m.unitId === undefined || m.unitId === province) && m.quantity !== undefined;
}

function indicatorPolarity(indicator: Indicator, context: Context): ResolvedPolarity {
  return polarityFor(indicator.name, context.config, indicator.polaritySource === 'default' ? undefined : indicator.polarity);
}

function indicatorRef(doc: LkipDocument, indicator: Indicator): string {
  return indicator.number !== undefined ? indicatorNumberLabel(doc, indicator.number) : indicator.name;
}

// ── (a) above / at / below target ───────────────────────────────────────────────────────────

interface Pair {
  target: Quantity;
  realisation: Quantity;
  /** The achievement stated beside them: its decimals say what "100 %" means in that place. */
  achievement?: Quantity;
}

function classOfAchievement(achievement: number, decimals: number): TallyClass {
  // An achievement that the draft would print as 100 % is "sesuai target" (99,996 % → 100,00 %).
  if (roundTo(achievement, decimals) === 100) return 'at';
  return achievement > 100 ? 'above' : 'below';
}

function classesOfPair(pair: Pair, polarity: ResolvedPolarity): TallyClass[] {
  const decimals = pair.achievement?.decimals ?? 2;
  const found: TallyClass[] = [];
  for (const t of readingsOf(pair.target)) {
    for (const r of readingsOf(pair.realisation)) {
      const achievement = pointAchievement(t, r, polarity);
      if (achievement !== undefined) found.push(classOfAchievement(achievement, decimals));
    }
  }
  return found;
}

/** What a figure's class depends on: its readings. */
function readingsKey(q: Quantity): string {
  return readingsOf(q)
    .map((r) => `${r.value}:${r.decimals}`)
    .join('|');
}

function pairsByStatement(figures: Measurement[]): Pair[] {
  const statements = new Map<string, Measurement[]>();
  for (const m of figures) statements.set(m.statement, [...(statements.get(m.statement) ?? []), m]);
  const pairs: Pair[] = [];
  for (const group of statements.values()) {
    const target = group.find((m) => m.role === 'target')?.quantity;
    const realisation = group.find((m) => m.role === 'realisation')?.quantity;
    const achievement = group.find((m) => m.role === 'achievement')?.quantity;
    if (target && realisation) pairs.push(achievement ? { target, realisation, achievement } : { target, realisation });
  }
  return pairs;
}

/**
 * Where the indicator stands against its target, from its report-level figures: the BAB III
 * table's target and realisation; else the PK target against any stated realisation; else the
 * stated achievement. Several figures that disagree give several classes (the cross-reference
 * rule reports the disagreement itself); undefined when the draft states nothing usable.
 */
export function tallyClassesOf(doc: LkipDocument, indicator: Indicator, context: Context): Set<TallyClass> | undefined {
  const province = provinceId(doc);
  const figures = ofIndicator(doc, indicator.id).filter((m) => isReportLevel(m, province));
  const polarity = indicatorPolarity(indicator, context);
  const classes = new Set<TallyClass>();

  const tablePairs = pairsByStatement(figures.filter((m) => m.place.kind === 'chapter-table'));
  let pairs = tablePairs;
  if (pairs.length === 0) {
    const pkTargets = figures.filter((m) => m.role === 'target' && m.place.kind === 'pk');
    const targets = pkTargets.length > 0 ? pkTargets : figures.filter((m) => m.role === 'target' && m.place.kind === 'signed-pk');
    // Each pair of figures as read, once: a draft states the same target and realisation in many places.
    const distinct = (list: Measurement[]) => [...new Map(list.map((m) => [readingsKey(m.quantity as Quantity), m.quantity as Quantity])).values()];
    const realisations = distinct(figures.filter((m) => m.role === 'realisation'));
    pairs = distinct(targets).flatMap((target) => realisations.map((realisation) => ({ target, realisation })));
  }
  for (const pair of pairs) for (const c of classesOfPair(pair, polarity)) classes.add(c);
  if (classes.size > 0) return classes;

  for (const m of figures.filter((f) => f.role === 'achievement')) {
    for (const reading of readingsOf(m.quantity as Quantity)) classes.add(classOfAchievement(reading.value, reading.decimals));
  }
  return classes.size > 0 ? classes : undefined;
}

/**
 * What one document and one config give, computed once for all of the draft's claims (a draft
 * repeats its tallies in the summary, the chapter and the closing).
 */
function perConfig<T>(compute: (doc: LkipDocument, context: Context) => T): (doc: LkipDocument, context: Context) => T {
  const cache = new WeakMap<LkipDocument, WeakMap<object, T>>();
  return (doc, context) => {
    const byConfig = cache.get(doc) ?? new WeakMap<object, T>();
    cache.set(doc, byConfig);
    if (byConfig.has(context.config)) return byConfig.get(context.config) as T;
    const value = compute(doc, context);
    byConfig.set(context.config, value);
    return value;
  };
}

const tallyRanges = perConfig(readTallyRanges);

function readTallyRanges(doc: LkipDocument, context: Context): { ranges: Record<TallyClass, CountRange>; members: Record<TallyClass, Indicator[]> } {
  const ranges: Record<TallyClass, CountRange> = { above: { min: 0, max: 0 }, at: { min: 0, max: 0 }, below: { min: 0, max: 0 } };
  const members: Record<TallyClass, Indicator[]> = { above: [], at: [], below: [] };
  for (const indicator of doc.indicators) {
    const classes = tallyClassesOf(doc, indicator, context);
    for (const c of CLASSES) {
      if (classes === undefined || classes.has(c)) ranges[c].max++;
      if (classes?.size === 1 && classes.has(c)) {
        ranges[c].min++;
        members[c].push(indicator);
      }
    }
  }
  return { ranges, members };
}

function outside(q: Quantity, range: CountRange): boolean {
  return readingsOf(q).every((r) => r.value < range.min || r.value > range.max);
}

function shownRange(range: CountRange): string {
  return range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
}

/** The count and its number word, rewritten together: "4 (empat)" → "5 (lima)". */
function countFix(q: Quantity, word: NumberWord | undefined, value: number): FixDescriptor[] {
  const edits: FixDescriptor[] = [{ at: q.position, text: replaceNumber(q, value, 0) }];
  const words = numberWord(value);
  if (word && words !== undefined) edits.push({ at: word.position, text: inCaseOf(words, word.text) });
  return edits;
}

/**
 * The figures each indicator's standing comes from (the BAB III table's target and realisation),
 * so that the engine can recount a tally with one of them corrected: a tally that is one off only
 * because a realisation was mistyped in the table follows from that figure.
 */
const standingInputs = perConfig(readStandingInputs);

function readStandingInputs(doc: LkipDocument, context: Context): StandingInput[] {
  const province = provinceId(doc);
  const out: StandingInput[] = [];
  for (const indicator of doc.indicators) {
    const figures = ofIndicator(doc, indicator.id).filter((m) => isReportLevel(m, province) && m.place.kind === 'chapter-table');
    const statement = figures.find((m) => m.role === 'target')?.statement;
    const target = figures.find((m) => m.statement === statement && m.role === 'target');
    const realisation = figures.find((m) => m.statement === statement && m.role === 'realisation');
    if (!target?.quantity || !realisation?.quantity) continue;
    const achievement = figures.find((m) => m.statement === statement && m.role === 'achievement')?.quantity;
    out.push({
      label: indicatorRef(doc, indicator),
      target: inputOf(doc, target),
      realisation: inputOf(doc, realisation),
      polarity: indicatorPolarity(indicator, context),
      decimals: achievement?.decimals ?? 2,
    });
  }
  return out;
}

function checkTally(claim: TallyClaim, doc: LkipDocument, context: Context): void {
  const { ranges, members } = tallyRanges(doc, context);
  for (const c of CLASSES) {
    const stated = claim[c];
    if (!stated || !outside(stated, ranges[c])) continue;
    const word = claim[`${c}Word`];
    const range = ranges[c];
    const indicators = members[c].map((i) => indicatorRef(doc, i)).join(', ') || '—';
    const evidence: FindingEvidence = {
      figure: `tally|${c}`,
      stated: figureOf(stated),
      basis: 'derived',
      role: 'count',
      derivation: { kind: 'standing-count', standing: c, indicators: standingInputs(doc, context) },
    };
    if (range.min === range.max) evidence.expected = { text: String(range.min), value: range.min, decimals: 0 };
    context.report({
      at: stated.position,
      messageId: TALLY_MESSAGE[c],
      data: { stated: said(stated), computed: shownRange(range), indicators, noun: indicatorNoun(doc) },
      ...(range.min === range.max ? { fix: countFix(stated, word, range.min) } : {}),
      subject: { role: c, detail: `tally:${claim.place.kind}` },
      evidence,
    });
  }
}

// ── (b) and (c): districts in a category, districts reaching their target ──────────────────

function districts(doc: LkipDocument): ReportingUnit[] {
  return doc.units.filter((u) => u.kind !== 'province');
}

function combine(verdicts: Membership[]): Membership {
  if (verdicts.length === 0) return 'maybe';
  if (verdicts.every((v) => v === 'yes')) return 'yes';
  if (verdicts.every((v) => v === 'no')) return 'no';
  return 'maybe';
}

/** Does a unit's category count for `category` ("berkategori Tinggi" counts Sangat Tinggi too when `atLeast`)? */
function labelCounts(label: string, category: string, atLeast: boolean, scales: ScaleRanges[]): Membership {
  for (const scale of scales) {
    const rank = rankOfLabel(scale, label);
    const wanted = rankOfLabel(scale, category);
    if (rank === undefined || wanted === undefined) continue;
    return (atLeast ? rank >= wanted : rank === wanted) ? 'yes' : 'no';
  }
  // Without a scale that knows both labels only the same label is certain; with one that knows
  // the category but not the label (a misspelt label), nothing is.
  if (normaliseLabel(label) === normaliseLabel(category)) return 'yes';
  return scales.some((s) => rankOfLabel(s, category) !== undefined) ? 'maybe' : 'no';
}

function categoryVerdicts(doc: LkipDocument, indicator: Indicator, category: string, atLeast: boolean, context: Context): UnitVerdict[] {
  const scales = scalesFor(doc, context.config, indicator);
  const ofUnit = (unit: ReportingUnit, role: Measurement['role']) =>
    ofIndicator(doc, indicator.id).filter(
      (m) => m.unitId === unit.id && !m.aggregate && m.measure === 'unit-value' && m.role === role && m.place.kind === 'chapter-table',
    );
  return districts(doc).map((unit) => {
    const labelled = ofUnit(unit, 'category').filter((m) => m.label !== undefined);
    if (labelled.length > 0) {
      const labels = labelled.map((m) => m.label?.text ?? '');
      return { unit, labels, evidence: labelled, verdict: combine(labels.map((l) => labelCounts(l, category, atLeast, scales))) };
    }
    // No Kategori column: the unit's value falls in a band of the scale.
    const valued = ofUnit(unit, 'realisation');
    const labels: string[] = [];
    const verdicts: Membership[] = [];
    for (const m of valued) {
      for (const reading of readingsOf(m.quantity as Quantity)) {
        const interval = context.tolerance.of(reading);
        const scale = scales.find((s) => overlaps(scaleRange(s), interval));
        const bands = scale?.bands.filter((b) => bandOverlaps(b, interval)) ?? [];
        if (!scale || bands.length === 0) {
          verdicts.push('maybe');
          continue;
        }
        labels.push(...bands.map((b) => b.label));
        verdicts.push(combine(bands.map((b) => labelCounts(b.label, category, atLeast, [scale]))));
      }
    }
    return { unit, labels, evidence: valued, verdict: combine(verdicts) };
  });
}

function meetsTarget(target: Quantity, realisation: Quantity, polarity: ResolvedPolarity, tolerance: Tolerance): Membership {
  const verdicts: Membership[] = [];
  for (const t of readingsOf(target)) {
    for (const r of readingsOf(realisation)) {
      const meets = polarity.polarity === 'higher-is-better' ? r.value >= t.value : r.value <= t.value;
      // As written the unit misses its target, but the rounding of the two figures could hide a hit.
      verdicts.push(meets ? 'yes' : overlaps(tolerance.of(t), tolerance.of(r)) ? 'maybe' : 'no');
    }
  }
  return combine(verdicts);
}

function targetVerdicts(doc: LkipDocument, indicator: Indicator, context: Context): UnitVerdict[] {
  const measureName = indicator.countOf?.measureName ?? indicator.name;
  const polarity = polarityFor(measureName, context.config);
  return districts(doc).map((unit) => {
    const figures = ofIndicator(doc, indicator.id).filter((m) => m.unitId === unit.id && !m.aggregate && m.measure === 'unit-value' && m.quantity);
    const inTables = figures.filter((m) => m.place.kind === 'chapter-table');
    const source = pairsByStatement(inTables).length > 0 ? inTables : figures;
    const statements = new Set(source.map((m) => m.statement));
    const verdicts: Membership[] = [];
    const evidence: Measurement[] = [];
    const pairs: StandingInput[] = [];
    for (const statement of statements) {
      const target = source.find((m) => m.statement === statement && m.role === 'target');
      const realisation = source.find((m) => m.statement === statement && m.role === 'realisation');
      if (!target?.quantity || !realisation?.quantity) continue;
      verdicts.push(meetsTarget(target.quantity, realisation.quantity, polarity, context.tolerance));
      evidence.push(realisation);
      pairs.push({ label: unit.name, target: inputOf(doc, target), realisation: inputOf(doc, realisation), polarity, decimals: 2 });
    }
    return { unit, labels: [], evidence, pairs, verdict: combine(verdicts) };
  });
}

function countRange(verdicts: UnitVerdict[]): CountRange {
  return {
    min: verdicts.filter((v) => v.verdict === 'yes').length,
    max: verdicts.filter((v) => v.verdict !== 'no').length,
  };
}

function unitList(doc: LkipDocument, verdicts: UnitVerdict[]): string {
  const named = verdicts.filter((v) => v.verdict !== 'no').map((v) => unitName(doc, v.unit.id) + (v.verdict === 'maybe' ? ' (?)' : ''));
  return named.length > 0 ? named.join(', ') : '—';
}

function evidenceNotes(doc: LkipDocument, verdicts: UnitVerdict[]): RelatedDescriptor[] {
  return verdicts
    .filter((v) => v.verdict !== 'no')
    .flatMap((v) => v.evidence.slice(0, 1))
    .map((m) => ({ at: m.label?.position ?? m.position, note: placeNote(doc, m.place, m.position.line, m.unitId) }));
}

function checkCountIndicator(indicator: Indicator, doc: LkipDocument, context: Context): void {
  const countOf = indicator.countOf;
  if (!countOf) return;
  let verdicts: UnitVerdict[];
  if (countOf.criterion === 'target') verdicts = targetVerdicts(doc, indicator, context);
  else if (countOf.category !== undefined) verdicts = categoryVerdicts(doc, indicator, countOf.category, true, context);
  else return;
  // Nothing in the draft says how any district did: there is nothing to count against.
  if (verdicts.every((v) => v.verdict === 'maybe')) return;
  const range = countRange(verdicts);
  const province = provinceId(doc);
  const stated = ofIndicator(doc, indicator.id).filter((m) => m.role === 'realisation' && isReportLevel(m, province));
  for (const m of stated) {
    const q = m.quantity as Quantity;
    if (!outside(q, range)) continue;
    const fixText = replaceNumber(q, range.min, 0);
    const evidence: FindingEvidence = {
      figure: figureKey(doc, m),
      stated: figureOf(q),
      basis: 'derived',
      role: 'realisation',
      place: placeName(doc, m.place, m.unitId),
      label: indicatorLabel(doc, indicator.id),
    };
    if (range.min === range.max) evidence.expected = { text: fixText, value: range.min, decimals: 0 };
    // "N Kab/Kota reached their target" is a recount the engine can redo with a district's figure corrected.
    if (countOf.criterion === 'target') evidence.derivation = { kind: 'standing-count', standing: 'reached', indicators: verdicts.flatMap((v) => v.pairs?.slice(0, 1) ?? []) };
    // The target the count is measured against: a fix that moves the indicator across it is for the reviewer.
    const targets = ofIndicator(doc, indicator.id).filter((t) => t.role === 'target' && isReportLevel(t, province));
    const target = targets.find((t) => t.statement === m.statement) ?? targets.find((t) => t.place.kind === 'chapter-table') ?? targets[0];
    if (target?.quantity) evidence.against = { target: figureOf(target.quantity), polarity: { polarity: 'higher-is-better' } };
    context.report({
      at: q.position,
      messageId: countOf.criterion === 'target' ? 'countOfTarget' : 'countOfCategory',
      data: { indicator: indicatorRef(doc, indicator), stated: said(q), computed: shownRange(range), category: countOf.category ?? '', units: unitList(doc, verdicts) },
      ...(range.min === range.max ? { fix: { at: q.position, text: fixText } } : {}),
      related: evidenceNotes(doc, verdicts),
      subject: { indicator: String(indicator.number ?? indicator.key), role: 'realisation', detail: `count-of:${m.place.kind}` },
      evidence,
    });
  }
}

function checkCategoryCount(claim: CategoryCountClaim, doc: LkipDocument, context: Context): void {
  const indicator = doc.indicators.find((i) => i.id === claim.indicatorId);
  if (!indicator) return;
  const verdicts = categoryVerdicts(doc, indicator, claim.category, claim.atLeast, context);
  if (verdicts.every((v) => v.verdict === 'maybe')) return;
  const range = countRange(verdicts);
  const subject = { indicator: String(indicator.number ?? indicator.key), role: 'category', detail: `category-count:${normaliseLabel(claim.category)}` };
  if (outside(claim.count, range)) {
    context.report({
      at: claim.count.position,
      messageId: 'categoryCount',
      data: { stated: said(claim.count), category: claim.category, computed: shownRange(range), units: unitList(doc, verdicts) },
      ...(range.min === range.max
        ? { suggestions: [{ messageId: 'setCount', data: { computed: range.min }, fix: { at: claim.count.position, text: replaceNumber(claim.count, range.min, 0) } }] }
        : {}),
      related: evidenceNotes(doc, verdicts),
      subject,
    });
  }
  for (const unitId of claim.unitIds) {
    const verdict = verdicts.find((v) => v.unit.id === unitId);
    if (verdict?.verdict !== 'no') continue;
    context.report({
      at: claim.position,
      messageId: 'unitNotInCategory',
      data: { unit: unitName(doc, unitId), category: claim.category, actual: [...new Set(verdict.labels)].join(', ') || '—' },
      related: verdict.evidence.slice(0, 1).map((m) => ({ at: m.label?.position ?? m.position, note: placeNote(doc, m.place, m.position.line, m.unitId) })),
      subject: { ...subject, unit: unitName(doc, unitId) },
    });
  }
}

export default defineRule({
  meta: {
    id: 'tally-mismatch',
    family: 'tally',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    docs: {
      description: 'Tallies of indicators above, at and below target, and counts of districts by category or by target, must agree with the figures they count',
      descriptionId:
        'Jumlah indikator di atas, sesuai dan di bawah target, serta jumlah Kab/Kota per kategori atau yang mencapai target, harus sesuai dengan angka yang dihitungnya',
    },
    messages: {
      tallyAbove: {
        en: 'The tally says {stated} {noun} above target; their own figures give {computed}.',
        id: 'Disebutkan {stated} {noun} di atas target; capaian masing-masing memberi {computed}.',
      },
      tallyAt: {
        en: 'The tally says {stated} {noun} at target; their own figures give {computed}.',
        id: 'Disebutkan {stated} {noun} sesuai target; capaian masing-masing memberi {computed}.',
      },
      tallyBelow: {
        en: 'The tally says {stated} {noun} below target; their own figures give {computed}.',
        id: 'Disebutkan {stated} {noun} di bawah target; capaian masing-masing memberi {computed}.',
      },
      countOfCategory: {
        en: '{indicator}: realisation {stated}, but {computed} district offices are “{category}” or higher ({units}).',
        id: '{indicator}: realisasi {stated}, padahal {computed} Kab/Kota berkategori “{category}” atau lebih ({units}).',
      },
      countOfTarget: {
        en: '{indicator}: realisation {stated}, but {computed} district offices reach their target ({units}).',
        id: '{indicator}: realisasi {stated}, padahal {computed} Kab/Kota mencapai target ({units}).',
      },
      categoryCount: {
        en: '{stated} district offices are said to be “{category}”, but the table gives {computed} ({units}).',
        id: '{stated} Kab/Kota disebut berkategori “{category}”, padahal tabel memberi {computed} ({units}).',
      },
      unitNotInCategory: {
        en: '{unit} is said to be “{category}”, but the table gives “{actual}”.',
        id: '{unit} disebut berkategori “{category}”, padahal tabel memberi “{actual}”.',
      },
      setCount: {
        en: 'Change the count to {computed}.',
        id: 'Ubah jumlahnya menjadi {computed}.',
      },
    },
  },
  check(doc, context) {
    for (const claim of doc.claims) {
      if (claim.kind === 'tally') checkTally(claim, doc, context);
      else if (claim.kind === 'category-count') checkCategoryCount(claim, doc, context);
    }
    for (const indicator of doc.indicators) checkCountIndicator(indicator, doc, context);
  },
});
