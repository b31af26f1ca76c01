import type { Line, Run } from './types.js';

/** Baselines closer than this share a line (a fraction of the smaller font size). */
const SAME_BASELINE = 0.4;
/** A gap wider than this (× font size) between two runs is a space. */
const SPACE_GAP = 0.12;
/** A gap wider than this (× font size) separates two cells of a table row without rules. */
export const CELL_GAP = 0.8;

/**
 * Groups runs into lines by their baselines. Runs come from pdf.js in content-stream order,
 * which for a table is often column by column; sorting by baseline first gives rows.
 */
export function buildLines(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Line[] = [];
  let current: Run[] = [];
  let baseline = 0;
  let size = 0;
  for (const run of sorted) {
    if (current.length > 0 && run.y - baseline <= SAME_BASELINE * Math.min(size, run.size)) {
      current.push(run);
      size = Math.max(size, run.size);
      continue;
    }
    if (current.length > 0) lines.push(makeLine(current));
    current = [run];
    baseline = run.y;
    size = run.size;
  }
  if (current.length > 0) lines.push(makeLine(current));
  return lines;
}

export function makeLine(runs: Run[]): Line {
  const sorted = dropDuplicates([...runs].sort((a, b) => a.x0 - b.x0));
  let size = 0;
  let weighted = 0;
  let chars = 0;
  for (const r of sorted) {
    size = Math.max(size, r.size);
    weighted += r.y * r.text.length;
    chars += r.text.length;
  }
  const y = chars > 0 ? weighted / chars : (sorted[0]?.y ?? 0);
  return {
    runs: sorted,
    x0: Math.min(...sorted.map((r) => r.x0)),
    x1: Math.max(...sorted.map((r) => r.x1)),
    y,
    size,
    top: Math.min(...sorted.map((r) => r.y - r.size * 0.8)),
    bottom: Math.max(...sorted.map((r) => r.y + r.size * 0.2)),
  };
}

/** Fake bold (the same text drawn twice, shifted a hair) would otherwise read "TTaabbeell". */
function dropDuplicates(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && prev.text === r.text && Math.abs(prev.x0 - r.x0) < r.size * 0.2 && Math.abs(prev.y - r.y) < r.size * 0.2) continue;
    out.push(r);
  }
  return out;
}

/** The text of runs on one baseline, with a space where the gap between two runs is one. */
export function joinRuns(runs: readonly Run[]): string {
  let text = '';
  let prev: Run | undefined;
  for (const r of runs) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      if (gap > SPACE_GAP * Math.min(prev.size, r.size) && !text.endsWith(' ') && !r.text.startsWith(' ')) text += ' ';
    }
    text += r.text;
    prev = r;
  }
  return text.replace(/\s+/g, ' ').trim();
}

export function lineText(line: Line): string {
  return joinRuns(line.runs);
}

/** Runs of a line split where the gap is wide enough to separate table cells. */
export function lineSegments(line: Line, gapFactor = CELL_GAP): Run[][] {
  const segments: Run[][] = [];
  let current: Run[] = [];
  let prev: Run | undefined;
  for (const r of line.runs) {
    if (prev && r.x0 - prev.x1 > gapFactor * Math.min(prev.size, r.size)) {
      segments.push(current);
      current = [];
    }
    current.push(r);
    prev = r;
  }
  if (current.length > 0) segments.push(current);
  return segments;
}
