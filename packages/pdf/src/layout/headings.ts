import type { PageBlock } from './types.js';

type Paragraph = Extract<PageBlock, { kind: 'paragraph' | 'heading' }>;

/** Bigger type than the body's (this much at least) marks a heading. */
const HEADING_SCALE = 1.15;
const BOLD_HEADINGS = false;

/**
 * Headings from the type: the body size is the one most text is set in; a short paragraph in
 * larger type is a heading, ranked by size; a short line all in bold at body size is a heading
 * below those. Returns the level per paragraph (0: not a heading).
 */
export function headingLevels(paragraphs: readonly Paragraph[]): number[] {
  const body = bodySize(paragraphs);
  const short = (p: Paragraph) => p.lines <= 2 && p.text.length <= 120 && /\p{L}/u.test(p.text) && !/[.,;:]$/.test(p.text.trim());
  const sizes = [...new Set(paragraphs.filter((p) => short(p) && p.size >= body * HEADING_SCALE).map((p) => Math.round(p.size * 2) / 2))].sort((a, b) => b - a);
  return paragraphs.map((p) => {
    if (!short(p)) return 0;
    const rank = sizes.indexOf(Math.round(p.size * 2) / 2);
    if (p.size >= body * HEADING_SCALE && rank >= 0) return Math.min(6, rank + 1);
    if (BOLD_HEADINGS && p.bold && p.size >= body * 0.95 && p.lines === 1 && p.text.length <= 100) return Math.min(6, sizes.length + 1);
    return 0;
  });
}

/** The font size most of the text is set in (to the half point). */
export function bodySize(paragraphs: readonly Paragraph[]): number {
  const bySize = new Map<number, number>();
  for (const p of paragraphs) {
    const size = Math.round(p.size * 2) / 2;
    bySize.set(size, (bySize.get(size) ?? 0) + p.text.length);
  }
  let body = 0;
  let most = -1;
  for (const [size, chars] of bySize) {
    if (chars > most) {
      most = chars;
      body = size;
    }
  }
  return body;
}
