import type { Diagnostic } from '@lkip/schema';
import { isDelimiterRow } from './fractions/scan.js';

/**
 * What one draft may ask of the reader. The Markdown parser spends time that grows with the
 * square of a line's nesting (a line of 30 000 `-` or `1.` list markers), and a table's cells
 * become objects the model and the rules hold at once (a table of 20 000 columns filled the
 * heap). Within these bounds the reader's time and memory grow linearly with the draft; past
 * them a draft is refused before any work starts, with the limit named (diagnostic
 * `limit-exceeded`), instead of hanging or crashing. Real drafts stay far below every one.
 */
export interface ReaderLimits {
  /** Blockquotes and list items one line may sit in. LKIP drafts use 3 or 4. */
  nesting: number;
  /** Columns of one table. LKIP tables have up to ~40 (twelve months of target and realisation). */
  columns: number;
  /** Cells of one table (rows × columns). The largest LKIP appendix tables hold a few thousand. */
  cells: number;
}

export type LimitName = keyof ReaderLimits;

export const LIMIT_NAMES: readonly LimitName[] = ['nesting', 'columns', 'cells'];

export const DEFAULT_LIMITS: Readonly<ReaderLimits> = Object.freeze({ nesting: 100, columns: 200, cells: 100_000 });

/** The defaults with the given ones over them. */
export function resolveLimits(limits: Partial<ReaderLimits> | undefined): ReaderLimits {
  return { ...DEFAULT_LIMITS, ...definedOnly(limits) };
}

function definedOnly(limits: Partial<ReaderLimits> | undefined): Partial<ReaderLimits> {
  const out: Partial<ReaderLimits> = {};
  for (const name of LIMIT_NAMES) {
    const value = limits?.[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Which limit a draft passes, by how much, and where. */
export interface LimitExceeded {
  limit: LimitName;
  /** The limit in force. */
  max: number;
  /** What the draft asks for (at least; counting stops soon after the limit). */
  found: number;
  /** 1-based line where it happens (a table's first line). */
  line: number;
}

/** The diagnostic code of a draft refused for passing a limit. */
export const LIMIT_EXCEEDED = 'limit-exceeded';

/** Thrown by the reader when a table it built passes a limit; `buildDocument` turns it into the diagnostic. */
export class ReaderLimitError extends Error {
  constructor(readonly exceeded: LimitExceeded) {
    super(describeLimitExceeded(exceeded));
    this.name = 'ReaderLimitError';
  }
}

const WHAT: Record<LimitName, (found: number) => string> = {
  nesting: (found) => `a line nested ${found} deep in blockquotes and lists`,
  columns: (found) => `a table of ${found} columns`,
  cells: (found) => `a table of at least ${found} cells`,
};

/** "line 3: a table of 20000 columns; the reader's limit is 200 (limits.columns)". */
export function describeLimitExceeded(e: LimitExceeded): string {
  return `line ${e.line}: ${WHAT[e.limit](e.found)}; the reader's limit is ${e.max} (limits.${e.limit})`;
}

export function limitDiagnostic(e: LimitExceeded, text: string): Diagnostic {
  let offset = 0;
  for (let line = 1; line < e.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  const position = { line: e.line, column: 1, offset, endLine: e.line, endColumn: 1, endOffset: offset };
  return { severity: 'error', code: LIMIT_EXCEEDED, message: describeLimitExceeded(e), position };
}

/** The limit `limit` of a diagnostic made by `limitDiagnostic`, for callers that tell users how to raise it. */
export function limitOfDiagnostic(d: Pick<Diagnostic, 'code' | 'message'>): LimitName | undefined {
  if (d.code !== LIMIT_EXCEEDED) return undefined;
  const name = /\(limits\.(\w+)\)$/.exec(d.message)?.[1];
  return LIMIT_NAMES.find((n) => n === name);
}

/**
 * One pass over the lines, before the parser sees the draft: nesting of every line, and the
 * columns and cells of tab-separated, pipe and HTML tables (the layouts a converter can make
 * arbitrarily wide). Tables of the other layouts are checked once built (`checkTableSize`).
 * Linear in the length of the text.
 */
export function checkLimits(text: string, given?: Partial<ReaderLimits>): LimitExceeded | undefined {
  const limits = resolveLimits(given);
  const nesting = new NestingTracker();
  const tabRun = new RunCounter('tab');
  const pipeRun = new RunCounter('pipe');
  const html = new HtmlTableCounter();
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const line = text.slice(start, end);
    const depth = nesting.depth(line);
    if (depth > limits.nesting) return { limit: 'nesting', max: limits.nesting, found: depth, line: lineNo };
    const over = tabRun.add(line, lineNo, limits) ?? pipeRun.add(line, lineNo, limits) ?? html.add(line, lineNo, limits);
    if (over) return over;
    start = end + 1;
  }
  return tabRun.end(limits) ?? pipeRun.end(limits);
}

/** The table limits on a table the reader built: its widest row and its cell count. */
export function checkTableSize(rows: readonly { length: number }[], line: number, given?: Partial<ReaderLimits>): LimitExceeded | undefined {
  const limits = resolveLimits(given);
  let columns = 0;
  let cells = 0;
  for (const row of rows) {
    columns = Math.max(columns, row.length);
    cells += row.length;
  }
  if (columns > limits.columns) return { limit: 'columns', max: limits.columns, found: columns, line };
  if (cells > limits.cells) return { limit: 'cells', max: limits.cells, found: cells, line };
  return undefined;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * How many blockquotes and list items a line sits in, as CommonMark would nest them: the `>`
 * and list markers that open the line, plus the list items of earlier lines whose content the
 * line's indentation continues. An estimate (lazy continuation and tabs are simplified), close
 * for real drafts and never far below the parser's own count on hostile ones.
 */
class NestingTracker {
  /** Content columns of the list items open after the previous line, innermost last. */
  private items: number[] = [];

  depth(line: string): number {
    const indent = skipBlanks(line, 0);
    // A blank line closes nothing yet (a list goes on after it) and costs nothing.
    if (indent.index >= line.length) return 0;
    this.closeItemsPast(indent.column);
    if (THEMATIC_BREAK.test(line)) return this.items.length;
    let i = indent.index;
    let column = indent.column;
    let quotes = 0;
    /** List items opened inside a blockquote: they end with it, so they are not carried. */
    let quoted = 0;
    for (;;) {
      if (line.charCodeAt(i) === 62 /* > */) {
        quotes++;
        i++;
        column++;
      } else {
        const marker = LIST_MARKER.exec(line.slice(i, i + 11));
        if (!marker) break;
        i += marker[0].length;
        column += marker[0].length;
        const after = skipBlanks(line, i, column);
        if (quotes > 0) quoted++;
        // The item's content starts after the marker and its blanks (one blank when there are five or more).
        else this.items.push(after.column - column >= 5 || after.index >= line.length ? column + 1 : after.column);
      }
      const blank = skipBlanks(line, i, column);
      i = blank.index;
      column = blank.column;
      if (i >= line.length) break;
    }
    return this.items.length + quotes + quoted;
  }

  private closeItemsPast(indent: number): void {
    while (this.items.length > 0 && (this.items[this.items.length - 1] as number) > indent) this.items.pop();
  }
}

function skipBlanks(line: string, from: number, column = from): { index: number; column: number } {
  let i = from;
  let c = column;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 32) c++;
    else if (code === 9) c += 4 - (c % 4);
    else break;
  }
  return { index: i, column: c };
}

/**
 * Consecutive lines of one kind of table row: tab-separated lines (every tab starts a cell, as
 * the tab-table reader splits them) or pipe rows of a run that holds a GFM delimiter row.
 */
class RunCounter {
  private cells = 0;
  private widest = 0;
  private firstLine = 0;
  private delimiter = false;

  constructor(private readonly kind: 'tab' | 'pipe') {}

  add(line: string, lineNo: number, limits: ReaderLimits): LimitExceeded | undefined {
    const width = this.kind === 'tab' ? tabCells(line) : pipeCells(line);
    if (width === 0) return this.end(limits);
    if (this.cells === 0) this.firstLine = lineNo;
    if (this.kind === 'pipe' && !this.delimiter && isDelimiterRow(line)) this.delimiter = true;
    this.cells += width;
    this.widest = Math.max(this.widest, width);
    // A tab run is a table by itself; pipe rows only once a delimiter row says so.
    return this.kind === 'tab' || this.delimiter ? this.over(limits) : undefined;
  }

  end(limits: ReaderLimits): LimitExceeded | undefined {
    const over = this.kind === 'tab' || this.delimiter ? this.over(limits) : undefined;
    this.cells = 0;
    this.widest = 0;
    this.delimiter = false;
    return over;
  }

  private over(limits: ReaderLimits): LimitExceeded | undefined {
    if (this.widest > limits.columns) return { limit: 'columns', max: limits.columns, found: this.widest, line: this.firstLine };
    if (this.cells > limits.cells) return { limit: 'cells', max: limits.cells, found: this.cells, line: this.firstLine };
    return undefined;
  }
}

function tabCells(line: string): number {
  let tabs = 0;
  for (let i = line.indexOf('\t'); i !== -1; i = line.indexOf('\t', i + 1)) tabs++;
  return tabs === 0 || line.trim() === '' ? 0 : tabs + 1;
}

/** Cells of a pipe row: unescaped pipes, less the outer ones; 0 for a line without a pipe. */
function pipeCells(line: string): number {
  let pipes = 0;
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) if (line.charCodeAt(i - 1) !== 92) pipes++;
  if (pipes === 0) return 0;
  const trimmed = line.trim();
  let cells = pipes + 1;
  if (trimmed.startsWith('|')) cells--;
  if (trimmed.endsWith('|') && trimmed.length > 1) cells--;
  return Math.max(cells, 1);
}

const HTML_TAG = /<(\/?)(table|tr|td|th)\b/gi;

/** `<td>`/`<th>` cells per `<tr>` and per `<table>`, across lines. */
class HtmlTableCounter {
  private depth = 0;
  private rowCells = 0;
  private cells = 0;
  private firstLine = 0;

  add(line: string, lineNo: number, limits: ReaderLimits): LimitExceeded | undefined {
    if (this.depth === 0 && !/<table\b/i.test(line)) return undefined;
    HTML_TAG.lastIndex = 0;
    for (let m = HTML_TAG.exec(line); m; m = HTML_TAG.exec(line)) {
      const closing = m[1] === '/';
      const tag = (m[2] as string).toLowerCase();
      if (tag === 'table') {
        if (!closing && this.depth++ === 0) {
          this.cells = 0;
          this.firstLine = lineNo;
        } else if (closing && this.depth > 0) this.depth--;
      } else if (tag === 'tr' && !closing) {
        this.rowCells = 0;
      } else if ((tag === 'td' || tag === 'th') && !closing && this.depth > 0) {
        this.rowCells++;
        this.cells++;
        if (this.rowCells > limits.columns) return { limit: 'columns', max: limits.columns, found: this.rowCells, line: this.firstLine };
        if (this.cells > limits.cells) return { limit: 'cells', max: limits.cells, found: this.cells, line: this.firstLine };
      }
    }
    return undefined;
  }
}
