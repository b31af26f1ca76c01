import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { MarkdownCache } from './incremental.js';
import { parseInPieces } from './chunked-parse.js';
import { remarkBoundInlineMarkers } from './inline-markers.js';
import { remarkGfmTables } from './tables/gfm-tables.js';
import { maskTabTables } from './tables/mask.js';
import { remarkTabTables } from './tables/index.js';
import { remarkLayoutTables } from './tables/layout-plugin.js';

// Built once: freezing fixes the plugin list, so every call reuses the same parser setup.
// remarkBoundInlineMarkers wraps the parser itself, so the parts the table plugins parse again
// are bounded too (see inline-markers.ts).
const processor = unified().use(remarkParse).use(remarkBoundInlineMarkers).use(remarkGfmTables).use(remarkMath).use(remarkTabTables).use(remarkLayoutTables).freeze();

/**
 * Parses a draft into mdast with positions: CommonMark + GFM pipe tables + math, and tab-separated
 * blocks turned into `table` nodes (`data.lkipFormat === 'tsv'`), then HTML tables and the text layouts
 * of PDF converters (`'html'`, `'aligned'`, `'lines'`, `'flat'`; see tables/layout-plugin.ts). Synchronous.
 * With a `cache` (an editor re-reading one draft), only the blocks changed since its last call are
 * parsed again; the result is the same tree.
 */
export function parseMarkdown(text: string, cache?: MarkdownCache): Root {
  const { masked, lines } = maskTabTables(text);
  const file = new VFile({ value: masked });
  file.data = { lkipSource: text, lkipMasked: lines };
  // Read in pieces: the parser's memory is bounded by a piece, not by the draft (chunked-parse.ts).
  const parseText = (part: string) => parseInPieces(part, (piece) => processor.parse(piece));
  const tree = cache ? cache.parse(masked, parseText) : parseText(masked);
  // The plugins transform a Root into a Root; the processor type only knows it as a Node.
  return processor.runSync(tree, file) as Root;
}
