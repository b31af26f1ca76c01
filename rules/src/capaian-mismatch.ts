import {
  achievementInterval,
  contains,
  defineRule,
  div,
  overlaps,
  pointAchievement,
  polarityFor,
  roundTo,
  scale,
  type FindingEvidence,
  type Interval,
  type ReportDescriptor,
  type ResolvedConfig,
  type ResolvedPolarity,
  type Tolerance,
} from '@lkip/engine';
import type { Fraction, Indicator, LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { formatLike, indicatorLabel, indicatorShort, placeName, placeNote, replaceNumber, said, saidValue, unitName } from './support/describe.js';
import { computedFigure, figureKey, figureOf, inputOf } from './support/evidence.js';
import { asStated, intervalOf, isCount, readingsOf } from './support/figures.js';
import { fractionOrientation, isSwapped } from './support/fraction-orientation.js';
import { achievementRows, countsThings, isCap, judgeRow, polarityWords, wholeCount, soundsLowerIsBetter, statedFormulaFor, statedLowerFormulas, type AchievementRow, type PolarityWords, type RowJudgement } from './support/row-achievement.js';
import { shortLabel, tableName } from './support/table-roles.js';
import { isMeanOfRows } from './support/row-mean.js';

/** The figures one statement gives for one indicator and unit: a table row, or a clause of prose. */
interface AchievementStatement {
  indicator: Indicator;
  targets: Measurement[];
  realisations: Measurement[];
  achievements: Measurement[];
  /** The target was stated earlier in the same passage, not in this statement. */
  borrowedTarget: boolean;
}

type Verdict = 'holds' | 'rounding' | 'mismatch' | 'unknown';

interface AchievementCheck {
  verdict: Verdict;
  target: Measurement;
  realisation: Measurement;
  /** Realisation / target × 100 (or the lower-is-better formula) of the figures as written. */
  computed: number;
  certain: boolean;
  /** The target and realisation were read as exact (an agreed target, a count), not as rounded figures. */
  exactTarget: boolean;
  exactRealisation: boolean;
}

interface Context {
  config: ResolvedConfig;
  tolerance: Tolerance;
  report(descriptor: ReportDescriptor): void;
}

/** The column of a table a stated achievement stands in, when it stands in one. */
function columnKey(m: Measurement): string | undefined {
  return m.place.tableId !== undefined && m.place.column !== undefined ? `${m.place.tableId}:${m.place.column}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Detection

function statementsOf(doc: LkipDocument): AchievementStatement[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of doc.measurements) {
    if (!m.quantity || m.role === 'category') continue;
    const key = [m.statement, m.indicatorId, m.unitId ?? '', m.aggregate ? 'aggregate' : '', m.measure].join('|');
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const indicators = new Map<string, Indicator>();
  for (const i of [...doc.indicators].reverse()) indicators.set(i.id, i);
  const prose = proseTargets(doc);
  const out: AchievementStatement[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const indicator = first && indicators.get(first.indicatorId);
    if (!first || !indicator) continue;
    const achievements = group.filter((m) => m.role === 'achievement');
    const realisations = group.filter((m) => m.role === 'realisation');
    if (achievements.length === 0 || realisations.length === 0) continue;
    let targets = group.filter((m) => m.role === 'target');
    const borrowedTarget = targets.length === 0;
    // "target 75 Indeks. … Realisasi … 68.21 Indeks atau 95,4 %": prose states the target in an
    // earlier clause of the same passage.
    if (borrowedTarget && first.place.tableId === undefined) targets = earlierTarget(prose, first);
    if (targets.length === 0) continue;
    out.push({ indicator, targets, realisations, achievements, borrowedTarget });
  }
  return out;
}

/** Targets stated in prose (outside tables), by indicator, office, measure, kind of place and section, in the draft's order. */
function proseTargets(doc: LkipDocument): Map<string, Measurement[]> {
  const out = new Map<string, Measurement[]>();
  for (const m of doc.measurements) {
    if (m.role !== 'target' || !m.quantity || m.place.tableId !== undefined) continue;
    const key = targetKey(m);
    const list = out.get(key);
    if (list) list.push(m);
    else out.set(key, [m]);
  }
  return out;
}

function targetKey(m: Measurement): string {
  return [m.indicatorId, m.unitId ?? '\u0000', m.measure, m.place.kind, m.place.sectionId ?? '\u0000'].join('|');
}

/** The targets of the nearest earlier statement of the same indicator and unit, in the same section and kind of place. */
function earlierTarget(prose: ReadonlyMap<string, Measurement[]>, m: Measurement): Measurement[] {
  let best: Measurement[] = [];
  let bestOffset = -1;
  for (const other of prose.get(targetKey(m)) ?? []) {
    if (other.position.offset >= m.position.offset) continue;
    if (other.position.offset > bestOffset) {
      bestOffset = other.position.offset;
      best = [other];
    } else if (other.position.offset === bestOffset) best.push(other);
  }
  return best;
}

/**
 * A target is the figure agreed in the PK: "95 Indeks" is exactly 95, not a rounded 95,4. Only
 * averaged rows ("Rata-rata", "IKP TB") state a rounded target.
 */
function exactTarget(m: Measurement): boolean {
  return !m.aggregate;
}

/**
 * Adds one combination of readings to the verdict so far. Any combination that holds makes the
 * figure hold: an ambiguous figure is reported only when no reading works.
 */
function merge(verdict: Verdict, stated: Interval, exact: number | undefined, computed: Interval): Verdict {
  if (exact !== undefined && contains(stated, exact)) return 'holds';
  if (verdict === 'holds') return verdict;
  if (overlaps(stated, computed)) return 'rounding';
  return verdict === 'unknown' ? 'mismatch' : verdict;
}

function checkAchievement(achievement: Quantity, target: Measurement, realisation: Measurement, polarity: ResolvedPolarity, tolerance: Tolerance, counted = false): AchievementCheck | undefined {
  const t = target.quantity as Quantity;
  const r = realisation.quantity as Quantity;
  const exactRealisation = isCount(r) || (counted && wholeCount(t) && wholeCount(r));
  const computed = pointAchievement(t, r, polarity);
  if (computed === undefined || t.value === 0) return undefined;
  let verdict: Verdict = 'unknown';
  for (const tr of readingsOf(t)) {
    for (const rr of readingsOf(r)) {
      const interval = achievementInterval(asStated(tr, exactTarget(target) || isCount(t)), asStated(rr, exactRealisation), polarity, tolerance.mode);
      if (!interval) continue;
      const exact = pointAchievement(tr, rr, polarity);
      for (const ar of readingsOf(achievement)) {
        // "maksimal 120 %": a usual cap stated where the ratio goes above it.
        if (exact !== undefined && polarity.source !== 'config' && isCap(ar.value, exact)) verdict = 'holds';
        verdict = merge(verdict, tolerance.of(ar), exact, interval);
      }
    }
  }
  const certain = !achievement.ambiguous && !t.ambiguous && !r.ambiguous;
  return { verdict, target, realisation, computed, certain, exactTarget: exactTarget(target) || isCount(t), exactRealisation };
}

/** The best verdict any target/realisation pair of the statement gives (a statement may repeat a figure). */
function judge(statement: AchievementStatement, achievement: Quantity, polarity: ResolvedPolarity, tolerance: Tolerance): AchievementCheck | undefined {
  const rank: Record<Verdict, number> = { holds: 3, rounding: 2, mismatch: 1, unknown: 0 };
  let best: AchievementCheck | undefined;
  for (const target of statement.targets) {
    for (const realisation of statement.realisations) {
      const check = checkAchievement(achievement, target, realisation, polarity, tolerance, countsThings(statement.indicator.name));
      if (check && (!best || rank[check.verdict] > rank[best.verdict])) best = check;
    }
  }
  return best;
}

function fractionResult(fraction: Fraction, tolerance: Tolerance): { verdict: Verdict; computed: number } | undefined {
  const { numerator, denominator, stated, multiplier } = fraction;
  if (numerator.value === 0 && denominator.value === 0) return undefined;
  const computed = denominator.value === 0 ? undefined : (numerator.value / denominator.value) * multiplier;
  if (computed === undefined) return undefined;
  let verdict: Verdict = 'unknown';
  for (const n of readingsOf(numerator)) {
    for (const d of readingsOf(denominator)) {
      const ratio = div(intervalOf(n, isCount(numerator), tolerance.mode), intervalOf(d, isCount(denominator), tolerance.mode));
      if (!ratio) continue;
      const interval = scale(ratio, multiplier);
      const exact = (n.value / d.value) * multiplier;
      for (const s of readingsOf(stated)) verdict = merge(verdict, tolerance.of(s), exact, interval);
    }
  }
  return { verdict, computed };
}

// ---------------------------------------------------------------------------------------------
// Messages

const FORMULA_MESSAGE: Record<string, string> = {
  'higher-is-better': 'mismatch',
  'target/realisation': 'mismatchLowerIsBetter',
  '2target-realisation': 'mismatchLowerIsBetterDifference',
};

function formulaMessage(polarity: ResolvedPolarity): string {
  return FORMULA_MESSAGE[polarity.polarity === 'higher-is-better' ? 'higher-is-better' : polarity.formula] ?? 'mismatch';
}

function who(doc: LkipDocument, m: Measurement): string {
  const unit = m.aggregate ? (m.place.label?.split(' — ')[1] ?? 'rata-rata') : unitName(doc, m.unitId);
  return [indicatorShort(doc, m.indicatorId), unit].filter((s) => s.length > 0).join(', ');
}

function subjectOf(doc: LkipDocument, indicator: Indicator, m: Measurement, detail: string): ReportDescriptor['subject'] {
  const unit = m.aggregate ? 'aggregate' : unitName(doc, m.unitId);
  return { indicator: String(indicator.number ?? indicator.key), ...(unit ? { unit } : {}), role: 'achievement', detail };
}

/** The computed figure with one more decimal than stated, trailing zeros dropped: "102.36". */
function precise(value: number, decimals: number): string {
  let places = decimals + 1;
  const rounded = roundTo(value, places);
  while (places > 0 && roundTo(rounded, places - 1) === rounded) places -= 1;
  return saidValue(rounded, places);
}

const LOWER_FORMULAS = ['target/realisation', '2target-realisation'] as const;

/** The indicator's polarity is only the default, and its words suggest lower-is-better (angka kematian, prevalensi …). */
function wordsSayLower(indicator: Indicator, polarity: ResolvedPolarity, words: PolarityWords): boolean {
  return indicator.polaritySource === 'default' && polarity.source !== 'config' && polarity.polarity === 'higher-is-better' && soundsLowerIsBetter(indicator.name, words);
}

/**
 * What the engine needs to group this finding with the figure it may follow from: the stated and
 * computed achievement, the target and realisation it was computed from, and its column.
 */
function statementEvidence(doc: LkipDocument, statement: AchievementStatement, achievement: Measurement, check: AchievementCheck, polarity: ResolvedPolarity, expectedText: string, columns: ColumnCounts): FindingEvidence {
  const stated = achievement.quantity as Quantity;
  const evidence: FindingEvidence = {
    figure: figureKey(doc, achievement),
    stated: figureOf(stated),
    expected: computedFigure(expectedText, roundTo(check.computed, stated.decimals), stated.decimals),
    basis: 'derived',
    role: 'achievement',
    derivation: { kind: 'achievement', target: inputOf(doc, check.target, check.exactTarget), realisation: inputOf(doc, check.realisation, check.exactRealisation), polarity },
    place: placeName(doc, achievement.place, achievement.unitId),
    label: indicatorLabel(doc, statement.indicator.id),
  };
  const column = columnKey(achievement);
  if (column !== undefined) evidence.column = { key: column, checked: columns.get(column) ?? 1 };
  return evidence;
}

/** How many stated achievements each table column holds: a column wrong in most of its rows is one problem. */
type ColumnCounts = Map<string, number>;

function countColumns(statements: readonly AchievementStatement[]): ColumnCounts {
  const counts: ColumnCounts = new Map();
  for (const statement of statements) {
    for (const achievement of statement.achievements) {
      const key = columnKey(achievement);
      if (key !== undefined && achievement.quantity && !achievement.quantity.bound) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** `inverse`: the lower-is-better figure, when the words leave the polarity open and the message names both formulas. */
function reportStatement(
  doc: LkipDocument,
  statement: AchievementStatement,
  achievement: Measurement,
  check: AchievementCheck,
  polarity: ResolvedPolarity,
  context: Context,
  columns: ColumnCounts,
  inverse?: number,
): void {
  const stated = achievement.quantity as Quantity;
  const decimals = stated.decimals;
  const computedText = formatLike(roundTo(check.computed, decimals), decimals, stated);
  const data = {
    who: who(doc, achievement),
    stated: said(stated),
    target: said(check.target.quantity as Quantity),
    realisation: said(check.realisation.quantity as Quantity),
    computed: saidValue(roundTo(check.computed, decimals), decimals),
    exact: precise(check.computed, decimals),
    inverse: inverse === undefined ? '' : saidValue(roundTo(inverse, decimals), decimals),
  };
  const edit = { at: stated.position, text: replaceNumber(stated, roundTo(check.computed, decimals), decimals) };
  const evidence = statementEvidence(doc, statement, achievement, check, polarity, edit.text, columns);
  const related = statement.borrowedTarget ? [{ at: check.target.position, note: `target: ${placeNote(doc, check.target.place, check.target.position.line, check.target.unitId)}` }] : undefined;
  // The kind of place and the table caption survive edits elsewhere in the draft; statement ids and lines do not.
  const subject = subjectOf(doc, statement.indicator, achievement, `${achievement.place.kind}: ${achievement.place.label ?? ''}`.trim());
  if (check.verdict === 'rounding') {
    context.report({ at: stated.position, messageId: 'holdsByRounding', data, level: 'rounding', subject, ...(related ? { related } : {}) });
    return;
  }
  if (inverse !== undefined) {
    context.report({ at: stated.position, messageId: 'mismatchEitherPolarity', data, subject, evidence, ...(related ? { related } : {}) });
    return;
  }
  // The achievement is derived from the two figures beside it, so it is the one to rewrite; a
  // target taken from an earlier clause might not be the one the writer meant, so the editor decides.
  const fixable = check.certain && !statement.borrowedTarget;
  context.report({
    at: stated.position,
    messageId: formulaMessage(polarity),
    data,
    ...(fixable ? { fix: edit } : { suggestions: [{ messageId: 'replace', data: { computed: computedText }, fix: edit }] }),
    ...(related ? { related } : {}),
    subject,
    evidence,
  });
}

function reportFraction(doc: LkipDocument, fraction: Fraction, result: { verdict: Verdict; computed: number }, context: Context): void {
  const { stated } = fraction;
  const decimals = stated.decimals;
  const data = {
    who: [indicatorShort(doc, fraction.indicatorId), unitName(doc, fraction.unitId)].filter((s) => s.length > 0).join(', ') || 'Perhitungan Capaian',
    numerator: said(fraction.numerator),
    denominator: said(fraction.denominator),
    times: fraction.multiplier === 100 ? ' × 100 %' : '',
    stated: said(stated),
    computed: (result.verdict === 'rounding' ? precise(result.computed, decimals) : saidValue(roundTo(result.computed, decimals), decimals)) + (fraction.multiplier === 100 ? ' %' : ''),
  };
  const indicator = doc.indicators.find((i) => i.id === fraction.indicatorId);
  const subject = {
    ...(indicator ? { indicator: String(indicator.number ?? indicator.key) } : {}),
    ...(fraction.unitId ? { unit: unitName(doc, fraction.unitId) } : {}),
    role: 'achievement',
    detail: 'fraction',
  };
  if (result.verdict === 'rounding') {
    context.report({ at: stated.position, messageId: 'fractionHoldsByRounding', data, level: 'rounding', subject });
    return;
  }
  const certain = !stated.ambiguous && !fraction.numerator.ambiguous && !fraction.denominator.ambiguous;
  const edit = { at: stated.position, text: replaceNumber(stated, roundTo(result.computed, decimals), decimals) };
  const evidence: FindingEvidence = {
    figure: ['fraction', subject.indicator ?? '', subject.unit ?? ''].join('|'),
    stated: figureOf(stated),
    expected: computedFigure(edit.text, roundTo(result.computed, decimals), decimals),
    basis: 'derived',
    role: fraction.multiplier === 100 ? 'achievement' : 'other',
  };
  context.report({ at: stated.position, messageId: 'fractionMismatch', data, ...(certain ? { fix: edit } : {}), subject, evidence });
}

/** A table row that gave no measurement: judged from its cells alone (see support/row-achievement.ts). */
function reportRow(row: AchievementRow, judgement: RowJudgement, context: Context): void {
  const stated = row.achievement;
  const decimals = stated.decimals;
  const computedText = formatLike(roundTo(judgement.computed, decimals), decimals, stated);
  const data = {
    who: shortLabel(row.label || `baris ${row.row + 1}`),
    stated: said(stated),
    target: said(row.target),
    realisation: said(row.realisation),
    computed: saidValue(roundTo(judgement.computed, decimals), decimals),
    exact: precise(judgement.computed, decimals),
    inverse: judgement.inverse === undefined ? '' : saidValue(roundTo(judgement.inverse, decimals), decimals),
  };
  const subject = {
    ...(row.indicator ? { indicator: String(row.indicator.number ?? row.indicator.key) } : {}),
    unit: shortLabel(row.label, 40),
    role: 'achievement',
    detail: `row: ${tableName(row.table)}`,
  };
  if (judgement.verdict === 'rounding') {
    context.report({ at: stated.position, messageId: 'holdsByRounding', data, level: 'rounding', subject });
    return;
  }
  const edit = { at: stated.position, text: replaceNumber(stated, roundTo(judgement.computed, decimals), decimals) };
  const evidence: FindingEvidence = {
    figure: ['row', subject.indicator ?? '', subject.unit, subject.detail].join('|'),
    stated: figureOf(stated),
    expected: computedFigure(edit.text, roundTo(judgement.computed, decimals), decimals),
    basis: 'derived',
    role: 'achievement',
  };
  if (judgement.polaritySource === 'words') {
    // The words suggest lower-is-better and the draft does not say which formula it uses: neither is the one to write.
    context.report({ at: stated.position, messageId: 'mismatchEitherPolarity', data, subject, evidence });
    return;
  }
  context.report({
    at: stated.position,
    messageId: formulaMessage({ ...judgement.polarity, source: judgement.polaritySource === 'config' ? 'config' : 'stated' }),
    data,
    ...(judgement.certain ? { fix: edit } : { suggestions: [{ messageId: 'replace', data: { computed: computedText }, fix: edit }] }),
    subject,
    evidence,
  });
}

// ---------------------------------------------------------------------------------------------

export default defineRule({
  meta: {
    id: 'capaian-mismatch',
    family: 'achievement',
    defaultSeverity: 'error',
    fixable: true,
    // A figure whose inputs are not certain gets a suggestion instead of a fix.
    hasSuggestions: true,
    docs: {
      description: 'A stated achievement (capaian) must equal realisation / target × 100 (or the configured lower-is-better formula)',
      descriptionId: 'Capaian yang dinyatakan harus sama dengan realisasi / target × 100 (atau rumus indikator yang makin kecil makin baik)',
    },
    messages: {
      mismatch: {
        en: '{who}: achievement {stated}, but realisation {realisation} / target {target} = {computed} %.',
        id: '{who}: capaian {stated}, padahal realisasi {realisation} / target {target} = {computed} %.',
      },
      mismatchLowerIsBetter: {
        en: '{who}: achievement {stated}, but target {target} / realisation {realisation} = {computed} % (lower is better).',
        id: '{who}: capaian {stated}, padahal target {target} / realisasi {realisation} = {computed} % (makin kecil makin baik).',
      },
      mismatchLowerIsBetterDifference: {
        en: '{who}: achievement {stated}, but (2 × {target} − {realisation}) / {target} = {computed} % (lower is better).',
        id: '{who}: capaian {stated}, padahal (2 × {target} − {realisation}) / {target} = {computed} % (makin kecil makin baik).',
      },
      mismatchEitherPolarity: {
        en: '{who}: achievement {stated}, but realisation / target = {computed} % and target / realisation = {inverse} %.',
        id: '{who}: capaian {stated}, padahal realisasi / target = {computed} % dan target / realisasi = {inverse} %.',
      },
      holdsByRounding: {
        en: '{who}: achievement {stated} holds only by rounding; as written {realisation} / {target} = {exact} %.',
        id: '{who}: capaian {stated} cocok hanya karena pembulatan; tanpa pembulatan {realisation} / {target} = {exact} %.',
      },
      fractionMismatch: {
        en: '{who}: {numerator} / {denominator}{times} = {computed}, not {stated}.',
        id: '{who}: {numerator} / {denominator}{times} = {computed}, bukan {stated}.',
      },
      fractionHoldsByRounding: {
        en: '{who}: {numerator} / {denominator}{times} = {stated} only by rounding; as written {computed}.',
        id: '{who}: {numerator} / {denominator}{times} = {stated} hanya karena pembulatan; tanpa pembulatan {computed}.',
      },
      replace: {
        en: 'Write {computed}',
        id: 'Tulis {computed}',
      },
    },
  },
  check(doc, context) {
    const judged = new Set<number>();
    const statedFormulas = statedLowerFormulas(doc);
    const words = polarityWords(doc);
    const statements = statementsOf(doc);
    const columns = countColumns(statements);
    for (const statement of statements) {
      let polarity = polarityFor(statement.indicator.name, context.config, statement.indicator.polarity);
      // "… semakin kecil semakin baik, capaian = target / realisasi × 100 %" stated for this indicator's kind.
      const documented = statement.indicator.polaritySource === 'default' && polarity.source !== 'config' ? statedFormulaFor(statement.indicator.name, statedFormulas, words) : undefined;
      if (documented) polarity = { polarity: 'lower-is-better', formula: documented, source: 'stated' };
      for (const achievement of statement.achievements) {
        if (achievement.quantity) judged.add(achievement.quantity.position.offset);
        const stated = achievement.quantity as Quantity;
        if (stated.bound) continue;
        const check = judge(statement, stated, polarity, context.tolerance);
        if (!check || (check.verdict !== 'mismatch' && check.verdict !== 'rounding')) continue;
        // An average row may state the mean of the rows' percentages: only a figure that is neither is wrong.
        if (isMeanOfRows(doc, achievement, stated, context.tolerance)) continue;
        if (!wordsSayLower(statement.indicator, polarity, words)) {
          reportStatement(doc, statement, achievement, check, polarity, context, columns);
          continue;
        }
        // The name suggests lower-is-better but the draft does not say how it computes: any formula that fits is accepted.
        const lower = LOWER_FORMULAS.map((formula) => judge(statement, stated, { ...polarity, polarity: 'lower-is-better', formula }, context.tolerance));
        if (lower.some((c) => c?.verdict === 'holds' || c?.verdict === 'rounding')) continue;
        if (check.verdict === 'rounding') reportStatement(doc, statement, achievement, check, polarity, context, columns);
        else reportStatement(doc, statement, achievement, check, polarity, context, columns, lower[0]?.computed);
      }
    }
    // Rows of any table with target, realisation and capaian columns that gave no measurement.
    for (const row of achievementRows(doc, judged)) {
      const judgement = judgeRow(row, context.config, context.tolerance, words, statedFormulas);
      if (judgement && (judgement.verdict === 'mismatch' || judgement.verdict === 'rounding')) reportRow(row, judgement, context);
    }
    for (const fraction of doc.fractions) {
      // A swapped fraction is inverted-ratio's finding: its arithmetic is right the other way round.
      if (isSwapped(fractionOrientation(doc, fraction, context.config, context.tolerance.mode))) continue;
      const result = fractionResult(fraction, context.tolerance);
      if (result && (result.verdict === 'mismatch' || result.verdict === 'rounding')) reportFraction(doc, fraction, result, context);
    }
  },
});
