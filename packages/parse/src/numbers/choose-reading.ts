import type { NumeralShape } from './numeral.js';
import type { NumberContext, NumberKind, NumberReading } from './types.js';

/** Which reading of a numeral was chosen; `fixed` when its digits allow only one. */
export type ChosenReading = 'fixed' | 'thousands' | 'decimal';

export interface Evidence {
  currency: boolean;
  percent: boolean;
  unitKind: NumberKind | undefined;
  countHint: boolean;
  context: NumberContext | undefined;
}

export interface Choice {
  reading: NumberReading;
  chose: ChosenReading;
  ambiguous?: { readings: NumberReading[]; reason: string };
}

// Evidence written next to the figure (Rp, %, the unit word) outranks what the caller knows of
// the column or sentence: a count column may still hold "85.625 Indeks" copied from elsewhere.
function decide(evidence: Evidence): 'thousands' | 'decimal' | undefined {
  if (evidence.currency) return 'thousands';
  if (evidence.percent) return 'decimal';
  if (evidence.unitKind === 'index' || evidence.unitKind === 'percent') return 'decimal';
  if (evidence.unitKind === 'count' || evidence.countHint) return 'thousands';
  const kind = evidence.context?.kind;
  if (kind === 'money' || kind === 'count') return 'thousands';
  if (kind === 'index' || kind === 'percent') return 'decimal';
  const column = evidence.context?.columnDecimals?.filter((d) => Number.isFinite(d)) ?? [];
  if (column.some((d) => d > 0)) return 'decimal';
  return undefined;
}

/** The reading of `shape` that the evidence supports, and the other readings when it supports none. */
export function chooseReading(shape: NumeralShape, evidence: Evidence): Choice {
  if (shape.type === 'fixed') return { reading: shape.reading, chose: 'fixed' };
  const decided = decide(evidence);
  if (decided !== undefined) return { reading: shape[decided], chose: decided };
  const column = evidence.context?.columnDecimals ?? [];
  const integerColumn = column.length > 0 && column.every((d) => d === 0);
  let chose: 'thousands' | 'decimal';
  let reason: string;
  if (integerColumn) {
    chose = 'thousands';
    reason = `one "${shape.separator}" followed by three digits; the other figures of the column show no decimals, which suggests a thousands separator but does not prove it`;
  } else if (shape.separator === '.') {
    // Indonesian writes thousands with dots; a decimal point is the less likely reading.
    chose = 'thousands';
    reason = 'one dot followed by three digits: an Indonesian thousands separator (17.154 = 17154) or a decimal point (85.625); nothing in the context decides';
  } else {
    chose = 'decimal';
    reason = 'one comma followed by three digits: an Indonesian decimal comma (1,750 = 1.75) or an English thousands separator (1750); nothing in the context decides';
  }
  const other = chose === 'thousands' ? 'decimal' : 'thousands';
  return { reading: shape[chose], chose, ambiguous: { readings: [shape[chose], shape[other]], reason } };
}
