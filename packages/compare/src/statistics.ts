/**
 * Robust outlier detection for achievements across provinces. With a handful of provinces and
 * one wild value, the mean and standard deviation are dragged by the very value we look for;
 * the median and the median absolute deviation (MAD) are not. We use the modified z-score of
 * Iglewicz & Hoaglin ("How to Detect and Handle Outliers", ASQC 1993):
 *
 *   z_i = (x_i − median) / (1.4826 · MAD),   outlier when |z_i| > 3.5
 *
 * 1.4826 · MAD estimates the standard deviation for normally distributed data (1 / 1.4826 is the
 * 0.6745 of their formula), and 3.5 is the cut-off they recommend.
 */

export const MAD_SCALE = 1.4826;
export const MODIFIED_Z_THRESHOLD = 3.5;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median of |x − median(x)|. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

export interface RobustSummary {
  median: number;
  mad: number;
  /** The least MAD the scores are computed with: a share of the values' magnitude (0 without a floor). */
  madFloor: number;
  /** 1.4826 · max(MAD, floor). */
  scaledMad: number;
  /** One per value, in input order; undefined when the spread is zero (see `modifiedZScores`). */
  scores: number[] | undefined;
}

/** Default minimum number of values to look for outliers among: fewer cannot give a robust median and MAD. */
export const OUTLIER_MIN_COUNT = 5;
/** Default MAD floor, as a share of the values' magnitude (the median of |x|). */
export const RELATIVE_MAD_FLOOR = 0.02;

/**
 * The modified z-score of every value. When more than half the values are equal the MAD is 0 and
 * the scores are undefined: "most provinces reached exactly 100 %" is not a spread against which
 * a 90 % can be called extreme. A MAD above 0 is floored at `relativeMadFloor` × the median of
 * |x|: when most provinces report nearly the same achievement the MAD is a rounding difference
 * (0,02 points), and dividing by it would call a province one point away "extreme" (a z-score of
 * 1497). The floor measures spread against the values' own size, so it means the same for
 * achievements near 100 % and for indices near 3.
 */
export function modifiedZScores(values: readonly number[], options: { relativeMadFloor?: number } = {}): RobustSummary {
  const m = median(values);
  const mad = medianAbsoluteDeviation(values);
  const magnitude = values.length > 0 ? median(values.map((v) => Math.abs(v))) : 0;
  const madFloor = Math.max(0, options.relativeMadFloor ?? 0) * magnitude;
  const scaledMad = MAD_SCALE * Math.max(mad, madFloor);
  const scores = mad > 0 && scaledMad > 0 ? values.map((v) => (v - m) / scaledMad) : undefined;
  return { median: m, mad, madFloor, scaledMad, scores };
}

export interface Outlier {
  index: number;
  value: number;
  score: number;
}

export interface OutlierOptions {
  threshold?: number;
  /** Fewer values than this are not tested. Default 5. */
  minCount?: number;
  /** Default 0.02 (see `modifiedZScores`). */
  relativeMadFloor?: number;
}

export function robustOutliers(values: readonly number[], options: OutlierOptions = {}): { summary: RobustSummary; outliers: Outlier[] } {
  const { threshold = MODIFIED_Z_THRESHOLD, minCount = OUTLIER_MIN_COUNT, relativeMadFloor = RELATIVE_MAD_FLOOR } = options;
  const summary = modifiedZScores(values, { relativeMadFloor });
  if (values.length < Math.max(minCount, 3) || !summary.scores) return { summary, outliers: [] };
  const outliers: Outlier[] = [];
  summary.scores.forEach((score, index) => {
    if (Math.abs(score) > threshold) outliers.push({ index, value: values[index] as number, score });
  });
  return { summary, outliers };
}
