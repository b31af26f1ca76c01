import { defineRule, lineRef, roundTo, type RuleContext } from '@lkip/engine';
import type { Band, CategoryScale, LkipDocument, Quantity } from '@lkip/schema';
import { formatLike } from './support/describe.js';
import { scaleLabel } from './support/scales.js';

type Context = RuleContext<unknown>;

/**
 * A band as the values it covers when figures show `decimals` decimals: "lebih dari 80"
 * (exclusive) starts one step above 80, "< 95" ends one step below 95.
 */
interface Covered {
  band: Band;
  first: number;
  last: number;
}

interface Problem {
  kind: 'gap' | 'overlap';
  earlier: Band;
  later: Band;
  from: number;
  to: number;
}

/** The decimals the scale's edges show: 53,71 → 2, so values are read to the hundredth. */
function decimalsOf(scale: CategoryScale): number {
  const edges = scale.bands.flatMap((b) => [b.min, b.max]).filter((q): q is Quantity => q !== undefined);
  return Math.max(0, ...edges.map((q) => q.decimals));
}

function covered(band: Band, step: number, decimals: number): Covered | undefined {
  if (!band.min && !band.max) return undefined;
  const first = band.min ? roundTo(band.minInclusive ? band.min.value : band.min.value + step, decimals) : -Infinity;
  const last = band.max ? roundTo(band.maxInclusive ? band.max.value : band.max.value - step, decimals) : Infinity;
  return { band, first, last };
}

/**
 * Walks the bands in value order, keeping the band that reaches furthest so far: the next band
 * must start exactly one step after it (a gap otherwise) and must not start before its end (an
 * overlap; sharing the edge value itself, as "80 – 90" then "90 – 100" do, is allowed).
 */
export function bandProblems(scale: CategoryScale): Problem[] {
  const decimals = decimalsOf(scale);
  const step = 10 ** -decimals;
  const bands = scale.bands
    .map((b) => covered(b, step, decimals))
    .filter((c): c is Covered => c !== undefined)
    .sort((a, b) => a.first - b.first || a.last - b.last);
  const problems: Problem[] = [];
  let reach: Covered | undefined;
  for (const next of bands) {
    if (reach) {
      const gapFrom = roundTo(reach.last + step, decimals);
      const gapTo = roundTo(next.first - step, decimals);
      if (gapTo >= gapFrom) problems.push({ kind: 'gap', earlier: reach.band, later: next.band, from: gapFrom, to: gapTo });
      else if (next.first < reach.last) problems.push({ kind: 'overlap', earlier: reach.band, later: next.band, from: next.first, to: Math.min(reach.last, next.last) });
    }
    if (!reach || next.last > reach.last) reach = next;
  }
  return problems;
}

/** A band as the draft wrote it: "Tinggi (49,74 – 53,50)". */
function bandText(band: Band): string {
  const lo = band.min?.raw.trim();
  const hi = band.max?.raw.trim();
  const range = lo && hi ? `${lo} – ${hi}` : lo ? `${band.minInclusive ? '≥' : '>'} ${lo}` : `${band.maxInclusive ? '≤' : '<'} ${hi ?? ''}`;
  return `${band.label} (${range})`;
}

function edgeLike(scale: CategoryScale): Quantity | undefined {
  return scale.bands.flatMap((b) => [b.min, b.max]).find((q): q is Quantity => q !== undefined);
}

function intervalText(problem: Problem, scale: CategoryScale): string {
  const like = edgeLike(scale);
  const decimals = decimalsOf(scale);
  const show = (v: number) => (like ? formatLike(v, decimals, like) : String(v)).replace(/%$/, '');
  return problem.from === problem.to ? show(problem.from) : `${show(problem.from)} – ${show(problem.to)}`;
}

function report(problem: Problem, scale: CategoryScale, doc: LkipDocument, context: Context): void {
  const later = problem.later;
  const at = (later.min ?? later.max)?.position ?? later.position;
  context.report({
    at,
    messageId: problem.kind,
    data: { earlier: bandText(problem.earlier), later: bandText(later), interval: intervalText(problem, scale), scale: scaleLabel(scale.name) },
    related: [{ at: problem.earlier.position, note: `${problem.earlier.label}, ${lineRef(problem.earlier.position.line)}` }],
    subject: {
      indicator: scale.indicatorIds.map((id) => String(doc.indicators.find((i) => i.id === id)?.number ?? id)).join(',') || undefined,
      detail: `${problem.kind}:${problem.earlier.label}/${later.label}`,
    },
  });
}

export default defineRule({
  meta: {
    id: 'band-definition',
    family: 'category',
    defaultSeverity: 'warn',
    fixable: false,
    docs: {
      description: 'The bands of a category scale must neither leave gaps nor overlap',
      descriptionId: 'Rentang-rentang kategori pada satu skala tidak boleh menyisakan celah atau saling tumpang tindih',
    },
    messages: {
      gap: {
        en: 'The bands {earlier} and {later} of the scale {scale} leave {interval} uncovered.',
        id: 'Rentang {earlier} dan {later} pada skala {scale} tidak mencakup nilai {interval}.',
      },
      overlap: {
        en: 'The bands {earlier} and {later} of the scale {scale} overlap on {interval}.',
        id: 'Rentang {earlier} dan {later} pada skala {scale} tumpang tindih pada nilai {interval}.',
      },
    },
  },
  check(doc, context) {
    for (const scale of doc.scales) {
      for (const problem of bandProblems(scale)) report(problem, scale, doc, context);
    }
  },
});
