import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { SourceText, Span } from './source.js';
import { walk } from './walk.js';

/**
 * What the line-based readers (tab tables, fractions) need to know from the syntax tree:
 * lines they must not touch (fenced code, display math, pipe tables, front matter) and where
 * the math nodes are.
 */
export interface TreeContext {
  /** 1 for lines no tab table may take: code, display math over several lines, pipe tables. */
  excluded: Uint8Array;
  /** 1 for lines of fenced code and front matter, which no reader may take. */
  code: Uint8Array;
  /** math and inlineMath nodes, sorted by start. */
  mathSpans: Span[];
  /** Display math nodes that cover several lines. */
  mathBlocks: Span[];
}

function spanOfNode(node: Node): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}

function isFenced(src: SourceText, span: Span): boolean {
  let i = span.start;
  while (i < span.end && src.text.charCodeAt(i) === 32) i++;
  return src.text.startsWith('```', i) || src.text.startsWith('~~~', i);
}

export function treeContext(tree: Root, src: SourceText): TreeContext {
  const excluded = new Uint8Array(src.lines.length);
  const code = new Uint8Array(src.lines.length);
  const mathSpans: Span[] = [];
  const mathBlocks: Span[] = [];
  const mark = (lines: Uint8Array, span: Span) => {
    const a = src.lineIndexAt(span.start);
    const b = src.lineIndexAt(Math.max(span.start, span.end - 1));
    for (let i = a; i <= b; i++) lines[i] = 1;
  };
  const exclude = (span: Span) => mark(excluded, span);
  walk(tree as Node, (node: Node) => {
    const span = spanOfNode(node);
    if (!span) return;
    switch (node.type) {
      case 'code':
        // Indented code is how a tab-led line ("\t94.65 indeks…") comes out of the parser:
        // only fenced code is real code.
        if (isFenced(src, span)) {
          exclude(span);
          mark(code, span);
        }
        break;
      case 'math': {
        mathSpans.push(span);
        const multiLine = src.lineIndexAt(span.start) !== src.lineIndexAt(Math.max(span.start, span.end - 1));
        if (multiLine) {
          mathBlocks.push(span);
          exclude(span);
        }
        break;
      }
      case 'inlineMath':
        mathSpans.push(span);
        break;
      case 'table':
        exclude(span);
        break;
      case 'yaml':
      case 'toml':
        exclude(span);
        mark(code, span);
        break;
      default:
        break;
    }
  });
  mathSpans.sort((a, b) => a.start - b.start);
  mathBlocks.sort((a, b) => a.start - b.start);
  return { excluded, code, mathSpans, mathBlocks };
}
