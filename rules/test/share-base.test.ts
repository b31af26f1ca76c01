import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { findings, HAS_SEED, readDraft, SEED } from './harness.js';

const RULE = 'share-base';

const TOTAL = 'Pada Tahun 2024 Dinas Pekerjaan Umum mendapat total alokasi anggaran sebesar Rp. 14.798.345.000,- dengan realisasi anggaran Rp. 11.351.051.150,- atau setara dengan 76,70 %.';

function finance(sentence: string): string {
  return ['LAPORAN KINERJA INSTANSI PEMERINTAH DINAS PEKERJAAN UMUM KABUPATEN BATU MERAH TAHUN 2024', 'B. AKUNTABILITAS KEUANGAN', TOTAL, sentence].join('\n\n') + '\n';
}

describe('share-base', () => {
  it('is silent when the share is of the total, or of the base the label names', () => {
    expect(findings(RULE, finance('Realisasi belanja modal sebesar Rp.3.161.629.239 atau 21,36% dari total anggaran.'))).toEqual([]);
    expect(findings(RULE, finance('Realisasi Belanja Pegawai dari pagu Rp.6.483.762.000 sebesar Rp.3.161.629.239 atau 48,76% dari pagu belanja pegawai.'))).toEqual([]);
  });

  it('is silent when no amount of the sentence explains the share', () => {
    expect(findings(RULE, finance('Realisasi belanja modal sebesar Rp.3.161.629.239 atau 30,00% dari total anggaran.'))).toEqual([]);
  });

  it('reports a share of another amount labelled as a share of the total budget', () => {
    const text = finance('Realisasi Belanja Pegawai dari Pagu Anggaran Rp.6.483.762.000 sebesar Rp.3.161.629.239 atau 48,76% dari total anggaran, sisa pagu sebesar Rp.3.322.132.761.');
    const found = findings(RULE, text);
    expect(found.map((m) => ({ line: m.line, column: m.column }))).toEqual([locate(text, '48,76%')]);
    expect(found[0]?.message).toContain('21,36 %');
    expect(found[0]?.message).toContain('Rp 6.483.762.000');
  });
});

describe('share-base on the seed', () => {
  it.skipIf(!HAS_SEED)('finds the pegawai share called a share of the total budget, twice (skipped without shared/seed)', () => {
    expect(findings(RULE, readDraft(SEED)).map((m) => m.line)).toEqual([1795, 1805]);
  });
});
