import { lintDocument, resolveConfig, type LintMessage } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { describe, expect, it } from 'vitest';
import { brief, findings, HAS_SEED, readDraft, ruleById, SEED } from './harness.js';

const RULE = 'capaian-mismatch';

const PREFIX = `IKHTISAR EKSEKUTIF

Satker Wilayah BNN Provinsi Contoh terdiri dari BNNP Contoh dan BNN Kabupaten Pesisir.

1. Indikator Kinerja Kegiatan Nilai Zona Integritas BNN berdasarkan penilaian internal target 75 Indeks . Untuk mendukung Indikator Kinerja Kegiatan tersebut BNNP Contoh melakukan pembangunan Zona Integritas. Realisasi Indikator Kinerja Kegiatan Nilai Zona Integritas BNN berdasarkan penilaian internal sebesar 68.21 Indeks atau sebesar ZI_SUMMARY, dibawah target.

BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA

NO	SASARAN KEGIATAN	INDIKATOR KINERJA KEGIATAN	TARGET
1	Meningkatnya pengungkapan tindak pidana narkotika	Jumlah berkas perkara tindak pidana narkotika yang P-21	3 Berkas Perkara
2	Meningkatnya pengelolaan reformasi birokrasi	Nilai Zona Integritas BNN berdasarkan penilaian internal	75 Indeks
3	Meningkatnya kualitas layanan	Persentase prevalensi penyalahgunaan narkoba	5 %
4	Meningkatnya proses manajemen kinerja	Nilai Kinerja Anggaran BNN Provinsi Contoh	89 Indeks

BAB III AKUNTABILITAS KINERJA
`;

/** A draft with one section per indicator; each placeholder is replaced by the figure under test. */
function draft(figures: Partial<Record<'ZI_SUMMARY' | 'P21_PCT' | 'P21_FRACTION' | 'ZI_PCT' | 'PREV_PCT' | 'NKA_PROSE' | 'NKA_TABLE' | 'NKA_TARGET', string>> = {}): string {
  const values = { ZI_SUMMARY: '90,9%', P21_PCT: '66.7 %', P21_FRACTION: '66.7', ZI_PCT: '90.9 %', PREV_PCT: '125 %', NKA_PROSE: '106,2 %', NKA_TABLE: '106.18%', NKA_TARGET: '89', ...figures };
  const text = `${PREFIX}
1.

Indikator Kinerja Kegiatan : Jumlah berkas perkara tindak pidana narkotika yang P-21

No	Indikator	Target	Realisasi	%
1	Jumlah berkas perkara tindak pidana narkotika yang P-21	3 Berkas Perkara	2 Berkas Perkara	P21_PCT

Perhitungan Capaian :

$$\\% \\text{ Capaian} : \\frac{2 \\text{ Berkas Perkara}}{3 \\text{ Berkas Perkara}} \\times 100\\% = P21_FRACTION \\%$$

2.

Indikator Kinerja Kegiatan : Nilai Zona Integritas BNN berdasarkan penilaian internal

No	Indikator	Target	Realisasi	%
1	Nilai Zona Integritas BNN berdasarkan penilaian internal	75 indeks	68.21 indeks	ZI_PCT

3.

Indikator Kinerja Kegiatan : Persentase prevalensi penyalahgunaan narkoba

No	Indikator	Target	Realisasi	%
1	Persentase prevalensi penyalahgunaan narkoba	5 %	4.00 %	PREV_PCT

4.

Indikator Kinerja Kegiatan : Nilai Kinerja Anggaran BNN Provinsi Contoh

Target indikator ini Tahun 2024 adalah NKA_TARGET Indeks, dengan realisasi 94.50 Indeks atau sebesar NKA_PROSE, melebihi target.

No	Indikator	Target	Realisasi	%
1	Nilai Kinerja Anggaran BNN Provinsi Contoh	NKA_TARGET indeks	94.50 indeks	NKA_TABLE
`;
  return Object.entries(values).reduce((t, [key, value]) => t.replaceAll(key, value), text);
}

/** 1-based line and column of the `occurrence`-th match of `needle`. */
function locate(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function applyFix(text: string, message: LintMessage): string {
  const fix = message.fix ?? message.suggestions?.[0]?.fix;
  if (!fix) throw new Error('no fix');
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const PREVALENCE_LOWER = { polarity: [{ pattern: 'prevalensi', polarity: 'lower-is-better' as const }] };

describe('capaian-mismatch', () => {
  describe('valid', () => {
    it('is silent when every stated achievement is realisation / target × 100', () => {
      expect(findings(RULE, draft(), PREVALENCE_LOWER)).toEqual([]);
    });

    it('accepts truncated and rounded statements of the same figure (66.7, 66.67, 90.9, 90.95, 106.2)', () => {
      expect(findings(RULE, draft({ P21_PCT: '66.67 %', ZI_PCT: '90.95 %', P21_FRACTION: '66.66', NKA_TABLE: '106.2%' }), PREVALENCE_LOWER)).toEqual([]);
    });

    it('leaves a fraction with numerator and denominator swapped to inverted-ratio', () => {
      const text = draft().replace('\\frac{2 \\text{ Berkas Perkara}}{3 \\text{ Berkas Perkara}}', '\\frac{3 \\text{ Berkas Perkara}}{2 \\text{ Berkas Perkara}}');
      expect(findings(RULE, text, PREVALENCE_LOWER)).toEqual([]);
      expect(findings('inverted-ratio', text, PREVALENCE_LOWER)).toHaveLength(1);
    });

    it('skips a target of 0', () => {
      expect(findings(RULE, draft({ NKA_TARGET: '0', NKA_TABLE: '50 %', NKA_PROSE: '50 %' }), PREVALENCE_LOWER)).toEqual([]);
    });

    it('is silent on a rounded average that holds only thanks to the rounding of its inputs, unless asked', () => {
      const text = `${PREFIX}
1.

Indikator Kinerja Kegiatan : Nilai Kinerja Anggaran BNN Provinsi Contoh

Nilai per satker sebagai berikut :

No	Satker	Target (Indeks)	Realisasi (indeks)	%
1	BNNP Contoh	3.43	3.48	101.46
2	BNNK Pesisir	3.25	3.49	107.4
	IKP Contoh	3.39	3.47	102.44
`;
      expect(findings(RULE, text)).toEqual([]);
      const info = findings(RULE, text, { reportRounding: true });
      expect(brief(info)).toEqual([{ ruleId: RULE, messageId: 'holdsByRounding', ...locate(text, '102.44') }]);
      expect(info[0]?.severity).toBe(0);
    });

    it('judges a figure with several readings by all of them and stays silent when one works', () => {
      const text = draft({ NKA_TABLE: '106.18%' });
      const doc = parseDraft(text);
      const stated = doc.measurements.find((m) => m.role === 'achievement' && m.quantity?.raw === '106.18%');
      expect(stated?.quantity).toBeDefined();
      // As if the reader could not tell 106.18 from 10618.
      stated!.quantity!.ambiguous = { readings: [{ value: 10618, decimals: 0 }, { value: 106.18, decimals: 2 }], reason: 'test' };
      stated!.quantity!.value = 10618;
      stated!.quantity!.decimals = 0;
      const messages = lintDocument(doc, { rules: [ruleById(RULE)], config: resolveConfig({ ...PREVALENCE_LOWER, reportUnusedDisableDirectives: 'off' }), text });
      expect(messages).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports a table achievement that is not realisation / target and fixes it in the same style', () => {
      const text = draft({ NKA_TABLE: '103.22%' });
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', ...locate(text, '103.22%') }]);
      expect(applyFix(text, messages[0]!)).toBe(draft({ NKA_TABLE: '106.18%' }));
    });

    it('keeps comma decimals when fixing prose', () => {
      const text = draft({ NKA_PROSE: '103,2 %' });
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', ...locate(text, '103,2 %') }]);
      expect(applyFix(text, messages[0]!)).toBe(draft({ NKA_PROSE: '106,2 %' }));
    });

    it('flags a padded figure whose written decimals do not hold ("66.70" for 66.67)', () => {
      const text = draft({ P21_PCT: '66.70 %' });
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', ...locate(text, '66.70 %') }]);
      expect(messages[0]?.fix?.text).toBe('66.67 %');
    });

    it('takes the target from an earlier clause of the same passage and only suggests the fix', () => {
      const text = draft({ ZI_SUMMARY: '95,4%' });
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', ...locate(text, '95,4%') }]);
      const [message] = messages;
      expect(message?.fix).toBeUndefined();
      expect(message?.suggestions?.[0]?.fix.text).toBe('90,9%');
      expect(message?.related?.[0]).toMatchObject(locate(text, '75 Indeks .'));
    });

    it('checks a fraction that is not swapped against its own numerator and denominator', () => {
      const text = draft({ P21_FRACTION: '70' });
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'fractionMismatch', ...locate(text, '70 \\%') }]);
      expect(messages[0]?.fix?.text).toBe('67 \\%');
    });

    it('uses the configured lower-is-better polarity', () => {
      const text = draft();
      // Without configuration the name ("prevalensi") suggests lower-is-better and the draft states
      // no formula: 5 / 4 = 125 % is accepted, as 4 / 5 = 80 % would be.
      expect(brief(findings(RULE, text))).toEqual([]);
      expect(findings(RULE, text, PREVALENCE_LOWER)).toEqual([]);
      const wrong = draft({ PREV_PCT: '120 %' });
      expect(brief(findings(RULE, wrong, PREVALENCE_LOWER))).toEqual([{ ruleId: RULE, messageId: 'mismatchLowerIsBetter', ...locate(wrong, '120 %') }]);
      const difference = { polarity: [{ pattern: 'prevalensi', polarity: 'lower-is-better' as const, formula: '2target-realisation' as const }] };
      // (2 × 5 − 4) / 5 = 120 %.
      expect(findings(RULE, wrong, difference)).toEqual([]);
      expect(brief(findings(RULE, text, difference))).toEqual([{ ruleId: RULE, messageId: 'mismatchLowerIsBetterDifference', ...locate(text, '125 %') }]);
    });

    it('treats counts as exact: 2 / 3 Berkas Perkara is not 70 %', () => {
      const text = draft({ P21_PCT: '70 %' });
      expect(brief(findings(RULE, text, PREVALENCE_LOWER))).toEqual([{ ruleId: RULE, messageId: 'mismatch', ...locate(text, '70 %') }]);
    });
  });

  it.skipIf(!HAS_SEED)('finds the wrong achievements of the real NTT draft (skipped without shared/seed)', () => {
    const messages = findings(RULE, readDraft(SEED));
    expect(messages.map((m) => `${m.line}:${m.column}`)).toEqual([
      '140:951', // Ikhtisar: IKPA Belu 105.5 % for 99.90 / 95 = 105.2
      '142:472', // Ikhtisar: ZI 95,4 % for 68.21 / 75 = 90.9 (target in the clause before)
      '404:24', // Dektari BNNP 107.02 for 55.16 / 51.51 = 107.09
      '408:37', // Dektari Rata-rata 95.34 for 50.73 / 53.35 = 95.09
      '554:26', // family resilience BNNP 111.32 for 88.929 / 87.589 = 101.53
      '555:22', // Belu 108.6 for 76.696 / 85.625 = 89.6
      '556:29', // Kota Kupang 105.6 for 84.375 / 81.339 = 103.7
      '557:27', // Rote Ndao 114.9 for 85.893 / 88.125 = 97.5
      '1402:53', // NKA 103.22 % for 94.50 / 89 = 106.18
      '1468:84', // NKA Kota Kupang (prose) 118.2 for 98.98 / 87 = 113.8
      '1476:42', // NKA Kota Kupang (table) 118.2 %
      '1629:301', // IKPA Belu (prose) 105.5
      '1634:36', // IKPA Belu (table) 105.5 %
      '1870:213', // Lampiran "133.00" for 4 / 3 = 133.33
      '1881:151', // Lampiran "66.70" for 2 / 3 = 66.67
      '1882:142', // Lampiran "90.90" for 68.21 / 75 = 90.95
      '2652:158', // Rekapitulasi IKPA Belu 105.5 %
    ]);
    expect(new Set(messages.map((m) => m.messageId))).toEqual(new Set(['mismatch']));
  });
});

describe('capaian-mismatch: the capaian of an average row', () => {
  const table = (average: string) =>
    [
      'Laporan Kinerja Instansi Pemerintah BPS Provinsi Teluk Biru Tahun 2024',
      'BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA',
      '| No | Sasaran | Indikator Kinerja | Target |\n| --- | --- | --- | --- |\n| 1 | Meningkatnya kualitas data | Indeks Kepuasan Konsumen Data | 80 Indeks |',
      'BAB III AKUNTABILITAS KINERJA',
      '1. Indikator Kinerja Utama : Indeks Kepuasan Konsumen Data',
      [
        '| No | Satker | Target | Realisasi | % |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | BPS Provinsi Teluk Biru | 80.00 | 88.00 | 110.00 |',
        '| 2 | BPS Kabupaten Batu Merah | 90.00 | 81.00 | 90.00 |',
        '| 3 | BPS Kota Lembah Hijau | 70.00 | 77.00 | 110.00 |',
        `| | Rata-rata | 80.00 | 82.00 | ${average} |`,
      ].join('\n'),
    ].join('\n\n') + '\n';

  it('accepts the ratio of the averages (102.50) and the mean of the rows’ percentages (103.33)', () => {
    expect(findings(RULE, table('102.50'))).toEqual([]);
    expect(findings(RULE, table('103.33'))).toEqual([]);
  });

  it('reports an average capaian that is neither', () => {
    expect(findings(RULE, table('104.10')).map((m) => m.line)).toEqual([table('104.10').split('\n').findIndex((l) => l.includes('Rata-rata')) + 1]);
  });
});
