import type { Nodes, Root, RootContent } from 'mdast';
import { mayHoldReferenceDefinition } from './text/reference-definitions.js';

/** The Markdown parser without the tree transforms: text in, mdast with positions out. */
export type ParseText = (text: string) => Root;

/**
 * How much text one call of the parser reads. micromark keeps every event of what it parses
 * until it builds the tree: on a draft of many small blocks that is about 4 KB per character
 * (a 400 KB list of 100 000 one-word items took 1.7 GB and 12 s), so a 5 MB draft read in one
 * piece could fill the heap. Read in pieces of about this size, the events of one piece at a
 * time are all that is held besides the tree. Smaller pieces are also quicker, down to a few KB:
 * the events held are what each young-generation collection copies, and micromark splices its
 * event list in place. On the real draft (250 KB, 15 fresh processes each) the Markdown parse took
 * 287 ms cold and 182 ms warm in 8 KB pieces against 320–337 and 227 ms in 32 KB ones. A whole
 * cold `lkip lint` of it, 31 interleaved runs each: 4 KB pieces 11–12 ms quicker than 8 KB (twice),
 * 2 KB ones no quicker than 4 KB; a piece is parsed with the line after it, and below a few KB that
 * and each call's set-up start to count.
 */
export const PIECE_CHARS = 4 * 1024;

/**
 * Parses `text` in pieces cut at *clean boundaries* and returns the same tree as `parse(text)`.
 *
 * A clean boundary is a line after a blank line on which the parser starts a new top-level node
 * at column 1, after a node that is not code (the rule `MarkdownCache` in incremental.ts uses and
 * its property test checks): at such a line no container or leaf block is open, so the text
 * after it parses alone as in the whole, and the text before it does not depend on what follows.
 * Where the boundaries are is taken from the parser's own output: a piece is parsed together
 * with the first line of the next candidate, and cut there only if the parser started a node on
 * that line; otherwise the next try reaches twice as far (so a long list, which no blank line
 * ends, costs at most about twice its length, never a square).
 *
 * Link reference definitions apply across the whole document, and old Mac CR line ends count
 * lines differently: a text with either is parsed whole.
 */
export function parseInPieces(text: string, parse: ParseText, pieceChars = PIECE_CHARS): Root {
  if (text.length <= pieceChars * 2 || !splittable(text)) return parse(text);
  const children: RootContent[] = [];
  let first: Root | undefined;
  let end: PointLike & { column: number } | undefined;
  const seen = new WeakSet<object>();
  let from = 0;
  /** Line breaks before `from`. */
  let linesBefore = 0;
  let countedTo = 0;
  while (from < text.length) {
    let reach = pieceChars;
    let cut: { at: number; nodes: RootContent[]; root: Root } | undefined;
    for (;;) {
      const candidate = from + reach < text.length - pieceChars ? nextCandidate(text, from + reach) : -1;
      if (candidate === -1) break;
      const probeEnd = lineEnd(text, candidate);
      const root = parse(text.slice(from, probeEnd));
      const nodes = root.children;
      const startNode = nodes[nodes.length - 1];
      if (startNode?.position?.start.offset === candidate - from && startNode.position.start.column === 1 && nodes[nodes.length - 2]?.type !== 'code') {
        cut = { at: candidate, nodes: nodes.slice(0, -1), root };
        break;
      }
      reach *= 2;
    }
    const piece = cut ?? (() => {
      const root = parse(text.slice(from));
      return { at: text.length, nodes: root.children, root };
    })();
    for (let lf = text.indexOf('\n', countedTo); lf !== -1 && lf < from; lf = text.indexOf('\n', lf + 1)) linesBefore++;
    countedTo = from;
    for (const node of piece.nodes) children.push(moved(node, linesBefore, from, seen));
    first ??= piece.root;
    if (!cut) {
      const pieceEnd = piece.root.position?.end;
      if (pieceEnd) end = { line: pieceEnd.line + linesBefore, column: pieceEnd.column, offset: (pieceEnd.offset ?? 0) + from };
      break;
    }
    from = cut.at;
  }
  const tree: Root = { type: 'root', children };
  const start = first?.position?.start;
  // The first piece starts the document and the last one ends it (at a line start, so columns hold).
  if (start && end) tree.position = { start: { ...start }, end };
  return tree;
}

/** A text the piecewise parse reads exactly as the whole parse would. */
function splittable(text: string): boolean {
  return !text.includes('\r') && !mayHoldReferenceDefinition(text);
}

/**
 * The start of the first line at or after `from` that may be a clean boundary: not indented,
 * not blank, after a blank line. Only a candidate: the parser decides.
 */
function nextCandidate(text: string, from: number): number {
  let at = from === 0 ? 0 : text.indexOf('\n', from - 1) + 1;
  while (at > 0 && at < text.length) {
    const code = text.charCodeAt(at);
    // A byte-order mark is dropped by the parser at the start of what it reads, so no piece starts with one.
    if (code !== 32 && code !== 9 && code !== 10 && code !== 0xfeff && blankLineBefore(text, at)) return at;
    const next = text.indexOf('\n', at);
    if (next === -1) return -1;
    at = next + 1;
  }
  return -1;
}

function blankLineBefore(text: string, at: number): boolean {
  if (at < 2 || text.charCodeAt(at - 1) !== 10) return false;
  for (let i = at - 2; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function lineEnd(text: string, start: number): number {
  const i = text.indexOf('\n', start);
  return i === -1 ? text.length : i;
}

interface PointLike {
  line: number;
  column?: number;
  offset?: number;
}

/** `node` with its positions and its descendants' moved by whole lines and an offset, in place (it is a fresh parse). */
function moved(node: RootContent, lines: number, offset: number, seen: WeakSet<object>): RootContent {
  if (lines === 0 && offset === 0) return node;
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const position = n.position;
    if (position) {
      // A point object shared by two nodes is moved once.
      for (const point of [position.start, position.end]) {
        if (seen.has(point)) continue;
        seen.add(point);
        move(point, lines, offset);
      }
    }
    if ('children' in n) for (const child of n.children) stack.push(child as Nodes);
  }
  return node;
}

function move(point: PointLike, lines: number, offset: number): void {
  point.line += lines;
  if (point.offset !== undefined) point.offset += offset;
}
