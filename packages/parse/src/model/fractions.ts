import type { Fraction, Quantity } from '@lkip/schema';
import type { FractionBlock } from '../fractions/types.js';
import { findNumbers } from '../numbers/index.js';
import type { SourceCell } from '../tables/types.js';
import { nextId, toQuantity, type BuildContext } from './context.js';
import { sectionAt } from './sections.js';

function partQuantity(ctx: BuildContext, part: SourceCell): Quantity | undefined {
  const start = part.position.offset;
  const slice = ctx.text.slice(start, part.position.endOffset);
  const figures = findNumbers(slice);
  const first = figures[0];
  if (!first) return undefined;
  const q = toQuantity(ctx, first, start);
  // The unit sits in "\text{ Kab/Kota}" in LaTeX layouts; the cleaned text carries it.
  if (!q.unit) {
    const unit = part.text.replace(/^[\s\d.,%-]+/, '').trim();
    if (unit.length > 0 && unit.length <= 30 && !/\d/.test(unit)) q.unit = unit;
  }
  return q;
}

/** "Perhitungan Capaian" fractions, tied to the indicator section they sit in. */
export function readFractions(ctx: BuildContext, blocks: FractionBlock[]): Fraction[] {
  const out: Fraction[] = [];
  for (const block of blocks) {
    const numerator = partQuantity(ctx, block.numerator);
    const denominator = partQuantity(ctx, block.denominator);
    const stated = partQuantity(ctx, block.stated);
    if (!numerator || !denominator || !stated) continue;
    stated.percent = stated.percent || /%|persen/i.test(block.stated.text);
    const fraction: Fraction = {
      id: nextId(ctx, 'f'),
      numerator,
      denominator,
      multiplier: block.multiplier || stated.percent ? 100 : 1,
      stated,
      layout: block.layout,
      position: block.position,
    };
    const section = sectionAt(ctx.sections, block.position.offset);
    const indicatorId = section ? ctx.doc.sections.find((s) => s.id === section.id)?.indicatorId : undefined;
    if (indicatorId) fraction.indicatorId = indicatorId;
    if (ctx.units.province) fraction.unitId = ctx.units.province.id;
    out.push(fraction);
  }
  return out;
}
