import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openingWordStarts, type OfficeVocabulary } from '../src/model/units.js';

// What openingWordStarts replaces: every word of the text, each looked up in the vocabulary.
function walk(text: string, vocab: OfficeVocabulary): number[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => vocab.byFirstWord.has(m[0].toLowerCase())).map((m) => m.index ?? 0);
}

const vocab = { byFirstWord: new Map(['kantor', 'kcp', 'kota', 'kab', 'prov', 'ko'].map((w) => [w, []])) } as unknown as OfficeVocabulary;

describe('openingWordStarts', () => {
  it('finds whole words only, in any case, after and before any letter or digit', () => {
    const text = 'Kantor kantorKota KOTA, 2Kota kota2 ko-Kab é-kab éKab 𝐀kota kota𝐀 (Prov.) kcp/Kota';
    expect(openingWordStarts(text, vocab)).toEqual(walk(text, vocab));
    expect(openingWordStarts(text, vocab).map((at) => text.slice(at, at + 4))).toEqual(['Kant', 'KOTA', 'ko-K', 'Kab ', 'kab ', 'Prov', 'kcp/', 'Kota']);
  });

  it('falls back to the walk when lower-casing changes the length of the text', () => {
    const text = 'İstanbul Kota Kab';
    expect(openingWordStarts(text, vocab)).toEqual(walk(text, vocab));
  });

  it('gives the same places as the walk over every word', () => {
    const piece = fc.constantFrom('Kantor', 'kota', 'KOTA', 'Kab', 'ko', 'kcp', 'Prov', 'é', '𝐀', '2', ' ', '.', '/', '-', '\n', 'a', 'İ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(openingWordStarts(text, vocab)).toEqual(walk(text, vocab));
      }),
      { numRuns: 500 },
    );
  });
});
