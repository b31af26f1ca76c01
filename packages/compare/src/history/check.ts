import { overlaps, point, statedInterval, type RoundingMode } from '@lkip/engine';
import { PLACE_PRIORITY } from '../cells.js';
import { matchIndicators } from '../matching.js';
import type { HistoryRole, OwnFigure, PriorFigure, StatedNumber } from './figures.js';
import type { HistoryIndicator, HistoryView } from './view.js';

/** A figure this year's filing states for an earlier year that the earlier year's filing does not state. */
export interface HistoryFinding {
  /** The indicator in this year's filing. */
  indicator: HistoryIndicator;
  year: number;
  stated: PriorFigure;
  /** The role the earlier filing's figure has (the first of the stated figure's possible roles it states). */
  role: HistoryRole;
  /** The earlier filing's statements of that figure, first the one to quote. */
  expected: OwnFigure[];
  previousFile: string;
}

export interface HistoryCheckOptions {
  /** How stated figures were rounded (the config's `rounding`). Default `either`. */
  rounding?: RoundingMode;
}

/**
 * Does a cited figure agree with the earlier filing's? Each stands for every value it rounds from
 * (interval arithmetic), except what is exact: an agreed target (a target of 90 is 90, not
 * anything from 89.5 to 91), and two whole numbers (3 Kab/Kota is not 2 Kab/Kota rounded).
 */
function agree(cited: StatedNumber, earlier: StatedNumber, role: HistoryRole, mode: RoundingMode): boolean {
  const whole = cited.decimals === 0 && earlier.decimals === 0;
  const before = role === 'target' || whole ? point(earlier.value) : statedInterval(earlier.value, earlier.decimals, mode);
  const now = whole ? point(cited.value) : statedInterval(cited.value, cited.decimals, mode);
  return overlaps(now, before);
}

/**
 * The same entity? Filings of one agency's office: when both name their province (or agency),
 * the names must agree; a filing that names neither is taken at the caller's word.
 */
export function sameEntity(a: Pick<HistoryView, 'province' | 'agency'>, b: Pick<HistoryView, 'province' | 'agency'>): boolean {
  const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (a.province && b.province) return norm(a.province) === norm(b.province);
  if (a.agency && b.agency) return norm(a.agency) === norm(b.agency);
  return true;
}

/**
 * Checks every figure `current` states for `previous`'s fiscal year against what `previous`
 * states for its own year: same indicator (matched by name and number, as the comparison matches
 * them), same office, one of the figure's possible roles, equal within the rounding of both
 * figures. Silent when the earlier filing states no such figure: nothing to hold it against.
 */
export function checkHistory(current: HistoryView, previous: HistoryView, options: HistoryCheckOptions = {}): HistoryFinding[] {
  const mode = options.rounding ?? 'either';
  const year = previous.fiscalYear;
  if (year === null || current.fiscalYear === null || year >= current.fiscalYear) return [];
  const cited = current.prior.filter((f) => f.year === year);
  if (cited.length === 0) return [];

  // Indicators are matched as the comparison matches them across provinces.
  const { rows } = matchIndicators([
    { file: previous.file, province: previous.province, placeNames: previous.placeNames, indicators: previous.indicators },
    { file: current.file, province: current.province, placeNames: current.placeNames, indicators: current.indicators },
  ]);
  const earlierOf = new Map<string, string>();
  for (const row of rows) {
    const before = row.members.find((m) => m.doc === 0);
    const now = row.members.find((m) => m.doc === 1);
    if (before && now) earlierOf.set(now.indicator.id, before.indicator.id);
  }
  const own = new Map<string, OwnFigure[]>();
  for (const f of previous.own) {
    const key = `${f.indicatorId}\u0000${f.office}\u0000${f.role}`;
    const list = own.get(key);
    if (list) list.push(f);
    else own.set(key, [f]);
  }
  const indicators = new Map(current.indicators.map((i) => [i.id, i]));

  const findings: HistoryFinding[] = [];
  for (const figure of cited) {
    const earlierId = earlierOf.get(figure.indicatorId);
    const indicator = indicators.get(figure.indicatorId);
    if (earlierId === undefined || !indicator) continue;
    const candidates = figure.roles.map((role) => ({ role, figures: own.get(`${earlierId}\u0000${figure.office}\u0000${role}`) ?? [] })).filter((c) => c.figures.length > 0);
    if (candidates.length === 0) continue;
    if (candidates.some((c) => c.figures.some((f) => agree(figure, f, c.role, mode)))) continue;
    const first = candidates[0] as { role: HistoryRole; figures: OwnFigure[] };
    const expected = [...first.figures].sort((a, b) => PLACE_PRIORITY[a.place] - PLACE_PRIORITY[b.place] || a.line - b.line);
    findings.push({ indicator, year, stated: figure, role: first.role, expected, previousFile: previous.file });
  }
  return findings;
}
