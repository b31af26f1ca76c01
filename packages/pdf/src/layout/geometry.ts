/** 2-D affine matrices as PDF writes them: [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number];

/** m1 × m2: apply m2 first, then m1 (pdf.js's Util.transform order). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}

/**
 * Quarter turns (0-3) that bring a direction to "left to right": text rotated by 90° in a
 * landscape table is read in a frame turned back by the same amount.
 */
export function quarterTurns(dx: number, dy: number): number {
  const turns = Math.round(Math.atan2(dy, dx) / (Math.PI / 2));
  return ((turns % 4) + 4) % 4;
}

/** A page point in the frame of `turns` quarter turns (y down, as on the page). */
export function toFrame(turns: number, x: number, y: number): [number, number] {
  switch (turns) {
    case 1:
      return [y, -x];
    case 2:
      return [-x, -y];
    case 3:
      return [-y, x];
    default:
      return [x, y];
  }
}

/** The inverse of `toFrame`. */
export function fromFrame(turns: number, x: number, y: number): [number, number] {
  return toFrame((4 - (turns % 4)) % 4, x, y);
}

/** A frame rectangle as a page bounding box [x0, y0, x1, y1]. */
export function frameBoxToPage(turns: number, x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
  const [ax, ay] = fromFrame(turns, x0, y0);
  const [bx, by] = fromFrame(turns, x1, y1);
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
}
