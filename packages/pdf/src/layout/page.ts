import type { Frame } from '../read-page.js';
import { findFractions } from './fractions.js';
import { buildLines } from './lines.js';
import { buildParagraphs } from './paragraphs.js';
import { findRuledTables } from './ruled-tables.js';
import { mergeSegments } from './segments.js';
import { findStreamTables } from './stream-tables.js';
import type { Line, PageBlock } from './types.js';

/**
 * One page's blocks in reading order: ruled tables first (their rules are certain), then
 * stacked fractions (a bar with figures above and below), then tables by column alignment,
 * and what is left as paragraphs. A frame of rotated text follows the page's main frame.
 */
export function layoutPage(frames: readonly Frame[]): PageBlock[] {
  const blocks: PageBlock[] = [];
  for (const frame of frames) {
    const segments = mergeSegments(frame.segments);
    const ruled = findRuledTables(frame.runs, segments, frame.turns);
    const fractions = findFractions(ruled.rest, ruled.loose, frame.turns);
    const lines = buildLines(fractions.rest);
    const stream = findStreamTables(lines, frame.turns, ruled.loose);
    const right = rightMargin(stream.rest);
    const paragraphs = buildParagraphs(stream.rest, frame.turns, right);
    const frameBlocks: PageBlock[] = [...ruled.tables.map((t) => t.block), ...fractions.fractions, ...stream.tables, ...paragraphs];
    frameBlocks.sort((a, b) => a.top - b.top);
    blocks.push(...frameBlocks);
  }
  return blocks;
}

/** Where full lines of text end: the right edge of the text column, from the lines themselves. */
function rightMargin(lines: readonly Line[]): number {
  if (lines.length === 0) return 0;
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  return ends[Math.floor((ends.length - 1) * 0.95)] as number;
}
