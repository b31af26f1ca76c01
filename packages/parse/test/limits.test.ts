import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { zipSync } from 'fflate';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { checkLimits, parseDraft, parseMarkdown, restoreLineEndings, splitLineEndings } from '../src/index.js';
import { parseInPieces, PIECE_CHARS } from '../src/chunked-parse.js';
import { DocxError } from '../src/docx/errors.js';
import { preparePackage } from '../src/docx/package-parts.js';
import { boundInlineMarkers, MAX_INLINE_MARKERS } from '../src/inline-markers.js';
import { logicalParagraphs, plainText, type Block } from '../src/model/blocks.js';
import { remarkGfmTables } from '../src/tables/gfm-tables.js';
import { draftAt } from './fuzz/drafts.mjs';

/**
 * The reader's bounds (issue "Nothing lost, nothing hangs"): each hostile input is refused
 * before any work, or read in work that grows linearly, measured here in sizes and counts
 * (never in milliseconds).
 */

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');

describe('limits checked before any work', () => {
  it('refuses a line of 30 000 `>` (nested 30 000 deep) without parsing it', () => {
    const doc = parseDraft('>'.repeat(30_000), {});
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(doc.diagnostics[0]?.message).toBe("line 1: a line nested 30000 deep in blockquotes and lists; the reader's limit is 100 (limits.nesting)");
    // Nothing was read: no section, block or table came out of it.
    expect(doc.sections).toEqual([]);
    expect(doc.tables).toEqual([]);
  });

  it('refuses lists nested on one line, and nesting built over lines, past the limit; raising it lets them through', () => {
    expect(checkLimits(`${'- '.repeat(300)}x`)).toMatchObject({ limit: 'nesting', found: 300, line: 1 });
    expect(checkLimits(`${'1. '.repeat(150)}x`)).toMatchObject({ limit: 'nesting', found: 150 });
    const stairs = Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(checkLimits(stairs)).toMatchObject({ limit: 'nesting', found: 101, line: 101 });
    expect(checkLimits(stairs, { nesting: 200 })).toBeUndefined();
    // A thematic break is no nesting, and real drafts stay far below the limit.
    expect(checkLimits('- - - - - - - - - - - - - - - - - - - - - -')).toBeUndefined();
    expect(checkLimits(fixture('ntt-2024/draft.md'))).toBeUndefined();
  });

  it('refuses a tab table of 20 000 columns and one of 17 000 rows × 12 columns, naming the limit', () => {
    const wide = Array.from({ length: 5 }, () => Array.from({ length: 20_000 }, (_, j) => String(j % 10)).join('\t')).join('\n');
    expect(checkLimits(wide)).toEqual({ limit: 'columns', max: 200, found: 20_000, line: 1 });
    const long = `Judul\n\n${Array.from({ length: 17_000 }, (_, i) => `${i}\tIndikator\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10`).join('\n')}`;
    expect(checkLimits(long)).toMatchObject({ limit: 'cells', max: 100_000, line: 3 });
    const doc = parseDraft(long, {});
    expect(doc.diagnostics.map((d) => [d.code, d.position?.line])).toEqual([['limit-exceeded', 3]]);
    expect(checkLimits(long, { cells: 300_000 })).toBeUndefined();
  });

  it('counts the cells of pipe tables (only with a delimiter row) and of HTML tables', () => {
    const pipe = `| ${Array.from({ length: 250 }, (_, i) => `k${i}`).join(' | ')} |\n|${'---|'.repeat(250)}\n`;
    expect(checkLimits(pipe)).toMatchObject({ limit: 'columns', found: 250 });
    expect(checkLimits('a | b | c '.repeat(100))).toBeUndefined();
    const html = `<table>\n${`<tr>${'<td>1</td>'.repeat(10)}</tr>\n`.repeat(20_000)}</table>`;
    expect(checkLimits(html)).toMatchObject({ limit: 'cells', line: 1 });
  });
});

describe('inline markers', () => {
  it('reads `*_` × 20 000 with at most MAX_INLINE_MARKERS markers per paragraph left for the parser, text kept exactly', () => {
    const text = `Capaian ${'*_'.repeat(20_000)} 94,50 %`;
    const bounded = boundInlineMarkers(text);
    expect(bounded).toBeDefined();
    // The parser sees the same length (offsets kept) and no marker it would try to pair.
    expect(bounded?.length).toBe(text.length);
    expect((bounded?.match(/[*_`[\]]/g) ?? []).length).toBeLessThanOrEqual(MAX_INLINE_MARKERS);
    const tree = parseMarkdown(text);
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph']);
    expect(toString(tree)).toBe(text);
  });

  it('leaves paragraphs under the limit, list markers and thematic breaks as they are', () => {
    const normal = '**Tabel 3.1** capaian *IKU* [1]';
    expect(boundInlineMarkers(normal)).toBeUndefined();
    const over = `* ${'a* '.repeat(1200)}\n\n***\n\n* ${'b_ '.repeat(1200)}`;
    const bounded = boundInlineMarkers(over) as string;
    expect(bounded.startsWith('* ')).toBe(true);
    expect(bounded).toContain('\n\n***\n\n* ');
    expect(parseMarkdown(over).children.map((n) => n.type)).toEqual(['list', 'thematicBreak', 'list']);
  });

  it('leaves many paragraphs alone when each is under the limit, though the text is far over it', () => {
    const paragraph = `**Tabel** ${'*a* '.repeat(MAX_INLINE_MARKERS / 4)}`;
    const text = Array.from({ length: 8 }, () => paragraph).join('\n\n');
    expect((text.match(/[*_`[\]]/g) ?? []).length).toBeGreaterThan(4 * MAX_INLINE_MARKERS);
    expect(boundInlineMarkers(text)).toBeUndefined();
    expect(boundInlineMarkers(`${text}${'_'.repeat(MAX_INLINE_MARKERS)}`)).toBeDefined();
  });
});

const processor = unified().use(remarkParse).use(remarkGfmTables).use(remarkMath).freeze();
const parseWhole = (text: string) => processor.parse(text);
const plain = (tree: Root) => JSON.parse(JSON.stringify(tree)) as unknown;

describe('the parse in pieces', () => {
  it('gives the same tree as one parse, for the fixtures and 150 generated drafts, cut as small as can be', () => {
    const texts = [fixture('ntt-2024/draft.md'), fixture('consistent-2024/draft.md'), ...Array.from({ length: 150 }, (_, n) => draftAt(15, n))];
    for (const text of texts) {
      const lf = text.replace(/\r\n?/g, '\n');
      for (const size of [8, 64, 1024]) expect(isDeepStrictEqual(plain(parseInPieces(lf, parseWhole, size)), plain(parseWhole(lf))), `size ${size}`).toBe(true);
    }
  });

  it('hands the parser pieces of bounded size and reads every character about once, on 5 000 one-word paragraphs', () => {
    const text = 'x\n\n'.repeat(5_000);
    const parsed: number[] = [];
    const piece = 1024;
    const tree = parseInPieces(
      text,
      (t) => {
        parsed.push(t.length);
        return parseWhole(t);
      },
      piece,
    );
    expect(tree.children).toHaveLength(5_000);
    expect(PIECE_CHARS).toBeGreaterThan(piece);
    expect(Math.max(...parsed)).toBeLessThanOrEqual(3 * piece);
    expect(parsed.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.1 * text.length);
  });

  it('reads a long list, which no blank line ends, in work at most about three times its length', () => {
    const text = '- x\n\n'.repeat(2_000);
    let total = 0;
    parseInPieces(
      text,
      (t) => {
        total += t.length;
        return parseWhole(t);
      },
      512,
    );
    expect(total).toBeLessThanOrEqual(3.2 * text.length);
  });
});

describe('logical paragraphs', () => {
  /** The joining rule as it was written before it was made linear. */
  function reference(blocks: readonly Block[], text: string): Block[] {
    const out: Block[] = [];
    for (const block of blocks) {
      const previous = out[out.length - 1];
      const joins =
        previous !== undefined &&
        previous.kind === 'paragraph' &&
        block.kind === 'paragraph' &&
        !/[.:;!?)"”]\s*$/.test(previous.plain) &&
        !(block.inList && block.listNumber !== undefined && block.listNumber !== previous.listNumber) &&
        !/^\d{1,2}[.)]\s/.test(block.plain) &&
        (/^[a-z0-9(]/.test(block.plain) || previous.plain.length > 150) &&
        block.start - previous.end < 400;
      if (joins && previous) {
        const raw = text.slice(previous.start, block.end);
        out[out.length - 1] = { ...previous, end: block.end, raw, plain: plainText(raw) };
      } else out.push(block);
    }
    return out;
  }
  const blocksOf = (text: string): Block[] => {
    const out: Block[] = [];
    for (const m of text.matchAll(/[^\n]+/g)) out.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length, raw: m[0], plain: plainText(m[0]), inList: false });
    return out;
  };

  it('joins exactly as before', () => {
    const samples = [fixture('ntt-2024/draft.md'), 'a **b**\nc <b>d</b> \\_e\n  f.\nG\n(h) ', '*\n_\n x  \n\n<i>\nend', ...Array.from({ length: 100 }, (_, n) => draftAt(16, n))];
    for (const text of samples) {
      const blocks = blocksOf(text);
      expect(logicalParagraphs(blocks, text)).toEqual(reference(blocks, text));
    }
  });
});

describe('old Mac line ends (CR only)', () => {
  it('reads every indicator of a CR-only draft, and writes its lines back with CR', () => {
    const lf = fixture('ntt-2024/draft.md').replace(/\r\n?/g, '\n');
    const cr = lf.replace(/\n/g, '\r');
    const split = splitLineEndings(cr);
    expect(split.lf).toBe(lf);
    expect(split.lineEndings.dominant).toBe('\r');
    expect(parseDraft(split.lf, {}).indicators.length).toBe(parseDraft(lf, {}).indicators.length);
    expect(restoreLineEndings(split.lf.replace('BAB', 'Bab'), split.lineEndings).text).toBe(cr.replace('BAB', 'Bab'));
    // Mixed endings stay per line.
    const mixed = splitLineEndings('a\rb\r\nc\nd');
    expect(mixed.lf).toBe('a\nb\nc\nd');
    expect(restoreLineEndings(mixed.lf, mixed.lineEndings).text).toBe('a\rb\r\nc\nd');
  });
});

describe('Word zip bombs', () => {
  const docx = (documentXml: Uint8Array) =>
    zipSync(
      {
        '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
        '_rels/.rels': new TextEncoder().encode(
          '<?xml version="1.0"?><Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
        'word/document.xml': documentXml,
      },
      { level: 9 },
    );
  const bombXml = (mb: number) => {
    const head = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
    const body = '<w:p><w:r><w:t>Target 100</w:t></w:r></w:p>'.repeat(Math.ceil((mb * 1024 * 1024) / 44));
    return new TextEncoder().encode(`${head}${body}</w:body></w:document>`);
  };

  it('refuses a package whose XML unpacks past the limit, from the sizes the zip gives, before unpacking it for conversion', async () => {
    const bomb = docx(bombXml(8));
    expect(bomb.length).toBeLessThan(200_000);
    await expect(preparePackage(bomb, 4 * 1024 * 1024)).rejects.toThrow(/unpacks to over \d+\.\d MB of XML; lkip reads up to 4\.0 MB/);
  });

  it('refuses tables nested past the limit (the converter walks them recursively and overflowed the stack)', async () => {
    const nested = new TextEncoder().encode(
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(2400)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(2400)}</w:body></w:document>`,
    );
    await expect(preparePackage(docx(nested))).rejects.toThrow('tables nested 2400 deep; lkip reads tables nested up to 32 deep');
  });

  it('refuses a part that unpacks to more than its header says (the count runs while unpacking)', async () => {
    const bomb = docx(bombXml(8));
    // Make the directory and the local header claim 1 000 bytes for word/document.xml.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    for (let at = 0; at + 46 < bomb.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (!isDeepStrictEqual(bomb.subarray(at + 46, at + 46 + length), name)) continue;
      view.setUint32(at + 24, 1000, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, 1000, true);
    }
    const error = await preparePackage(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocxError);
    expect((error as Error).message).toBe('damaged Word document (part word/document.xml unpacks to more than its header says)');
  });
});
