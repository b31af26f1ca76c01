export type { NumberContext, NumberKind, NumberReading, NumberStyle, NumberWordMatch, ReadNumber, ReadRange } from './types.js';
export { readIndonesianNumber } from './read-number.js';
export { findNumbers, findRanges } from './find-numbers.js';
export { withScanMemo } from './scan.js';
export { readNumberWords } from './number-words.js';
export { findParenthesisedNumberWords, type ParenthesisedNumberWords } from './parenthesised.js';
export { formatIndonesianNumber, numberStyleOf } from './format.js';
