/** What a figure measures; decides how `17.154` or `1,750` is read when the text alone cannot. */
export type NumberKind = 'money' | 'count' | 'index' | 'percent' | 'unknown';

export interface NumberContext {
  /** What the figure measures, when the caller knows it from the column header, the unit word or the sentence. */
  kind?: NumberKind;
  /** Decimals seen on the other figures of the same table column, if any (helps decide `85.625`). */
  columnDecimals?: number[];
}

export interface NumberReading {
  value: number;
  decimals: number;
}

export interface ReadNumber {
  /** The chosen reading. */
  value: number;
  /** Decimals shown by the chosen reading (3,77 → 2; 17.154 as thousands → 0; 100 → 0). */
  decimals: number;
  /** The exact source text of the figure, including sign, Rp prefix, % sign and ",-" suffix. */
  raw: string;
  /** UTF-16 offset of `raw` within the input string. */
  start: number;
  /** UTF-16 offset just past `raw` (exclusive). */
  end: number;
  /** Followed by % or the word "persen". */
  percent: boolean;
  /** Preceded by Rp / Rp. */
  currency: boolean;
  /** A unit of measure written right after the figure, as written ("%" for the percent sign). */
  unit?: string;
  /** ≥ ≤ > < (or LaTeX \geq, \leq, …) written right before the figure. */
  bound?: 'ge' | 'gt' | 'le' | 'lt';
  /** Set when the text allows more than one reading; the chosen reading comes first. */
  ambiguous?: { readings: NumberReading[]; reason: string };
}

/** Two figures joined by a range separator; `min` is the figure written first. */
export interface ReadRange {
  min: ReadNumber;
  max: ReadNumber;
}

export interface NumberWordMatch {
  value: number;
  text: string;
  start: number;
  end: number;
}

export interface NumberStyle {
  decimalSeparator: ',' | '.';
  thousandsSeparator: '.' | ',' | '';
}
