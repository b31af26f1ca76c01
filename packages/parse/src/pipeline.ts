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
 * The same parser without pipe tables, for the pieces that cannot hold one. micromark tries a
 * table head row at the start of every paragraph and reads the whole line before it can say no,
 * which on a draft whose tables are tab-separated was 5 % of the parse for nothing.
 */
const parserWithoutPipeTables = unified().use(remarkParse).use(remarkBoundInlineMarkers).use(remarkMath).freeze();

/**
 * A pipe table needs a delimiter row with a `|` or an alignment colon, and micromark takes a
 * colon there only right before or after a dash (`:-`, `-:`). Text with none of these parses
 * to the same tree with or without the table extension.
 */
const MAY_HOLD_PIPE_TABLE = /\||:-|-:/;

function parsePiece(piece: string): Root {
  return (MAY_HOLD_PIPE_TABLE.test(piece) ? processor : parserWithoutPipeTables).parse(piece);
}

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
  const parseText = (part: string) => parseInPieces(part, parsePiece);
  const tree = cache ? cache.parse(masked, parseText) : parseText(masked);
  // The plugins transform a Root into a Root; the processor type only knows it as a Node.
  return processor.runSync(tree, file) as Root;
}
