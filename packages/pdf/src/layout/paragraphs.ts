import { frameBoxToPage } from './geometry.js';
import { lineText } from './lines.js';
import { LIST_START } from './markers.js';
import { type BBox, type Line, type PageBlock, unionBox } from './types.js';

/** The label of a caption: "Tabel 3.1", "Gambar 2", "Grafik 4.2", "Table 1", "Figure 3". */
const CAPTION_START = /^(?:Tabel|Gambar|Grafik|Diagram|Table|Figure|Chart)\s+\d+(?:[.-]\d+)*\b/u;

/** A run that is only a bullet or a symbol, no letter or digit. */
const BULLET_GLYPH = /^[^\p{L}\p{N}]{1,2}$/u;

/** Marks a word cut by a hyphen at a line end; resolved once the whole document's words are known. */
export const HYPHEN_MARK = '\uE000';
/** Marks a place where a table cell may have cut a word too long for it (see cell-text.ts). */
export const CUT_MARK = '\uE001';
/** The same after a line of several words: a space unless the document's words say otherwise. */
export const SOFT_CUT_MARK = '\uE002';

/**
 * Lines to paragraphs. A paragraph ends where the space between lines grows, the type changes
 * (size, or bold against plain), a list item starts, or a line stops short of the right
 * margin by more than the next line's first word: the writer pressed Enter there.
 */
export function buildParagraphs(lines: readonly Line[], turns: number, right: number): Extract<PageBlock, { kind: 'paragraph' | 'heading' }>[] {
  const pitch = typicalPitch(lines);
  const out: Extract<PageBlock, { kind: 'paragraph' | 'heading' }>[] = [];
  let current: { text: string; box: BBox; size: number; bold: boolean; top: number; bottom: number; lines: number; last: Line } | undefined;
  const flush = () => {
    if (current) out.push({ kind: 'paragraph' as const, text: current.text, box: current.box, size: current.size, bold: current.bold, top: current.top, bottom: current.bottom, lines: current.lines, open: reachesMargin(current.last, right) });
    current = undefined;
  };
  for (const line of lines) {
    const text = lineText(line);
    if (text === '') continue;
    // A bullet glyph ("❖", "•") is set in its own font, seldom bold: it does not make a bold line plain.
    const bold = line.runs.some((r) => r.bold) && line.runs.every((r) => r.bold || r.text.trim() === '' || BULLET_GLYPH.test(r.text.trim()));
    const box = frameBoxToPage(turns, line.x0, line.top, line.x1, line.bottom);
    const verdict = current ? breaksBefore(current.last, line, text, current.bold, bold, pitch, right) : 'paragraph';
    // A title set in bold over several short lines ("PERJANJIAN KINERJA TAHUN 2024" / "BADAN …")
    // stays one block, its lines kept apart as the writer broke them.
    const titleLine = verdict === 'line' && current?.bold === true && bold;
    if (current && (verdict === false || titleLine)) {
      current.text = titleLine ? `${current.text}\n${text}` : joinLines(current.text, text);
      current.box = unionBox(current.box, box);
      current.bottom = line.bottom;
      current.lines++;
      current.last = line;
      current.size = Math.max(current.size, line.size);
      continue;
    }
    flush();
    current = { text, box, size: line.size, bold, top: line.top, bottom: line.bottom, lines: 1, last: line };
  }
  flush();
  return out;
}

/** Whether a line starts a new paragraph ('paragraph'), only a new line ('line': Enter pressed after a short line), or carries on (false). */
function breaksBefore(prev: Line, line: Line, text: string, prevBold: boolean, bold: boolean, pitch: number, right: number): 'paragraph' | 'line' | false {
  const distance = line.y - prev.y;
  // Larger type has its own, wider line pitch: a heading wrapped over two lines is one heading.
  if (distance > Math.max(pitch * 1.3, line.size * 1.5) || distance < 0) return 'paragraph';
  if (Math.abs(line.size - prev.size) > 0.12 * Math.max(line.size, prev.size)) return 'paragraph';
  if (prevBold !== bold) return 'paragraph';
  // Room left on the previous line for this line's first word: the break was the writer's.
  const first = line.runs[0];
  if (!first) return 'paragraph';
  const word = /^\S+/.exec(first.text.trimStart())?.[0] ?? '';
  const charWidth = (first.x1 - first.x0) / Math.max(1, first.text.length);
  const wordWidth = word.length * charWidth;
  const room = right - prev.x1 > wordWidth + charWidth * 2;
  // A list label starts an item, unless the line before runs to the margin mid-sentence: then
  // "100." is a figure the text wrapped before ("… target" / "100. Untuk mendukung …").
  const sentenceEnds = /[.;:!?]$/.test(lineText(prev));
  if (LIST_START.test(text) && (room || sentenceEnds)) return 'paragraph';
  // A caption ("Tabel 3.1 …") after a finished sentence starts its own paragraph, even where the
  // sentence filled its line and the paragraphs have no space between them.
  if (sentenceEnds && CAPTION_START.test(text)) return 'paragraph';
  return room ? 'line' : false;
}

/** Whether a paragraph's last line runs to the right margin (within two characters). */
function reachesMargin(line: Line, right: number): boolean {
  const chars = line.runs.reduce((n, r) => n + r.text.length, 0);
  const charWidth = (line.x1 - line.x0) / Math.max(1, chars);
  return right - line.x1 <= charWidth * 2;
}

export function joinLines(before: string, next: string): string {
  // "penyalah-" + "gunaan": a word cut at the line end, unless it is a hyphenated word ("masing-masing").
  if (/\p{L}[-\u00AD\u2010]$/u.test(before) && /^\p{Ll}/u.test(next)) return `${before.slice(0, -1)}${HYPHEN_MARK}${next}`;
  // "P-" + "21": a code with a hyphen goes on.
  if (/\p{L}-$/u.test(before) && /^\d/.test(next)) return `${before}${next}`;
  // Lines may also break after a slash or a backslash inside a token ("Kab/" "Kota", "106.2 \\" "%");
  // after " /" the writer had spaced it ("Kab /" "Kota" is "Kab / Kota").
  if (/(?:\S\/|\\)$/.test(before)) return `${before}${next}`;
  // … and before one ("KEBERHASILAN" "/KEGAGALAN").
  if (/^\/\S/.test(next) && /\S$/.test(before)) return `${before}${next}`;
  return `${before} ${next}`;
}

/** The usual distance between baselines of consecutive lines of one paragraph. */
function typicalPitch(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const d = Math.round(((lines[i] as Line).y - (lines[i - 1] as Line).y) * 2) / 2;
    const size = (lines[i] as Line).size;
    if (d <= 0 || d > size * 2.6) continue;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount || (n === bestCount && d < best)) {
      best = d;
      bestCount = n;
    }
  }
  const size = lines[0]?.size ?? 10;
  return best > 0 ? best : size * 1.2;
}
