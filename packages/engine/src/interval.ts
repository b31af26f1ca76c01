/**
 * Interval arithmetic for rounded figures, in the spirit of XBRL Calculations 1.1: a figure
 * stated with d decimals stands for every value that rounds to it, and a computed figure carries
 * the interval its inputs allow. A stated figure is inconsistent only when its interval and the
 * computed interval do not overlap.
 */

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * nearest: 66,7 stands for [66,65; 66,75]. truncate: 666,66 stands for [666,66; 666,67) (some
 * reports cut digits off instead of rounding). either: the union of both, the default, since
 * drafts mix the two.
 */
export type RoundingMode = 'nearest' | 'truncate' | 'either';

// Binary floating point turns 0.1 + 0.2 into 0.30000000000000004: widen every bound by a hair so
// that exact decimal arithmetic never reads as a mismatch.
const EPSILON = 1e-9;

export function point(value: number): Interval {
  return { lo: value, hi: value };
}

export function statedInterval(value: number, decimals: number, mode: RoundingMode = 'either'): Interval {
  const step = 10 ** -decimals;
  const half = step / 2;
  const nearest = { lo: value - half, hi: value + half };
  // Truncation moves toward zero, so the true value lies further from zero than the text.
  const truncate = value >= 0 ? { lo: value, hi: value + step } : { lo: value - step, hi: value };
  const chosen = mode === 'nearest' ? nearest : mode === 'truncate' ? truncate : hull(nearest, truncate);
  return widen(chosen);
}

export function widen(a: Interval, by = EPSILON): Interval {
  const scale = Math.max(1, Math.abs(a.lo), Math.abs(a.hi));
  return { lo: a.lo - by * scale, hi: a.hi + by * scale };
}

export function hull(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function mul(a: Interval, b: Interval): Interval {
  const products = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: Math.min(...products), hi: Math.max(...products) };
}

export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? { lo: a.lo * k, hi: a.hi * k } : { lo: a.hi * k, hi: a.lo * k };
}

/** a / b; undefined when b's interval contains zero (the quotient is unbounded). */
export function div(a: Interval, b: Interval): Interval | undefined {
  if (b.lo <= 0 && b.hi >= 0) return undefined;
  const quotients = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  return { lo: Math.min(...quotients), hi: Math.max(...quotients) };
}

export function sum(items: readonly Interval[]): Interval {
  return items.reduce(add, point(0));
}

export function mean(items: readonly Interval[]): Interval | undefined {
  if (items.length === 0) return undefined;
  return scale(sum(items), 1 / items.length);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

export function contains(a: Interval, value: number): boolean {
  return a.lo <= value && value <= a.hi;
}

export function midpoint(a: Interval): number {
  return (a.lo + a.hi) / 2;
}

/** Rounds half away from zero, as people do on paper (and as Word's formulas do). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor + EPSILON) / factor;
  return Math.sign(value) * rounded;
}
