import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../src/tables/source.js';
import { splitLineEndings } from '../src/text/line-endings.js';

// The line splitters take a quick path for text without "\r"; both paths must agree with a plain split.
const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', 'é'), maxLength: 60 });

describe('SourceText lines', () => {
  it('are the text split on "\\n", a "\\r" before it left out of the line', () => {
    fc.assert(
      fc.property(text, (t) => {
        let start = 0;
        const expected = t.split('\n').map((line, index) => {
          const content = line.endsWith('\r') ? line.slice(0, -1) : line;
          const out = { index, start, end: start + content.length };
          start += line.length + 1;
          return out;
        });
        expect(new SourceText(t).lines).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitLineEndings', () => {
  it('finds every line ending, with or without "\\r", and the one most lines use', () => {
    fc.assert(
      fc.property(text, (t) => {
        const endings = t.match(/\r\n|\r|\n/g) ?? [];
        const { lf, lineEndings } = splitLineEndings(t);
        expect(lineEndings.endings).toEqual(endings);
        expect(lf).toBe(t.replace(/\r\n?/g, '\n'));
        expect(lineEndings.hasCrlf).toBe(t.includes('\r'));
        const most = (['\r\n', '\r'] as const).find((e) => endings.filter((x) => x === e).length * 2 > endings.length) ?? '\n';
        expect(lineEndings.dominant).toBe(most);
      }),
      { numRuns: 500 },
    );
  });
});
