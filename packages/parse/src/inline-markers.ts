import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';

/**
 * Emphasis, code-span and link markers one paragraph may hold before they are read as plain
 * characters. micromark pairs these markers by searching back through the paragraph's earlier
 * ones and splicing its event list for every pair, so its time grows with the square of their
 * number: `*_` written 20 000 times in one line took 12 s, 200 000 times over two minutes. No
 * paragraph of a real draft comes near this many; the reader does not use emphasis or links
 * (it reads the source under each block), so past the limit they are simply not parsed.
 */
export const MAX_INLINE_MARKERS = 1000;

/**
 * Stands in for a marker the parser must not see: one UTF-16 unit like the marker (so every
 * offset stays put), neither punctuation nor white space (so it opens and closes nothing), and
 * put back in the text nodes after parsing.
 */
const PLACEHOLDER = '\uE000';

const MARKERS = ['*', '_', '`', '[', ']'];

function isMarker(code: number): boolean {
  // * _ ` [ ]
  return code === 42 || code === 95 || code === 96 || code === 91 || code === 93;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Blockquote and list markers opening a line: block structure, left as they are. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/;

/**
 * `text` with the markers of every over-full paragraph (a run of non-blank lines) replaced by
 * the placeholder, or `undefined` when no paragraph is over `max`. Line-start container markers,
 * thematic breaks and code fences keep their characters, so the block structure is the same.
 * Linear in the length of the text.
 */
export function boundInlineMarkers(text: string, max = MAX_INLINE_MARKERS): string | undefined {
  // No paragraph can be over the limit when the whole text is not: the usual case, counted with
  // indexOf, which on a cold start is far quicker than the walk over every character below.
  if (markersAtMost(text, max)) return undefined;
  let out: string[] | undefined;
  let copied = 0;
  let runStart = 0;
  let markers = 0;
  const flush = (runEnd: number) => {
    if (markers > max) {
      out ??= [];
      out.push(text.slice(copied, runStart), neutralise(text.slice(runStart, runEnd)));
      copied = runEnd;
    }
    markers = 0;
  };
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let blank = true;
    let count = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code !== 32 && code !== 9 && code !== 13) blank = false;
      if (isMarker(code)) count++;
    }
    if (blank) {
      flush(start);
      runStart = end + 1;
    } else {
      markers += count;
    }
    start = end + 1;
  }
  flush(text.length);
  if (!out) return undefined;
  out.push(text.slice(copied));
  return out.join('');
}

function markersAtMost(text: string, max: number): boolean {
  let count = 0;
  for (const marker of MARKERS) {
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) if (++count > max) return false;
  }
  return true;
}

/** The lines of one paragraph with their inline markers replaced; fenced code is left alone. */
function neutralise(run: string): string {
  let fence: string | undefined;
  return run
    .split('\n')
    .map((line) => {
      const afterPrefix = (CONTAINER_PREFIX.exec(line)?.[0] ?? '').length;
      const rest = line.slice(afterPrefix);
      const mark = FENCE.exec(rest)?.[1];
      if (fence !== undefined) {
        if (mark && mark[0] === fence[0] && mark.length >= fence.length && rest.trim() === mark) fence = undefined;
        return line;
      }
      if (mark) {
        fence = mark;
        return line;
      }
      if (THEMATIC_BREAK.test(line) || THEMATIC_BREAK.test(rest)) return line;
      let replaced = '';
      for (let i = 0; i < rest.length; i++) replaced += isMarker(rest.charCodeAt(i)) ? PLACEHOLDER : rest[i];
      return line.slice(0, afterPrefix) + replaced;
    })
    .join('\n');
}

/**
 * Puts the original characters back in the text nodes of a tree parsed from `boundInlineMarkers`'s
 * output. Every inline marker of a bounded paragraph became a placeholder, and the parser keeps
 * placeholders as plain text, so the n-th placeholder of a node is the n-th marker of the source
 * under it (escapes and entities make the source longer than the value, never reorder it).
 */
export function restoreInlineMarkers(tree: Root, source: string): void {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
    if (node.type !== 'text' || !node.value.includes(PLACEHOLDER)) continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    node.value = realign(node.value, source, start, end);
  }
}

function realign(value: string, source: string, start: number, end: number): string {
  let out = '';
  let last = 0;
  let j = start;
  for (let k = value.indexOf(PLACEHOLDER); k !== -1; k = value.indexOf(PLACEHOLDER, k + 1)) {
    while (j < end && !isMarker(source.charCodeAt(j))) j++;
    out += value.slice(last, k) + (j < end ? source[j] : PLACEHOLDER);
    j++;
    last = k + 1;
  }
  return out + value.slice(last);
}

/**
 * unified plugin, right after remark-parse: every parse this processor makes (the whole draft,
 * and the parts the table plugins parse again) goes through `boundInlineMarkers`.
 */
export function remarkBoundInlineMarkers(this: Processor): void {
  const inner = this.parser;
  if (!inner) return;
  this.parser = (document, file) => {
    const bounded = boundInlineMarkers(document);
    if (bounded === undefined) return inner(document, file);
    const tree = inner(bounded, file) as Root;
    restoreInlineMarkers(tree, document);
    return tree;
  };
}
