import { describe, expect, it } from 'vitest';
import { achievementInterval, ConfigError, contains, div, overlaps, pointAchievement, polarityFor, resolveConfig, roundTo, scale, statedInterval, sub } from '@lkip/engine';

const fig = (value: number, decimals = 2) => ({ value, decimals });
const higher = { polarity: 'higher-is-better' as const };
const lowerRatio = { polarity: 'lower-is-better' as const, formula: 'target/realisation' as const };
const lowerTwice = { polarity: 'lower-is-better' as const, formula: '2target-realisation' as const };

describe('achievement, higher is better', () => {
  it('is realisation / target × 100', () => {
    expect(pointAchievement(fig(3.39), fig(3.47), higher)).toBeCloseTo(102.3599, 3);
  });

  it('spots a figure that holds only thanks to rounding', () => {
    const interval = achievementInterval(fig(3.39), fig(3.47), higher, 'either');
    if (!interval) throw new Error('unbounded');
    expect(overlaps(interval, statedInterval(102.44, 2))).toBe(true);
    expect(roundTo(pointAchievement(fig(3.39), fig(3.47), higher) ?? 0, 2)).not.toBe(102.44);
  });

  it('finds 95,34 inconsistent with 50,73 / 53,35', () => {
    const interval = achievementInterval(fig(53.35), fig(50.73), higher, 'nearest');
    if (!interval) throw new Error('unbounded');
    expect(overlaps(interval, statedInterval(95.34, 2, 'nearest'))).toBe(false);
    expect(overlaps(interval, statedInterval(95.09, 2, 'nearest'))).toBe(true);
  });

  it('is undefined for a zero target', () => {
    expect(achievementInterval(fig(0, 0), fig(5, 0), higher, 'nearest')).toBeUndefined();
    expect(pointAchievement(fig(0, 0), fig(5, 0), higher)).toBeUndefined();
  });
});

describe('achievement, lower is better', () => {
  it('target / realisation × 100 (the default formula)', () => {
    expect(pointAchievement(fig(10, 0), fig(8, 0), lowerRatio)).toBe(125);
    expect(pointAchievement(fig(10, 0), fig(8, 0), { polarity: 'lower-is-better' })).toBe(125);
    const interval = achievementInterval(fig(10), fig(8), lowerRatio, 'nearest');
    expect(interval && contains(interval, 125)).toBe(true);
    expect(interval && contains(interval, 120)).toBe(false);
  });

  it('(2 × target − realisation) / target × 100', () => {
    expect(pointAchievement(fig(10, 0), fig(8, 0), lowerTwice)).toBeCloseTo(120, 9);
    expect(pointAchievement(fig(10, 0), fig(12, 0), lowerTwice)).toBeCloseTo(80, 9);
    const interval = achievementInterval(fig(1.25, 2), fig(1.2, 2), lowerTwice, 'nearest');
    if (!interval) throw new Error('unbounded');
    expect(contains(interval, 104)).toBe(true);
    // T enters once: 2 − R/T gives a tighter interval than (2T − R)/T would.
    const t = statedInterval(1.25, 2, 'nearest');
    const naive = div(sub(scale(t, 2), statedInterval(1.2, 2, 'nearest')), t);
    if (!naive) throw new Error('unbounded');
    expect(interval.hi - interval.lo).toBeLessThan((naive.hi - naive.lo) * 100 * 0.75);
  });

  it('is undefined for a zero realisation under target / realisation', () => {
    expect(achievementInterval(fig(10, 0), fig(0, 0), lowerRatio, 'either')).toBeUndefined();
    expect(pointAchievement(fig(10, 0), fig(0, 0), lowerRatio)).toBeUndefined();
  });
});

describe('cap', () => {
  it('clamps the point and the interval', () => {
    expect(pointAchievement(fig(50, 0), fig(80, 0), { ...higher, cap: 120 })).toBe(120);
    expect(pointAchievement(fig(50, 0), fig(55, 0), { ...higher, cap: 120 })).toBeCloseTo(110, 9);
    const interval = achievementInterval(fig(50, 0), fig(80, 0), { ...lowerTwice, polarity: 'higher-is-better', cap: 120 }, 'nearest');
    expect(interval).toEqual({ lo: 120, hi: 120 });
    expect(achievementInterval(fig(10, 0), fig(5, 0), { ...lowerRatio, cap: 150 }, 'nearest')?.hi).toBe(150);
  });
});

describe('polarityFor', () => {
  const config = resolveConfig({
    polarity: [
      { pattern: '^prevalensi', polarity: 'lower-is-better', formula: '2target-realisation', cap: 120 },
      { pattern: 'prevalensi|angka kematian', polarity: 'lower-is-better' },
    ],
  });

  it('applies the first matching override, case-insensitively', () => {
    expect(polarityFor('PREVALENSI penyalahgunaan narkoba', config, 'higher-is-better')).toEqual({
      polarity: 'lower-is-better',
      formula: '2target-realisation',
      cap: 120,
      source: 'config',
    });
    expect(polarityFor('Angka Kematian ibu', config)).toEqual({ polarity: 'lower-is-better', formula: 'target/realisation', source: 'config' });
  });

  it('falls back to the stated polarity, then to higher-is-better', () => {
    expect(polarityFor('Indeks Kemandirian', config, 'lower-is-better')).toEqual({ polarity: 'lower-is-better', formula: 'target/realisation', source: 'stated' });
    expect(polarityFor('Indeks Kemandirian', config)).toEqual({ polarity: 'higher-is-better', formula: 'target/realisation', source: 'default' });
  });

  it('throws a ConfigError for a pattern that is not a regular expression', () => {
    // Built by hand: the config schema would already have refused it.
    const broken = { polarity: [{ pattern: '(unclosed', polarity: 'lower-is-better' as const, formula: 'target/realisation' as const }] };
    expect(() => polarityFor('x', broken)).toThrow(ConfigError);
    expect(() => polarityFor('x', broken)).toThrow(/^polarity\[0\]\.pattern: not a valid regular expression/);
  });
});
