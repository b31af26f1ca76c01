import type { Root, RootContent } from 'mdast';
import { mayHoldReferenceDefinition } from './text/reference-definitions.js';

/** The Markdown parser without the tree transforms: text in, mdast with positions out. */
export type ParseWhole = (text: string) => Root;

interface Chunk {
  /** Offset of the chunk's first character in the text it belongs to. */
  start: number;
  /** Its top-level nodes, positions relative to the chunk (line 1, column 1, offset 0 at `start`). */
  nodes: RootContent[];
}

/**
 * Re-parses only what changed since the last call (an editor re-reading a draft after each
 * keystroke): the Markdown parse is most of the time a lint takes.
 *
 * The text is cut into chunks at *clean boundaries*: a line after a blank line on which the
 * parser starts a new top-level node at column 1, after a node that is not code. CommonMark
 * reads blocks line by line, so at such a line no container or leaf block is open: the text
 * after it parses the same alone as in the whole, and the text before it does not depend on
 * what follows. (After indented code, micromark reads a list that could not interrupt a
 * paragraph, "2) …", as a paragraph: hence no boundary after code; the property test in
 * test/incremental.test.ts found that one.) Where the boundaries are is taken from the
 * parser's own output, never guessed from the text. After an edit, the
 * chunks before the edit and after it are reused; the part between is parsed again together
 * with the first line of the next chunk, and that chunk is reused only if the parser starts a
 * new top-level node on that line (else the part grows by one chunk and is parsed again).
 *
 * Link reference definitions apply across the whole document and old Mac CR line ends count
 * lines differently: a text with either is parsed whole.
 */
export class MarkdownCache {
  private text: string | undefined;
  private chunks: Chunk[] = [];
  /** Characters the last call handed to the parser: for tests and the viewer's bench. */
  lastParsedChars = 0;

  parse(text: string, parseWhole: ParseWhole): Root {
    if (!chunkable(text)) {
      this.text = undefined;
      this.chunks = [];
      this.lastParsedChars = text.length;
      return parseWhole(text);
    }
    if (this.text === undefined) {
      // The first read: the whole parse is the answer; the chunks keep copies of its nodes.
      this.lastParsedChars = text.length;
      const tree = parseWhole(text);
      this.text = text;
      this.chunks = split(text, 0, tree.children, Infinity);
      return tree;
    }
    const chunks = this.update(this.text, text, parseWhole);
    this.text = text;
    this.chunks = chunks;
    return assemble(text, chunks);
  }

  private update(old: string, text: string, parseWhole: ParseWhole): Chunk[] {
    if (old === text) {
      this.lastParsedChars = 0;
      return this.chunks;
    }
    const chunks = this.chunks;
    let prefix = 0;
    const most = Math.min(old.length, text.length);
    while (prefix < most && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < most - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    const delta = text.length - old.length;
    this.lastParsedChars = 0;

    // The last boundary whose whole line is before the edit: the state there is unchanged.
    let first = 0;
    for (let i = 1; i < chunks.length; i++) {
      const start = chunks[i]!.start;
      if (lineEnd(old, start) < prefix) first = i;
      else break;
    }
    const from = chunks[first]!.start;
    // The first boundary inside the unchanged end, tried and then moved on while it fails.
    let next = first + 1;
    while (next < chunks.length && chunks[next]!.start < old.length - suffix) next++;

    for (let tries = 0; next < chunks.length && tries < 3; tries++, next++) {
      const boundary = chunks[next]!.start + delta;
      const probeEnd = lineEnd(text, boundary);
      const probe = text.slice(from, probeEnd);
      this.lastParsedChars += probe.length;
      const nodes = parseWhole(probe).children;
      const last = nodes[nodes.length - 1];
      const clean = last?.position?.start.offset === boundary - from && cleanStart(text, boundary, last, nodes[nodes.length - 2]);
      if (!clean) continue;
      const middle = split(text, from, nodes.slice(0, -1), boundary);
      const after = chunks.slice(next).map((c) => ({ start: c.start + delta, nodes: c.nodes }));
      return [...chunks.slice(0, first), ...middle, ...after];
    }
    // No reusable boundary after the edit (or three failed in a row): the rest is parsed whole.
    const rest = text.slice(from);
    this.lastParsedChars += rest.length;
    return [...chunks.slice(0, first), ...split(text, from, parseWhole(rest).children, Infinity)];
  }
}

/** A text the chunked parse reads exactly as the whole parse would. */
function chunkable(text: string): boolean {
  return !text.includes('\r') && !mayHoldReferenceDefinition(text);
}

/**
 * Cuts nodes parsed from `text.slice(from)` (positions relative to `from`) into chunks at the
 * clean boundaries among them; nodes at or after `end` (relative to the whole text) are not given.
 */
function split(text: string, from: number, nodes: readonly RootContent[], end: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { start: from, nodes: [] };
  // The line (0-based, counted from `from`) the current chunk starts on.
  let currentLine = 0;
  let previous: RootContent | undefined;
  for (const node of nodes) {
    const start = node.position?.start;
    if (!start || start.offset === undefined) {
      current.nodes.push(node);
      continue;
    }
    const at = from + start.offset;
    if (at >= end) break;
    if (previous !== undefined && cleanStart(text, at, node, previous)) {
      chunks.push(current);
      current = { start: at, nodes: [] };
      currentLine = start.line - 1;
    }
    // Relative to the chunk: its first line is line 1, its first character offset 0.
    current.nodes.push(shifted(node, -currentLine, from - current.start));
    previous = node;
  }
  chunks.push(current);
  return chunks;
}

/** The nodes of every chunk at their place in the text, as fresh objects (the transforms change the tree). */
function assemble(text: string, chunks: readonly Chunk[]): Root {
  const children: RootContent[] = [];
  // Line breaks before the chunk being placed, counted once over the whole text.
  let line = 0;
  let at = 0;
  for (const chunk of chunks) {
    for (; at < chunk.start; at++) if (text.charCodeAt(at) === 10) line++;
    for (const node of chunk.nodes) children.push(shifted(node, line, chunk.start));
  }
  for (; at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
  const lines = line + 1;
  const lastBreak = text.lastIndexOf('\n');
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines, column: text.length - lastBreak, offset: text.length } },
  };
}

/** A deep copy of a node with its positions (and its children's) moved by whole lines and offsets. */
function shifted<T extends object>(node: T, lines: number, offset: number): T {
  // Runs over every node of the draft on every read: spread and direct fields, not a generic walk.
  const source = node as T & { position?: PositionLike; children?: object[]; data?: unknown; align?: unknown[] };
  const out = { ...source };
  if (source.position) out.position = { start: movedPoint(source.position.start, lines, offset), end: movedPoint(source.position.end, lines, offset) };
  if (source.children) out.children = source.children.map((child) => shifted(child, lines, offset));
  if (source.data !== undefined) out.data = plainCopy(source.data);
  if (source.align) out.align = [...source.align];
  return out;
}

/** `data` of a node (math nodes carry small hast trees there): copied so the transforms may change it. */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = plainCopy(v);
  return out;
}

interface PointLike {
  line: number;
  column: number;
  offset?: number;
}

interface PositionLike {
  start: PointLike;
  end: PointLike;
}

function movedPoint(point: PointLike, lines: number, offset: number): PointLike {
  const out: PointLike = { line: point.line + lines, column: point.column };
  if (point.offset !== undefined) out.offset = point.offset + offset;
  return out;
}

/** Offset of the line break ending the line that starts at `start` (the text length on the last line). */
function lineEnd(text: string, start: number): number {
  const i = text.indexOf('\n', start);
  return i === -1 ? text.length : i;
}

/**
 * `node`, at offset `at` of `text`, starts where the parser's state is as at the start of a
 * document (see MarkdownCache). Without a node before it in the same parse, the state at the
 * start of that parse carries over, which was clean.
 */
function cleanStart(text: string, at: number, node: RootContent, previous: RootContent | undefined): boolean {
  return node.position?.start.column === 1 && blankLineBefore(text, at) && previous?.type !== 'code';
}

/** The line before the one starting at `at` is empty or white space only. */
function blankLineBefore(text: string, at: number): boolean {
  if (at === 0 || text.charCodeAt(at - 1) !== 10) return false;
  const previous = text.lastIndexOf('\n', at - 2) + 1;
  return /^[ \t]*$/.test(text.slice(previous, at - 1));
}
