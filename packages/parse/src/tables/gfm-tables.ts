import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

/**
 * GitHub's pipe tables, and nothing else of GFM. Drafts need the tables; autolink literals,
 * footnotes, strikethrough and task lists add nothing to an LKIP and cost a third of the parse
 * time on a 250 KB draft (autolink literals scan every word).
 */
export function remarkGfmTables(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
