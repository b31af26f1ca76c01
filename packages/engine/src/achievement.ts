import type { Polarity } from '@lkip/schema';
import { div, point, roundTo, scale, statedInterval, sub, type Interval, type RoundingMode } from './interval.js';
import type { Standing } from './types.js';

export type AchievementFormula = 'target/realisation' | '2target-realisation';

/** How an indicator's achievement (capaian) is computed from its target and realisation. */
export interface AchievementPolarity {
  polarity: Polarity;
  /** Only read for lower-is-better indicators; `target/realisation` when absent. */
  formula?: AchievementFormula;
  /** Achievement above this percentage is reported as the cap. */
  cap?: number;
}

export interface ResolvedPolarity extends AchievementPolarity {
  formula: AchievementFormula;
  /** Where the polarity came from: a config override, the draft, or the default. */
  source: 'config' | 'stated' | 'default';
}

/** A figure as stated: its value and the decimals its text shows. */
export interface StatedFigure {
  value: number;
  decimals: number;
}

/**
 * Every achievement percentage the stated target and realisation allow, given how they were
 * rounded (Permenpan RB 53/2014's capaian: realisation / target × 100 for higher-is-better;
 * for lower-is-better either target / realisation × 100 or (2 × target − realisation) / target ×
 * 100, depending on the agency). Undefined when a divisor's interval reaches zero.
 */
export function achievementInterval(
  target: StatedFigure,
  realisation: StatedFigure,
  polarity: AchievementPolarity,
  mode: RoundingMode = 'either',
): Interval | undefined {
  const t = statedInterval(target.value, target.decimals, mode);
  const r = statedInterval(realisation.value, realisation.decimals, mode);
  return achievementOf(t, r, polarity);
}

/**
 * The achievement of the figures taken exactly as written: the number a fix writes, and the
 * test for "holds only thanks to rounding" (the interval contains the stated figure, this does
 * not round to it).
 */
export function pointAchievement(target: { value: number }, realisation: { value: number }, polarity: AchievementPolarity): number | undefined {
  const interval = achievementOf(point(target.value), point(realisation.value), polarity);
  return interval === undefined ? undefined : interval.lo;
}

function achievementOf(t: Interval, r: Interval, polarity: AchievementPolarity): Interval | undefined {
  let ratio: Interval | undefined;
  if (polarity.polarity === 'higher-is-better') {
    ratio = div(r, t);
  } else if ((polarity.formula ?? 'target/realisation') === 'target/realisation') {
    ratio = div(t, r);
  } else {
    // 2 − R/T rather than (2T − R)/T: T appears once, so the interval is not widened twice by it.
    const share = div(r, t);
    ratio = share && sub(point(2), share);
  }
  if (!ratio) return undefined;
  const percent = scale(ratio, 100);
  return polarity.cap === undefined ? percent : clamp(percent, polarity.cap);
}

function clamp(a: Interval, cap: number): Interval {
  return { lo: Math.min(a.lo, cap), hi: Math.min(a.hi, cap) };
}

/**
 * Where an achievement stands against its target: an achievement the draft would print as
 * 100 % (with the decimals it shows there) is "sesuai target", so 99,996 % is at target.
 */
export function standingOf(achievement: number, decimals: number): Standing {
  if (roundTo(achievement, decimals) === 100) return 'at';
  return achievement > 100 ? 'above' : 'below';
}
