/**
 * Geometry of one page, in PDF points with the origin at the TOP-LEFT corner of the page as it
 * is shown (its /Rotate applied), y growing downwards: the coordinates a viewer draws in.
 */
export type BBox = [x0: number, y0: number, x1: number, y1: number];

/**
 * A run of text from pdf.js, placed in its "frame": the page turned so that this run reads left
 * to right (text rotated by 90° in a landscape table is laid out like any other). `box` stays in
 * page coordinates, for locations.
 */
export interface Run {
  text: string;
  /** Start and end along the baseline, in frame coordinates. */
  x0: number;
  x1: number;
  /** The baseline, in frame coordinates (y down). */
  y: number;
  /** Font size in points (the glyphs' height scale). */
  size: number;
  bold: boolean;
  box: BBox;
}

/** Runs on one baseline, left to right. */
export interface Line {
  runs: Run[];
  x0: number;
  x1: number;
  y: number;
  /** Largest font size on the line. */
  size: number;
  /** Top and bottom of the glyphs (frame coordinates). */
  top: number;
  bottom: number;
}

/** A horizontal or vertical drawn line (a table rule, a fraction bar), in frame coordinates. */
export interface Segment {
  /** 'h': from (a, at) to (b, at); 'v': from (at, a) to (at, b); a < b. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

export interface TableCell {
  text: string;
  box: BBox;
}

/** A block of one page, in reading order; `box` in page coordinates. */
export type PageBlock =
  | {
      kind: 'paragraph' | 'heading';
      text: string;
      box: BBox;
      size: number;
      bold: boolean;
      top: number;
      bottom: number;
      lines: number;
      /** Its last line runs to the right margin: the paragraph may go on, on the next page. */
      open?: boolean;
    }
  | { kind: 'table'; rows: TableCell[][]; box: BBox; top: number; bottom: number; columns: number[]; ruled: boolean }
  | { kind: 'fraction'; label: string; numerator: string; denominator: string; rest: string; box: BBox; top: number; bottom: number };

export function unionBox(a: BBox | undefined, b: BBox): BBox {
  if (!a) return [b[0], b[1], b[2], b[3]];
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
