import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkGfmTables } from './tables/gfm-tables.js';
import { maskTabTables } from './tables/mask.js';
import { remarkTabTables } from './tables/index.js';
import { remarkLayoutTables } from './tables/layout-plugin.js';

// Built once: freezing fixes the plugin list, so every call reuses the same parser setup.
const processor = unified().use(remarkParse).use(remarkGfmTables).use(remarkMath).use(remarkTabTables).use(remarkLayoutTables).freeze();

/**
 * Parses a draft into mdast with positions: CommonMark + GFM pipe tables + math, and tab-separated
 * blocks turned into `table` nodes (`data.lkipFormat === 'tsv'`), then HTML tables and the text layouts
 * of PDF converters (`'html'`, `'aligned'`, `'lines'`, `'flat'`; see tables/layout-plugin.ts). Synchronous.
 */
export function parseMarkdown(text: string): Root {
  const { masked, lines } = maskTabTables(text);
  const file = new VFile({ value: masked });
  file.data = { lkipSource: text, lkipMasked: lines };
  const tree = processor.parse(file);
  // The plugins transform a Root into a Root; the processor type only knows it as a Node.
  return processor.runSync(tree, file) as Root;
}
