/**
 * Writing counts as Indonesian number words, the inverse of @lkip/parse's `readNumberWords`:
 * drafts pair a figure with its words ("12 (dua belas) Sasaran Kegiatan"), and a fix that
 * changes the figure must change the words with it.
 */

const ONES = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(ONES[hundreds] ?? '', 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(ONES[rest] ?? '');
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(ONES[rest - 10] ?? '', 'belas');
  else {
    words.push(ONES[Math.floor(rest / 10)] ?? '', 'puluh');
    if (rest % 10 !== 0) words.push(ONES[rest % 10] ?? '');
  }
  return words;
}

const SCALES: { value: number; word: string; one: string }[] = [
  { value: 1e9, word: 'miliar', one: 'satu miliar' },
  { value: 1e6, word: 'juta', one: 'satu juta' },
  // Indonesian says "seribu", never "satu ribu".
  { value: 1e3, word: 'ribu', one: 'seribu' },
];

/** 12 → "dua belas", 1250 → "seribu dua ratus lima puluh"; undefined for negatives, fractions and ≥ 10¹². */
export function numberWord(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) return undefined;
  if (n === 0) return 'nol';
  const words: string[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (count === 0) continue;
    if (count === 1) words.push(scale.one);
    else words.push(...belowThousand(count), scale.word);
  }
  if (rest > 0) words.push(...belowThousand(rest));
  return words.join(' ');
}

/** Writes `words` in the letter case of `like` ("Empat", "EMPAT", "empat"). */
export function inCaseOf(words: string, like: string): string {
  const letters = like.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return words.toUpperCase();
  const first = like.trimStart().charAt(0);
  if (first !== '' && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return words;
}
