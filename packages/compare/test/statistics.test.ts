import { describe, expect, it } from 'vitest';
import { MAD_SCALE, median, medianAbsoluteDeviation, modifiedZScores, robustOutliers } from '../src/index.js';

describe('median and MAD', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('computes the median absolute deviation', () => {
    // median 101.5; |x − 101.5| = 3.5, 1.5, 0.5, 0.5, 2.5, 48.5 → sorted 0.5 0.5 1.5 2.5 3.5 48.5 → MAD 2
    expect(medianAbsoluteDeviation([98, 100, 101, 102, 104, 150])).toBe(2);
  });
});

describe('modified z-score (Iglewicz & Hoaglin)', () => {
  it('matches a hand-computed example', () => {
    // Achievements of six provinces, one far above the rest.
    const values = [98, 100, 101, 102, 104, 150];
    // Without the floor (2 % of 101.5 = 2.03 would just exceed this MAD of 2): the textbook formula.
    const { summary, outliers } = robustOutliers(values, { relativeMadFloor: 0 });
    expect(summary.median).toBe(101.5);
    expect(summary.mad).toBe(2);
    expect(summary.scaledMad).toBeCloseTo(2.9652, 10); // 1.4826 × 2
    // (150 − 101.5) / 2.9652 = 16.356…; (98 − 101.5) / 2.9652 = −1.180…
    expect(summary.scores?.[5]).toBeCloseTo(16.3564, 3);
    expect(summary.scores?.[0]).toBeCloseTo(-1.1804, 3);
    expect(outliers).toEqual([{ index: 5, value: 150, score: expect.closeTo(16.3564, 3) }]);
  });

  it('uses the 1.4826 scale and the 3.5 cut-off', () => {
    expect(MAD_SCALE).toBe(1.4826);
    // median 10, MAD 1 → scaled 1.4826; 15.2 gives z = 5.2 / 1.4826 = 3.507 (flagged), 15.1 gives 3.44 (not).
    expect(robustOutliers([9, 10, 10, 11, 15.2]).outliers.map((o) => o.value)).toEqual([15.2]);
    expect(robustOutliers([9, 10, 10, 11, 15.1]).outliers).toEqual([]);
  });

  it('flags low values as well as high ones', () => {
    const { outliers } = robustOutliers([112, 115, 118, 121, 124, 30.71]);
    expect(outliers).toHaveLength(1);
    expect(outliers[0]?.value).toBe(30.71);
    expect(outliers[0]?.score).toBeLessThan(-3.5);
  });

  it('reports no scores when more than half the values are equal (MAD 0)', () => {
    expect(modifiedZScores([100, 100, 100, 100, 90]).scores).toBeUndefined();
    expect(robustOutliers([100, 100, 100, 100, 40]).outliers).toEqual([]);
  });

  it('does not test fewer values than the minimum: five by default', () => {
    expect(robustOutliers([100, 101, 40]).outliers).toEqual([]);
    expect(robustOutliers([100, 101, 102, 40]).outliers).toEqual([]);
    expect(robustOutliers([100, 101, 102, 103, 40]).outliers.map((o) => o.value)).toEqual([40]);
    expect(robustOutliers([100, 101, 40], { minCount: 3 }).outliers.map((o) => o.value)).toEqual([40]);
  });

  it('floors the MAD at 2 % of the values’ size: a spread of hundredths makes no point "extreme"', () => {
    // median 100.01; |x − 100.01| = 0.03, 0.01, 0, 0.01, 1.49 → MAD 0.01: 101.5 would score
    // 1.49 / 0.014826 = 100.5. Floored at 2 % of 100.01 = 2.0002, the spread is 2.9655 and 101.5
    // scores 0.50: nothing to flag.
    const close = [99.98, 100, 100.01, 100.02, 101.5];
    expect(robustOutliers(close, { relativeMadFloor: 0 }).outliers.map((o) => o.value)).toEqual([101.5]);
    const { summary, outliers } = robustOutliers(close);
    expect(outliers).toEqual([]);
    expect(summary.mad).toBeCloseTo(0.01, 10);
    expect(summary.madFloor).toBeCloseTo(2.0002, 10);
    expect(summary.scaledMad).toBeCloseTo(1.4826 * 2.0002, 10);
    expect(summary.scores?.[4]).toBeCloseTo(0.5025, 3);
    // A province far away is still far: (60 − 100.01) / 2.9655 = −13.49.
    expect(robustOutliers([99.98, 100, 100.01, 100.02, 60]).outliers.map((o) => [o.value, Math.round(o.score * 100) / 100])).toEqual([[60, -13.49]]);
  });

  it('sizes the floor by the values, so indices near 3 are judged as achievements near 100 are', () => {
    // The same shape scaled by 0.03: the same verdicts.
    const scaled = [99.98, 100, 100.01, 100.02, 101.5].map((v) => v * 0.03);
    expect(robustOutliers(scaled).outliers).toEqual([]);
    expect(robustOutliers([99.98, 100, 100.01, 100.02, 60].map((v) => v * 0.03)).outliers.map((o) => Math.round(o.score * 100) / 100)).toEqual([-13.49]);
  });
});
