import type { Nodes, Root } from 'mdast';

export type BlockKind = 'paragraph' | 'heading' | 'math' | 'html' | 'code' | 'table';

/** A block of the draft in reading order, with its raw source slice (markup kept, so offsets stay exact). */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  raw: string;
  /** The text with emphasis markers and HTML tags removed, for matching titles and phrases. */
  plain: string;
  /** The block sits in a list item (bands and activity lists are written as lists). */
  inList: boolean;
  /** The ordered-list number of the item the block belongs to, when it has one. */
  listNumber?: number;
}

const MARKUP = /[*_`]+/g;
const TAG = /<[^<>\n]{0,400}>/g;
// A run of blanks becomes one space. A lone space is left as it is: it is already what the run
// would become, and matching every space between words made this the reader's busiest pattern.
const BLANK_RUN = /[ \t\u00a0]{2,}|[\t\u00a0]/g;

export function plainText(raw: string): string {
  return untrimmedPlain(raw).trim();
}

/**
 * `plainText` before the trim. Every step works within a line (no pattern crosses a line
 * break), so the plain text of two pieces joined at a line break is the two plain texts joined:
 * `logicalParagraphs` builds long paragraphs piece by piece with this.
 */
function untrimmedPlain(raw: string): string {
  return raw.replace(TAG, ' ').replace(MARKUP, '').replace(/\\([%$&_#{}])/g, '$1').replace(BLANK_RUN, ' ');
}

const LEAF_KINDS: Partial<Record<Nodes['type'], BlockKind>> = {
  paragraph: 'paragraph',
  heading: 'heading',
  math: 'math',
  html: 'html',
  code: 'code',
  table: 'table',
};

interface Visit {
  node: Nodes;
  inList: boolean;
  listNumber?: number;
}

function visitOf(node: Nodes, inList: boolean, listNumber: number | undefined): Visit {
  return listNumber === undefined ? { node, inList } : { node, inList, listNumber };
}

/** Flattens the syntax tree into the blocks prose readers look at. Tables are read elsewhere. */
export function collectBlocks(tree: Root, text: string): Block[] {
  const blocks: Block[] = [];
  const push = (kind: BlockKind, node: Nodes, inList: boolean, listNumber?: number) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const raw = text.slice(start, end);
    const block: Block = { kind, start, end, raw, plain: plainText(raw), inList };
    if (listNumber !== undefined) block.listNumber = listNumber;
    blocks.push(block);
  };
  // An explicit stack, not recursion: a draft may nest blockquotes thousands deep.
  const stack: Visit[] = tree.children.map((node) => visitOf(node, false, undefined)).reverse();
  const later = (visits: Visit[]) => {
    for (let i = visits.length - 1; i >= 0; i--) stack.push(visits[i] as Visit);
  };
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { node, inList, listNumber } = visit;
    const kind = LEAF_KINDS[node.type];
    if (kind) {
      push(kind, node, inList, listNumber);
      continue;
    }
    if (node.type === 'list') {
      let n = node.start ?? 1;
      const visits: Visit[] = [];
      for (const item of node.children) {
        const number = node.ordered ? n : listNumber;
        // An empty ordered item ("9." alone on a line) is how converted drafts number a section.
        if (item.children.length === 0 && node.ordered) push('paragraph', item, true, n);
        for (const child of item.children) visits.push(visitOf(child as Nodes, true, number));
        n++;
      }
      later(visits);
      continue;
    }
    if ('children' in node) later(node.children.map((child) => visitOf(child as Nodes, inList, listNumber)));
  }
  return blocks;
}

const ABBREVIATIONS = new Set(['rp', 'no', 'nomor', 'kab', 'kec', 'kel', 'jl', 'dr', 'drs', 'prov', 'dll', 'dsb', 'hlm', 'tn', 'ny', 'sh', 'si', 'mh', 'sos', 'pt', 'tbk', 'ta', 'th', 'sd', 'bpk', 'ibu', 'vol', 'kep', 'perpres', 'permen']);

export interface SentencePart {
  start: number;
  end: number;
  raw: string;
}

/** Each block's sentences, split once: counts, years, budget totals and the sentence reader all walk them. */
const sentencesOfBlock = new WeakMap<Block, readonly SentencePart[]>();

/** Splits a block into sentences, keeping offsets relative to the draft. The list is shared: read it, do not change it. */
export function sentences(block: Block): readonly SentencePart[] {
  let parts = sentencesOfBlock.get(block);
  if (!parts) sentencesOfBlock.set(block, (parts = splitSentences(block)));
  return parts;
}

function splitSentences(block: Block): SentencePart[] {
  const out: SentencePart[] = [];
  // A sentence ends at . ; ! ? followed by white space and an upper-case letter, a digit or a quote;
  // "3.77" and "Rp.6.483" never split because no space follows the dot.
  // The lookbehind makes a run of dots (a dot leader) one match attempt, not one per dot.
  const boundary = /(?<![.;!?])[.;!?]+["”’)]?\s+(?=[A-Z0-9“"(])/g;
  let last = 0;
  for (const match of block.raw.matchAll(boundary)) {
    const at = match.index ?? 0;
    // "Rp. 14.798.345.000", "Kab. Batu Merah", "No. 5": a period after an abbreviation ends no sentence.
    const word = /([A-Za-z]+)$/.exec(block.raw.slice(Math.max(0, at - 12), at))?.[1] ?? '';
    if (match[0].startsWith('.') && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()))) continue;
    const cut = at + match[0].length;
    out.push({ start: block.start + last, end: block.start + cut, raw: block.raw.slice(last, cut) });
    last = cut;
  }
  if (last < block.raw.length) out.push({ start: block.start + last, end: block.end, raw: block.raw.slice(last) });
  return out;
}

/**
 * Converted drafts break paragraphs at page ends ("… dan Tahun" / "2023 Nilai IKPA …"). A
 * paragraph that ends without closing punctuation and is followed by one starting in lower case
 * or with a digit is one paragraph; sentence-level readers work on these.
 */
export function logicalParagraphs(blocks: readonly Block[], text: string): Block[] {
  const out: Block[] = [];
  // The paragraph being joined. Its plain text is built piece by piece and trimmed once it is
  // complete: recomputing it from the joined source at every join made a list of 12 000 short
  // items take seconds (quadratic).
  let open: JoinedPlain | undefined;
  const close = () => {
    const last = out[out.length - 1];
    if (open && last) out[out.length - 1] = { ...last, plain: open.text.trim() };
    open = undefined;
  };
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const previousPlain = open ?? (previous ? JoinedPlain.of(previous.plain) : undefined);
    const joins =
      previous !== undefined &&
      previousPlain !== undefined &&
      previous.kind === 'paragraph' &&
      block.kind === 'paragraph' &&
      !previousPlain.endsClosed() &&
      // A new numbered item starts a new paragraph even after an unfinished one.
      !(block.inList && block.listNumber !== undefined && block.listNumber !== previous.listNumber) &&
      !/^\d{1,2}[.)]\s/.test(block.plain) &&
      // Lower case or a digit continues a sentence; so does anything after a long unfinished one
      // ("… Nilai Indikator Kinerja Pelaksanaan" / "Anggaran (IKPA) …").
      (/^[a-z0-9(]/.test(block.plain) || previousPlain.trimmedLength() > 150) &&
      block.start - previous.end < 400;
    if (joins && previous) {
      const added = text.slice(previous.end, block.end);
      if (open === undefined) open = JoinedPlain.of(untrimmedPlain(previous.raw));
      // Blocks are separated by a line break; without one the pieces would not join exactly.
      if (/^[\r\n]/.test(added)) open.append(untrimmedPlain(added));
      else open = JoinedPlain.of(untrimmedPlain(text.slice(previous.start, block.end)));
      out[out.length - 1] = { ...previous, end: block.end, raw: text.slice(previous.start, block.end) };
    } else {
      close();
      out.push(block);
    }
  }
  close();
  return out;
}

const SPACE = /\s/;
/** What ends a sentence or a clause: a paragraph ending so is not continued by the next. */
const CLOSING = new Set([...'.:;!?)"”']);

/**
 * The untrimmed plain text of a paragraph being joined, with what the joining test asks of its
 * trimmed form (its last character, its length) kept as pieces are added.
 */
class JoinedPlain {
  text = '';
  private solid = false;
  private lead = 0;
  private trail = 0;
  private lastSolid = '';

  static of(plain: string): JoinedPlain {
    const joined = new JoinedPlain();
    joined.append(plain);
    return joined;
  }

  append(piece: string): void {
    this.text += piece;
    let first = 0;
    while (first < piece.length && SPACE.test(piece[first] as string)) first++;
    if (first === piece.length) {
      if (this.solid) this.trail += piece.length;
      else this.lead += piece.length;
      return;
    }
    if (!this.solid) this.lead += first;
    this.solid = true;
    let last = piece.length - 1;
    while (SPACE.test(piece[last] as string)) last--;
    this.trail = piece.length - 1 - last;
    this.lastSolid = piece[last] as string;
  }

  /** The trimmed text ends with closing punctuation (`/[.:;!?)"”]\s*$/`). */
  endsClosed(): boolean {
    return this.solid && CLOSING.has(this.lastSolid);
  }

  trimmedLength(): number {
    return this.solid ? this.text.length - this.lead - this.trail : 0;
  }
}
