import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDraft } from '@lkip/parse';
import { describe, expect, it } from 'vitest';
import { yearMentions } from '../src/history/prior-prose.js';
import { checkHistory, compareDocuments, comparableDocument, historyView, type HistoryView } from '../src/index.js';

const YEARS = fileURLToPath(new URL('../../../fixtures/compare-years/', import.meta.url));
const NTT = fileURLToPath(new URL('../../../fixtures/ntt-2024/draft.md', import.meta.url));

function read(path: string, file = path) {
  const doc = parseDraft(readFileSync(path, 'utf8'), { path: file });
  return { file, doc };
}
const fixture = (slug: string) => read(`${YEARS}${slug}/draft.md`, `${slug}/draft.md`);
const view = (slug: string): HistoryView => {
  const { file, doc } = fixture(slug);
  return historyView(file, doc);
};

describe('figures a filing states for earlier years', () => {
  it('reads the years a clause names: lists, ranges, "tahun sebelumnya", not regulations or counts of years', () => {
    const years = (text: string) => yearMentions(text, 2024).map((y) => y.year);
    expect(years('Pada Tahun 2022 dan 2023 realisasi')).toEqual([2022, 2023]);
    expect(years('Pada Tahun 2022 s.d 2024 realisasi')).toEqual([2022, 2023, 2024]);
    expect(years('meningkat dari 93,5 % pada tahun 2023')).toEqual([2023]);
    expect(years('dibandingkan tahun sebelumnya sebesar 93,5 %')).toEqual([2023]);
    expect(years('dengan 2 (dua) tahun sebelumnya')).toEqual([]);
    expect(years('Peraturan Kepala BNN Nomor 5 Tahun 2023 tentang')).toEqual([]);
  });

  it('reads a table with a row per year, a table with a column per year, and prose', () => {
    const prior = view('teluk-cendana-2024').prior.map((f) => [f.source, f.line, f.year, f.raw, f.roles.join('/')]);
    expect(prior).toEqual([
      ['table', 333, 2022, '84.00', 'target'],
      ['table', 333, 2022, '84.90', 'realisation'],
      ['table', 334, 2023, '86.00', 'target'],
      ['table', 334, 2023, '87.02', 'realisation'],
      ['table', 379, 2022, '60', 'target'],
      ['table', 379, 2023, '65', 'target'],
      ['table', 380, 2022, '63.70', 'realisation'],
      ['table', 380, 2023, '68.40', 'realisation'],
      ['prose', 173, 2023, '3', 'realisation/target'],
      ['prose', 212, 2023, '72.50 %', 'realisation/achievement/target'],
      ['prose', 212, 2023, '103,6 %', 'achievement'],
      ['prose', 280, 2023, '2', 'realisation/target'],
      ['prose', 328, 2023, '87.20', 'realisation/target'],
      ['prose', 374, 2023, '68.40', 'realisation/target'],
    ]);
  });

  it('pairs listed years with listed figures, and leaves out what it cannot attribute', () => {
    const { file, doc } = read(NTT, 'ntt-2024/draft.md');
    const prior = historyView(file, doc).prior.map((f) => [f.line, f.year, f.raw, f.office]);
    // "Tahun 2023 adalah 90.83 indeks …, dan Tahun 2024 adalah 94.50 indeks": each year its figure.
    expect(prior).toContainEqual([1118, 2023, '90.83', 'province']);
    expect(prior).toContainEqual([1118, 2022, '87.44', 'province']);
    // "Tahun 2022 s.d 2024 … 124.30 persen, 109.41 persen, dan 136.54 persen" under two office
    // headings that the sentences do not name: two different 2023 figures for one office, so none.
    expect(prior.filter(([line]) => (line as number) >= 888 && (line as number) <= 906)).toEqual([]);
    // A formula's weights are no figures of a year ("… dengan Tahun sebelumnya … 60% × EKA + 40% × IKPA").
    expect(prior.some(([, , raw]) => String(raw).includes('\\'))).toBe(false);
  });
});

describe('checkHistory: this year’s filing against last year’s', () => {
  it('finds the mis-copied figure of a table with a row per year, and only that', () => {
    const findings = checkHistory(view('teluk-cendana-2024'), view('teluk-cendana-2023'));
    expect(findings.map((f) => [f.stated.line, f.stated.raw, f.role, f.expected[0]?.raw, f.expected[0]?.line, f.indicator.number])).toEqual([[334, '87.02', 'realisation', '87.20', 297, 5]]);
  });

  it('finds the mis-copied figure of a sentence, and only that', () => {
    const findings = checkHistory(view('tanjung-gading-2024'), view('tanjung-gading-2023'));
    expect(findings.map((f) => [f.stated.line, f.stated.raw, f.role, f.expected[0]?.raw])).toEqual([[212, '75.20 %', 'realisation', '72.50 %']]);
  });

  it('is silent on right figures, rounded ones included (103,6 % for 103.57 %)', () => {
    const current = view('teluk-cendana-2024');
    const checked = current.prior.filter((f) => f.year === 2023 && f.raw !== '87.02');
    expect(checked.length).toBeGreaterThanOrEqual(9);
    expect(checkHistory(current, view('teluk-cendana-2023')).filter((f) => f.stated.raw !== '87.02')).toEqual([]);
  });

  it('checks nothing against a later filing, or when the filings are of one year', () => {
    expect(checkHistory(view('teluk-cendana-2023'), view('teluk-cendana-2024'))).toEqual([]);
    expect(checkHistory(view('teluk-cendana-2024'), view('teluk-cendana-2024'))).toEqual([]);
  });
});

describe('compareDocuments across years', () => {
  const inputs = ['teluk-cendana-2023', 'teluk-cendana-2024', 'tanjung-gading-2023', 'tanjung-gading-2024'].map((slug) => {
    const { file, doc } = fixture(slug);
    return { file, doc: comparableDocument(doc) };
  });
  const result = compareDocuments(inputs, { locale: 'en' });

  it('lays out indicator × province × year, with a trend per indicator', () => {
    expect(result.years).toEqual([2023, 2024]);
    expect(result.documents.map((d) => d.label)).toEqual(['Teluk Cendana 2023', 'Teluk Cendana 2024', 'Tanjung Gading 2023', 'Tanjung Gading 2024']);
    const nka = result.indicators.find((i) => i.number === 5);
    expect(nka?.trend).toEqual([
      {
        province: 'Teluk Cendana',
        points: [
          { year: 2023, document: 'teluk-cendana-2023/draft.md', target: 86, realisation: 87.2, achievement: 101.4 },
          { year: 2024, document: 'teluk-cendana-2024/draft.md', target: 88, realisation: 90.6, achievement: 102.95 },
        ],
      },
      {
        province: 'Tanjung Gading',
        points: [
          { year: 2023, document: 'tanjung-gading-2023/draft.md', target: 86, realisation: 87.2, achievement: 101.4 },
          { year: 2024, document: 'tanjung-gading-2024/draft.md', target: 88, realisation: 90.6, achievement: 102.95 },
        ],
      },
    ]);
  });

  it('holds each 2024 filing against the 2023 filing of its own province, and raises no other flag', () => {
    expect(result.flags.map((f) => [f.kind, f.documents])).toEqual([
      ['history-mismatch', ['teluk-cendana-2024/draft.md']],
      ['history-mismatch', ['tanjung-gading-2024/draft.md']],
    ]);
    expect(result.flags[0]?.message).toBe(
      '"Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana": the 2023 realisation of BNNP Teluk Cendana is cited as 87.02 (line 334), but the 2023 filing (teluk-cendana-2023/draft.md) states 87.20 (line 297).',
    );
  });
});
