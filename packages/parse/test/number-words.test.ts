import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findParenthesisedNumberWords, readNumberWords } from '../src/numbers/index.js';

function valueOf(text: string): number | undefined {
  return readNumberWords(text)?.value;
}

describe('readNumberWords', () => {
  it.each([
    ['nol', 0],
    ['satu', 1],
    ['dua', 2],
    ['tiga', 3],
    ['empat', 4],
    ['lima', 5],
    ['enam', 6],
    ['tujuh', 7],
    ['delapan', 8],
    ['sembilan', 9],
    ['sepuluh', 10],
    ['sebelas', 11],
    ['dua belas', 12],
    ['tiga belas', 13],
    ['empat belas', 14],
    ['lima belas', 15],
    ['enam belas', 16],
    ['tujuh belas', 17],
    ['delapan belas', 18],
    ['sembilan belas', 19],
    ['dua puluh', 20],
    ['dua puluh satu', 21],
    ['tiga puluh lima', 35],
    ['lima puluh', 50],
    ['sembilan puluh sembilan', 99],
    ['seratus', 100],
    ['seratus lima', 105],
    ['seratus sepuluh', 110],
    ['seratus sebelas', 111],
    ['seratus dua belas', 112],
    ['seratus dua puluh', 120],
    ['seratus dua puluh tiga', 123],
    ['dua ratus', 200],
    ['tiga ratus empat puluh', 340],
    ['sembilan ratus sembilan puluh sembilan', 999],
    ['seribu', 1000],
    ['seribu satu', 1001],
    ['seribu sembilan ratus sembilan puluh delapan', 1998],
    ['dua ribu', 2000],
    ['dua ribu lima ratus', 2500],
    ['dua ribu dua puluh empat', 2024],
    ['sepuluh ribu', 10000],
    ['sebelas ribu', 11000],
    ['dua belas ribu', 12000],
    ['dua puluh satu ribu dua ratus dua puluh sembilan', 21229],
    ['seratus ribu', 100000],
    ['seratus dua puluh ribu', 120000],
    ['sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan', 999999],
    ['sejuta', 1000000],
    ['satu juta dua ratus ribu', 1200000],
    ['empat belas miliar tujuh ratus sembilan puluh delapan juta', 14798000000],
    ['satu milyar', 1000000000],
  ])('reads %s as %d', (text, value) => {
    expect(readNumberWords(text)).toEqual({ value, text, start: 0, end: text.length });
  });

  it('ignores case and keeps the text as written', () => {
    expect(readNumberWords('Dua Belas')).toEqual({ value: 12, text: 'Dua Belas', start: 0, end: 9 });
    expect(valueOf('ENAM BELAS')).toBe(16);
  });

  it('reads the words some drafts glue together', () => {
    expect(readNumberWords('duabelas')).toEqual({ value: 12, text: 'duabelas', start: 0, end: 8 });
    expect(valueOf('duapuluh satu')).toBe(21);
    expect(valueOf('tigaratus')).toBe(300);
    expect(valueOf('duaribu')).toBe(2000);
  });

  it('finds the first number in a sentence with its offsets', () => {
    const text = 'dijabarkan menjadi 12 (dua belas) Sasaran Kegiatan';
    expect(readNumberWords(text)).toEqual({ value: 12, text: 'dua belas', start: text.indexOf('dua'), end: text.indexOf('dua') + 9 });
  });

  it('accepts any whitespace between the words', () => {
    expect(valueOf('dua\u00a0belas')).toBe(12);
    expect(valueOf('dua\n  puluh\tsatu')).toBe(21);
  });

  it('stops at punctuation between words', () => {
    expect(readNumberWords('dua, belas')).toMatchObject({ value: 2, text: 'dua' });
    expect(readNumberWords('lima puluh (50)')).toMatchObject({ value: 50, text: 'lima puluh' });
  });

  it('does not read words that merely start like number words', () => {
    expect(readNumberWords('duanya')).toBeUndefined();
    expect(readNumberWords('limapuluhan')).toBeUndefined();
    expect(readNumberWords('pelajar dan mahasiswa')).toBeUndefined();
    expect(readNumberWords('Tujuan')).toBeUndefined();
    expect(readNumberWords('belas puluh ratus ribu')).toBeUndefined();
  });

  it('reads "satu" in ordinary prose (callers decide whether it counts)', () => {
    expect(readNumberWords('salah satu faktor')).toMatchObject({ value: 1, text: 'satu', start: 6 });
  });

  it('returns undefined when there are no number words', () => {
    expect(readNumberWords('')).toBeUndefined();
    expect(readNumberWords('12')).toBeUndefined();
    expect(readNumberWords('Sasaran Kegiatan')).toBeUndefined();
  });

  it('stops before a hundreds word that cannot follow', () => {
    expect(readNumberWords('seratus dua ratus')).toMatchObject({ value: 100, text: 'seratus' });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const match = readNumberWords(text);
        if (match !== undefined) expect(text.slice(match.start, match.end)).toBe(match.text);
      }),
      { numRuns: 500 },
    );
  });

  it('reads every phrase built from number words without throwing and within range', () => {
    const word = fc.constantFrom('satu', 'dua', 'sembilan', 'sepuluh', 'sebelas', 'belas', 'puluh', 'ratus', 'seratus', 'ribu', 'seribu', 'juta', 'nol', 'dan');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const text = words.join(' ');
        const match = readNumberWords(text);
        if (match !== undefined) {
          expect(Number.isInteger(match.value)).toBe(true);
          expect(match.value).toBeGreaterThanOrEqual(0);
          expect(text.slice(match.start, match.end)).toBe(match.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finishes on a long text', () => {
    const text = 'dua belas '.repeat(100_000);
    expect(readNumberWords(text)).toMatchObject({ value: 12, start: 0 });
    expect(readNumberWords('kata '.repeat(200_000))).toBeUndefined();
  });
});

describe('findParenthesisedNumberWords', () => {
  it('finds the digit/word pairs of the seed summary', () => {
    const text = 'sasaran tersebut dijabarkan menjadi 12 (dua belas) Sasaran Kegiatan dan 16 (enam belas) target Indikator Kinerja Kegiatan';
    const pairs = findParenthesisedNumberWords(text);
    expect(pairs.map((p) => [p.digits.value, p.word.value, p.word.text, text.slice(p.start, p.end)])).toEqual([
      [12, 12, 'dua belas', '12 (dua belas)'],
      [16, 16, 'enam belas', '16 (enam belas)'],
    ]);
  });

  it('returns offsets of both parts', () => {
    const text = 'menetapkan 4 (empat) Program';
    const [pair] = findParenthesisedNumberWords(text);
    expect(pair).toEqual({
      digits: { value: 4, decimals: 0, raw: '4', start: 11, end: 12, percent: false, currency: false },
      word: { value: 4, text: 'empat', start: 14, end: 19 },
      start: 11,
      end: 20,
    });
  });

  it('returns pairs whose digits and words disagree', () => {
    const [pair] = findParenthesisedNumberWords('terdiri dari 12 (tiga belas) IKK');
    expect(pair?.digits.value).toBe(12);
    expect(pair?.word.value).toBe(13);
  });

  it('reads percentages written out with persen', () => {
    const text = 'lebih dari 50% (lima puluh persen) sampai dengan 60% (enam puluh persen)';
    const pairs = findParenthesisedNumberWords(text);
    expect(pairs.map((p) => [p.digits.raw, p.digits.percent, p.word.value, p.word.text])).toEqual([
      ['50%', true, 50, 'lima puluh'],
      ['60%', true, 60, 'enam puluh'],
    ]);
    expect(text.slice(pairs[0]?.start, pairs[0]?.end)).toBe('50% (lima puluh persen)');
  });

  it('reads the words after a unit written before the parenthesis', () => {
    const [pair] = findParenthesisedNumberWords('sebanyak 10 Orang (sepuluh)');
    expect(pair?.word.value).toBe(10);
  });

  it('reads the glued and larger forms', () => {
    expect(findParenthesisedNumberWords('20 (duapuluh) Klasifikasi')[0]?.word.value).toBe(20);
    expect(findParenthesisedNumberWords('1.752 (seribu tujuh ratus lima puluh dua) orang')[0]).toMatchObject({
      digits: { value: 1752 },
      word: { value: 1752 },
    });
  });

  it('ignores parentheses that hold something else', () => {
    expect(findParenthesisedNumberWords('1,7507Gram (Shabu)')).toEqual([]);
    expect(findParenthesisedNumberWords('Dektari (49,74 – 53,50)')).toEqual([]);
    expect(findParenthesisedNumberWords('12 (dua belas Sasaran)')).toEqual([]);
    expect(findParenthesisedNumberWords('12 (menurut dua belas)')).toEqual([]);
    expect(findParenthesisedNumberWords('12 (dua belas')).toEqual([]);
    expect(findParenthesisedNumberWords('12 (dua (belas))')).toEqual([]);
    expect(findParenthesisedNumberWords('12 dua belas')).toEqual([]);
    expect(findParenthesisedNumberWords('P-21 (dua puluh satu)')).toEqual([]);
    expect(findParenthesisedNumberWords('')).toEqual([]);
  });

  it('never throws and keeps its offsets consistent', () => {
    const piece = fc.constantFrom('12', '4', ' ', '(', ')', 'dua', 'belas', 'puluh', 'empat', 'persen', '%', 'Sasaran', '\n', ',');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        for (const pair of findParenthesisedNumberWords(text)) {
          expect(text.slice(pair.digits.start, pair.digits.end)).toBe(pair.digits.raw);
          expect(text.slice(pair.word.start, pair.word.end)).toBe(pair.word.text);
          expect(pair.start).toBe(pair.digits.start);
          expect(text.charAt(pair.end - 1)).toBe(')');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finishes on a long text of unclosed parentheses', () => {
    expect(findParenthesisedNumberWords('1 ('.repeat(300_000))).toEqual([]);
  });
});
