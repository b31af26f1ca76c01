import { pointAchievement, standingOf } from './achievement.js';
import type { FindingEvidence, Standing } from './types.js';

/** A fix that changes where an indicator stands: the reviewer must see it before it is written. */
export interface FixRisk {
  from: Standing;
  to: Standing;
  /** `target`: an achievement or a target/realisation pair (100 % is the target); `hundred`: another percentage (a budget's absorption). */
  scale: 'target' | 'hundred';
}

/**
 * Whether a fix moves a figure across 100 % or flips its indicator above / at / below target
 * (114,9 → 97,5; a realisation of 1 → 2 against a target of 2). Such a fix stays a suggestion:
 * rewriting 66,70 as 66,67 tidies a rounding, rewriting 114,9 as 97,5 changes the story the
 * report tells, and the figure it was computed from may be the wrong one.
 */
export function fixRisk(e: FindingEvidence | undefined): FixRisk | undefined {
  const stated = e?.stated;
  const expected = e?.expected;
  if (!e || stated?.value === undefined || expected?.value === undefined) return undefined;
  if (e.role === 'achievement' || e.role === 'percent') {
    const from = standingOf(stated.value, stated.decimals ?? 2);
    const to = standingOf(expected.value, expected.decimals ?? stated.decimals ?? 2);
    return from === to ? undefined : { from, to, scale: e.role === 'achievement' ? 'target' : 'hundred' };
  }
  if ((e.role === 'realisation' || e.role === 'target') && e.against) {
    const other = e.role === 'realisation' ? e.against.target : e.against.realisation;
    if (other?.value === undefined) return undefined;
    const standing = (value: number): Standing | undefined => {
      const pair = e.role === 'realisation' ? { t: other.value as number, r: value } : { t: value, r: other.value as number };
      const achievement = pointAchievement({ value: pair.t }, { value: pair.r }, e.against?.polarity ?? { polarity: 'higher-is-better' });
      return achievement === undefined ? undefined : standingOf(achievement, 2);
    };
    const from = standing(stated.value);
    const to = standing(expected.value);
    return from === undefined || to === undefined || from === to ? undefined : { from, to, scale: 'target' };
  }
  return undefined;
}
