import { describe, expect, it } from 'vitest';
import { contains, div, hull, mean, overlaps, point, roundTo, scale, statedInterval, sum, type RoundingMode } from '@lkip/engine';

const modes: RoundingMode[] = ['nearest', 'truncate', 'either'];

describe('statedInterval', () => {
  it('nearest: a figure stands for half a step either side', () => {
    const i = statedInterval(66.7, 1, 'nearest');
    expect(i.lo).toBeCloseTo(66.65, 5);
    expect(i.hi).toBeCloseTo(66.75, 5);
  });

  it('truncate: a figure stands for one step away from zero', () => {
    const i = statedInterval(666.66, 2, 'truncate');
    expect(i.lo).toBeCloseTo(666.66, 5);
    expect(i.hi).toBeCloseTo(666.67, 5);
    const negative = statedInterval(-2.5, 1, 'truncate');
    expect(negative.lo).toBeCloseTo(-2.6, 5);
    expect(negative.hi).toBeCloseTo(-2.5, 5);
  });

  it('reads 666,66 as consistent with 2000/3 = 666,666… only when digits may have been cut off', () => {
    const exact = 2000 / 3;
    expect(contains(statedInterval(666.66, 2, 'truncate'), exact)).toBe(true);
    expect(contains(statedInterval(666.66, 2, 'either'), exact)).toBe(true);
    expect(contains(statedInterval(666.66, 2, 'nearest'), exact)).toBe(false);
    expect(contains(statedInterval(666.67, 2, 'nearest'), exact)).toBe(true);
    expect(contains(statedInterval(666.67, 2, 'truncate'), exact)).toBe(false);
  });

  it('either is the hull of nearest and truncate', () => {
    const either = statedInterval(12.3, 1, 'either');
    const expected = hull(statedInterval(12.3, 1, 'nearest'), statedInterval(12.3, 1, 'truncate'));
    expect(either.lo).toBeCloseTo(expected.lo, 9);
    expect(either.hi).toBeCloseTo(expected.hi, 9);
  });

  it('absorbs binary floating-point error at the bounds', () => {
    // 0.57 × 100 is 56.99999999999999 in binary floating point.
    expect(0.57 * 100).toBeLessThan(57);
    expect(contains(statedInterval(57, 0, 'truncate'), 0.57 * 100)).toBe(true);
  });
});

describe('achievement fractions under interval arithmetic', () => {
  const percent = (r: number, t: number, mode: RoundingMode) => {
    const q = div(statedInterval(r, 2, mode), statedInterval(t, 2, mode));
    if (!q) throw new Error('unbounded');
    return scale(q, 100);
  };

  it.each(modes)('3,47 / 3,39 × 100 = 102,44 is consistent (%s)', (mode) => {
    // The exact quotient is 102,36: only the rounding of the inputs lets 102,44 stand.
    expect(roundTo((3.47 / 3.39) * 100, 2)).toBe(102.36);
    expect(overlaps(percent(3.47, 3.39, mode), statedInterval(102.44, 2, mode))).toBe(true);
  });

  it.each(modes)('50,73 / 53,35 × 100 = 95,34 is inconsistent (%s)', (mode) => {
    expect(overlaps(percent(50.73, 53.35, mode), statedInterval(95.34, 2, mode))).toBe(false);
    expect(overlaps(percent(50.73, 53.35, mode), statedInterval(95.09, 2, mode))).toBe(true);
  });

  it('refuses to divide by an interval that contains zero', () => {
    expect(div(point(1), statedInterval(0, 1))).toBeUndefined();
    expect(div(point(1), { lo: -1, hi: 1 })).toBeUndefined();
  });
});

describe('helpers', () => {
  it('sums and averages intervals', () => {
    expect(sum([{ lo: 1, hi: 2 }, { lo: 3, hi: 4 }])).toEqual({ lo: 4, hi: 6 });
    expect(mean([{ lo: 1, hi: 2 }, { lo: 3, hi: 4 }])).toEqual({ lo: 2, hi: 3 });
    expect(mean([])).toBeUndefined();
  });

  it('rounds half away from zero, as on paper', () => {
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(102.355, 2)).toBe(102.36);
  });
});
