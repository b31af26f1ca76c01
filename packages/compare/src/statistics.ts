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
  /** 1.4826 · MAD. */
  scaledMad: number;
  /** One per value, in input order; undefined when the spread is zero (see `modifiedZScores`). */
  scores: number[] | undefined;
}

/**
 * The modified z-score of every value. When more than half the values are equal the MAD is 0
 * and the score is undefined; we then report no scores rather than divide by zero or fall back
 * to another spread measure: "most provinces reached exactly 100 %" is not a spread against
 * which a 90 % can be called extreme.
 */
export function modifiedZScores(values: readonly number[]): RobustSummary {
  const m = median(values);
  const mad = medianAbsoluteDeviation(values);
  const scaledMad = MAD_SCALE * mad;
  const scores = scaledMad > 0 ? values.map((v) => (v - m) / scaledMad) : undefined;
  return { median: m, mad, scaledMad, scores };
}

export interface Outlier {
  index: number;
  value: number;
  score: number;
}

export function robustOutliers(
  values: readonly number[],
  options: { threshold?: number; minCount?: number } = {},
): { summary: RobustSummary; outliers: Outlier[] } {
  const { threshold = MODIFIED_Z_THRESHOLD, minCount = 4 } = options;
  const summary = modifiedZScores(values);
  if (values.length < minCount || !summary.scores) return { summary, outliers: [] };
  const outliers: Outlier[] = [];
  summary.scores.forEach((score, index) => {
    if (Math.abs(score) > threshold) outliers.push({ index, value: values[index] as number, score });
  });
  return { summary, outliers };
}
