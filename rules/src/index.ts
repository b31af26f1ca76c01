import type { Rule } from '@lkip/engine';
import aggregateMismatch from './aggregate-mismatch.js';
import bandDefinition from './band-definition.js';
import capaianMismatch from './capaian-mismatch.js';
import categoryMismatch from './category-mismatch.js';
import changeMismatch from './change-mismatch.js';
import countClaim from './count-claim.js';
import crossRefMismatch from './cross-ref-mismatch.js';
import formulaMismatch from './formula-mismatch.js';
import invertedRatio from './inverted-ratio.js';
import proseTotal from './prose-total.js';
import restatedFigure from './restated-figure.js';
import tallyMismatch from './tally-mismatch.js';
import unitMismatch from './unit-mismatch.js';
import yearMismatch from './year-mismatch.js';

/** Every rule lkip ships, in documentation order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const rules: Rule<any>[] = [
  capaianMismatch,
  invertedRatio,
  tallyMismatch,
  countClaim,
  crossRefMismatch,
  restatedFigure,
  categoryMismatch,
  bandDefinition,
  aggregateMismatch,
  changeMismatch,
  formulaMismatch,
  proseTotal,
  yearMismatch,
  unitMismatch,
];

export {
  aggregateMismatch,
  bandDefinition,
  capaianMismatch,
  categoryMismatch,
  changeMismatch,
  countClaim,
  crossRefMismatch,
  formulaMismatch,
  invertedRatio,
  proseTotal,
  restatedFigure,
  tallyMismatch,
  unitMismatch,
  yearMismatch,
};
