import { achievementInterval, pointAchievement, standingOf } from '../achievement.js';
import { overlaps, roundTo, statedInterval } from '../interval.js';
import type { Derivation, EvidenceFigure, EvidenceInput, Span } from '../types.js';

/** Decimals that make the engine's interval helpers treat a figure as exact (a count, an agreed target). */
const EXACT_DECIMALS = 12;

/** "94.50" and "94,5" are one figure; "89.56" and "89.58" are two; words compare as words. */
export function sameFigure(a: EvidenceFigure | undefined, b: EvidenceFigure | undefined): boolean {
  if (!a || !b) return false;
  if (a.value !== undefined && b.value !== undefined) {
    const decimals = Math.min(a.decimals ?? 0, b.decimals ?? 0);
    return roundTo(a.value, decimals) === roundTo(b.value, decimals);
  }
  return normaliseText(a.text) === normaliseText(b.text);
}

/** A figure's identity in a key: its value to the decimals shown, else its words. */
export function figureKeyPart(f: EvidenceFigure | undefined): string {
  if (!f) return '';
  if (f.value !== undefined) return String(roundTo(f.value, Math.min(f.decimals ?? 0, 6)));
  return normaliseText(f.text);
}

function normaliseText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

export function spanKey(s: Span): string {
  return `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
}

function asStated(input: EvidenceInput, value: number, decimals: number): { value: number; decimals: number } {
  return { value, decimals: input.exact ? EXACT_DECIMALS : decimals };
}

/**
 * Whether the stated achievement holds once one of its inputs takes another value: true means
 * the achievement was computed from that value (so the input, not the achievement, is what the
 * writer got wrong, or the input's other value is the one the writer used).
 */
export function achievementHoldsWith(
  derivation: Extract<Derivation, { kind: 'achievement' }>,
  stated: EvidenceFigure,
  input: 'target' | 'realisation',
  replacement: EvidenceFigure,
): boolean {
  if (stated.value === undefined || replacement.value === undefined) return false;
  const { target, realisation, polarity } = derivation;
  const t = input === 'target' ? asStated(target, replacement.value, replacement.decimals ?? target.decimals) : asStated(target, target.value, target.decimals);
  const r = input === 'realisation' ? asStated(realisation, replacement.value, replacement.decimals ?? realisation.decimals) : asStated(realisation, realisation.value, realisation.decimals);
  const computed = achievementInterval(t, r, polarity);
  if (!computed) return false;
  return overlaps(statedInterval(stated.value, stated.decimals ?? 0), computed);
}

/** Whether a value falls in a band whose open ends are absent (JSON keeps no Infinity). */
export function inBand(value: number, band: Extract<Derivation, { kind: 'category' }>['band']): boolean {
  const aboveLo = band.lo === undefined || (band.loInclusive ? value >= band.lo : value > band.lo);
  const belowHi = band.hi === undefined || (band.hiInclusive ? value <= band.hi : value < band.hi);
  return aboveLo && belowHi;
}

/**
 * How many indicators of a tally stand in its class once some of their figures take other values
 * (keyed by the figure's place): the count the tally would give with those figures corrected.
 */
export function recountStanding(derivation: Extract<Derivation, { kind: 'standing-count' }>, replacements: ReadonlyMap<string, EvidenceFigure>): number {
  let count = 0;
  for (const entry of derivation.indicators) {
    const t = replacements.get(spanKey(entry.target.at))?.value ?? entry.target.value;
    const r = replacements.get(spanKey(entry.realisation.at))?.value ?? entry.realisation.value;
    const achievement = pointAchievement({ value: t }, { value: r }, entry.polarity);
    if (achievement === undefined) continue;
    const standing = standingOf(achievement, entry.decimals);
    if (standing === derivation.standing || (derivation.standing === 'reached' && standing !== 'below')) count++;
  }
  return count;
}

/** Where the figures a derived figure is computed from stand. */
export function inputSpans(derivation: Derivation): string[] {
  switch (derivation.kind) {
    case 'achievement':
      return [spanKey(derivation.target.at), spanKey(derivation.realisation.at)];
    case 'category':
      return [spanKey(derivation.value.at)];
    case 'total':
      return derivation.terms.map((t) => spanKey(t.at));
    case 'standing-count':
      return derivation.indicators.flatMap((entry) => [spanKey(entry.target.at), spanKey(entry.realisation.at)]);
  }
}

/**
 * Whether the stated derived figure holds once some of its inputs (by place) take other values:
 * true means it was computed from those values, so it follows from the figures that hold them.
 */
export function derivedHolds(derivation: Derivation, stated: EvidenceFigure, replacements: ReadonlyMap<string, EvidenceFigure>): boolean {
  const replaced = (at: Span) => replacements.get(spanKey(at));
  switch (derivation.kind) {
    case 'achievement': {
      const t = replaced(derivation.target.at);
      const r = replaced(derivation.realisation.at);
      if (t && r) return false;
      if (t) return achievementHoldsWith(derivation, stated, 'target', t);
      if (r) return achievementHoldsWith(derivation, stated, 'realisation', r);
      return false;
    }
    case 'category': {
      const v = replaced(derivation.value.at);
      return v?.value !== undefined && inBand(v.value, derivation.band);
    }
    case 'total': {
      if (stated.value === undefined || !derivation.terms.some((t) => replaced(t.at))) return false;
      let lo = 0;
      let hi = 0;
      for (const term of derivation.terms) {
        const figure = replaced(term.at) ?? term;
        const interval = term.exact ? { lo: figure.value ?? 0, hi: figure.value ?? 0 } : statedInterval(figure.value ?? 0, figure.decimals ?? term.decimals);
        lo += interval.lo;
        hi += interval.hi;
      }
      const n = derivation.op === 'mean' ? derivation.terms.length : 1;
      return overlaps(statedInterval(stated.value, stated.decimals ?? 0), { lo: lo / n, hi: hi / n });
    }
    case 'standing-count': {
      if (stated.value === undefined || replacements.size === 0) return false;
      return recountStanding(derivation, replacements) === stated.value;
    }
  }
}
