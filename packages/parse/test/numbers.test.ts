import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findNumbers,
  findRanges,
  formatIndonesianNumber,
  numberStyleOf,
  readIndonesianNumber,
  type NumberContext,
  type ReadNumber,
} from '../src/numbers/index.js';

/** Reads a cell and fails the test when it is not a figure. */
function cell(text: string, context?: NumberContext): ReadNumber {
  const read = readIndonesianNumber(text, context);
  if (read === undefined) throw new Error(`expected a figure in ${JSON.stringify(text)}`);
  return read;
}

/** The single figure of a sentence. */
function only(text: string, context?: NumberContext): ReadNumber {
  const found = findNumbers(text, context);
  expect(found, JSON.stringify(text)).toHaveLength(1);
  const [first] = found;
  if (first === undefined) throw new Error('unreachable');
  return first;
}

function values(text: string, context?: NumberContext): number[] {
  return findNumbers(text, context).map((n) => n.value);
}

/** Every figure's raw is the text at its offsets, figures come in order and do not overlap. */
function expectConsistentOffsets(text: string, found: ReadNumber[]): void {
  let previousEnd = 0;
  const broken = found.filter((n) => {
    const ok = text.slice(n.start, n.end) === n.raw && n.start >= previousEnd && n.end > n.start && Number.isFinite(n.value);
    previousEnd = n.end;
    return !ok;
  });
  expect(broken).toEqual([]);
}

describe('thousands written with dots', () => {
  it('reads a count of pupils as thousands', () => {
    const text = 'edukasi P4GN kepada 17.154 pelajar dan mahasiswa';
    const n = only(text);
    expect(n).toEqual({ value: 17154, decimals: 0, raw: '17.154', start: text.indexOf('17.154'), end: text.indexOf('17.154') + 6, percent: false, currency: false });
  });

  it('reads people with the unit word Orang as thousands', () => {
    const n = only('penyalagunaan narkotika sebanyak 1.752 orang, capaian');
    expect(n.value).toBe(1752);
    expect(n.decimals).toBe(0);
    expect(n.unit).toBe('orang');
    expect(n.ambiguous).toBeUndefined();
  });

  it('reads "sebanyak" as announcing a count', () => {
    const n = only('yang telah dilakukan penyuluhan sebanyak 21.229');
    expect(n.value).toBe(21229);
    expect(n.ambiguous).toBeUndefined();
  });

  it('reads "17.154 pelajar" as a cell too', () => {
    expect(cell('17.154 pelajar').value).toBe(17154);
  });

  it('reads money glued to Rp.', () => {
    expect(cell('Rp.6.483.762.000')).toEqual({ value: 6483762000, decimals: 0, raw: 'Rp.6.483.762.000', start: 0, end: 16, percent: false, currency: true });
  });

  it('reads the Indonesian money dash ",-" as part of the figure', () => {
    expect(cell('Rp. 14.798.345.000,-')).toEqual({ value: 14798345000, decimals: 0, raw: 'Rp. 14.798.345.000,-', start: 0, end: 20, percent: false, currency: true });
  });

  it('reads money without the Rp prefix', () => {
    expect(cell('12.181.987.000')).toMatchObject({ value: 12181987000, decimals: 0, currency: false });
    expect(cell('14.798.345.000,-')).toMatchObject({ value: 14798345000, raw: '14.798.345.000,-', currency: false });
  });

  it('reads Rp with a space, without a dot, and across a tab (Rp. in its own cell)', () => {
    expect(cell('Rp 250.000.000')).toMatchObject({ value: 250000000, currency: true, raw: 'Rp 250.000.000' });
    expect(cell('Rp75.000.000')).toMatchObject({ value: 75000000, currency: true });
    expect(cell('Rp.\t75.000.000')).toMatchObject({ value: 75000000, currency: true, raw: 'Rp.\t75.000.000' });
    expect(cell('RP. 5.000')).toMatchObject({ value: 5000, currency: true });
  });

  it('never leaves money ambiguous', () => {
    expect(cell('Rp 17.154')).toMatchObject({ value: 17154, decimals: 0 });
    expect(cell('Rp 17.154').ambiguous).toBeUndefined();
    expect(cell('Rp 1,500')).toMatchObject({ value: 1500, decimals: 0 });
    expect(cell('Rp 1,500').ambiguous).toBeUndefined();
  });

  it('reads money in prose with the percentage after it', () => {
    const text = 'Tahun 2024 mencapai Rp.11.351.051.150,- atau 76.70 % dari Pagu';
    const found = findNumbers(text);
    expect(found.map((n) => n.raw)).toEqual(['2024', 'Rp.11.351.051.150,-', '76.70 %']);
    expect(found[1]).toMatchObject({ value: 11351051150, currency: true, decimals: 0 });
    expect(found[2]).toMatchObject({ value: 76.7, decimals: 2, percent: true, unit: '%' });
    expectConsistentOffsets(text, found);
  });

  it('keeps decimals written after the grouped thousands', () => {
    expect(cell('Rp 5.000,50')).toMatchObject({ value: 5000.5, decimals: 2 });
    expect(cell('1.234,56')).toMatchObject({ value: 1234.56, decimals: 2 });
  });
});

describe('decimal comma', () => {
  it.each([
    ['3,77', 3.77, 2],
    ['55,16', 55.16, 2],
    ['106,2', 106.2, 1],
    ['100,00', 100, 2],
    ['0,5', 0.5, 1],
    ['45,97', 45.97, 2],
  ])('reads %s', (text, value, decimals) => {
    expect(cell(text)).toMatchObject({ value, decimals, raw: text, percent: false, currency: false });
  });

  it('reads a percentage with a decimal comma', () => {
    expect(cell('89,6%')).toEqual({ value: 89.6, decimals: 1, raw: '89,6%', start: 0, end: 5, percent: true, currency: false, unit: '%' });
  });

  it('reads grams with four decimals', () => {
    expect(cell('2,1520 Gram')).toEqual({ value: 2.152, decimals: 4, raw: '2,1520', start: 0, end: 6, percent: false, currency: false, unit: 'Gram' });
  });

  it('reads a unit glued to the digits', () => {
    const n = only('1\t1,7507Gram (Shabu)\tFebruari 2024'.split('\t')[1] ?? '');
    expect(n).toMatchObject({ value: 1.7507, decimals: 4, raw: '1,7507', start: 0, end: 6, unit: 'Gram' });
  });

  it('reads an index with a decimal comma', () => {
    expect(cell('97,36 Indeks')).toMatchObject({ value: 97.36, decimals: 2, unit: 'Indeks', raw: '97,36' });
  });

  it('does not take a comma followed by a space as a decimal comma', () => {
    expect(values('pasal 1, 2, dan 3')).toEqual([1, 2, 3]);
  });

  it('reads a leading zero before three decimals as a decimal, never as thousands', () => {
    const n = cell('0,500');
    expect(n).toMatchObject({ value: 0.5, decimals: 3 });
    expect(n.ambiguous).toBeUndefined();
  });
});

describe('decimal point', () => {
  it.each([
    ['94.50 indeks', 94.5, 2, '94.50', 'indeks', false],
    ['114.9 %', 114.9, 1, '114.9 %', '%', true],
    ['3.8 Indeks', 3.8, 1, '3.8', 'Indeks', false],
    ['128.2%', 128.2, 1, '128.2%', '%', true],
    ['66.70 %', 66.7, 2, '66.70 %', '%', true],
    ['87.18 %', 87.18, 2, '87.18 %', '%', true],
    ['3.77 Indeks', 3.77, 2, '3.77', 'Indeks', false],
  ])('reads %s', (text, value, decimals, raw, unit, percent) => {
    expect(cell(text)).toMatchObject({ value, decimals, raw, unit, percent, start: 0, end: raw.length });
  });

  it('reads a decimal point after comma thousands', () => {
    expect(cell('1,004,422.80')).toMatchObject({ value: 1004422.8, decimals: 2 });
  });

  it('reads figures whose integer part cannot be a thousands group as decimals', () => {
    for (const text of ['0.125', '1234.567', '00.125']) {
      const n = cell(text);
      expect(n.decimals, text).toBe(3);
      expect(n.ambiguous, text).toBeUndefined();
    }
    expect(cell('0.125').value).toBe(0.125);
    expect(cell('1234.567').value).toBe(1234.567);
  });

  it('leaves a sentence-ending dot out of the figure', () => {
    const text = 'target kinerja 89 indeks . Untuk mendukung, realisasi 94.50.';
    const found = findNumbers(text);
    expect(found.map((n) => n.raw)).toEqual(['89', '94.50']);
    expect(found[1]?.value).toBe(94.5);
  });
});

describe('comma thousands', () => {
  it('reads several comma groups as thousands unambiguously', () => {
    const n = cell('1,004,422,800');
    expect(n).toMatchObject({ value: 1004422800, decimals: 0, raw: '1,004,422,800' });
    expect(n.ambiguous).toBeUndefined();
  });

  it('reads comma thousands even in an index context', () => {
    expect(cell('1,750,000', { kind: 'index' })).toMatchObject({ value: 1750000, decimals: 0 });
  });

  it('rejects separators that follow no convention', () => {
    for (const text of ['3.1.2', '16.01.2025', '1,2,3', '1.2,3', '1,234.567.890', '12.34.567']) {
      expect(readIndonesianNumber(text), text).toBeUndefined();
      expect(findNumbers(text), text).toEqual([]);
    }
  });
});

describe('signs', () => {
  it('reads a glued minus in a cell', () => {
    expect(cell('-126')).toEqual({ value: -126, decimals: 0, raw: '-126', start: 0, end: 4, percent: false, currency: false });
  });

  it('reads a spaced minus', () => {
    expect(cell('- 28,39%')).toEqual({ value: -28.39, decimals: 2, raw: '- 28,39%', start: 0, end: 8, percent: true, currency: false, unit: '%' });
  });

  it('reads an en dash as minus', () => {
    expect(cell('– 32.63')).toMatchObject({ value: -32.63, decimals: 2, raw: '– 32.63' });
    expect(cell('–32.63')).toMatchObject({ value: -32.63 });
  });

  it('reads U+2212 as minus', () => {
    expect(cell('−5,2')).toMatchObject({ value: -5.2, raw: '−5,2' });
    expect(cell('− 5,2 %')).toMatchObject({ value: -5.2, raw: '− 5,2 %', percent: true });
  });

  it('reads a plus sign', () => {
    expect(cell('+5,2%')).toMatchObject({ value: 5.2, raw: '+5,2%' });
  });

  it('reads a spaced minus after a word in prose', () => {
    const text = 'pada tahun 2022 menurun sebesar - 27.56 persen. Hal ini';
    const found = findNumbers(text);
    expect(found.map((n) => n.value)).toEqual([2022, -27.56]);
    expect(found[1]).toMatchObject({ raw: '- 27.56', percent: true, unit: 'persen' });
    expect(only('mengalami penurunan sebesar – 2.12 persen bila')).toMatchObject({ value: -2.12, raw: '– 2.12' });
  });

  it('reads negative money', () => {
    expect(cell('-Rp 5.000')).toMatchObject({ value: -5000, currency: true, raw: '-Rp 5.000' });
    expect(cell('Rp -5.000')).toMatchObject({ value: -5000, currency: true, raw: 'Rp -5.000' });
  });

  it('never returns a negative zero', () => {
    expect(Object.is(cell('-0').value, 0)).toBe(true);
    expect(Object.is(cell('- 0,00').value, 0)).toBe(true);
  });

  it('takes a dash between two figures as a separator, not a sign', () => {
    const text = 'Kategori tinggi (49,74 – 53,50)';
    const found = findNumbers(text);
    expect(found).toEqual([
      { value: 49.74, decimals: 2, raw: '49,74', start: 17, end: 22, percent: false, currency: false },
      { value: 53.5, decimals: 2, raw: '53,50', start: 25, end: 30, percent: false, currency: false },
    ]);
  });

  it.each([
    ['periode 2020 – 2024.', [2020, 2024]],
    ['usia 12 – 21 Tahun', [12, 21]],
    ['periode 2020-2024 sebagai berikut', [2020, 2024]],
    ['periode 2020–2024', [2020, 2024]],
    ['dari 10% - 20%', [10, 20]],
    ['3 Kab/Kota – 5 Kab/Kota', [3, 5]],
    ['100 − 28,39 = 71,61', [100, 28.39, 71.61]],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('takes a dash after a tab as the sign of the next cell', () => {
    expect(values('1\tBNNP NTT\t10\t17\t27\t153\t-126\t23\t50')).toEqual([1, 10, 17, 27, 153, -126, 23, 50]);
  });

  it('takes a lone dash cell as empty, not as the sign of the next cell', () => {
    expect(values('4\tBNNK ROTE NDAO\t-\t8\t8\t74\t-66')).toEqual([4, 8, 8, 74, -66]);
  });

  it('takes a markdown bullet before a list marker as a bullet', () => {
    const text = '- 1) Kategori sangat tinggi ($\\geq 53,71$)';
    const found = findNumbers(text);
    expect(found.map((n) => [n.raw, n.value])).toEqual([
      ['1', 1],
      ['53,71', 53.71],
    ]);
    expect(found[0]?.start).toBe(2);
  });

  it('takes "- 28,39%" alone on its line as a negative figure', () => {
    expect(findNumbers('- 28,39%').map((n) => n.value)).toEqual([-28.39]);
    expect(findNumbers('Perubahan:\n  - 28,39%\n').map((n) => n.value)).toEqual([-28.39]);
  });

  it('keeps the sign of a figure in a table cell after a pipe', () => {
    expect(values('| Selisih | - 28,39% |')).toEqual([-28.39]);
  });

  it('does not read a dash between words as a sign', () => {
    expect(values('sosialisasi P4GN di sekolah – sekolah, masing – masing 10 Orang')).toEqual([10]);
  });
});

describe('ranges', () => {
  it.each([
    ['49,74 – 53,50', [49.74, 53.5]],
    ['25,00 – 43,75', [25, 43.75]],
    ['1,00 – 1,75', [1, 1.75]],
    ['12 – 21', [12, 21]],
    ['2020-2024', [2020, 2024]],
    ['2020 – 2024', [2020, 2024]],
    ['88,31 – 100,00', [88.31, 100]],
    ['12 s.d. 21 tahun', [12, 21]],
    ['range 1 s.d 100', [1, 100]],
    ['2020 s/d 2024', [2020, 2024]],
    ['tahun 2022 s.d.2024', [2022, 2024]],
    ['dari 10 sampai dengan 20', [10, 20]],
  ])('reads %s', (text, [min, max]) => {
    const ranges = findRanges(text);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]?.min.value).toBe(min);
    expect(ranges[0]?.max.value).toBe(max);
    expect(ranges[0]?.min.value).toBeGreaterThanOrEqual(0);
    expect(ranges[0]?.max.value).toBeGreaterThanOrEqual(0);
  });

  it('returns the pair found in a band description with offsets', () => {
    const text = 'Kategori tinggi (49,74 – 53,50)';
    const [range] = findRanges(text);
    expect(range?.min).toMatchObject({ raw: '49,74', start: 17, end: 22 });
    expect(range?.max).toMatchObject({ raw: '53,50', start: 25, end: 30 });
  });

  it('reads two ranges of one table row separated by a tab', () => {
    const ranges = findRanges('1,00 – 1,75\t25,00 – 43,75\tD\tTidak Mandiri');
    expect(ranges.map((r) => [r.min.value, r.max.value])).toEqual([
      [1, 1.75],
      [25, 43.75],
    ]);
  });

  it('keeps the written order of a band written high to low', () => {
    const [range] = findRanges('(53,50 – 49,74)');
    expect([range?.min.value, range?.max.value]).toEqual([53.5, 49.74]);
  });

  it('keeps units and percent signs on both ends', () => {
    const [range] = findRanges('3 Kab/Kota – 5 Kab/Kota');
    expect(range?.min.unit).toBe('Kab/Kota');
    expect(range?.max.unit).toBe('Kab/Kota');
    const [percent] = findRanges('60% - 80%');
    expect([percent?.min.percent, percent?.max.percent]).toEqual([true, true]);
  });

  it('finds no range where there is none', () => {
    expect(findRanges('68 %\t87.18 %\t128.2')).toEqual([]);
    expect(findRanges('100 − 28 = 72')).toEqual([]);
    expect(findRanges('sekolah – sekolah')).toEqual([]);
    expect(findRanges('12 orang dan 21 orang')).toEqual([]);
    expect(findRanges('')).toEqual([]);
  });
});

describe('bounds', () => {
  it.each([
    ['≥ 53,71', 'ge', 53.71, 2],
    ['≥53,71', 'ge', 53.71, 1],
    ['$\\geq 53,71$', 'ge', 53.71, 6],
    ['≤45,97', 'le', 45.97, 1],
    ['$\\leq 45,97$', 'le', 45.97, 6],
    ['$\\ge 3$', 'ge', 3, 5],
    ['$\\le 3$', 'le', 3, 5],
    ['> 90%', 'gt', 90, 2],
    ['< 50', 'lt', 50, 2],
    ['>= 10', 'ge', 10, 3],
    ['<= 10', 'le', 10, 3],
    ['$\\geqslant 1$', 'ge', 1, 11],
  ] as const)('reads %s', (text, bound, value, start) => {
    const n = cell(text);
    expect(n).toMatchObject({ bound, value, start });
    expect(n.raw).not.toMatch(/[≥≤<>\\]/);
  });

  it('reads bounds inside a sentence', () => {
    const found = findNumbers('- 1) Kategori sangat tinggi ($\\geq 53,71$)\n- 4) Kategori sangat rendah ($\\leq 45,97$)');
    expect(found.map((n) => [n.value, n.bound])).toEqual([
      [1, undefined],
      [53.71, 'ge'],
      [4, undefined],
      [45.97, 'le'],
    ]);
  });

  it('does not take an HTML tag or an arrow for a bound', () => {
    expect(only('<br>5 orang').bound).toBeUndefined();
    expect(only('hasil -> 5').bound).toBeUndefined();
    expect(only('hasil => 5').bound).toBeUndefined();
    expect(only('target 5').bound).toBeUndefined();
  });
});

describe('percent', () => {
  it.each([
    ['66,7 %', 66.7, '66,7 %'],
    ['100%', 100, '100%'],
    ['133 %', 133, '133 %'],
    ['90.9%', 90.9, '90.9%'],
    ['100\\%', 100, '100\\%'],
    ['100 \\%', 100, '100 \\%'],
  ])('reads %s', (text, value, raw) => {
    expect(cell(text)).toMatchObject({ value, raw, percent: true, unit: '%' });
  });

  it('reads the word persen', () => {
    expect(cell('100 persen')).toEqual({ value: 100, decimals: 0, raw: '100', start: 0, end: 3, percent: true, currency: false, unit: 'persen' });
    expect(cell('94.6 Persen')).toMatchObject({ value: 94.6, percent: true, unit: 'Persen' });
    expect(only('atau 133.33 persen, pada tahun')).toMatchObject({ value: 133.33, percent: true });
  });

  it('does not take words starting with persen for the unit', () => {
    const n = only('sebesar 12 persentase');
    expect(n.percent).toBe(false);
    expect(n.unit).toBeUndefined();
  });

  it('reads several percentages in a summary sentence', () => {
    const text = 'realisasi 2 Kab/Kota atau sebesar 66,7 %, dibawah target';
    const found = findNumbers(text);
    expect(found.map((n) => [n.raw, n.value, n.unit, n.percent])).toEqual([
      ['2', 2, 'Kab/Kota', false],
      ['66,7 %', 66.7, '%', true],
    ]);
    expectConsistentOffsets(text, found);
  });
});

describe('three decimals: index values against thousands', () => {
  it('leaves a dot and three digits ambiguous without context, choosing thousands', () => {
    const n = cell('85.625');
    expect(n.value).toBe(85625);
    expect(n.decimals).toBe(0);
    expect(n.ambiguous?.readings).toEqual([
      { value: 85625, decimals: 0 },
      { value: 85.625, decimals: 3 },
    ]);
    expect(n.ambiguous?.reason).toMatch(/dot/);
  });

  it.each(['85.625', '88.929', '81.339', '17.154', '1.250'])('flags %s as ambiguous without context', (text) => {
    const n = cell(text);
    expect(n.ambiguous).toBeDefined();
    expect(n.ambiguous?.readings.map((r) => r.value)).toEqual([Number(text.replace('.', '')), Number(text)]);
  });

  it('leaves a comma and three digits ambiguous without context, choosing the decimal', () => {
    const n = cell('1,750');
    expect(n).toMatchObject({ value: 1.75, decimals: 3 });
    expect(n.ambiguous?.readings).toEqual([
      { value: 1.75, decimals: 3 },
      { value: 1750, decimals: 0 },
    ]);
    expect(n.ambiguous?.reason).toMatch(/comma/);
  });

  it('reads index values when the context says index', () => {
    for (const [text, value] of [
      ['85.625', 85.625],
      ['88.929', 88.929],
      ['81.339', 81.339],
    ] as const) {
      const n = cell(text, { kind: 'index' });
      expect(n).toMatchObject({ value, decimals: 3 });
      expect(n.ambiguous).toBeUndefined();
    }
  });

  it('reads index values when the unit word Indeks follows', () => {
    expect(cell('85.625 Indeks')).toMatchObject({ value: 85.625, decimals: 3, unit: 'Indeks' });
    expect(cell('85.625 Indeks').ambiguous).toBeUndefined();
    expect(cell('85,625 Indeks')).toMatchObject({ value: 85.625, decimals: 3 });
    expect(only('BNN KAB BELU\t85.625 Indeks\t76.696 Indeks'.split('\t')[2] ?? '')).toMatchObject({ value: 76.696 });
  });

  it('reads index values when the column shows decimals', () => {
    const n = cell('85.625', { columnDecimals: [3, 2, 3] });
    expect(n).toMatchObject({ value: 85.625, decimals: 3 });
    expect(n.ambiguous).toBeUndefined();
    expect(cell('1,750', { columnDecimals: [1] })).toMatchObject({ value: 1.75 });
  });

  it('leans to thousands, still ambiguous, when the column shows only integers', () => {
    const dot = cell('17.154', { columnDecimals: [0, 0, 0] });
    expect(dot.value).toBe(17154);
    expect(dot.ambiguous?.reason).toMatch(/column/);
    const comma = cell('1,750', { columnDecimals: [0, 0] });
    expect(comma.value).toBe(1750);
    expect(comma.ambiguous?.readings).toEqual([
      { value: 1750, decimals: 0 },
      { value: 1.75, decimals: 3 },
    ]);
  });

  it('reads thousands in a count or money context', () => {
    expect(cell('17.154', { kind: 'count' })).toMatchObject({ value: 17154, decimals: 0 });
    expect(cell('17.154', { kind: 'count' }).ambiguous).toBeUndefined();
    expect(cell('1,750', { kind: 'count' })).toMatchObject({ value: 1750, decimals: 0 });
    expect(cell('85.625', { kind: 'money' })).toMatchObject({ value: 85625 });
    expect(cell('1,750 orang')).toMatchObject({ value: 1750, unit: 'orang' });
  });

  it('reads decimals for percentages', () => {
    expect(cell('85.625 %')).toMatchObject({ value: 85.625, decimals: 3 });
    expect(cell('85.625', { kind: 'percent' })).toMatchObject({ value: 85.625, decimals: 3 });
  });

  it('prefers the evidence next to the figure over the caller context', () => {
    expect(cell('85.625 Indeks', { kind: 'count' }).value).toBe(85.625);
    expect(cell('1.752 orang', { kind: 'index' }).value).toBe(1752);
    expect(cell('Rp 85.625', { kind: 'index' }).value).toBe(85625);
  });

  it('applies the context to every figure of a table row', () => {
    const row = '1\tBNNP NTT\t87.589\t88.929\t111.32\tSangat Tinggi';
    expect(values(row, { kind: 'index' })).toEqual([1, 87.589, 88.929, 111.32]);
    const unknown = findNumbers(row);
    expect(unknown.filter((n) => n.ambiguous !== undefined).map((n) => n.raw)).toEqual(['87.589', '88.929']);
  });

  it('negates both readings of a negative ambiguous figure', () => {
    expect(cell('-17.154').ambiguous?.readings).toEqual([
      { value: -17154, decimals: 0 },
      { value: -17.154, decimals: 3 },
    ]);
  });

  it.each(['17.15', '17.1', '17.1540', '17,15', '17,1', '17,1540', '1.7'])('never flags %s (not three decimals)', (text) => {
    const n = cell(text);
    expect(n.ambiguous).toBeUndefined();
    expect(n.value).toBe(Number(text.replace(',', '.')));
  });
});

describe('things that are not figures', () => {
  it.each(['P4GN', 'P-21', 'P5', 'a1', 'WHOQOL-BREF', 'KEP/25/M.PAN/2/2004', 'BAG.KESRA.001/354/I/2019', 'XI/MPR/1998', 'COVID-19', 'PermenPAN-RB 53/2014', 'ke-3', '21-P', 'a_1 + a_2', '90-an'])(
    'skips %s',
    (text) => {
      expect(findNumbers(text)).toEqual([]);
      expect(readIndonesianNumber(text)).toBeUndefined();
    },
  );

  it('skips a code but keeps the figure after it', () => {
    const text = 'prekursor narkotika yang P-21 sebesar 4 berkas perkara dengan persentase capaian kinerja sebesar 133 %';
    const found = findNumbers(text);
    expect(found.map((n) => [n.value, n.unit])).toEqual([
      [4, 'berkas perkara'],
      [133, '%'],
    ]);
  });

  it('keeps list markers and dates for callers to decide', () => {
    expect(values('1) Kategori sangat tinggi')).toEqual([1]);
    expect(values('10. Indikator Kinerja')).toEqual([10]);
    expect(values('3)Terjalannya sinergitas')).toEqual([3]);
    expect(values('Kupang, 22 Januari 2025')).toEqual([22, 2025]);
  });

  it('keeps years after a dot and figures after a multiplication x', () => {
    expect(values('Evaluasi Kinerja Anggaran TA.2024 :')).toEqual([2024]);
    expect(values('tahun 2022 s.d.2024')).toEqual([2022, 2024]);
    expect(values('100 indeks x100% = 100 %')).toEqual([100, 100, 100]);
    expect(findNumbers('x100%')[0]).toMatchObject({ raw: '100%', percent: true });
  });

  it('keeps digits glued to a LaTeX command', () => {
    expect(only('\\times100\\%')).toMatchObject({ value: 100, percent: true });
  });

  it.each(['', '   ', '-', '–', 'abc', 'Rp.', 'Tahun 2024', '12 (dua belas)', '1,7507Gram (Shabu)', '12 – 21', '2020-2024', '3 4', '%'])(
    'readIndonesianNumber(%j) is undefined',
    (text) => {
      expect(readIndonesianNumber(text)).toBeUndefined();
    },
  );
});

describe('LaTeX', () => {
  it('reads units inside \\text{} of a fraction', () => {
    const text = '$$\\% \\text{ Capaian} : \\frac{3 \\text{ Kab/Kota}}{2 \\text{ Kab/Kota}} \\times 100\\% = 150 \\%$$';
    const found = findNumbers(text);
    expect(found.map((n) => [n.raw, n.value, n.unit, n.percent])).toEqual([
      ['3', 3, 'Kab/Kota', false],
      ['2', 2, 'Kab/Kota', false],
      ['100\\%', 100, '%', true],
      ['150 \\%', 150, '%', true],
    ]);
    expectConsistentOffsets(text, found);
  });

  it('reads multi-word units and index values in fractions', () => {
    const found = findNumbers('\\frac{3 \\text{ Berkas Perkara}}{4 \\text{ Berkas Perkara}} \\times 100\\% = 133 \\%');
    expect(found.map((n) => [n.value, n.unit])).toEqual([
      [3, 'Berkas Perkara'],
      [4, 'Berkas Perkara'],
      [100, '%'],
      [133, '%'],
    ]);
    const index = findNumbers('\\frac{3.77 \\text{ Indeks}}{3.77 \\text{ Indeks}}');
    expect(index.map((n) => [n.value, n.decimals, n.unit])).toEqual([
      [3.77, 2, 'Indeks'],
      [3.77, 2, 'Indeks'],
    ]);
  });

  it('reads BNN Kab/Kota written in a fraction', () => {
    const found = findNumbers('\\frac{1 \\text{ BNN Kab/Kota}}{3 \\text{ BNN Kab/Kota}}');
    expect(found.map((n) => n.unit)).toEqual(['BNN Kab/Kota', 'BNN Kab/Kota']);
  });

  it('reads formulas without inventing figures from subscripts', () => {
    const found = findNumbers('\\left[\\frac{a_1 + a_2 + a_3 + \\dots + a_y}{y} \\times 100\\% \\right] \\times 100');
    expect(found.map((n) => [n.value, n.percent])).toEqual([
      [100, true],
      [100, false],
    ]);
  });
});

describe('units', () => {
  it.each([
    '3 Kab/Kota',
    '2 Kab/ Kota',
    '3 Kabupaten/Kota',
    '3 Kabupaten / Kota',
    '1 BNN Kab/Kota',
    '1 BNN Kabupaten / Kota',
    '3 kab/kota',
    '10 Orang',
    '240 orang',
    '8 Unit',
    '2 unit',
    '1 Lembaga',
    '4 Berkas Perkara',
    '4 berkas perkara',
    '529 Gram',
    '100 Indeks',
    '89 indeks',
  ])('reads the unit of %s as written', (text) => {
    const unit = text.slice(text.indexOf(' ') + 1);
    expect(cell(text)).toMatchObject({ unit, raw: text.slice(0, text.indexOf(' ')) });
  });

  it('does not take longer words for units', () => {
    expect(only('5 Unitnya').unit).toBeUndefined();
    expect(only('5 Orangtua').unit).toBeUndefined();
    expect(only('1 BNN Kota Kupang').unit).toBeUndefined();
  });

  it('does not attach a unit across a tab (the next cell)', () => {
    expect(only('3.77\tIndeks').unit).toBeUndefined();
  });
});

describe('whitespace', () => {
  it('reads non-breaking spaces like spaces', () => {
    expect(only('kepada 17.154\u00a0pelajar')).toMatchObject({ value: 17154, raw: '17.154' });
    expect(cell('66,7\u00a0%')).toMatchObject({ value: 66.7, raw: '66,7\u00a0%', percent: true });
    expect(cell('Rp.\u00a014.798.345.000,-')).toMatchObject({ value: 14798345000, currency: true });
    expect(cell('-\u00a028,39%')).toMatchObject({ value: -28.39 });
    expect(cell('3,77\u202fIndeks')).toMatchObject({ unit: 'Indeks' });
  });

  it('reads each tab-separated cell of a row', () => {
    const text = 'as hidup\t68 %\t87.18 %\t128.2\t\t33.105.000\t20.795.000\t62.82';
    const found = findNumbers(text);
    expect(found.map((n) => n.value)).toEqual([68, 87.18, 128.2, 33105000, 20795000, 62.82]);
    expectConsistentOffsets(text, found);
  });

  it('accepts a cell wrapped in markdown emphasis', () => {
    expect(cell('**100%**')).toMatchObject({ value: 100, raw: '100%', start: 2 });
  });

  it('keeps offsets into the untrimmed cell', () => {
    expect(cell('  87.18 %\t')).toMatchObject({ start: 2, end: 9, raw: '87.18 %' });
    expect(cell('\n\t 3.77 Indeks \n')).toMatchObject({ start: 3, end: 7, raw: '3.77' });
  });
});

describe('offsets on a real paragraph', () => {
  const paragraph =
    'Realisasi Indikator Kinerja Kegiatan target 3 Kab/Kota realisasi 3 Kab/Kota atau sebesar 100%, ' +
    'pembentukan 130 relawan anti narkoba dan edukasi P4GN kepada 17.154 pelajar; IKPA 97.96 indeks atau ' +
    '100.6 persen, sisa anggaran Rp. 3.447.293.850,- atau setara dengan 23.30% yang dilaksanakan 16 Januari 2025.';

  it('returns every figure with raw equal to the text at its offsets', () => {
    const found = findNumbers(paragraph);
    expectConsistentOffsets(paragraph, found);
    expect(found.map((n) => n.raw)).toEqual([
      '3',
      '3',
      '100%',
      '130',
      '17.154',
      '97.96',
      '100.6',
      'Rp. 3.447.293.850,-',
      '23.30%',
      '16',
      '2025',
    ]);
    expect(found.every((n) => n.ambiguous === undefined)).toBe(true);
  });
});

describe('robustness', () => {
  const megabyte = 1 << 20;

  function pseudoRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }

  it('finishes on a 1 MB line of digits and dots', () => {
    const next = pseudoRandom(7);
    let line = '';
    while (line.length < megabyte) line += next() < 0.3 ? '.' : String(Math.floor(next() * 10));
    const found = findNumbers(line);
    expect(Array.isArray(found)).toBe(true);
    expectConsistentOffsets(line, found);
    expect(Array.isArray(findRanges(line))).toBe(true);
  });

  it('finishes on 1 MB of well-formed thousands, of one digit run and of separators', () => {
    const thousands = '1' + '.000'.repeat(megabyte / 4);
    expect(findNumbers(thousands)).toEqual([]);
    expect(readIndonesianNumber(thousands)).toBeUndefined();
    expect(findNumbers('9'.repeat(megabyte))).toEqual([]);
    expect(findNumbers('1.2'.repeat(megabyte / 3))).toEqual([]);
    expect(findNumbers('1,'.repeat(megabyte / 2))).toEqual([]);
    expect(findNumbers('1, '.repeat(megabyte / 3)).length).toBe(megabyte / 3 | 0);
    expect(findNumbers('- '.repeat(megabyte / 2) + '5')).toHaveLength(1);
    expect(findNumbers(' '.repeat(megabyte) + '5 ' + ' '.repeat(megabyte) + 'Indeks')).toHaveLength(1);
    expect(findNumbers('1 – '.repeat(megabyte / 4)).length).toBe(megabyte / 4);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectConsistentOffsets(text, findNumbers(text));
        readIndonesianNumber(text);
        findRanges(text);
        numberStyleOf(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on strings made of the pieces figures are made of', () => {
    const piece = fc.constantFrom(
      '1', '7', '0', '12', '154', '.', ',', ',-', '-', '–', '−', '+', ' ', '\u00a0', '\t', '\n', '%', '\\%', 'Rp', 'Rp.', '$', '\\geq', '≥', '≤', '<', '>',
      '\\text{', '}', '{', 'Indeks', 'Kab/Kota', 'Kab/', 'persen', 'orang', 'P', '/', '(', ')', 's.d.', 'Gram', 'dua belas', 'a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom<NumberContext | undefined>(undefined, { kind: 'index' }, { kind: 'count' }, { columnDecimals: [3, 2] }, { columnDecimals: [0] }), (pieces, context) => {
        const text = pieces.join('');
        const found = findNumbers(text, context);
        expectConsistentOffsets(text, found);
        for (const n of found) {
          if (n.ambiguous !== undefined) {
            expect(n.ambiguous.readings.length).toBeGreaterThanOrEqual(2);
            expect(n.ambiguous.readings[0]).toEqual({ value: n.value, decimals: n.decimals });
          }
        }
        const read = readIndonesianNumber(text, context);
        if (read !== undefined) expect(text.slice(read.start, read.end)).toBe(read.raw);
        for (const range of findRanges(text)) expect(range.max.start).toBeGreaterThanOrEqual(range.min.end);
      }),
      { numRuns: 1000 },
    );
  });

  it('tolerates values that are not strings from untyped callers', () => {
    const untyped = undefined as unknown as string;
    expect(findNumbers(untyped)).toEqual([]);
    expect(readIndonesianNumber(untyped)).toBeUndefined();
    expect(findRanges(untyped)).toEqual([]);
  });
});

describe('formatIndonesianNumber', () => {
  it.each([
    [106.2, 1, { decimalSeparator: ',' } as const, '106,2'],
    [14798345000, 0, { decimalSeparator: ',', thousandsSeparator: '.' } as const, '14.798.345.000'],
    [14798345000, 0, { decimalSeparator: ',' } as const, '14798345000'],
    [1234.5, 1, { decimalSeparator: '.', thousandsSeparator: ',' } as const, '1,234.5'],
    [1234.5, 2, { decimalSeparator: ',', thousandsSeparator: '.' } as const, '1.234,50'],
    [100, 2, { decimalSeparator: ',' } as const, '100,00'],
    [66.666, 2, { decimalSeparator: ',' } as const, '66,67'],
    [66.666, 1, { decimalSeparator: '.' } as const, '66.7'],
    [1.005, 2, { decimalSeparator: ',' } as const, '1,01'],
    [2.675, 2, { decimalSeparator: '.' } as const, '2.68'],
    [-28.39, 2, { decimalSeparator: ',' } as const, '-28,39'],
    [-1752, 0, { decimalSeparator: ',', thousandsSeparator: '.' } as const, '-1.752'],
    [-0.001, 2, { decimalSeparator: ',' } as const, '0,00'],
    [999.5, 0, { decimalSeparator: ',', thousandsSeparator: '.' } as const, '1.000'],
    [85.625, 3, { decimalSeparator: '.', thousandsSeparator: '' } as const, '85.625'],
    [0, 0, { decimalSeparator: ',' } as const, '0'],
  ])('formats %d with %d decimals in %j as %s', (value, decimals, style, expected) => {
    expect(formatIndonesianNumber(value, decimals, style)).toBe(expected);
  });

  it('drops a thousands separator equal to the decimal separator', () => {
    expect(formatIndonesianNumber(1234.5, 1, { decimalSeparator: ',', thousandsSeparator: ',' })).toBe('1234,5');
  });

  it('survives odd arguments', () => {
    expect(formatIndonesianNumber(Number.NaN, 2, { decimalSeparator: ',' })).toBe('NaN');
    expect(formatIndonesianNumber(Infinity, 2, { decimalSeparator: ',' })).toBe('Infinity');
    expect(formatIndonesianNumber(3.14159, -2, { decimalSeparator: ',' })).toBe('3');
    expect(formatIndonesianNumber(3.14159, Number.NaN, { decimalSeparator: ',' })).toBe('3');
    expect(formatIndonesianNumber(1.5, 2.7, { decimalSeparator: ',' })).toBe('1,50');
    expect(formatIndonesianNumber(1e-7, 2, { decimalSeparator: ',' })).toBe('0,00');
    expect(() => formatIndonesianNumber(1e25, 500, { decimalSeparator: ',', thousandsSeparator: '.' })).not.toThrow();
  });

  it('reads back what it writes in the Indonesian style', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (scaled, decimals) => {
        const value = scaled / 10 ** decimals;
        const text = formatIndonesianNumber(value, decimals, { decimalSeparator: ',', thousandsSeparator: '.' });
        const read = cell(text);
        expect(read.decimals).toBe(decimals);
        expect(Math.abs(read.value - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes English-style figures whose value is among the readings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (scaled, decimals) => {
        const value = scaled / 10 ** decimals;
        const text = formatIndonesianNumber(value, decimals, { decimalSeparator: '.', thousandsSeparator: ',' });
        const read = cell(text);
        const readings = read.ambiguous?.readings ?? [{ value: read.value, decimals: read.decimals }];
        expect(readings.some((r) => Math.abs(r.value - value) <= 1e-9 * Math.max(1, value) && r.decimals === decimals)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('numberStyleOf', () => {
  it.each([
    ['106,2', ',', '.'],
    ['94.50', '.', ','],
    ['114.9 %', '.', ','],
    ['89,6%', ',', '.'],
    ['Rp. 14.798.345.000,-', ',', '.'],
    ['Rp.6.483.762.000', ',', '.'],
    ['1,004,422,800', '.', ','],
    ['1,004,422.80', '.', ','],
    ['1.234,56', ',', '.'],
    ['17.154', ',', '.'],
    ['100', ',', '.'],
    ['2024', ',', ''],
    ['- 28,39%', ',', '.'],
    ['3.77 Indeks', '.', ','],
  ])('%s is written with decimal %s and thousands %j', (raw, decimalSeparator, thousandsSeparator) => {
    expect(numberStyleOf(raw)).toEqual({ decimalSeparator, thousandsSeparator });
  });

  it('follows the context for a figure that needs one', () => {
    expect(numberStyleOf('85.625')).toEqual({ decimalSeparator: ',', thousandsSeparator: '.' });
    expect(numberStyleOf('85.625', { kind: 'index' })).toEqual({ decimalSeparator: '.', thousandsSeparator: ',' });
    expect(numberStyleOf('1,750')).toEqual({ decimalSeparator: ',', thousandsSeparator: '.' });
  });

  it('falls back to the Indonesian style for text without a figure', () => {
    expect(numberStyleOf('')).toEqual({ decimalSeparator: ',', thousandsSeparator: '.' });
    expect(numberStyleOf('Sangat Tinggi')).toEqual({ decimalSeparator: ',', thousandsSeparator: '.' });
  });

  it.each(['106,2', '94.50', '14.798.345.000', '1,004,422,800', '3,77', '66.7', '100,00', '12.181.987.000', '1.234,56'])(
    'lets a fix rewrite %s in its own style',
    (raw) => {
      const read = cell(raw);
      expect(formatIndonesianNumber(read.value, read.decimals, numberStyleOf(raw))).toBe(raw);
    },
  );
});
