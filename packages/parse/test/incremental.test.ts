import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkdownCache } from '../src/incremental.js';
import { parseDraft } from '../src/index.js';
import { parseMarkdown } from '../src/pipeline.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const seed = join(repo, '../shared/seed/lkip-bnnp-ntt-2024.md');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.(md|txt)$/.test(name) ? [path] : [];
  });
}

/** Edits an editor makes: a figure typed in a line, a line removed, a block opened that swallows what follows. */
function editsOf(text: string): string[] {
  const at = (needle: string | RegExp, from = Math.floor(text.length / 2)): number => {
    const rest = text.slice(from);
    const i = typeof needle === 'string' ? rest.indexOf(needle) : rest.search(needle);
    return i < 0 ? from : from + i;
  };
  const insert = (offset: number, s: string) => text.slice(0, offset) + s + text.slice(offset);
  const blank = at('\n\n');
  return [
    insert(at(/\d/), '7'),
    insert(at('\t'), '1,5'),
    // The blank line between two blocks goes: they become one.
    text.slice(0, blank) + text.slice(blank + 1),
    insert(blank + 1, '- item\n'),
    insert(blank + 2, '```\n'),
    insert(blank + 2, '$$\n'),
    insert(blank + 2, '<!--\n'),
    insert(blank + 2, '    indented\n'),
    insert(blank + 2, '==='),
    insert(0, '# Title\n\n'),
    `${text}\n\nAppended paragraph 12,5 %.\n`,
    text.slice(0, Math.floor(text.length / 3)),
    '',
  ];
}

describe('MarkdownCache', () => {
  const files = markdownFiles(join(repo, 'fixtures'));

  it('gives the tree of a whole parse for every fixture, and after a typed figure and an opened fence', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
      const cache = new MarkdownCache();
      const whole = parseMarkdown(text);
      expect(parseMarkdown(text, cache), file).toEqual(whole);
      const edits = editsOf(text);
      for (const edited of [edits[0]!, edits[4]!]) {
        expect(parseMarkdown(edited, cache), file).toEqual(parseMarkdown(edited));
        // Back to the original: the undo an editor does next.
        expect(parseMarkdown(text, cache), file).toEqual(whole);
      }
    }
  }, 300_000);

  it('gives the tree of a whole parse after each of a series of edits of the NTT fixture', () => {
    const text = readFileSync(join(repo, 'fixtures/ntt-2024/draft.md'), 'utf8');
    const cache = new MarkdownCache();
    const whole = parseMarkdown(text);
    expect(parseMarkdown(text, cache)).toEqual(whole);
    for (const edited of editsOf(text)) {
      expect(parseMarkdown(edited, cache)).toEqual(parseMarkdown(edited));
      expect(parseMarkdown(text, cache)).toEqual(whole);
    }
  }, 300_000);

  it('parses again only around a keystroke in a long draft', () => {
    if (!existsSync(seed)) console.warn('incremental.test: ../shared is absent; the NTT fixture stands in for the real draft');
    const text = readFileSync(existsSync(seed) ? seed : join(repo, 'fixtures/ntt-2024/draft.md'), 'utf8');
    const cache = new MarkdownCache();
    parseMarkdown(text, cache);
    expect(cache.lastParsedChars).toBe(text.length);
    const at = text.indexOf('\n\n', Math.floor(text.length / 2)) + 2;
    const edited = `${text.slice(0, at)}9${text.slice(at)}`;
    expect(parseMarkdown(edited, cache)).toEqual(parseMarkdown(edited));
    expect(cache.lastParsedChars).toBeGreaterThan(0);
    expect(cache.lastParsedChars).toBeLessThan(text.length / 20);
    // The same text again costs no parsing at all.
    parseMarkdown(edited, cache);
    expect(cache.lastParsedChars).toBe(0);
  });

  it('reads the document model the same with and without it', () => {
    const text = readFileSync(join(repo, 'fixtures/ntt-2024/draft.md'), 'utf8');
    const cache = new MarkdownCache();
    parseDraft(text, { path: 'draft.md', markdownCache: cache });
    const at = text.indexOf('\t', Math.floor(text.length / 2));
    const edited = `${text.slice(0, at)}3${text.slice(at)}`;
    expect(parseDraft(edited, { path: 'draft.md', markdownCache: cache })).toEqual(parseDraft(edited, { path: 'draft.md' }));
  });

  it('parses whole what chunks cannot hold: link definitions (document-wide) and CR line ends', () => {
    const cache = new MarkdownCache();
    const withDefinition = 'See [the rules][r].\n\nMore text.\n\n[r]: https://example.org\n';
    expect(parseMarkdown(withDefinition, cache)).toEqual(parseMarkdown(withDefinition));
    expect(cache.lastParsedChars).toBe(withDefinition.length);
    const cr = 'a\r\rb\r\r- c\r';
    expect(parseMarkdown(cr, cache)).toEqual(parseMarkdown(cr));
  });

  // Lines of every block kind whose extent depends on what comes before or after: fences, math,
  // HTML blocks, lists and their continuations, block quotes, setext underlines, tables, tabs.
  const LINES = [
    '',
    '',
    '   ',
    'para 1,5 %',
    '# Heading',
    '===',
    '---',
    '- item',
    '* item',
    '1. item',
    '2) item',
    '  continued',
    '    indented',
    '> quote',
    '```',
    '~~~',
    '````',
    '$$',
    '$$ x',
    '<div>',
    '</div>',
    '<!--',
    '-->',
    '<pre>',
    '</pre>',
    '| a | b |',
    '|---|---|',
    'No\tSatker\tTarget',
    '1\tBNNP\t95,00',
    'Capaian = 98 / 100 × 100% = 98%',
  ];
  const doc = fc.array(fc.constantFrom(...LINES), { minLength: 0, maxLength: 40 }).map((lines) => lines.join('\n'));
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(fc.constantFrom(...LINES, '7', ' ', '\n'), { maxLength: 3 }).map((parts) => parts.join('\n')) });

  it('matches a whole parse through any series of edits of tricky Markdown', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        const cache = new MarkdownCache();
        let text = start;
        expect(parseMarkdown(text, cache)).toEqual(parseMarkdown(text));
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          expect(parseMarkdown(text, cache)).toEqual(parseMarkdown(text));
        }
      }),
      { numRuns: 300 },
    );
  });
});
