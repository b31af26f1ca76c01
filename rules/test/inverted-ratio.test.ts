import type { LintMessage } from '@lkip/engine';
import { describe, expect, it } from 'vitest';
import { brief, findings, HAS_SEED, readDraft, SEED } from './harness.js';

const RULE = 'inverted-ratio';

const PREFIX = `BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA

NO	SASARAN KEGIATAN	INDIKATOR KINERJA KEGIATAN	TARGET
1	Meningkatnya pengungkapan tindak pidana narkotika	Jumlah berkas perkara tindak pidana narkotika yang P-21	3 Berkas Perkara
2	Meningkatnya pengelolaan reformasi birokrasi	Nilai Zona Integritas BNN berdasarkan penilaian internal	75 Indeks
3	Meningkatnya kualitas layanan	Persentase prevalensi penyalahgunaan narkoba	5 %

BAB III AKUNTABILITAS KINERJA
`;

function section(number: number, name: string, table: string, fraction: string): string {
  return `
${number}.

Indikator Kinerja Kegiatan : ${name}

No	Indikator	Target	Realisasi	%
1	${name}	${table}

Perhitungan Capaian :

${fraction}
`;
}

const P21 = 'Jumlah berkas perkara tindak pidana narkotika yang P-21';
const ZI = 'Nilai Zona Integritas BNN berdasarkan penilaian internal';
const PREVALENCE = 'Persentase prevalensi penyalahgunaan narkoba';

const P21_RIGHT = '$$\\% \\text{ Capaian} : \\frac{2 \\text{ Berkas Perkara}}{3 \\text{ Berkas Perkara}} \\times 100\\% = 66.7 \\%$$';
const P21_SWAPPED = '$$\\% \\text{ Capaian} : \\frac{3 \\text{ Berkas Perkara}}{2 \\text{ Berkas Perkara}} \\times 100\\% = 66.7 \\%$$';
const ZI_RIGHT = '% Capaian\t68.21 indeks\tx 100% = 90.9 %\n\t75 indeks\t';
const ZI_SWAPPED = '% Capaian\t75 indeks\tx 100% = 90.9 %\n\t68.21 indeks\t';
const PREVALENCE_TARGET_OVER_REALISATION = '$$\\% \\text{ Capaian} = \\frac{5 \\text{ \\%}}{4 \\text{ \\%}} \\times 100\\% = 125\\%$$';
const PREVALENCE_REALISATION_OVER_TARGET = '$$\\% \\text{ Capaian} = \\frac{4 \\text{ \\%}}{5 \\text{ \\%}} \\times 100\\% = 80\\%$$';

function draft(p21: string, zi: string, prevalence = PREVALENCE_TARGET_OVER_REALISATION): string {
  return (
    PREFIX +
    section(1, P21, '3 Berkas Perkara\t2 Berkas Perkara\t66.7 %', p21) +
    section(2, ZI, '75 indeks\t68.21 indeks\t90.9 %', zi) +
    section(3, PREVALENCE, '5 %\t4 %\t125 %', prevalence)
  );
}

const PREVALENCE_LOWER = { polarity: [{ pattern: 'prevalensi', polarity: 'lower-is-better' as const }] };

function locate(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function applySuggestion(text: string, message: LintMessage | undefined): string {
  const fix = message?.suggestions?.[0]?.fix;
  if (!fix) throw new Error('no suggestion');
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

describe('inverted-ratio', () => {
  describe('valid', () => {
    it('is silent on fractions that put realisation over target', () => {
      expect(findings(RULE, draft(P21_RIGHT, ZI_RIGHT, PREVALENCE_REALISATION_OVER_TARGET))).toEqual([]);
    });

    it('is silent on fractions whose numerator equals the denominator (3/3, 3.77/3.77)', () => {
      const text =
        PREFIX +
        section(1, P21, '3 Berkas Perkara\t3 Berkas Perkara\t100 %', '$$\\% \\text{ Capaian} : \\frac{3 \\text{ Berkas Perkara}}{3 \\text{ Berkas Perkara}} \\times 100\\% = 100\\%$$') +
        section(2, ZI, '75 indeks\t75.00 indeks\t100 %', '% Capaian\t:\t75 indeks\tx100% =\t100 %\n\t\t75.00 indeks\t');
      expect(findings(RULE, text)).toEqual([]);
    });

    it('accepts target over realisation for an indicator configured as lower-is-better', () => {
      expect(findings(RULE, draft(P21_RIGHT, ZI_RIGHT), PREVALENCE_LOWER)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports a LaTeX fraction whose stated result is denominator / numerator', () => {
      const text = draft(P21_SWAPPED, ZI_RIGHT);
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'swappedByResult', ...locate(text, '$$\\% \\text{ Capaian} : \\frac{3') }]);
      expect(applySuggestion(text, messages[0])).toBe(draft(P21_RIGHT, ZI_RIGHT));
    });

    it('reports a two-line fraction and swaps only the numbers, keeping the units', () => {
      const text = draft(P21_RIGHT, ZI_SWAPPED);
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'swappedByResult', ...locate(text, '% Capaian\t75') }]);
      expect(applySuggestion(text, messages[0])).toBe(draft(P21_RIGHT, ZI_RIGHT));
    });

    it('reads "66.70" as 66.7 padded with a zero when judging which way the fraction was computed', () => {
      const text = draft(P21_SWAPPED.replace('66.7 \\%', '66.70 \\%'), ZI_RIGHT);
      expect(brief(findings(RULE, text, PREVALENCE_LOWER))).toEqual([{ ruleId: RULE, messageId: 'swappedByResult', ...locate(text, '$$\\% \\text{ Capaian} : \\frac{3') }]);
    });

    it('reports target over realisation against the section table even when the stated result follows the fraction', () => {
      const text = draft(P21_SWAPPED.replace('66.7 \\%', '150 \\%'), ZI_RIGHT);
      const messages = findings(RULE, text, PREVALENCE_LOWER);
      expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'targetOverRealisation', ...locate(text, '$$\\% \\text{ Capaian} : \\frac{3') }]);
      expect(messages[0]?.related?.map((r) => r.line)).toEqual([locate(text, '3 Berkas Perkara\t2').line, locate(text, '3 Berkas Perkara\t2').line]);
    });

    it('reports target over realisation for a higher-is-better indicator, and realisation over target for a lower-is-better one', () => {
      const text = draft(P21_RIGHT, ZI_RIGHT);
      expect(brief(findings(RULE, text))).toEqual([{ ruleId: RULE, messageId: 'targetOverRealisation', ...locate(text, '$$\\% \\text{ Capaian} = \\frac{5') }]);
      const realisationOverTarget = draft(P21_RIGHT, ZI_RIGHT, PREVALENCE_REALISATION_OVER_TARGET);
      expect(brief(findings(RULE, realisationOverTarget, PREVALENCE_LOWER))).toEqual([
        { ruleId: RULE, messageId: 'realisationOverTarget', ...locate(realisationOverTarget, '$$\\% \\text{ Capaian} = \\frac{4') },
      ]);
    });
  });

  it.skipIf(!HAS_SEED)('finds the nine swapped fractions of the real NTT draft (skipped without shared/seed)', () => {
    const messages = findings(RULE, readDraft(SEED));
    expect(messages.map((m) => `${m.line}:${m.column}`)).toEqual([
      '420:1', // 3 / 2 Kab/Kota = 66.7 % (two lines)
      '891:1', // 68 % / 87.18 % = 128.2 % (two lines)
      '1230:1', // 3 / 4 Berkas Perkara = 133 %
      '1434:1', // 89 / 94.50 indeks = 106.2 %
      '1512:1', // 1 / 3 BNN Kab/Kota = 300 %
      '1597:2', // 94.65 / 89.56 indeks = 94.6 % (two lines, label on the second)
      '1663:1', // 3 / 2 BNN Kab/Kota = 66.70 %
      '1701:1', // 3 / 2 Kabupaten/Kota = 66.7 %
      '1762:1', // 75 / 68.21 indeks = 90.9 %
    ]);
    expect(messages.every((m) => m.messageId === 'swappedByResult' && m.suggestions?.length === 1)).toBe(true);
  });
});
