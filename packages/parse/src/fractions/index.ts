import type { Root } from 'mdast';
import { treeContext } from '../tables/context.js';
import { sourceTextOf } from '../tables/source.js';
import { scanFractions } from './scan.js';
import type { FractionBlock } from './types.js';

export type { FractionBlock } from './types.js';
export { latexToText } from './latex.js';

/**
 * Every "Perhitungan Capaian" fraction of a parsed draft, in document order: LaTeX fractions
 * (display or inline math, or inside a tab row), the two-line text layout (figure over figure
 * beside "x 100% = …") and the one-line "3 / 4 x 100% = 75%". A formula that states no
 * numeric result, or has no figures on top and below, is a method, not a capaian fraction.
 */
export function collectFractions(tree: Root, text: string): FractionBlock[] {
  const src = sourceTextOf(text);
  const context = treeContext(tree, src);
  return scanFractions({
    src,
    skipLine: (i) => context.code[i] === 1,
    mathSpans: context.mathSpans,
    mathBlocks: context.mathBlocks,
  }).map((f) => f.block);
}
