import type { Segment } from './types.js';

/** Lines closer than this (points) are the same line drawn in pieces. */
const SNAP = 1.5;
/** Shorter pieces are dots, ticks or glyph parts, not rules. */
const MIN_LENGTH = 3;

/**
 * Joins the pieces of each drawn line: Word and LibreOffice draw a table's rules cell by cell,
 * Chromium as one rectangle per border; either way a rule is the union of touching pieces.
 */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const dir of ['h', 'v'] as const) {
    const sorted = segments.filter((s) => s.dir === dir).sort((p, q) => p.at - q.at || p.a - q.a);
    // Group by position along the other axis, then join overlapping intervals.
    let group: Segment[] = [];
    const flush = () => {
      if (group.length === 0) return;
      const at = group.reduce((n, s) => n + s.at, 0) / group.length;
      const byStart = [...group].sort((p, q) => p.a - q.a);
      let cur: Segment | undefined;
      for (const s of byStart) {
        if (cur && s.a <= cur.b + SNAP) cur.b = Math.max(cur.b, s.b);
        else {
          if (cur && cur.b - cur.a >= MIN_LENGTH) out.push(cur);
          cur = { dir, at, a: s.a, b: s.b };
        }
      }
      if (cur && cur.b - cur.a >= MIN_LENGTH) out.push(cur);
      group = [];
    };
    for (const s of sorted) {
      if (group.length > 0 && s.at - (group[0] as Segment).at > SNAP) flush();
      group.push(s);
    }
    flush();
  }
  return out;
}

/** Positions within `tolerance` of each other become one (their mean). */
export function clusterPositions(values: readonly number[], tolerance = 2): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - (group[group.length - 1] as number) > tolerance) {
      out.push(group.reduce((n, x) => n + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((n, x) => n + x, 0) / group.length);
  return out;
}

/** Whether a horizontal and a vertical segment touch or cross. */
export function touches(h: Segment, v: Segment, tolerance = 2): boolean {
  return v.at >= h.a - tolerance && v.at <= h.b + tolerance && h.at >= v.a - tolerance && h.at <= v.b + tolerance;
}
