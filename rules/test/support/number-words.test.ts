import { readNumberWords } from '@lkip/parse';
import { describe, expect, it } from 'vitest';
import { inCaseOf, numberWord } from '../../src/support/number-words.js';

describe('numberWord', () => {
  it('writes the counts drafts state', () => {
    expect(numberWord(4)).toBe('empat');
    expect(numberWord(11)).toBe('sebelas');
    expect(numberWord(12)).toBe('dua belas');
    expect(numberWord(16)).toBe('enam belas');
    expect(numberWord(20)).toBe('dua puluh');
    expect(numberWord(119)).toBe('seratus sembilan belas');
    expect(numberWord(1250)).toBe('seribu dua ratus lima puluh');
    expect(numberWord(2_000_001)).toBe('dua juta satu');
  });

  it('reads back as the same number through the reader', () => {
    for (let n = 0; n <= 2100; n++) expect(readNumberWords(numberWord(n) ?? '')?.value, String(n)).toBe(n);
    for (const n of [10_000, 99_999, 1_000_000, 123_456_789, 5_000_000_000]) expect(readNumberWords(numberWord(n) ?? '')?.value, String(n)).toBe(n);
  });

  it('writes nothing for what has no number word', () => {
    expect(numberWord(-1)).toBeUndefined();
    expect(numberWord(2.5)).toBeUndefined();
  });
});

describe('inCaseOf', () => {
  it('follows the letter case of the word it replaces', () => {
    expect(inCaseOf('dua belas', 'empat')).toBe('dua belas');
    expect(inCaseOf('dua belas', 'Empat')).toBe('Dua belas');
    expect(inCaseOf('dua belas', 'EMPAT')).toBe('DUA BELAS');
  });
});
