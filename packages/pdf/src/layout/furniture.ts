import type { PageBlock } from './types.js';

export interface PlacedBlock {
  page: number;
  block: PageBlock;
}

/** Top and bottom bands of a page (share of its height) where running heads, footers and page numbers stand. */
const BAND = 0.12;
const PAGE_NUMBER = /^(?:(?:hlm|hal|halaman|page|p)\.?\s*)?[-–—(]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)]?(?:\s*(?:dari|of|\/)\s*\d{1,4})?$/i;

/**
 * Running heads, footers and page numbers: text in the top or bottom band of the page that is
 * the same (digits aside) on several pages, or a bare page number there. They are page
 * furniture, not the draft: left in, they would split paragraphs and tables in two. In a
 * document too short to repeat anything, a line in smaller type at the very top or bottom.
 */
export function dropFurniture(pages: readonly { page: number; height: number; blocks: PageBlock[] }[], body: number): void {
  const keyOf = (block: PageBlock, height: number): string | undefined => {
    if (block.kind !== 'paragraph' && block.kind !== 'heading') return undefined;
    const band = block.box[3] <= height * BAND ? 'top' : block.box[1] >= height * (1 - BAND) ? 'bottom' : undefined;
    if (!band) return undefined;
    return `${band}|${block.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
  };
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const block of p.blocks) {
      const key = keyOf(block, p.height);
      if (key && !seen.has(key)) {
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const repeated = (n: number) => n >= 3 || (n >= 2 && n === pages.length);
  for (const p of pages) {
    p.blocks = p.blocks.filter((block) => {
      const key = keyOf(block, p.height);
      if (!key) return true;
      if (repeated(counts.get(key) ?? 0)) return false;
      // A document of one page repeats nothing: a single line in smaller type first or last on the page is its head or foot.
      const edge = block === p.blocks[0] || block === p.blocks[p.blocks.length - 1];
      if (edge && block.kind !== 'table' && block.kind !== 'fraction' && block.lines === 1 && block.size < body * 0.9) return false;
      return !(block.kind !== 'table' && block.kind !== 'fraction' && PAGE_NUMBER.test(block.text.trim()));
    });
  }
}
