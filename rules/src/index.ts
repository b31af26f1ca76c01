import type { Rule } from '@lkip/engine';
import aggregateMismatch from './aggregate-mismatch.js';
import bandDefinition from './band-definition.js';
import capaianMismatch from './capaian-mismatch.js';
import categoryMismatch from './category-mismatch.js';
import changeMismatch from './change-mismatch.js';
import componentTotal from './component-total.js';
import countClaim from './count-claim.js';
import crossRefMismatch from './cross-ref-mismatch.js';
import entityMismatch from './entity-mismatch.js';
import enumerationCount from './enumeration-count.js';
import formulaMismatch from './formula-mismatch.js';
import historyMismatch from './history-mismatch.js';
import invertedRatio from './inverted-ratio.js';
import proseCategory from './prose-category.js';
import proseTotal from './prose-total.js';
import restatedAchievement from './restated-achievement.js';
import restatedFigure from './restated-figure.js';
import shareBase from './share-base.js';
import tallyMismatch from './tally-mismatch.js';
import unitColumn from './unit-column.js';
import unitMismatch from './unit-mismatch.js';
import yearMismatch from './year-mismatch.js';

/** Every rule lkip ships, in documentation order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const rules: Rule<any>[] = [
  capaianMismatch,
  invertedRatio,
  tallyMismatch,
  countClaim,
  enumerationCount,
  crossRefMismatch,
  entityMismatch,
  restatedFigure,
  restatedAchievement,
  categoryMismatch,
  proseCategory,
  bandDefinition,
  aggregateMismatch,
  componentTotal,
  shareBase,
  changeMismatch,
  formulaMismatch,
  proseTotal,
  yearMismatch,
  historyMismatch,
  unitMismatch,
  unitColumn,
];

export {
  aggregateMismatch,
  bandDefinition,
  capaianMismatch,
  categoryMismatch,
  changeMismatch,
  componentTotal,
  countClaim,
  crossRefMismatch,
  entityMismatch,
  enumerationCount,
  formulaMismatch,
  historyMismatch,
  invertedRatio,
  proseCategory,
  proseTotal,
  restatedAchievement,
  restatedFigure,
  shareBase,
  tallyMismatch,
  unitColumn,
  unitMismatch,
  yearMismatch,
};
