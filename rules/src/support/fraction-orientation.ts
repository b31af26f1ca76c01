import { div, overlaps, polarityFor, roundTo, scale, statedInterval, type Interval, type ResolvedConfig, type RoundingMode } from '@lkip/engine';
import type { Fraction, LkipDocument, Measurement, NumberReading, Quantity } from '@lkip/schema';
import { intervalOf, isCount, readingsOf, sameFigure } from './figures.js';
import { indicatorById, ofIndicator } from './indexes.js';
import { perDocument } from './memo.js';

/**
 * Which way round a "Perhitungan Capaian" fraction is written. Shared by `inverted-ratio`, which
 * reports swapped fractions, and `capaian-mismatch`, which checks the arithmetic of the others
 * and must leave swapped ones alone (one finding per mistake).
 */
export interface FractionOrientation {
  /** The stated result is denominator / numerator and not numerator / denominator. */
  swappedByResult: boolean;
  /**
   * The numerator is the indicator's target and the denominator its realisation (or the other
   * way round for lower-is-better indicators), as the section's own figures state them.
   */
  swappedByIndicator?: SwappedPair;
}

export interface SwappedPair {
  target: Measurement;
  realisation: Measurement;
  /** What the fraction wrongly puts on top. */
  numerator: 'target' | 'realisation';
}

export function isSwapped(orientation: FractionOrientation): boolean {
  return orientation.swappedByResult || orientation.swappedByIndicator !== undefined;
}

/**
 * "66.70" is often 66.7 padded with a zero: to guess which way a fraction was computed the
 * padding must not decide, so orientation is judged on the figure with trailing zeros dropped.
 * Consistency (capaian-mismatch) still judges the figure as written.
 */
function significantDecimals(reading: NumberReading): number {
  let decimals = reading.decimals;
  while (decimals > 0 && roundTo(reading.value, decimals - 1) === reading.value) decimals -= 1;
  return decimals;
}

function ratioIntervals(numerator: Quantity, denominator: Quantity, multiplier: number, mode: RoundingMode): Interval[] {
  const out: Interval[] = [];
  for (const n of readingsOf(numerator)) {
    for (const d of readingsOf(denominator)) {
      const ratio = div(intervalOf(n, isCount(numerator), mode), intervalOf(d, isCount(denominator), mode));
      if (ratio) out.push(scale(ratio, multiplier));
    }
  }
  return out;
}

function resultMatches(numerator: Quantity, denominator: Quantity, fraction: Fraction, mode: RoundingMode): boolean {
  const computed = ratioIntervals(numerator, denominator, fraction.multiplier, mode);
  return readingsOf(fraction.stated).some((s) => {
    const stated = statedInterval(s.value, significantDecimals(s), mode);
    return computed.some((c) => overlaps(c, stated));
  });
}

/** The innermost section a text offset falls in: the last section heading before it. */
export function sectionIdAt(doc: LkipDocument, offset: number): string | undefined {
  // The last of the sections (by start, the later one among equal starts) that starts at or before the offset.
  const sorted = sectionsByStart(doc);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.position.offset ?? Infinity) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo - 1]?.id;
}

/** The sections in order of where they start (a stable sort keeps the draft's order among equal starts). */
const sectionsByStart = perDocument((doc: LkipDocument) => [...doc.sections].sort((a, b) => a.position.offset - b.position.offset));

/** Target/realisation pairs stated together (one table row, one clause) for the fraction's indicator in its section. */
function sectionPairs(doc: LkipDocument, fraction: Fraction): { target: Measurement; realisation: Measurement }[] {
  const sectionId = sectionIdAt(doc, fraction.position.offset);
  if (!fraction.indicatorId || !sectionId) return [];
  const byStatement = new Map<string, Measurement[]>();
  for (const m of ofIndicator(doc, fraction.indicatorId)) {
    if (m.measure !== 'indicator' || m.unitId !== fraction.unitId) continue;
    if (m.place.sectionId !== sectionId || !m.quantity || (m.role !== 'target' && m.role !== 'realisation')) continue;
    byStatement.set(m.statement, [...(byStatement.get(m.statement) ?? []), m]);
  }
  const pairs: { target: Measurement; realisation: Measurement }[] = [];
  for (const group of byStatement.values()) {
    for (const target of group.filter((m) => m.role === 'target')) {
      for (const realisation of group.filter((m) => m.role === 'realisation')) pairs.push({ target, realisation });
    }
  }
  return pairs;
}

function swappedAgainstIndicator(doc: LkipDocument, fraction: Fraction, config: Pick<ResolvedConfig, 'polarity'>): SwappedPair | undefined {
  const indicator = (fraction.indicatorId === undefined ? undefined : indicatorById(doc).get(fraction.indicatorId));
  if (!indicator) return undefined;
  const polarity = polarityFor(indicator.name, config, indicator.polarity);
  // (2 × target − realisation) / target is not a plain ratio of the two: no orientation to check.
  if (polarity.polarity === 'lower-is-better' && polarity.formula !== 'target/realisation') return undefined;
  const targetOnTop = polarity.polarity === 'lower-is-better';
  let wrong: SwappedPair | undefined;
  let right = false;
  for (const pair of sectionPairs(doc, fraction)) {
    const t = pair.target.quantity as Quantity;
    const r = pair.realisation.quantity as Quantity;
    if (sameFigure(t, r)) continue;
    const targetOverRealisation = sameFigure(fraction.numerator, t) && sameFigure(fraction.denominator, r);
    const realisationOverTarget = sameFigure(fraction.numerator, r) && sameFigure(fraction.denominator, t);
    const correct = targetOnTop ? targetOverRealisation : realisationOverTarget;
    const inverted = targetOnTop ? realisationOverTarget : targetOverRealisation;
    if (correct) right = true;
    else if (inverted) wrong ??= { ...pair, numerator: targetOnTop ? 'realisation' : 'target' };
  }
  return right ? undefined : wrong;
}

export function fractionOrientation(doc: LkipDocument, fraction: Fraction, config: Pick<ResolvedConfig, 'polarity'>, mode: RoundingMode): FractionOrientation {
  const { numerator, denominator } = fraction;
  // 3/3 reads the same both ways round.
  if (sameFigure(numerator, denominator)) return { swappedByResult: false };
  const asWritten = resultMatches(numerator, denominator, fraction, mode);
  const swapped = resultMatches(denominator, numerator, fraction, mode);
  const byIndicator = swappedAgainstIndicator(doc, fraction, config);
  return { swappedByResult: swapped && !asWritten, ...(byIndicator ? { swappedByIndicator: byIndicator } : {}) };
}
