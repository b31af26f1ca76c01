import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, quarterTurns, toFrame, type Matrix } from './layout/geometry.js';
import type { BBox, Run, Segment } from './layout/types.js';

/** The text and drawn lines of one page that read in the same direction. */
export interface Frame {
  /** Quarter turns from the page to this frame (0: the page as shown). */
  turns: number;
  runs: Run[];
  segments: Segment[];
}

export interface PageContent {
  /** Width and height as shown (after /Rotate), in points. */
  width: number;
  height: number;
  /** The frame with most text first. */
  frames: Frame[];
  /** Characters of text on the page (0 for a scanned page). */
  chars: number;
}

interface RawSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** pdf.js operator numbers used here (stable across pdf.js versions, but read from the library). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

const BOLD_FONT = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|-bd\b|,bd\b/i;
/** A filled rectangle thinner than this is a drawn line (Chromium and Word draw borders as thin rectangles). */
const THIN = 2.5;

/**
 * Reads one page: its text runs (pdf.js text content) and its drawn horizontal and vertical
 * lines (from the operator list, which also loads the fonts, whose names tell bold type).
 */
export async function readPage(page: PDFPageProxy, ops: Ops, withDrawing: boolean): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as number[];
  const content = await page.getTextContent({ disableNormalization: false });
  const raw: RawSegment[] = [];
  const boldFonts = new Set<string>();
  if (withDrawing) {
    const list = await page.getOperatorList();
    collectSegments(list.fnArray, list.argsArray as unknown[][], ops, vt, raw);
    for (const name of Object.keys(content.styles)) {
      if (!page.commonObjs.has(name)) continue;
      const font = page.commonObjs.get(name) as { name?: string } | undefined;
      if (font?.name && BOLD_FONT.test(font.name)) boldFonts.add(name);
    }
  }

  const byTurns = new Map<number, Run[]>();
  let chars = 0;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    // Glyphs without a Unicode mapping come out as control characters: no text to keep.
    const text = item.str.replace(/[\u0000-\u001f\u007f\ufffd]/g, '').replace(/\s+/g, ' ');
    if (text.trim() === '') continue;
    const m = multiply(vt, item.transform as number[]);
    const size = Math.hypot(m[2], m[3]);
    const along = Math.hypot(m[0], m[1]);
    if (size < 0.5 || along < 1e-6) continue;
    chars += text.trim().length;
    const turns = quarterTurns(m[0], m[1]);
    const style = content.styles[item.fontName];
    const ascent = style?.ascent && style.ascent > 0.3 ? style.ascent : 0.85;
    const descent = style?.descent && style.descent < 0 ? -style.descent : 0.2;
    const run = makeRun(text, m, size, along, item.width, ascent, descent, turns, boldFonts.has(item.fontName));
    let runs = byTurns.get(turns);
    if (!runs) byTurns.set(turns, (runs = []));
    runs.push(run);
  }
  const frames: Frame[] = [...byTurns.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([turns, runs]) => ({ turns, runs, segments: frameSegments(raw, turns) }));
  if (frames.length === 0) frames.push({ turns: 0, runs: [], segments: frameSegments(raw, 0) });
  return { width: viewport.width, height: viewport.height, frames, chars };
}

function makeRun(text: string, m: Matrix, size: number, along: number, width: number, ascent: number, descent: number, turns: number, bold: boolean): Run {
  const ox = m[4];
  const oy = m[5];
  const dx = m[0] / along;
  const dy = m[1] / along;
  // The glyphs' "up" in page coordinates (y down): perpendicular to the baseline.
  const ux = m[2] / size;
  const uy = m[3] / size;
  const corners: [number, number][] = [
    [ox + ux * size * ascent, oy + uy * size * ascent],
    [ox - ux * size * descent, oy - uy * size * descent],
  ];
  corners.push([corners[0]![0] + dx * width, corners[0]![1] + dy * width], [corners[1]![0] + dx * width, corners[1]![1] + dy * width]);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const box: BBox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const [fx, fy] = toFrame(turns, ox, oy);
  return { text, x0: fx, x1: fx + width, y: fy, size, bold, box };
}

function frameSegments(raw: readonly RawSegment[], turns: number): Segment[] {
  const out: Segment[] = [];
  for (const s of raw) {
    const [ax, ay] = toFrame(turns, s.x0, s.y0);
    const [bx, by] = toFrame(turns, s.x1, s.y1);
    if (Math.abs(ay - by) <= 1) out.push({ dir: 'h', at: (ay + by) / 2, a: Math.min(ax, bx), b: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) <= 1) out.push({ dir: 'v', at: (ax + bx) / 2, a: Math.min(ay, by), b: Math.max(ay, by) });
  }
  return out;
}

/**
 * Horizontal and vertical lines drawn on the page, in page coordinates: stroked path pieces,
 * and filled rectangles thin enough to be a line. The current transformation matrix is
 * followed through save/restore, `cm` and form XObjects.
 */
function collectSegments(fnArray: readonly number[], argsArray: readonly unknown[][], ops: Ops, vt: readonly number[], out: RawSegment[]): void {
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const matrix = args[0] as number[] | null;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const stroked = strokes.has(paint);
      const filled = fills.has(paint);
      if (!stroked && !filled) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const toPage = (x: number, y: number) => {
        const [px, py] = apply(ctm, x, y);
        return apply(vt, px, py);
      };
      for (const sub of subpaths(data)) {
        const pts = sub.map(([x, y]) => toPage(x, y));
        if (stroked) {
          for (let k = 1; k < pts.length; k++) {
            const [x0, y0] = pts[k - 1]!;
            const [x1, y1] = pts[k]!;
            out.push({ x0, y0, x1, y1 });
          }
        }
        if (filled && pts.length >= 3) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const x1 = Math.max(...xs);
          const y0 = Math.min(...ys);
          const y1 = Math.max(...ys);
          if (y1 - y0 <= THIN && x1 - x0 > THIN) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
          else if (x1 - x0 <= THIN && y1 - y0 > THIN) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
        }
      }
    }
  }
}

/** pdf.js's flattened path: opcode (0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) then its numbers. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const paths: [number, number][][] = [];
  let current: [number, number][] = [];
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === 0) {
      if (current.length > 1) paths.push(current);
      current = [[data[i]!, data[i + 1]!]];
      i += 2;
    } else if (op === 1) {
      current.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === 2) {
      // Curves are never table rules: end the piece there.
      if (current.length > 1) paths.push(current);
      current = [[data[i + 4]!, data[i + 5]!]];
      i += 6;
    } else if (op === 3) {
      if (current.length > 1) paths.push(current);
      current = [[data[i + 2]!, data[i + 3]!]];
      i += 4;
    } else if (op === 4) {
      if (current.length > 1) current.push(current[0]!);
      if (current.length > 1) paths.push(current);
      const start = current[0];
      current = start ? [start] : [];
    } else break;
  }
  if (current.length > 1) paths.push(current);
  return paths;
}
