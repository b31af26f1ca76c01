import { isBlankChar, type SourceText, type Span } from '../tables/source.js';
import type { SourceCell } from '../tables/types.js';
import { commandEnd, latexToText, matchBrace } from './latex.js';
import type { FractionBlock } from './types.js';
import { countBefore } from '../text/sorted.js';

/** A fraction and the source lines it occupies (the table reader must leave those lines alone). */
export interface FoundFraction {
  block: FractionBlock;
  firstLine: number;
  lastLine: number;
}

export interface ScanContext {
  src: SourceText;
  /** Lines that must not be read (fenced code). */
  skipLine: (index: number) => boolean;
  /** Spans of math and inlineMath nodes, sorted by start. */
  mathSpans: Span[];
  /** Spans of display math nodes over several lines, sorted by start: read as one unit. */
  mathBlocks: Span[];
}

/** A label is a short caption such as "% Capaian"; longer heads are prose, not labels. */
const MAX_LABEL = 40;
/** An operand on its own line is a figure with a unit, never a sentence. */
const MAX_OPERAND = 60;
/** Bound for skipping filler between parts of a formula, so a crafted line stays linear. */
const MAX_NOISE = 200;

const NUMBER_START = /^[-+\u2212]? ?(?:Rp\.? ?)?\d/;

export function startsWithNumber(text: string): boolean {
  return NUMBER_START.test(text);
}

const FIGURE_NUMBER = /^[-+\u2212]? ?(?:Rp\.? ?)?\d[\d.,]*/;

/**
 * A figure with its unit and nothing more: "3 Kab/Kota", "87.18%", "Rp. 5.000", "3.77
 * Indeks". A second number means a sentence or a formula ("2024 realisasi … 3", "2x+1").
 */
export function isFigureText(text: string): boolean {
  const m = FIGURE_NUMBER.exec(text);
  if (!m || text.length > MAX_OPERAND) return false;
  return !hasDigit(text.slice(m[0].length));
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Commands that only shape the layout of a formula and may sit between its parts. */
const FILLER_COMMANDS = new Set(['quad', 'qquad', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'enspace', 'space']);

/** Skips blanks, math delimiters, brackets and spacing commands. */
function skipNoise(text: string, from: number, limit: number): number {
  let i = from;
  const stop = Math.min(limit, from + MAX_NOISE);
  while (i < stop) {
    const c = text.charCodeAt(i);
    // 124: the cell bar of a pipe-table row, as the tab is in a tab row.
    if (isBlankChar(c) || c === 36 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 124 || c === 125 || c === 126) {
      i++;
      continue;
    }
    if (c === 92) {
      const n = text.charCodeAt(i + 1);
      if (n === 44 || n === 59 || n === 58 || n === 33 || n === 32) {
        i += 2;
        continue;
      }
      if (isAsciiLetter(n)) {
        const end = commandEnd(text, i + 1, limit);
        if (FILLER_COMMANDS.has(text.slice(i + 1, end))) {
          i = end;
          continue;
        }
      }
    }
    break;
  }
  return i;
}

/** Reads a number ("66.7", "1.234,5", "-3") at `i`; returns its end, or -1. */
function readNumber(text: string, i: number, limit: number): number {
  let j = i;
  const c0 = text.charCodeAt(j);
  if (c0 === 45 || c0 === 43 || c0 === 0x2212) {
    j++;
    if (text.charCodeAt(j) === 32) j++;
  }
  if (j >= limit || !isDigit(text.charCodeAt(j))) return -1;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (isDigit(c)) j++;
    else if ((c === 46 || c === 44) && j + 1 < limit && isDigit(text.charCodeAt(j + 1))) j++;
    else break;
  }
  return j;
}

/** After a number: optional blanks and a percent sign ("%" or "\%"); returns the end. */
function readPercent(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && j < i + 8 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
  if (text.startsWith('\\%', j) && j + 2 <= limit) return j + 2;
  if (text.charCodeAt(j) === 37 && j < limit) return j + 1;
  return i;
}

/** Length of a multiplication sign at `i` ("x", "×", "*", "\times", "\cdot"), 0 when none. */
function multiplicationSign(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  if (c === 92) {
    if (text.startsWith('\\times', i) && !isAsciiLetter(text.charCodeAt(i + 6))) return 6;
    if (text.startsWith('\\cdot', i) && !isAsciiLetter(text.charCodeAt(i + 5))) return 5;
    return 0;
  }
  if (c === 120 || c === 88) {
    // A letter "x" counts only when it is not part of a word: "x 100%", "x100%".
    return i + 1 < limit && isAsciiLetter(text.charCodeAt(i + 1)) ? 0 : 1;
  }
  if (c === 0xd7 || c === 42 || c === 0xb7 || c === 0x22c5) return 1;
  return 0;
}

interface Tail {
  multiplier?: Span;
  stated: Span;
  end: number;
}

/**
 * Reads "× 100% = 66.7 %" (the multiplier is optional, the "= result" is not) starting at
 * `from`. Formulas that only define a method (no stated numeric result) return null.
 */
function parseTail(text: string, from: number, limit: number): Tail | null {
  let i = skipNoise(text, from, limit);
  let multiplier: Span | undefined;
  const sign = multiplicationSign(text, i, limit);
  if (sign > 0) {
    const numStart = skipNoise(text, i + sign, limit);
    const numEnd = readNumber(text, numStart, limit);
    if (numEnd === -1) return null;
    const end = readPercent(text, numEnd, limit);
    multiplier = { start: numStart, end };
    i = skipNoise(text, end, limit);
  }
  if (text.charCodeAt(i) !== 61 || i >= limit) return null;
  const statedStart = skipNoise(text, i + 1, limit);
  const statedEnd = readNumber(text, statedStart, limit);
  if (statedEnd === -1) return null;
  const end = readPercent(text, statedEnd, limit);
  const tail: Tail = { stated: { start: statedStart, end }, end };
  if (multiplier) tail.multiplier = multiplier;
  return tail;
}

function cell(src: SourceText, span: Span): SourceCell {
  return { text: latexToText(src.text.slice(span.start, span.end)), position: src.position(span.start, span.end) };
}

/** "% Capaian :" → "% Capaian"; undefined when it is not a short caption. */
function cleanLabel(raw: string): string | undefined {
  let label = latexToText(raw);
  let end = label.length;
  while (end > 0 && ' :=\t'.includes(label[end - 1] as string)) end--;
  let start = 0;
  while (start < end && ' :=\t'.includes(label[start] as string)) start++;
  label = label.slice(start, end);
  if (label.length === 0 || label.length > MAX_LABEL || !hasLetter(label)) return undefined;
  return label;
}

/** The span of the math node holding `offset`, if any (spans are sorted and do not overlap). */
function mathSpanAt(spans: Span[], offset: number): Span | undefined {
  const found = spans[countBefore(spans.length, (i) => (spans[i] as Span).start <= offset) - 1];
  return found && offset < found.end ? found : undefined;
}

function union(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

interface FracCommand {
  start: number;
  after: number;
}

/** Every `\frac` (also `\dfrac`, `\tfrac`, `\cfrac`) in the span, in order. */
function fracCommands(text: string, span: Span): FracCommand[] {
  const found: FracCommand[] = [];
  const slice = text.slice(span.start, span.end);
  let k = slice.indexOf('frac');
  while (k !== -1) {
    let start = -1;
    if (slice[k - 1] === '\\') start = k - 1;
    else if (k >= 2 && 'dtc'.includes(slice[k - 1] as string) && slice[k - 2] === '\\') start = k - 2;
    if (start !== -1 && !isAsciiLetter(slice.charCodeAt(k + 4))) found.push({ start: span.start + start, after: span.start + k + 4 });
    k = slice.indexOf('frac', k + 4);
  }
  return found;
}

/**
 * Reads the LaTeX fractions of one segment: a source line, or a display-math block over
 * several lines. `row` is set when the segment is a tab row, whose cells around the
 * formula (label, "x 100% = …") belong to the fraction.
 */
function scanLatexSegment(ctx: ScanContext, segment: Span, row: boolean): { block: FractionBlock; span: Span }[] {
  const { src } = ctx;
  const { text } = src;
  const commands = fracCommands(text, segment);
  const results: { block: FractionBlock; span: Span }[] = [];
  let previousEnd = segment.start;
  for (let c = 0; c < commands.length; c++) {
    const cmd = commands[c] as FracCommand;
    const limit = commands[c + 1]?.start ?? segment.end;
    let p = cmd.after;
    while (p < limit && isBlankChar(text.charCodeAt(p))) p++;
    const numClose = matchBrace(text, p, limit);
    if (numClose === -1) continue;
    let q = numClose + 1;
    while (q < limit && isBlankChar(text.charCodeAt(q))) q++;
    const denClose = matchBrace(text, q, limit);
    if (denClose === -1) continue;
    const numSpan = src.trim(p + 1, numClose);
    const denSpan = src.trim(q + 1, denClose);
    const numerator = cell(src, numSpan);
    const denominator = cell(src, denSpan);
    // A method formula ("Hasil Perhitungan Kuesioner / 25", "a_1 + … / y") has no figures on top.
    if (!isFigureText(numerator.text) || !isFigureText(denominator.text)) continue;
    const tail = parseTail(text, denClose + 1, limit);
    if (tail === null) continue;

    const math = mathSpanAt(ctx.mathSpans, cmd.start);
    let headStart = previousEnd;
    if (!row && math && math.start > headStart) {
      // Prose before an inline formula is a label only when it is short ("Capaian = $…$").
      const before = src.trim(headStart, math.start);
      if (before.end - before.start > MAX_LABEL) headStart = math.start;
    }
    const label = cleanLabel(text.slice(headStart, cmd.start));
    let span: Span = { start: cmd.start, end: tail.end };
    if (math) span = union(span, math);
    const block: FractionBlock = {
      layout: 'latex',
      numerator,
      denominator,
      stated: cell(src, tail.stated),
      position: src.position(span.start, span.end),
    };
    if (tail.multiplier) block.multiplier = cell(src, tail.multiplier);
    if (label !== undefined) block.label = label;
    results.push({ block, span });
    previousEnd = tail.end;
  }
  // A row or display block that holds a single fraction is that fraction as a whole.
  if (results.length === 1 && row) {
    const only = results[0] as { block: FractionBlock; span: Span };
    const whole = src.trim(segment.start, segment.end);
    only.span = union(only.span, whole);
    only.block.position = src.position(only.span.start, only.span.end);
  }
  return results;
}

/** The parts of a line between tabs, pipes, colons and equals signs, trimmed. */
function splitParts(src: SourceText, from: number, to: number): Span[] {
  const parts: Span[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? src.text.charCodeAt(i) : -1;
    if (c === -1 || c === 9 || c === 124 || c === 58 || c === 61) {
      const span = src.trim(start, i);
      if (span.end > span.start) parts.push(span);
      start = i + 1;
    }
  }
  return parts;
}

interface Multiplication {
  sign: number;
  tail: Tail;
}

/** The first "x 100% = result" on a line that is not inside a word, or null. */
function findMultiplication(src: SourceText, lineIndex: number): Multiplication | null {
  const line = src.line(lineIndex);
  if (!line) return null;
  const { text } = src;
  const content = text.slice(line.start, line.end);
  if (!content.includes('=')) return null;
  for (let i = line.start; i < line.end; i++) {
    const len = multiplicationSign(text, i, line.end);
    if (len === 0) continue;
    const prev = i > line.start ? text.charCodeAt(i - 1) : 32;
    const c = text.charCodeAt(i);
    // A letter x must stand apart ("\tx 100%"), "×" and "*" may follow a figure directly.
    const letter = c === 120 || c === 88;
    if (letter && !(isBlankChar(prev) || prev === 58 || prev === 36 || prev === 41 || prev === 124 || prev === 93 || prev === 125)) continue;
    const tail = parseTail(text, i, line.end);
    if (tail?.multiplier) return { sign: i, tail };
  }
  return null;
}

interface OperandLine {
  operand: Span;
  label?: string;
}

/**
 * A line that holds only a figure with its unit, perhaps beside a label ("% Capaian\t:\t89.56
 * indeks", "\t2 Kab/Kota\t"): the other half of a two-line fraction.
 */
function operandLine(ctx: ScanContext, index: number, used: Set<number>): OperandLine | null {
  const { src } = ctx;
  const line = src.line(index);
  if (!line || used.has(index) || ctx.skipLine(index) || src.isBlank(index)) return null;
  const content = src.text.slice(line.start, line.end);
  if (content.includes('\\frac') || findMultiplication(src, index)) return null;
  const parts = splitParts(src, line.start, line.end);
  if (parts.length === 0 || parts.length > 3) return null;
  let operand: Span | undefined;
  let label: string | undefined;
  for (const part of parts) {
    const text = src.text.slice(part.start, part.end);
    if (startsWithNumber(text)) {
      if (operand || !isFigureText(text)) return null;
      operand = part;
    } else if (hasDigit(text)) return null;
    else label ??= cleanLabel(text);
  }
  if (!operand) return null;
  return label === undefined ? { operand } : { operand, label };
}

/** Strips one pair of parentheses around a part of an inline fraction "(3 / 4)". */
function stripParens(src: SourceText, span: Span): Span {
  let { start, end } = span;
  if (src.text.charCodeAt(start) === 40) start++;
  if (end > start && src.text.charCodeAt(end - 1) === 41) end--;
  return src.trim(start, end);
}

/** How far back from a slash an inline numerator is looked for, so long lines stay linear. */
const MAX_LOOKBACK = 80;

/**
 * Where the figure that ends at `to` starts: the last number in `from`..`to` with its sign or
 * "Rp." prefix; what follows it is its unit ("3 Kab/Kota", "94.65 indeks", "Rp. 5.000").
 * -1 when there is no number, or it is glued to a word ("P-21").
 */
function figureStart(src: SourceText, from: number, to: number): number {
  const { text } = src;
  let d = to - 1;
  while (d >= from && !isDigit(text.charCodeAt(d))) d--;
  if (d < from) return -1;
  let p = d;
  while (p > from && (isDigit(text.charCodeAt(p - 1)) || ((text.charCodeAt(p - 1) === 46 || text.charCodeAt(p - 1) === 44) && p - 2 >= from && isDigit(text.charCodeAt(p - 2))))) p--;
  let q = p;
  while (q > from && text.charCodeAt(q - 1) === 32) q--;
  if (q - 3 >= from && text.startsWith('Rp.', q - 3)) p = q - 3;
  else if (q - 2 >= from && text.startsWith('Rp', q - 2)) p = q - 2;
  else if (p > from && (text.charCodeAt(p - 1) === 45 || text.charCodeAt(p - 1) === 43 || text.charCodeAt(p - 1) === 0x2212)) p--;
  const prev = p === from ? 32 : text.charCodeAt(p - 1);
  return p === from || isBlankChar(prev) || prev === 40 ? p : -1;
}

/** The slash of "3 / 4" or "3 Kab/Kota / 4 Kab/Kota": the first with a figure on both sides; -1 if none. */
function inlineSlash(src: SourceText, span: Span): number {
  const { text } = src;
  for (let i = span.start; i < span.end; i++) {
    if (text.charCodeAt(i) !== 47) continue;
    let j = i + 1;
    while (j < span.end && j < i + 8 && isBlankChar(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 40) j++;
    if (j < span.end && startsWithNumber(text.slice(j, Math.min(span.end, j + 8))) && figureStart(src, Math.max(span.start, i - MAX_LOOKBACK), i) !== -1) return i;
  }
  return -1;
}

function isFigure(src: SourceText, span: Span | undefined): span is Span {
  return span !== undefined && span.end > span.start && isFigureText(src.text.slice(span.start, span.end));
}

const DELIMITER_CELL = /:?-{3,}:?/y;

function isSpaceChar(ch: string): boolean {
  return ch.trim() === '';
}

/**
 * A GFM delimiter row ("| --- | :---: |", "---\t---"): cells of three or more dashes, separated
 * by one pipe or by tabs. Scanned by hand: the regular expression it replaces let two
 * whitespace runs share the blanks between cells and took quadratic time on a long blank line.
 */
export function isDelimiterRow(line: string): boolean {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|')) text = text.slice(0, -1);
  text = text.trim();
  let i = 0;
  for (;;) {
    DELIMITER_CELL.lastIndex = i;
    if (!DELIMITER_CELL.test(text)) return false;
    i = DELIMITER_CELL.lastIndex;
    if (i >= text.length) return true;
    // Between two cells: blanks holding exactly one pipe, or at least one tab and no pipe.
    let pipes = 0;
    let tabs = 0;
    while (i < text.length && (text[i] === '|' || isSpaceChar(text[i] as string))) {
      if (text[i] === '|') pipes++;
      else if (text[i] === '\t') tabs++;
      i++;
    }
    if (pipes > 1 || (pipes === 0 && tabs === 0)) return false;
  }
}

/**
 * The line next to `index` in direction `step`. Written as a pipe table, the two lines of a
 * fraction have the `| --- | --- |` delimiter row between them; it is skipped.
 */
function neighbour(src: SourceText, index: number, step: 1 | -1): number {
  const next = index + step;
  const line = src.line(next);
  if (line && isDelimiterRow(src.text.slice(line.start, line.end))) return next + step;
  return next;
}

/** Reads the text layouts around a line holding "x 100% = result" (no LaTeX fraction). */
function scanTextLine(ctx: ScanContext, index: number, used: Set<number>): FoundFraction | null {
  const { src } = ctx;
  const line = src.line(index);
  if (!line) return null;
  const mult = findMultiplication(src, index);
  if (!mult || !mult.tail.multiplier) return null;
  const parts = splitParts(src, line.start, mult.sign);
  const last = parts[parts.length - 1];

  // The part just before the sign holds the figures ("3 Kab/Kota", "3 / 4"), perhaps after a
  // label written without a separator ("Realisasi 3 Kab/Kota / 4 Kab/Kota x 100% …").
  let label: string | undefined;
  let operand: Span | undefined;
  let inline: [Span, Span] | undefined;
  let labelParts = parts;
  if (last) {
    const slash = inlineSlash(src, last);
    const figures = figureStart(src, slash === -1 ? last.start : Math.max(last.start, slash - MAX_LOOKBACK), slash === -1 ? last.end : slash);
    if (figures !== -1) {
      labelParts = parts.slice(0, -1);
      const head = src.trim(last.start, figures);
      if (head.end > head.start) {
        const text = src.text.slice(head.start, head.end);
        if (!hasDigit(text)) label = cleanLabel(text);
      }
      if (slash === -1) operand = src.trim(figures, last.end);
      else inline = [stripParens(src, src.trim(figures, slash)), stripParens(src, src.trim(slash + 1, last.end))];
    }
  }
  for (const part of labelParts) {
    const text = src.text.slice(part.start, part.end);
    if (!hasDigit(text)) label ??= cleanLabel(text);
  }

  let numerator: Span | undefined;
  let denominator: Span | undefined;
  let layout: FractionBlock['layout'] = 'text-two-line';
  let firstLine = index;
  let lastLine = index;
  if (inline && isFigure(src, inline[0]) && isFigure(src, inline[1])) {
    [numerator, denominator] = inline;
    layout = 'inline';
  } else if (inline) {
    return null;
  } else if (isFigure(src, operand)) {
    // The figure on the "x 100%" line; its partner is the line below, or else the line above.
    // Whichever sits on top is the numerator, as the drawn fraction bar reads.
    const belowAt = neighbour(src, index, 1);
    const below = operandLine(ctx, belowAt, used);
    const aboveAt = neighbour(src, index, -1);
    const above = below ? null : operandLine(ctx, aboveAt, used);
    if (below) {
      numerator = operand;
      denominator = below.operand;
      lastLine = belowAt;
      label ??= below.label;
    } else if (above) {
      numerator = above.operand;
      denominator = operand;
      firstLine = aboveAt;
      label ??= above.label;
    }
  } else {
    // The "x 100%" line carries only the label: figures above and below it.
    const aboveAt = neighbour(src, index, -1);
    const belowAt = neighbour(src, index, 1);
    const above = operandLine(ctx, aboveAt, used);
    const below = operandLine(ctx, belowAt, used);
    if (above && below) {
      numerator = above.operand;
      denominator = below.operand;
      firstLine = aboveAt;
      lastLine = belowAt;
      label ??= above.label ?? below.label;
    }
  }
  if (!numerator || !denominator) return null;

  const first = src.line(firstLine) as { start: number; end: number };
  const lastOfAll = src.line(lastLine) as { start: number; end: number };
  const whole = src.trim(first.start, lastOfAll.end);
  const block: FractionBlock = {
    layout,
    numerator: cell(src, numerator),
    denominator: cell(src, denominator),
    multiplier: cell(src, mult.tail.multiplier),
    stated: cell(src, mult.tail.stated),
    position: src.position(whole.start, whole.end),
  };
  if (label !== undefined) block.label = label;
  return { block, firstLine, lastLine };
}

/** Every capaian fraction of the source, in document order. */
export function scanFractions(ctx: ScanContext): FoundFraction[] {
  const { src } = ctx;
  const found: FoundFraction[] = [];
  const used = new Set<number>();
  const inBlock = new Uint8Array(src.lines.length);

  if (src.text.includes('frac')) {
    for (const block of ctx.mathBlocks) {
      const a = src.lineIndexAt(block.start);
      const b = src.lineIndexAt(Math.max(block.start, block.end - 1));
      for (let i = a; i <= b; i++) inBlock[i] = 1;
      if (ctx.skipLine(a)) continue;
      for (const r of scanLatexSegment(ctx, block, false)) {
        found.push({ block: r.block, firstLine: a, lastLine: b });
        for (let i = a; i <= b; i++) used.add(i);
      }
    }
    for (const line of src.lines) {
      if (inBlock[line.index] || ctx.skipLine(line.index)) continue;
      const content = src.text.slice(line.start, line.end);
      if (!content.includes('frac')) continue;
      const row = content.includes('\t') || /^\s*\|/.test(content);
      for (const r of scanLatexSegment(ctx, line, row)) {
        found.push({ block: r.block, firstLine: line.index, lastLine: line.index });
        used.add(line.index);
      }
    }
  }

  for (const line of src.lines) {
    const i = line.index;
    if (used.has(i) || inBlock[i] || ctx.skipLine(i)) continue;
    const content = src.text.slice(line.start, line.end);
    if (!content.includes('=') || content.includes('\\frac')) continue;
    const result = scanTextLine(ctx, i, used);
    if (!result) continue;
    found.push(result);
    for (let k = result.firstLine; k <= result.lastLine; k++) used.add(k);
  }

  return found.sort((a, b) => a.block.position.offset - b.block.position.offset);
}
