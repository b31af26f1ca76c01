import { frameBoxToPage } from './geometry.js';
import { joinRuns } from './lines.js';
import type { PageBlock, Run, Segment } from './types.js';

/** How far (× font size) the numerator's baseline may sit above the bar, and the denominator's below it. */
const ABOVE = 1.6;
const BELOW = 1.9;
/** How far (points) the label and the rest may stand from the bar. */
const REACH = 220;

/**
 * Stacked fractions, as "Perhitungan Capaian" is typeset: a numerator over a short bar over a
 * denominator, with "% Capaian =" to the left and "× 100% = 66,7%" to the right, usually
 * centred on the bar. Read as the draft's two-line layout, which the reader knows.
 */
export function findFractions(runs: readonly Run[], loose: readonly Segment[], turns: number): { fractions: Extract<PageBlock, { kind: 'fraction' }>[]; rest: Run[] } {
  let rest = [...runs];
  const fractions: Extract<PageBlock, { kind: 'fraction' }>[] = [];
  const bars = loose.filter((s) => s.dir === 'h' && s.b - s.a >= 6 && s.b - s.a <= 260).sort((p, q) => p.at - q.at);
  for (const bar of bars) {
    const within = (r: Run) => {
      const mid = (r.x0 + r.x1) / 2;
      return mid >= bar.a - 2 && mid <= bar.b + 2 && r.x0 >= bar.a - 8 && r.x1 <= bar.b + 8;
    };
    const numerator = rest.filter((r) => within(r) && r.y < bar.at && bar.at - r.y <= ABOVE * r.size);
    const denominator = rest.filter((r) => within(r) && r.y > bar.at && r.y - bar.at <= BELOW * r.size);
    if (numerator.length === 0 || denominator.length === 0) continue;
    const num = joinRuns(sortX(nearestLine(numerator, 'above')));
    const den = joinRuns(sortX(nearestLine(denominator, 'below')));
    if (!/\d/.test(num) || !/\d/.test(den)) continue;
    const numRuns = numerator.filter((r) => num.includes(r.text.trim()));
    const denRuns = denominator.filter((r) => den.includes(r.text.trim()));
    const top = Math.min(...numRuns.map((r) => r.y)) - 0.5;
    const bottom = Math.max(...denRuns.map((r) => r.y)) + 0.5;
    const beside = (r: Run) => r.y >= top - r.size * 0.4 && r.y <= bottom - r.size * 0.4;
    const label = rest.filter((r) => beside(r) && r.x1 <= bar.a + 2 && bar.a - r.x1 <= REACH && !numRuns.includes(r) && !denRuns.includes(r));
    const after = rest.filter((r) => beside(r) && r.x0 >= bar.b - 2 && r.x0 - bar.b <= REACH && !numRuns.includes(r) && !denRuns.includes(r));
    const used = new Set([...numRuns, ...denRuns, ...label, ...after]);
    rest = rest.filter((r) => !used.has(r));
    const all = [...used];
    const x0 = Math.min(...all.map((r) => r.x0));
    const x1 = Math.max(...all.map((r) => r.x1));
    const y0 = Math.min(...all.map((r) => r.y - r.size * 0.8));
    const y1 = Math.max(...all.map((r) => r.y + r.size * 0.2));
    fractions.push({
      kind: 'fraction',
      label: joinRuns(sortX(label)),
      numerator: num,
      denominator: den,
      rest: joinRuns(sortX(after)),
      box: frameBoxToPage(turns, x0, y0, x1, y1),
      top: y0,
      bottom: y1,
    });
  }
  return { fractions, rest };
}

function sortX(runs: readonly Run[]): Run[] {
  return [...runs].sort((a, b) => a.x0 - b.x0);
}

/** Of the runs above (or below) the bar, those on the baseline nearest to it. */
function nearestLine(runs: readonly Run[], side: 'above' | 'below'): Run[] {
  const best = side === 'above' ? Math.max(...runs.map((r) => r.y)) : Math.min(...runs.map((r) => r.y));
  return runs.filter((r) => Math.abs(r.y - best) <= r.size * 0.4);
}
