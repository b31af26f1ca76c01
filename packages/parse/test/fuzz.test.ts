import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { lintDocument } from '@lkip/engine';
import { rules } from '@lkip/rules';
import { LkipDocument } from '@lkip/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findNumbers,
  findParenthesisedNumberWords,
  findRanges,
  formatIndonesianNumber,
  numberStyleOf,
  parseDraft,
  parseMarkdown,
  readIndonesianNumber,
  readNumberWords,
} from '../src/index.js';
import { collectFractions } from '../src/fractions/index.js';
import { isDelimiterRow } from '../src/fractions/scan.js';
import { collectTables } from '../src/tables/index.js';
import { draft, figureText, fraction, indonesianNumber, MAX_DRAFT_CHARS, pipeTable, sentence, tabTable } from './fuzz/drafts.mjs';
import { timeRegexes } from './fuzz/regex-check.js';
import { collectRegexes } from './fuzz/regexes.js';

/**
 * Property-based tests: no input may make the reader or a rule throw, hang, or take longer than
 * a bound that only pathological behaviour exceeds (this is not a performance test: a normal
 * case takes milliseconds). The long campaign is `pnpm fuzz` (scripts/fuzz.mjs).
 */

/** Per generated case (≤ 4 KB): far above the ~5 ms median; only runaway backtracking or loops reach it. */
const CASE_BOUND_MS = 2000;

function timed<T>(what: string, run: () => T, bound = CASE_BOUND_MS): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  if (ms > bound) throw new Error(`${what} took ${ms.toFixed(0)} ms (bound ${bound} ms)`);
  return result;
}

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(figureText, sentence), { maxLength: 8 }).map((parts) => parts.join(' ')),
);

beforeAll(() => {
  // The first parse loads and compiles everything; it must not count against the bound.
  parseDraft('# BAB I\n\nRealisasi 94,50 %\n\nNo\tTarget\n1\t2\n', {});
});

describe('number reader', () => {
  it('never throws, and every figure it finds is where it says', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const figures = timed('findNumbers', () => findNumbers(text));
        let previousEnd = 0;
        for (const f of figures) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.raw);
          expect(Number.isFinite(f.value) || Number.isNaN(f.value) === false).toBe(true);
          previousEnd = f.end;
        }
        timed('the other readers', () => {
          readIndonesianNumber(text);
          findRanges(text);
          readNumberWords(text);
          findParenthesisedNumberWords(text);
          numberStyleOf(text);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('reads back what it writes, in every style', () => {
    const styles = [
      { decimalSeparator: ',', thousandsSeparator: '.' },
      { decimalSeparator: '.', thousandsSeparator: ',' },
      { decimalSeparator: ',', thousandsSeparator: '' },
      { decimalSeparator: '.', thousandsSeparator: '' },
    ] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...styles), fc.boolean(), (units, decimals, style, negative) => {
        const value = ((negative ? -1 : 1) * units) / 10 ** decimals;
        const text = formatIndonesianNumber(value, decimals, style);
        const read = readIndonesianNumber(text);
        expect(read, text).toBeDefined();
        // Where the text alone cannot tell ("85.625": thousands or decimals?), the reader says
        // so and keeps the other reading; either way the written value is among its readings.
        const readings = [read?.value, ...(read?.ambiguous?.readings.map((r) => r.value) ?? [])];
        expect(readings.some((v) => v !== undefined && Math.abs(v - value) <= Math.abs(value) * 1e-12), `${text} read as ${readings.join(' or ')}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never lets a figure take its sign from the figure before (found by this suite)', () => {
    // The dash of "5.000.000,-" is the money dash; the 10 after it is not negative.
    expect(findNumbers('Anggaran Rp 5.000.000,- 10 kegiatan').map((n) => [n.raw, n.value])).toEqual([
      ['Rp 5.000.000,-', 5_000_000],
      ['10', 10],
    ]);
    expect(findNumbers('0,- 0').map((n) => [n.start, n.end])).toEqual([
      [0, 3],
      [4, 5],
    ]);
  });

  it('reads a generated figure as exactly one figure', () => {
    fc.assert(
      fc.property(indonesianNumber, (text) => {
        timed('findNumbers', () => findNumbers(`Realisasi ${text} pada tahun ini.`));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('table reader', () => {
  const tableDraft = fc
    .tuple(fc.array(fc.oneof(tabTable, pipeTable, sentence, fraction), { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([blocks, crlf]) => {
      const text = blocks.join('\n\n');
      return crlf ? text.replace(/\n/g, '\r\n') : text;
    });

  it('gives every body row one cell per column, each cell being the source text at its position', () => {
    fc.assert(
      fc.property(tableDraft, (text) => {
        const tree = timed('parseMarkdown', () => parseMarkdown(text));
        const tables = timed('collectTables', () => collectTables(tree, text));
        for (const table of tables) {
          expect(table.headerRows).toBeGreaterThanOrEqual(0);
          expect(table.headerRows).toBeLessThanOrEqual(table.rows.length);
          for (const row of table.body) {
            expect(row.length).toBe(table.columns.length);
            for (const cell of row) {
              const { offset, endOffset } = cell.position;
              expect(offset).toBeGreaterThanOrEqual(0);
              expect(endOffset).toBeLessThanOrEqual(text.length);
              // A label that text layouts (flattened rows, one cell per line) read over two lines
              // joins its lines with a space; every other character is the source's own.
              const oneSpace = (t: string) => t.replace(/\s+/g, ' ');
              if (cell.text !== '') expect(oneSpace(text.slice(offset, endOffset))).toBe(oneSpace(cell.text));
            }
          }
        }
        timed('collectFractions', () => collectFractions(tree, text));
      }),
      { numRuns: 400 },
    );
  });

  it('recognises delimiter rows exactly as the GFM pattern it replaced did', () => {
    const OLD = /^\s*\|?\s*:?-{3,}:?\s*(?:[|\t]\s*:?-{3,}:?\s*)*\|?\s*$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('-', '|', ' ', '\t', ':', 'a', '\u00a0'), maxLength: 24 }), (line) => {
        expect(isDelimiterRow(line)).toBe(OLD.test(line));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the whole pipeline', () => {
  it(`reads and lints 300 generated drafts (≤ ${MAX_DRAFT_CHARS} chars) without a crash, each within ${CASE_BOUND_MS} ms`, () => {
    fc.assert(
      fc.property(draft, (text) => {
        timed('parseDraft + lintDocument', () => {
          const doc = parseDraft(text, { path: 'fuzz.md', format: 'markdown' });
          expect(doc.source.length).toBe(text.length);
          // The reader never throws: what stops it becomes this diagnostic, which is still a bug.
          expect(doc.diagnostics.filter((d) => d.code === 'reader-failure')).toEqual([]);
          // What the rules (and `lkip extract` users) receive is a valid document.
          const valid = LkipDocument.safeParse(doc);
          expect(valid.success ? [] : valid.error.issues.slice(0, 3)).toEqual([]);
          const messages = lintDocument(doc, { rules, text });
          expect(Array.isArray(messages)).toBe(true);
          // The engine reports a rule that threw as a finding of that rule; none may throw.
          expect(messages.filter((m) => m.ruleId !== null && /^Rule \S+ failed: /.test(m.message))).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
  });

  // The worst single inputs we know for the reader, 50 000 characters each. They must complete;
  // the bound is generous (linear work on 50 000 characters takes well under a second).
  const LONG = 50_000;
  const worst: [string, string][] = [
    ['a 50 000-digit figure', '1'.repeat(LONG)],
    ['a blank run inside a line', `Capaian${' '.repeat(LONG)}x`],
    ['a word of 50 000 letters', `${'A'.repeat(LONG)}.`],
    ['a tab row of 50 000 cells', `a${'\t'.repeat(LONG)}b`],
    ['50 000 pipes', '|'.repeat(LONG)],
    ['50 000 asterisks', '*'.repeat(LONG)],
    ['50 000 open brackets', '['.repeat(LONG)],
    ['50 000 dollar signs', '$'.repeat(LONG)],
    ['repeated "1 Kab/Kota"', '1 Kab/Kota '.repeat(LONG / 10)],
    ['repeated figures', '1.234,5 '.repeat(LONG / 8)],
    ['repeated "Rp"', 'Rp '.repeat(LONG / 3)],
    ['repeated "<a"', '<a '.repeat(LONG / 3)],
    ['list markers', '- '.repeat(LONG / 2)],
    ['a blank line of 50 000 spaces next to a fraction', `Realisasi\t:\t3\tx 100% = 75 %\n${' '.repeat(LONG)}\n\t\t4`],
    ['blockquotes nested 300 deep', `${'> '.repeat(300)}Realisasi 94,50 %`],
  ];
  it.each(worst)('completes on %s', (_name, text) => {
    const doc = timed('parseDraft', () => parseDraft(text, {}), 30_000);
    expect(doc.diagnostics.filter((d) => d.code === 'reader-failure')).toEqual([]);
    timed('lintDocument', () => lintDocument(doc, { rules, text }), 30_000);
  });

  // Known failures, outside the modules this suite may fix (see the report of the
  // "linter that no input can break" issue): kept as skipped cases so they are not forgotten.
  it('completes on a paragraph of 50 000 dots (a dot leader; sentences() once tried its boundary at every dot)', () => {
    const text = `Realisasi ${'.'.repeat(LONG)} x`;
    timed('parseDraft', () => parseDraft(text, {}), 30_000);
  });
  it('parses blockquotes nested 10 000 deep, and reads their tables and fractions (found by this suite: the table plugin recursed)', () => {
    const text = `${'> '.repeat(10_000)}Realisasi 94,50 %`;
    const tree = timed('parseMarkdown', () => parseMarkdown(text), 30_000);
    expect(collectTables(tree, text)).toEqual([]);
    expect(collectFractions(tree, text)).toEqual([]);
  });
  it('reads blockquotes nested 10 000 deep (collectBlocks once recursed and overflowed the stack)', () => {
    const doc = parseDraft('> '.repeat(10_000), {});
    expect(doc.diagnostics.filter((d) => d.code === 'reader-failure')).toEqual([]);
  });
});

/**
 * Regular expressions that take more than linear time on their worst input, outside the
 * modules this suite may fix. Each was checked in its context: most only ever see a short
 * string there; the ones marked REPORTED can see a long one. Keyed by file and pattern (line
 * numbers move as the files are edited).
 */
const KNOWN_SUPERLINEAR: Record<string, string> = {
  'packages/parse/src/model/blocks.ts ([A-Za-z]+)$': 'applied to the 12 characters before a full stop',
  'packages/parse/src/model/claims.ts ^\\s*,?\\s*(?:yaitu|adalah|:)\\s+([^;.]+)': 'applied to the 200 characters after a claim',
  'packages/parse/src/model/indicator-names.ts ^(.+?)\\s+mencapai\\s+target\\s*$': 'indicator names have their whitespace collapsed first',
  'packages/parse/src/model/indicator-names.ts ^(.+?)\\s+berkategori\\s*[“"\']?\\s*([^”"\']+?)\\s*[”"\']?\\s*$': 'indicator names have their whitespace collapsed first',
  'packages/parse/src/model/indicator-names.ts \\s+di\\s+wilayah(?:\\s+Provinsi)?\\b.*$': 'indicator names have their whitespace collapsed first',
  'packages/parse/src/model/prose-scope.ts ^(?:\\d{1,2}[.)]\\s*)?(?:Indikator Kinerja(?:\\s+Kegiatan|\\s+Utama)?\\s+)?(.+?)(?:,?\\s+(?:dengan\\s+)?(?:target|ditargetkan)\\b|\\.\\s|$)': 'applied to plain text, whose blank runs are collapsed',
  'packages/parse/src/model/budget.ts \\s*Rp\\.?.*$': 'quadratic on a long blank run in a budget label; not reached by the inputs tried',
  'packages/parse/src/model/formulas.ts (\\d+(?:[.,]\\d+)?)\\s*\\\\?%\\s*(?:\\\\times|×|x|\\*|\\\\cdot)\\s*([A-Z]{2,8})': 'applied to what WEIGHTED matched, a short formula',
  'packages/parse/src/model/formulas.ts ^(.+?)\\s*\\(\\s*([^()/]+?)\\s*\\/\\s*([^()/]+?)\\s*\\)\\s*$': 'quadratic on a long blank run in a table header cell; not reached by the inputs tried',
  'packages/parse/src/model/scales.ts \\s*(dikelompokkan\\s+ke\\s+dalam\\s+kategori\\s+)?sebagai\\s+berikut\\s*:?\\s*$': 'only for paragraphs shorter than 300 characters',
  'rules/src/support/describe.ts [-–−]?\\s*\\d[\\d.,]*': "applied to a figure's raw text, which the number reader keeps short",
  'rules/src/inverted-ratio.ts [-–−]?\\s*\\d[\\d.,]*': "applied to a figure's raw text",
  'rules/src/cross-ref-mismatch.ts [-–−]?\\s*\\d[\\d.,]*': "applied to a figure's raw text",
  'rules/src/support/scales.ts [\\s:;,.-]+$': 'applied to a scale name, at most 120 characters',
};

/** Modules this suite may fix: a superlinear regex here is a failure, never a known case. */
const OWN = /^packages\/parse\/src\/(?:numbers|tables|fractions|docx)\//;

describe('regular expressions on their worst inputs', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const inventory = collectRegexes(root, ['packages/parse/src', 'rules/src']);

  it('finds the regular expressions of the reader and the rules', () => {
    expect(inventory.regexes.length).toBeGreaterThan(200);
    // A `new RegExp(…)` built from something the inventory cannot evaluate would go untested.
    expect(inventory.dynamic).toEqual([]);
  });

  it('every one completes on 50 000 repetitions of its most ambiguous characters; only known ones grow faster than linearly', async () => {
    const timings = await timeRegexes(inventory.regexes, { workers: 2, stopAfterMs: 5000 });
    expect(timings).toHaveLength(inventory.regexes.length);
    const key = (t: (typeof timings)[number]) => `${t.regex.file} ${t.regex.source}`;
    const describeTiming = (t: (typeof timings)[number]) => `${t.regex.file}:${t.regex.line} /${t.regex.source}/${t.regex.flags} — ${t.input}: ${t.ms.toFixed(0)} ms`;
    const superlinear = timings.filter((t) => t.superlinear);
    expect(superlinear.filter((t) => OWN.test(t.regex.file)).map(describeTiming)).toEqual([]);
    expect(superlinear.filter((t) => !(key(t) in KNOWN_SUPERLINEAR)).map(describeTiming)).toEqual([]);
    // Linear ones finish 50 000 characters in milliseconds; a second means something else is wrong.
    expect(timings.filter((t) => !t.superlinear && t.ms > CASE_BOUND_MS).map(describeTiming)).toEqual([]);
    const fixed = Object.keys(KNOWN_SUPERLINEAR).filter((k) => !superlinear.some((t) => key(t) === k));
    if (fixed.length > 0) console.info(`Known superlinear regexes no longer found (fixed or moved; remove them from KNOWN_SUPERLINEAR):\n${fixed.join('\n')}`);
  }, 300_000);
});
