import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectFractions, latexToText, type FractionBlock } from '../src/fractions/index.js';
import { parseMarkdown } from '../src/pipeline.js';
import type { SourceCell } from '../src/tables/index.js';

const md = (...lines: string[]) => lines.join('\n');

function read(text: string): FractionBlock[] {
  return collectFractions(parseMarkdown(text), text);
}

function only(text: string): FractionBlock {
  const found = read(text);
  expect(found).toHaveLength(1);
  return found[0] as FractionBlock;
}

const src = (text: string, cell: { position: SourceCell['position'] }) => text.slice(cell.position.offset, cell.position.endOffset);

/** The parts' texts are their source slices with the LaTeX markup taken out. */
function expectExactParts(text: string, fractions: FractionBlock[]): void {
  for (const f of fractions) {
    for (const cell of [f.numerator, f.denominator, f.stated, ...(f.multiplier ? [f.multiplier] : [])]) {
      expect(latexToText(src(text, cell))).toBe(cell.text);
    }
  }
}

function parts(f: FractionBlock) {
  return { layout: f.layout, label: f.label, numerator: f.numerator.text, denominator: f.denominator.text, multiplier: f.multiplier?.text, stated: f.stated.text };
}

describe('collectFractions: LaTeX', () => {
  it('reads display math with a \\text label', () => {
    const line = '$$\\text{Realisasi : } \\frac{3 \\text{ Kab/Kota}}{3 \\text{ Kab/Kota}} \\times 100 \\% = 100 \\%$$';
    const text = md('Perhitungan Capaian :', '', line, '', 'Lanjut.');
    const f = only(text);
    expect(parts(f)).toEqual({ layout: 'latex', label: 'Realisasi', numerator: '3 Kab/Kota', denominator: '3 Kab/Kota', multiplier: '100 %', stated: '100 %' });
    expect(src(text, f.numerator)).toBe('3 \\text{ Kab/Kota}');
    expect(src(text, f.multiplier as SourceCell)).toBe('100 \\%');
    expect(src(text, f.stated)).toBe('100 \\%');
    expect(src(text, f)).toBe(line);
    expect(f.position).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: line.length + 1 });
  });

  it('reads "% Capaian :" display math and keeps the stated figure as written', () => {
    const text = '$$\\% \\text{ Capaian} : \\frac{1 \\text{ BNN Kab/Kota}}{3 \\text{ BNN Kab/Kota}} \\times 100\\% = 300 \\%$$';
    const f = only(text);
    expect(parts(f)).toEqual({ layout: 'latex', label: '% Capaian', numerator: '1 BNN Kab/Kota', denominator: '3 BNN Kab/Kota', multiplier: '100%', stated: '300 %' });
    expect(src(text, f.stated)).toBe('300 \\%');
  });

  it('reads inline math on its own line with \\quad spacing, also when a "--" rule follows', () => {
    const line = '$\\% \\text{ Capaian} \\quad : \\quad \\frac{3 \\text{ Berkas Perkara}}{4 \\text{ Berkas Perkara}} \\quad \\times 100\\% = \\quad 133 \\%$';
    const text = md('Perhitungan Capaian :', '', line, '--', '');
    const f = only(text);
    expect(parts(f)).toEqual({ layout: 'latex', label: '% Capaian', numerator: '3 Berkas Perkara', denominator: '4 Berkas Perkara', multiplier: '100%', stated: '133 %' });
    expect(src(text, f)).toBe(line);
    expect(src(text, f.stated)).toBe('133 \\%');
  });

  it('reads a tab row with the fraction in math and "x 100% = …" in the next cell', () => {
    const row = '% Capaian\t:\t$\\frac{10 \\text{ Orang}}{10 \\text{ Orang}}$\tx 100% = 100 %';
    const text = md(row, '-----------\t---\t---\t----------------');
    const f = only(text);
    expect(parts(f)).toEqual({ layout: 'latex', label: '% Capaian', numerator: '10 Orang', denominator: '10 Orang', multiplier: '100%', stated: '100 %' });
    expect(src(text, f)).toBe(row);
    expect(src(text, f.numerator)).toBe('10 \\text{ Orang}');
  });

  it('reads a tab row whose multiplier sits in a second math span', () => {
    const text = md('Realisasi:\t$\\frac{3 \\text{ Kabupaten/Kota}}{2 \\text{ Kabupaten/Kota}}$\t$\\times 100\\% = 66.7\\%$', '------------\t---\t-------------------------');
    const f = only(text);
    expect(parts(f)).toEqual({ layout: 'latex', label: 'Realisasi', numerator: '3 Kabupaten/Kota', denominator: '2 Kabupaten/Kota', multiplier: '100%', stated: '66.7%' });
    expect(src(text, f.stated)).toBe('66.7\\%');
  });

  it('reads a whole-formula math span inside a tab row', () => {
    const text = 'Realisasi:\t$\\frac{3 \\text{ Kab/Kota}}{3 \\text{ Kab/Kota}} \\times 100\\% = 100\\%$';
    expect(parts(only(text))).toMatchObject({ label: 'Realisasi', numerator: '3 Kab/Kota', stated: '100%' });
  });

  it('reads a display math block over several lines as one fraction', () => {
    const text = md('$$', '\\% \\text{ Capaian} = \\frac{3 \\text{ Unit}}', '{4 \\text{ Unit}} \\times 100\\% = 75\\%', '$$');
    const f = only(text);
    expect(parts(f)).toMatchObject({ label: '% Capaian', numerator: '3 Unit', denominator: '4 Unit', stated: '75%' });
    expect(f.position).toMatchObject({ line: 1, endLine: 4 });
  });

  it('reads several fractions on one line, each with its own span', () => {
    const text = 'Capaian $\\frac{1}{2} \\times 100\\% = 50\\%$ dan $\\frac{3}{4} \\times 100\\% = 75\\%$.';
    const found = read(text);
    expect(found.map((f) => [f.numerator.text, f.denominator.text, f.stated.text])).toEqual([
      ['1', '2', '50%'],
      ['3', '4', '75%'],
    ]);
    expect(src(text, found[1] as FractionBlock)).toBe('$\\frac{3}{4} \\times 100\\% = 75\\%$');
  });

  it('ignores formulas that define a method rather than state a result', () => {
    const text = md(
      '$$\\text{IKP} = \\frac{\\text{Hasil Perhitungan Kuesioner}}{25}$$',
      '',
      '$$\\text{Indikator Kinerja} = \\left[\\frac{\\text{Jumlah seluruh tahanan} - (a+b+c)}{\\text{Jumlah seluruh tahanan}} \\times 100 \\% \\right] \\times 100$$',
      '',
      '$$\\text{Indikator Kinerja} = \\left[\\frac{a_1 + a_2 + a_3 + \\dots + a_y}{y} \\times 100\\% \\right] \\times 100$$',
      '',
      'Dengan $y =$ jumlah BA dan $\\frac{3}{4}$ tanpa hasil.',
    );
    expect(read(text)).toEqual([]);
  });

  it('ignores fractions in fenced code', () => {
    expect(read(md('```', '$\\frac{3}{4} \\times 100\\% = 75\\%$', '% Capaian\t3\tx 100% = 75%', '\t4', '```'))).toEqual([]);
  });
});

describe('collectFractions: text layouts', () => {
  it('reads figure over figure: the "x 100%" line on top, the denominator below', () => {
    const text = md('Perhitungan Capaian :', '', '% Capaian\t3 Kab/Kota\tx 100% = 66.7 %', '\t2 Kab/Kota\t', '', 'Lanjut.');
    const f = only(text);
    expect(parts(f)).toEqual({ layout: 'text-two-line', label: '% Capaian', numerator: '3 Kab/Kota', denominator: '2 Kab/Kota', multiplier: '100%', stated: '66.7 %' });
    expect(src(text, f)).toBe('% Capaian\t3 Kab/Kota\tx 100% = 66.7 %\n\t2 Kab/Kota');
    expect(f.position).toMatchObject({ line: 3, column: 1, endLine: 4 });
    expect(f.numerator.position).toMatchObject({ line: 3, column: 11 });
    expect(f.denominator.position).toMatchObject({ line: 4, column: 2 });
  });

  it('reads percentages with a colon cell', () => {
    const f = only(md('% Capaian\t:\t68%\tx 100% = 128.2 %', '\t\t87.18%\t'));
    expect(parts(f)).toEqual({ layout: 'text-two-line', label: '% Capaian', numerator: '68%', denominator: '87.18%', multiplier: '100%', stated: '128.2 %' });
  });

  it('reads the order where the label sits on the second line (numerator stays on top)', () => {
    const text = md('Perhitungan Capaian :', '', '\t94.65 indeks\t\tx 100% = 94.6 %', '% Capaian\t:\t89.56 indeks\t');
    const f = only(text);
    expect(parts(f)).toEqual({ layout: 'text-two-line', label: '% Capaian', numerator: '94.65 indeks', denominator: '89.56 indeks', multiplier: '100%', stated: '94.6 %' });
    expect(src(text, f.stated)).toBe('94.6 %');
  });

  it('reads "x100% =" with the result in its own cell', () => {
    const f = only(md('% Capaian\t:\t100 indeks\tx100% =\t100 %', '\t\t100 indeks\t\t'));
    expect(parts(f)).toEqual({ layout: 'text-two-line', label: '% Capaian', numerator: '100 indeks', denominator: '100 indeks', multiplier: '100%', stated: '100 %' });
  });

  it('reads figures above and below a label line', () => {
    const f = only(md('\t3 Kab/Kota', '% Capaian\t------------ x 100% = 75%', '\t4 Kab/Kota'));
    expect(parts(f)).toMatchObject({ layout: 'text-two-line', label: '% Capaian', numerator: '3 Kab/Kota', denominator: '4 Kab/Kota', stated: '75%' });
    expect(f.position).toMatchObject({ line: 1, endLine: 3 });
  });

  it('reads a figure on the line above the "x 100%" line as the numerator', () => {
    const f = only(md('Paragraf.', '', '\t3 Kab/Kota', '% Capaian\t4 Kab/Kota\tx 100% = 75 %', '', 'Lanjut.'));
    expect(parts(f)).toMatchObject({ numerator: '3 Kab/Kota', denominator: '4 Kab/Kota' });
  });

  it('reads one-line text fractions', () => {
    const text = md('% Capaian = 3 / 4 x 100% = 75%', '', 'Capaian : (89 / 94.50) × 100% = 106.2%', '', 'Realisasi 3 Kab/Kota / 4 Kab/Kota x 100% = 75 %');
    const found = read(text);
    expect(found.map(parts)).toEqual([
      { layout: 'inline', label: '% Capaian', numerator: '3', denominator: '4', multiplier: '100%', stated: '75%' },
      { layout: 'inline', label: 'Capaian', numerator: '89', denominator: '94.50', multiplier: '100%', stated: '106.2%' },
      { layout: 'inline', label: 'Realisasi', numerator: '3 Kab/Kota', denominator: '4 Kab/Kota', multiplier: '100%', stated: '75 %' },
    ]);
    expectExactParts(text, found);
  });

  it('takes the figure next to the slash, not the prose before it', () => {
    const text = 'Pada tahun 2024 realisasi mencapai target sehingga capaian 3 / 4 x 100% = 75%';
    expect(parts(only(text))).toMatchObject({ layout: 'inline', numerator: '3', denominator: '4', label: undefined });
    expect(parts(only('Pagu Rp. 5.000.000 / Rp. 10.000.000 x 100% = 50%'))).toMatchObject({ label: 'Pagu', numerator: 'Rp. 5.000.000', denominator: 'Rp. 10.000.000' });
  });

  it('does not read prose around "x 100%" as a fraction', () => {
    const text = md(
      'Capaian dihitung dengan rumus realisasi/target x 100% = capaian.',
      '',
      'Nilai 3 x 100 = 300 poin pada tahun 2024.',
      'Kalimat berikutnya menyebut 12 kegiatan dan 16 indikator.',
      '',
      'Maximal 100 = batas.',
    );
    expect(read(text)).toEqual([]);
  });
});

describe('collectFractions: documents', () => {
  it('returns every fraction in document order, parts exact', () => {
    const text = md(
      '% Capaian\t3 Kab/Kota\tx 100% = 66.7 %',
      '\t2 Kab/Kota\t',
      '',
      '$$\\% \\text{ Capaian} = \\frac{1 \\text{ Lembaga}}{1 \\text{ Lembaga}} \\times 100\\% = 100\\%$$',
      '',
      'No\tSatker\tTarget\tRealisasi\t%',
      '1\tBNNP\t68 %\t87.18 %\t128.2',
      '',
      '% Capaian\t:\t$\\frac{4 \\text{ Lembaga}}{4 \\text{ Lembaga}}$\tx 100% =\t100 %',
      '------------------\t---\t---\t----------\t-------',
    );
    const found = read(text);
    expect(found.map((f) => f.numerator.text)).toEqual(['3 Kab/Kota', '1 Lembaga', '4 Lembaga']);
    expect(found.map((f) => f.position.line)).toEqual([1, 4, 9]);
    expectExactParts(text, found);
  });

  it('never throws on random drafts, and every part is its source slice', () => {
    const unit = fc.constantFrom('a', '3', '4.5', ' ', '\t', '\n', '\n', '|', '-', '$', '$$', '\\frac', '{', '}', '\\text{', 'x 100% = ', 'x', '100', '%', '\\%', ':', '=', '/', '(', ')', '\\times', '\\quad', '```', 'Kab/Kota', '\\');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (text) => {
        const found = read(text);
        for (const f of found) {
          for (const cell of [f.numerator, f.denominator, f.stated, ...(f.multiplier ? [f.multiplier] : [])]) {
            if (latexToText(src(text, cell)) !== cell.text) return false;
            if (cell.position.offset < f.position.offset || cell.position.endOffset > f.position.endOffset) return false;
          }
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
