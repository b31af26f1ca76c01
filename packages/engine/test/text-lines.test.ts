import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineStarts } from '../src/text-lines.js';

describe('lineStarts', () => {
  it('starts a line after every "\\r\\n", "\\r" and "\\n", with or without "\\r" in the text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', 'é'), maxLength: 60 });
    fc.assert(
      fc.property(text, (t) => {
        const expected = [0, ...[...t.matchAll(/\r\n|\r|\n/g)].map((m) => (m.index ?? 0) + m[0].length)];
        expect(lineStarts(t)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
