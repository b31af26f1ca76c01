import { describe, expect, it } from 'vitest';
import { compareDocuments, digestDocument, matchIndicators, nameSimilarity, nameWords, WordWeights, wordSimilarity } from '../src/index.js';
import { bnnIndicators, makeDoc } from './build.js';

const input = (file: string, province: string, replace: Parameters<typeof bnnIndicators>[1] = {}) =>
  digestDocument({
    file,
    doc: makeDoc({ province, fiscalYear: 2024, indicators: bnnIndicators(province, replace) }),
  });

describe('word similarity', () => {
  it('forgives a typing slip in a long word, not a different short word', () => {
    expect(wordSimilarity('kualitas', 'kwalitas')).toBeGreaterThan(0.8);
    expect(wordSimilarity('penyalahgunaan', 'penyalahgunan')).toBeGreaterThan(0.8);
    expect(wordSimilarity('ibm', 'ikp')).toBe(0);
    expect(wordSimilarity('remaja', 'keluarga')).toBe(0);
  });

  it('weights rare words above common ones', () => {
    const weights = new WordWeights();
    for (const name of ['jumlah petugas', 'jumlah lembaga', 'jumlah unit', 'nilai integritas']) weights.add(name.split(' '));
    expect(weights.weight('integritas')).toBeGreaterThan(weights.weight('jumlah'));
    const a = nameWords('Jumlah petugas penyelenggara IBM yang terlatih');
    expect(nameSimilarity(a, a, weights)).toBeCloseTo(1, 10);
  });
});

describe('matching indicators across drafts', () => {
  it('matches all 16 national indicators across provinces, each province name left out of the key', () => {
    const { rows, unmatched } = matchIndicators([input('a.md', 'Tanah Lada'), input('b.md', 'Teluk Mutiara'), input('c.md', 'Nusa Tenggara Timur')]);
    expect(unmatched).toEqual([]);
    expect(rows).toHaveLength(16);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    for (const row of rows) expect(row.members.map((m) => m.indicator.number)).toEqual([row.number, row.number, row.number]);
    expect(rows[11]?.key).toBe('nilai kinerja anggaran bnn');
    expect(rows[11]?.name).toBe('Nilai Kinerja Anggaran BNN Provinsi');
  });

  it('matches spelling variants', () => {
    const variants = {
      1: { name: 'Jumlah Kab/Kota dengan Indeks Ketahanan Diri Remaja terhadap Penyalahgunaan Narkotika berkategori Tinggi di wilayah Provinsi' },
      4: { name: 'Persentase penyalah guna dan/atau pecandu narkoba yang mengalami peningkatan kwalitas hidup' },
      6: { name: 'Jumlah lembaga rehabilitas yang memenuhi Standar Pelayanan Minimal (SPM) yang operasional' },
      10: { name: 'Nilai tingkat kemanan, ketertiban dan kesehatan tahanan' },
      13: { name: 'Jumlah BNNK/Kota dengan Nilai Kinerja Anggaran mencapai target' },
      15: { name: 'Jumlah BNN Kab/Kota di wilayah Provinsi dengan Nilai IKPA mencapai target' },
    };
    const { rows, unmatched } = matchIndicators([input('a.md', 'Tanah Lada'), input('b.md', 'Teluk Mutiara'), input('c.md', 'Sulawesi Pesisir', variants)]);
    expect(unmatched).toEqual([]);
    expect(rows).toHaveLength(16);
    for (const row of rows) expect(row.members).toHaveLength(3);
  });

  it('matches by name when the numbering differs', () => {
    const shuffled = makeDoc({ province: 'Borneo Hulu', indicators: [...bnnIndicators('Borneo Hulu')].reverse().map((ind, i) => ({ ...ind, number: i + 1 })) });
    const { rows, unmatched } = matchIndicators([input('a.md', 'Tanah Lada'), digestDocument({ file: 'b.md', doc: shuffled })]);
    expect(unmatched).toEqual([]);
    expect(rows).toHaveLength(16);
    const zi = rows.find((r) => r.key.includes('integritas'));
    expect(zi?.members.map((m) => m.indicator.number)).toEqual([16, 1]);
  });

  it('lists an indicator renamed beyond recognition as unmatched instead of guessing, even with the same number', () => {
    const renamed = { 16: { name: 'Skor Integritas Satker' } };
    const { rows, unmatched } = matchIndicators([input('a.md', 'Tanah Lada'), input('b.md', 'Borneo Hulu', renamed), input('c.md', 'Teluk Mutiara')]);
    expect(rows).toHaveLength(16);
    const zi = rows.find((r) => r.number === 16);
    expect(zi?.members.map((m) => m.doc)).toEqual([0, 2]);
    expect(unmatched).toEqual([
      { document: 'b.md', indicator: 16, name: 'Skor Integritas Satker', reason: 'name-differs', bestCandidate: 'nilai zona integritas bnn penilaian internal', score: expect.any(Number) },
    ]);
    expect(unmatched[0]?.score).toBeLessThan(0.4);
  });

  it('does not let a number pair indicators whose names disagree', () => {
    const other = { 5: { name: 'Jumlah desa bersinar yang dibentuk', unit: 'Desa' } };
    const { unmatched } = matchIndicators([input('a.md', 'Tanah Lada'), input('b.md', 'Nusa Karang', other)]);
    // With two drafts neither "5" can be called the right one: both are reported.
    expect(unmatched.map((u) => [u.document, u.indicator, u.reason])).toEqual([
      ['a.md', 5, 'no-match'],
      ['b.md', 5, 'no-match'],
    ]);
  });

  it('keeps every indicator of a single document', () => {
    const { rows, unmatched } = matchIndicators([input('a.md', 'Tanah Lada')]);
    expect(rows).toHaveLength(16);
    expect(unmatched).toEqual([]);
  });

  it('reports an indicator that fits two rows equally as ambiguous', () => {
    const base = (file: string) => ({
      file,
      doc: makeDoc({ indicators: [{ number: 1, name: 'Nilai keamanan tahanan' }, { number: 2, name: 'Nilai keamanan barang' }] }),
    });
    const vague = { file: 'c.md', doc: makeDoc({ indicators: [{ name: 'Nilai keamanan tahanan dan barang' }] }) };
    const result = compareDocuments([base('a.md'), base('b.md'), vague]);
    expect(result.unmatched).toEqual([expect.objectContaining({ document: 'c.md', reason: 'ambiguous', indicator: null })]);
  });
});
