import type { Enumeration, TextSpan } from '@lkip/schema';
import type { List, Nodes, Root } from 'mdast';
import { readNumberWords } from '../numbers/index.js';
import type { Block } from './blocks.js';
import { nextId, type BuildContext } from './context.js';
import { overlapsTable, paragraphsOf } from './prose-scope.js';

/**
 * Counted enumerations: "meliputi 5 aspek, yaitu: a, b, c, d, e", "terdiri dari 3 (tiga)
 * bidang:" and the list after it. The reader records the count and the items; the rule decides.
 * Splitting is conservative: commas (semicolons when the draft uses them), and the last item's
 * final "dan"/"serta"; an item that keeps a "dan" inside marks the enumeration as ambiguous.
 */

const NUMBER_WORD =
  '(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\\s+belas|dua\\s+puluh)';
// The count, the noun (with a few words of qualification) and the word that opens the list.
// The look-ahead names what a count can start with (a digit, or the first letter of a number
// word: s, d, t, e, l): it changes no match, but lets the search pass over other characters
// without trying the look-behind at each (half the time on long paragraphs).
const LEAD = new RegExp(
  `(?=[\\dsdtel])(?<![\\p{L}\\p{N}.,/-])((\\d{1,2})(?:\\s*\\(\\s*${NUMBER_WORD}\\s*\\))?|(${NUMBER_WORD}))\\s+` +
    `((?:[\\p{L}][\\p{L}/-]*[ \\t]+){0,5}?[\\p{L}][\\p{L}/-]*)[ \\t]*,?[ \\t]*` +
    `(yaitu|yakni|meliputi|terdiri[ \\t]+(?:dari|atas)|antara[ \\t]+lain|di[ \\t]?antaranya|sebagai[ \\t]+berikut)(?![\\p{L}])[ \\t]*:?`,
  'giu',
);
// A word every lead-in holds (the same flags as LEAD, so the same letters match): most paragraphs
// have none, and trying LEAD's look-behind and count at each of their characters was the reader's
// largest cost.
const LEAD_WORD = /yaitu|yakni|meliputi|terdiri|antara|sebagai/iu;
// "masing-masing 2 lembaga yaitu …" is two per place, not a count of the list.
const DISTRIBUTIVE = /(?:masing[-\s]masing|setiap|tiap(?:-tiap)?|per|rata-rata)\s*$/i;
const PARTIAL_LEAD = /^(?:antara\s+lain|di\s?antaranya)$/i;
const PARTIAL_TAIL = /\b(?:dll|dsb|dan\s+lain-lain|dan\s+sebagainya|dan\s+lainnya)\b\.?\s*$/i;
// Words that start a clause after the list ("…, dan C, sehingga …", "…, yang dalam …").
const CLAUSE_START = /^(?:sehingga|seluruhnya|semuanya|yang|dimana|di\s+mana|karena|agar|supaya|namun|tetapi|sedangkan|dengan|untuk|guna|hal\s+ini|masing-masing)\b/i;
// A piece that only locates the previous one ("Desa A, Kec. B, Kab. C") belongs to it: a region
// word of a higher level than the piece before ("Kota A, Kabupaten B" are two items).
const REGION_LEVEL: [RegExp, number][] = [
  [/^(?:rt|rw|jl|jalan|dusun|dsn)\b\.?/i, 0.5],
  [/^(?:desa|ds|kelurahan|kel)\b\.?/i, 1],
  [/^(?:kecamatan|kec)\b\.?/i, 2],
  [/^(?:kabupaten|kab|kota)\b\.?/i, 3],
  [/^(?:provinsi|prov)\b\.?/i, 4],
];

function regionLevel(text: string): number | undefined {
  return REGION_LEVEL.find(([re]) => re.test(text))?.[1];
}
const CONJUNCTION = /^(?:dan|serta|atau)\s+/i;
const INNER_CONJUNCTION = /\s(?:dan|serta)\s/gi;
const ABBREVIATION = /(?:^|[\s(])(?:kab|kec|kel|no|nomor|rp|jl|dr|drs|dll|dsb|prov|st|ir|hj?|ds|tn|ny|sdr|pt|cv|kp)$/i;
// Where the noun's qualification starts ("aspek/sisi yang diukur" is "aspek/sisi").
const NOUN_STOP = /\s(?:yang|untuk|dalam|pada|dari|di|sebagai|dengan)\b/i;

interface Piece {
  start: number;
  end: number;
}

/** Where the sentence that opens at `from` ends: a "." before an upper-case word (not after an abbreviation), or the block's end. */
function sentenceEnd(raw: string, from: number): number {
  const re = /\.(?=\s+[A-Z0-9“"(])|\n\s*\n/g;
  re.lastIndex = from;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (m[0] === '.' && ABBREVIATION.test(raw.slice(Math.max(from, m.index - 8), m.index))) continue;
    return m.index;
  }
  return raw.length;
}

/** Splits at top-level separators (not inside parentheses, not between digits). */
function splitTop(raw: string, start: number, end: number, separator: ';' | ','): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let last = start;
  for (let i = start; i < end; i++) {
    const c = raw[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0 && !(separator === ',' && /\d/.test(raw[i - 1] ?? '') && /\d/.test(raw[i + 1] ?? ''))) {
      pieces.push({ start: last, end: i });
      last = i + 1;
    }
  }
  pieces.push({ start: last, end });
  return pieces;
}

function trimPiece(raw: string, p: Piece): Piece {
  let { start, end } = p;
  while (start < end && /[\s:*_]/.test(raw[start] ?? '')) start++;
  while (end > start && /[\s.*_]/.test(raw[end - 1] ?? '')) end--;
  return { start, end };
}

/** "a) x b) y c) z": sequential markers inside the items, when the draft numbers them inline. */
function markerItems(raw: string, start: number, end: number): Piece[] | undefined {
  const markers = [...raw.slice(start, end).matchAll(/(?:^|[\s;,])\(?([a-z]|\d{1,2})[.)]\s/g)];
  if (markers.length < 2) return undefined;
  const first = markers[0]?.[1] ?? '';
  if (first !== 'a' && first !== '1') return undefined;
  const sequential = markers.every((m, i) => (/\d/.test(first) ? Number(m[1]) === i + 1 : (m[1] ?? '').charCodeAt(0) === 97 + i));
  if (!sequential) return undefined;
  return markers.map((m, i) => ({ start: start + (m.index ?? 0), end: i + 1 < markers.length ? start + (markers[i + 1]?.index ?? 0) : end }));
}

interface Split {
  pieces: Piece[];
  ambiguous: boolean;
}

function splitItems(raw: string, start: number, end: number): Split {
  const marked = markerItems(raw, start, end);
  if (marked) return { pieces: marked.map((p) => trimPiece(raw, p)), ambiguous: false };
  const separator = splitTop(raw, start, end, ';').length > 1 ? ';' : ',';
  const rough = splitTop(raw, start, end, separator).map((p) => trimPiece(raw, p)).filter((p) => p.end > p.start);
  const pieces: Piece[] = [];
  let closed = false;
  let level = 0;
  for (const p of rough) {
    const text = raw.slice(p.start, p.end);
    if (pieces.length > 0 && CLAUSE_START.test(text)) break;
    const previous = pieces[pieces.length - 1];
    const own = regionLevel(text);
    if (previous && separator === ',' && own !== undefined && own > level) {
      previous.end = p.end;
      level = own;
      continue;
    }
    level = own ?? 0;
    const conjunction = CONJUNCTION.exec(text);
    pieces.push(conjunction ? { start: p.start + conjunction[0].length, end: p.end } : p);
    if (conjunction) {
      closed = true;
      break;
    }
  }
  // "A, B dan C": the final conjunction sits inside the last piece.
  const last = pieces[pieces.length - 1];
  if (!closed && last && separator === ',') {
    const inner = [...raw.slice(last.start, last.end).matchAll(INNER_CONJUNCTION)].pop();
    if (inner) {
      const at = last.start + (inner.index ?? 0);
      pieces.splice(pieces.length - 1, 1, { start: last.start, end: at }, { start: at + inner[0].length, end: last.end });
    }
  }
  const ambiguous = pieces.some((p) => /\s(?:dan|serta)\s/i.test(raw.slice(p.start, p.end)));
  return { pieces: pieces.map((p) => trimPiece(raw, p)).filter((p) => p.end > p.start), ambiguous };
}

function countOf(digits: string | undefined, words: string | undefined): number | undefined {
  if (digits) return Number(digits);
  return words ? readNumberWords(words)?.value : undefined;
}

function span(ctx: BuildContext, base: number, raw: string, p: Piece): TextSpan {
  return { text: raw.slice(p.start, p.end).replace(/\s+/g, ' '), position: ctx.map.position(base + p.start, base + p.end) };
}

/** Lists in the tree by where they start, to find the one right after a lead-in ending in ":". */
function listsByStart(tree: Root): List[] {
  const out: List[] = [];
  const stack: Nodes[] = [...tree.children];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'list') out.push(node);
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return out.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
}

const MARKER_PARAGRAPH = /^\s*(?:[-*+]\s+)?\(?([a-z]|\d{1,2})[.)]\s+\S/;

/** The items of a list that follows a lead-in: a Markdown list, or paragraphs opened by "a." / "1)" in sequence. */
function followingItems(ctx: BuildContext, lists: List[], leadEnd: number): Piece[] | undefined {
  const list = lists.find((l) => (l.position?.start.offset ?? -1) >= leadEnd);
  const listStart = list?.position?.start.offset;
  if (list && listStart !== undefined && /^\s*$/.test(ctx.text.slice(leadEnd, listStart))) {
    return list.children.map((item) => ({ start: item.position?.start.offset ?? listStart, end: item.position?.end.offset ?? listStart }));
  }
  const paragraphs = ctx.blocks.filter((b) => b.start >= leadEnd && (b.kind === 'paragraph' || b.kind === 'heading'));
  const items: Piece[] = [];
  let expected = '';
  let gap = 0;
  for (const b of paragraphs) {
    const m = MARKER_PARAGRAPH.exec(b.plain);
    const marker = m?.[1];
    const next = items.length === 0 ? (marker === 'a' || marker === '1' ? marker : undefined) : expected;
    if (marker !== undefined && marker === next) {
      items.push({ start: b.start, end: b.end });
      expected = /\d/.test(marker) ? String(Number(marker) + 1) : String.fromCharCode(marker.charCodeAt(0) + 1);
      gap = 0;
      continue;
    }
    // One paragraph of description may stand under each item.
    if (items.length > 0 && gap === 0 && b.kind === 'paragraph' && !/:\s*$/.test(b.plain)) {
      gap++;
      continue;
    }
    break;
  }
  return items.length >= 2 ? items : undefined;
}

function readLead(ctx: BuildContext, block: Block, m: RegExpMatchArray, lists: List[]): Enumeration | undefined {
  const raw = block.raw;
  const at = m.index ?? 0;
  if (DISTRIBUTIVE.test(raw.slice(Math.max(0, at - 20), at))) return undefined;
  const count = countOf(m[2], m[3]);
  if (count === undefined || count < 2 || count > 30) return undefined;
  const keyword = (m[5] ?? '').replace(/\s+/g, ' ');
  const itemsStart = at + m[0].length;
  const end = sentenceEnd(raw, itemsStart);
  const nounText = m[4] ?? '';
  const stop = NOUN_STOP.exec(nounText);
  const noun = (stop ? nounText.slice(0, stop.index) : nounText).replace(/\s+/g, ' ').trim();
  const countText = (m[1] ?? '').trim();
  const countAt = block.start + at;
  let partial = PARTIAL_LEAD.test(keyword);
  let items: TextSpan[];
  let ambiguous: boolean;
  let form: Enumeration['form'] = 'inline';
  const inline = raw.slice(itemsStart, end).trim();
  if (inline.length === 0 && /:\s*$/.test(raw.slice(0, end).trimEnd())) {
    const following = followingItems(ctx, lists, block.end);
    if (!following) return undefined;
    const itemText = (p: Piece) =>
      ctx.text
        .slice(p.start, p.end)
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^(?:[-*+]\s+)?\(?(?:\d{1,2}|[a-z])[.)]+\s*/i, '');
    const trimPunctuation = (t: string) => {
      let end = t.length;
      while (end > 0 && ';.,'.includes(t.charAt(end - 1))) end--;
      return t.slice(0, end).trimEnd().slice(0, 160);
    };
    items = following.map((p) => ({ text: trimPunctuation(itemText(p)), position: ctx.map.position(p.start, p.end) }));
    ambiguous = false;
    form = 'list';
  } else {
    if (inline.length === 0) return undefined;
    if (PARTIAL_TAIL.test(inline)) partial = true;
    const split = splitItems(raw, itemsStart, end);
    items = split.pieces.map((p) => span(ctx, block.start, raw, p));
    ambiguous = split.ambiguous;
  }
  if (items.length === 0) return undefined;
  // "23 produk hukum, terdiri atas 7 perda, 12 perwali dan 5 keputusan": a breakdown of the count by figures, not a list of things (prose-total adds it up).
  if (items.filter((i) => /^\d/.test(i.text)).length >= 2) return undefined;
  const last = items[items.length - 1];
  return {
    id: nextId(ctx, 'e'),
    count,
    countText,
    noun,
    completeness: partial ? 'partial' : 'exact',
    form,
    items,
    ambiguous,
    countPosition: ctx.map.position(countAt, countAt + countText.length),
    position: ctx.map.position(countAt, last ? last.position.endOffset : block.start + end),
  };
}

/** Every counted enumeration in the draft's prose (tables are read elsewhere). */
export function readEnumerations(ctx: BuildContext, tree: Root): Enumeration[] {
  const out: Enumeration[] = [];
  const lists = listsByStart(tree);
  for (const block of paragraphsOf(ctx)) {
    if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
    if (!LEAD_WORD.test(block.raw) || overlapsTable(ctx, block.start, block.end)) continue;
    for (const m of block.raw.matchAll(LEAD)) {
      const e = readLead(ctx, block, m, lists);
      if (e) out.push(e);
    }
  }
  return out;
}
