import { describe, expect, it } from 'vitest';
import { compareDocuments, type ComparisonInput } from '../src/index.js';
import { makeDoc, type DocSpec, type FigureSpec } from './build.js';

const IKPA = 'Nilai Indikator Pelaksanaan Anggaran (IKPA) BNN Provinsi {province}';
const DEKTARI = 'Jumlah Kabupaten / Kota dengan Indeks ketahanan diri remaja terhadap penyalagunaan narkoba berkategori Tinggi di wilayah Provinsi';
const ZI = 'Nilai Zona Integritas BNN berdasarkan penilaian internal';
const PROVINCES = ['Tanah Lada', 'Teluk Mutiara', 'Nusa Karang', 'Borneo Hulu', 'Selat Kabut'];

function inputs(count: number, tweak?: (i: number, spec: DocSpec) => void): ComparisonInput[] {
  return PROVINCES.slice(0, count).map((province, i) => {
    const spec: DocSpec = {
      province,
      fiscalYear: 2024,
      indicators: [
        { number: 1, name: DEKTARI, unit: 'Kabupaten / Kota' },
        { number: 14, name: IKPA.replace('{province}', province), unit: 'Indeks' },
        { number: 16, name: ZI, unit: 'Indeks' },
      ],
    };
    tweak?.(i, spec);
    return { file: `${province.toLowerCase().replace(' ', '-')}/draft.md`, doc: makeDoc(spec) };
  });
}

const kinds = (result: ReturnType<typeof compareDocuments>) => result.flags.map((f) => f.kind);

describe('comparison flags', () => {
  it('raises nothing for drafts that agree', () => {
    expect(compareDocuments(inputs(4)).flags).toEqual([]);
  });

  it('flags an index written as a percentage in one draft (unit of measure)', () => {
    const result = compareDocuments(
      inputs(4, (i, spec) => {
        if (i === 1) (spec.indicators[1] as { unit?: string }).unit = '%';
      }),
    );
    expect(result.flags).toEqual([
      {
        kind: 'unit-of-measure',
        indicator: 'nilai indikator pelaksanaan anggaran ikpa bnn',
        documents: ['teluk-mutiara/draft.md'],
        message: '"Nilai Indikator Pelaksanaan Anggaran (IKPA) BNN Provinsi" is measured in different units: Indeks in Tanah Lada, Nusa Karang and Borneo Hulu; % in Teluk Mutiara.',
      },
    ]);
  });

  it('takes the unit from the targets when the indicator states none', () => {
    const result = compareDocuments(
      inputs(3, (i, spec) => {
        delete (spec.indicators[1] as { unit?: string }).unit;
        spec.figures = [{ indicator: 2, role: 'target', raw: i === 2 ? '95,00 %' : '95,00', value: 95, line: 10, ...(i === 2 ? { percent: true } : { quantityUnit: 'Indeks' }) }];
      }),
    );
    expect(kinds(result)).toEqual(['unit-of-measure']);
    expect(result.flags[0]?.documents).toEqual(['nusa-karang/draft.md']);
  });

  it('flags a target of another kind (a count of districts against an index) once, as target-kind', () => {
    const result = compareDocuments(
      inputs(4, (i, spec) => {
        if (i === 3) (spec.indicators[0] as { unit?: string }).unit = 'Indeks';
      }),
    );
    expect(kinds(result)).toEqual(['target-kind']);
    expect(result.flags[0]).toMatchObject({ indicator: expect.stringContaining('remaja'), documents: ['borneo-hulu/draft.md'] });
    expect(result.flags[0]?.message).toContain('a count of districts in 3 drafts'.replace('3 drafts', 'Tanah Lada, Teluk Mutiara and Nusa Karang'));
  });

  it('flags category bands whose edges differ', () => {
    const bands = (high: number): [string, number | null, number | null][] => [
      ['Sangat Tinggi', 53.71, null],
      ['Tinggi', 49.74, high],
      ['Rendah', 45.98, 49.73],
      ['Sangat Rendah', null, 45.97],
    ];
    const result = compareDocuments(inputs(4, (i, spec) => (spec.scales = [{ indicator: 1, bands: bands(i === 2 ? 53.5 : 53.7) }])));
    expect(kinds(result)).toEqual(['category-scale']);
    expect(result.flags[0]?.documents).toEqual(['nusa-karang/draft.md']);
    expect(result.flags[0]?.message).toContain('tinggi ≥ 49.74 ≤ 53.5 against ≥ 49.74 ≤ 53.7');
  });

  it('flags category bands with other labels', () => {
    const words: [string, number | null, number | null][] = [
      ['Sangat Mandiri', 3.26, 4],
      ['Mandiri', 2.51, 3.25],
    ];
    const letters: [string, number | null, number | null][] = [
      ['A', 3.26, 4],
      ['B', 2.51, 3.25],
    ];
    const result = compareDocuments(inputs(3, (i, spec) => (spec.scales = [{ indicator: 1, bands: i === 0 ? letters : words }])));
    expect(result.flags[0]).toMatchObject({ kind: 'category-scale', documents: ['tanah-lada/draft.md'] });
    expect(result.flags[0]?.message).toContain('labels b / a against mandiri / sangat mandiri');
  });

  it('flags an achievement far from the other provinces (median and MAD)', () => {
    const achievements = [101.8, 98.2, 100.4, 34.5, 103.1];
    const result = compareDocuments(
      inputs(5, (i, spec) => {
        spec.figures = [{ indicator: 3, role: 'achievement', raw: `${achievements[i]} %`, value: achievements[i] as number, line: 20, percent: true } satisfies FigureSpec];
      }),
    );
    expect(result.flags).toEqual([
      {
        kind: 'achievement-outlier',
        indicator: 'nilai zona integritas bnn penilaian internal',
        documents: ['borneo-hulu/draft.md'],
        // median 100.4; |x − 100.4| = 1.4, 2.2, 0, 65.9, 2.7 → sorted 0 1.4 2.2 2.7 65.9 → MAD 2.2
        // (above the floor, 2 % of 100.4 = 2.008); 1.4826 × 2.2 = 3.2617; z = (34.5 − 100.4) / 3.2617 = −20.20
        message:
          '"Nilai Zona Integritas BNN berdasarkan penilaian internal": Borneo Hulu reached 34.5 %, 65.9 points below the median of the 5 provinces (100.4 %). ' +
          'Their usual distance from the median is 3.26 points (1.4826 × the median absolute deviation), and Borneo Hulu stands 20.2 times that far; ' +
          'more than 3.5 times is flagged (modified z-score -20.2, Iglewicz & Hoaglin).',
      },
    ]);
  });

  it('raises no outlier flag with fewer than five provinces, however far one stands', () => {
    const achievements = [101.8, 98.2, 100.4, 34.5];
    const result = compareDocuments(
      inputs(4, (i, spec) => {
        spec.figures = [{ indicator: 3, role: 'achievement', raw: `${achievements[i]} %`, value: achievements[i] as number, line: 20, percent: true } satisfies FigureSpec];
      }),
    );
    expect(kinds(result)).toEqual([]);
  });

  it('does not call a province at 100 % an outlier because the others differ by hundredths', () => {
    // MAD 0.01 would give 100 % a z-score near 1,500; the MAD is floored at 2 % of the median.
    const achievements = [99.98, 100.01, 100.02, 100, 100.015];
    const result = compareDocuments(
      inputs(5, (i, spec) => {
        spec.figures = [{ indicator: 3, role: 'achievement', raw: `${achievements[i]} %`, value: achievements[i] as number, line: 20, percent: true } satisfies FigureSpec];
      }),
    );
    expect(kinds(result)).toEqual([]);
  });

  it('warns about two drafts of the same province and year, and labels their columns apart', () => {
    const result = compareDocuments(inputs(3, (i, spec) => (spec.province = i === 2 ? 'Tanah Lada' : spec.province)));
    expect(result.flags.filter((f) => f.kind === 'duplicate-document')).toEqual([
      {
        kind: 'duplicate-document',
        indicator: null,
        documents: ['tanah-lada/draft.md', 'nusa-karang/draft.md'],
        message: 'Tanah Lada (2024) has 2 drafts in this comparison: tanah-lada/draft.md → Tanah Lada (1) and nusa-karang/draft.md → Tanah Lada (2). Keep one, or compare them on purpose.',
      },
    ]);
    expect(result.documents.map((d) => d.label)).toEqual(['Tanah Lada (1)', 'Teluk Mutiara', 'Tanah Lada (2)']);
  });

  it('takes drafts of several years of the same provinces as a comparison across years', () => {
    const years = [2023, 2024, 2023, 2024, 2024];
    const result = compareDocuments(
      inputs(5, (i, spec) => {
        spec.province = ['Tanah Lada', 'Tanah Lada', 'Teluk Mutiara', 'Teluk Mutiara', 'Nusa Karang'][i] as string;
        spec.fiscalYear = years[i] as number;
      }),
    );
    expect(result.years).toEqual([2023, 2024]);
    expect(result.documents.map((d) => d.label)).toEqual(['Tanah Lada 2023', 'Tanah Lada 2024', 'Teluk Mutiara 2023', 'Teluk Mutiara 2024', 'Nusa Karang']);
    // Not a duplicate; the year that one province lacks is what is worth saying.
    expect(result.flags).toEqual([
      {
        kind: 'fiscal-year',
        indicator: null,
        // Files keep the names inputs() gave them; the fifth draft now states Nusa Karang.
        documents: ['selat-kabut/draft.md'],
        message: 'The drafts cover 2023 and 2024, but not for every province: Nusa Karang has no draft for 2023.',
      },
    ]);
    expect(result.indicators[0]?.trend?.map((t) => [t.province, t.points.map((p) => p.year)])).toEqual([
      ['Tanah Lada', [2023, 2024]],
      ['Teluk Mutiara', [2023, 2024]],
      ['Nusa Karang', [2024]],
    ]);
  });

  it('compares achievements for outliers within one fiscal year only', () => {
    // Five provinces in 2024 close together; their 2023 drafts far lower: no outlier in either year.
    const result = compareDocuments(
      [...inputs(5), ...inputs(5)].map((input, i) => {
        const value = i < 5 ? 100 + i : 40 + i;
        const doc = makeDoc({
          province: input.doc.meta.province as string,
          fiscalYear: i < 5 ? 2024 : 2023,
          indicators: input.doc.indicators.map((ind) => ({ number: ind.number as number, name: ind.name, unit: ind.unitOfMeasure as string })),
          figures: [{ indicator: 3, role: 'achievement', raw: `${value} %`, value, line: 20, percent: true }],
        });
        return { file: `${i}.md`, doc };
      }),
    );
    expect(kinds(result)).toEqual([]);
  });

  it('flags an indicator missing from a draft and names the likely rename', () => {
    const result = compareDocuments(
      inputs(3, (i, spec) => {
        if (i === 1) (spec.indicators[2] as { name: string }).name = 'Skor Integritas Satker';
      }),
    );
    expect(result.unmatched).toEqual([
      expect.objectContaining({ document: 'teluk-mutiara/draft.md', indicator: 16, name: 'Skor Integritas Satker', bestCandidate: 'nilai zona integritas bnn penilaian internal' }),
    ]);
    expect(result.flags).toEqual([
      {
        kind: 'missing-indicator',
        indicator: 'nilai zona integritas bnn penilaian internal',
        documents: ['teluk-mutiara/draft.md'],
        message: expect.stringMatching(/^"Nilai Zona Integritas BNN berdasarkan penilaian internal" is missing from Teluk Mutiara \(closest there: "Skor Integritas Satker", similarity 0\.\d+\)\.$/),
      },
    ]);
  });

  it('points at the row of drafts that renamed an indicator alike', () => {
    const result = compareDocuments(
      inputs(5, (i, spec) => {
        if (i >= 3) (spec.indicators[2] as { name: string }).name = 'Skor Integritas Satker';
      }),
    );
    expect(result.unmatched).toEqual([]);
    const missing = result.flags.filter((f) => f.kind === 'missing-indicator');
    expect(missing.map((f) => [f.indicator, f.documents])).toEqual([
      ['nilai zona integritas bnn penilaian internal', ['borneo-hulu/draft.md', 'selat-kabut/draft.md']],
      ['skor integritas satker', ['tanah-lada/draft.md', 'teluk-mutiara/draft.md', 'nusa-karang/draft.md']],
    ]);
    expect(missing[0]?.message).toBe('"Nilai Zona Integritas BNN berdasarkan penilaian internal" is missing from Borneo Hulu and Selat Kabut (they number "Skor Integritas Satker" the same instead).');
  });

  it('flags fiscal years that differ, pointing at the odd draft', () => {
    const result = compareDocuments(inputs(3, (i, spec) => (spec.fiscalYear = i === 2 ? 2023 : 2024)));
    expect(result.flags).toEqual([{ kind: 'fiscal-year', indicator: null, documents: ['nusa-karang/draft.md'], message: 'Fiscal years differ: 2024 in Tanah Lada and Teluk Mutiara; 2023 in Nusa Karang.' }]);
  });

  it('speaks Indonesian when asked', () => {
    const result = compareDocuments(
      inputs(3, (i, spec) => (spec.fiscalYear = i === 2 ? 2023 : 2024)),
      { locale: 'id' },
    );
    expect(result.flags[0]?.message).toBe('Tahun anggaran berbeda: 2024 di Tanah Lada dan Teluk Mutiara; 2023 di Nusa Karang.');
  });
});
