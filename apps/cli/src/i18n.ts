import type { Locale } from '@lkip/engine';

/**
 * The CLI's own words (summaries, severities, headings). Rule messages are localised by the
 * engine; the `lkip: …` error lines by cli-errors-id.ts (Indonesian unless `--locale en`).
 */
export interface CliWords {
  severity: { error: string; warning: string; info: string };
  problems(n: number): string;
  errors(n: number): string;
  warnings(n: number): string;
  infos(n: number): string;
  fixable(errors: number, warnings: number): string;
  tooManyWarnings(max: number): string;
  /** A file a folder walk found and lint passed over, with why. */
  skipped(line: string): string;
  summary: SummaryWords;
}

export interface SummaryWords {
  title: string;
  agency: string;
  province: string;
  fiscalYear: string;
  units: string;
  indicators: string;
  unitOfMeasure: string;
  counts: string;
  polarity: { 'higher-is-better': string; 'lower-is-better': string };
  unit: string;
  target: string;
  realisation: string;
  achievement: string;
  category: string;
  aggregate: string;
  noFigures: string;
  scales: string;
  budget: string;
  ceiling: string;
  spent: string;
  none: string;
  diagnostics: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: CliWords = {
  severity: { error: 'error', warning: 'warning', info: 'info' },
  problems: (n) => plural(n, 'problem', 'problems'),
  errors: (n) => plural(n, 'error', 'errors'),
  warnings: (n) => plural(n, 'warning', 'warnings'),
  infos: (n) => plural(n, 'note', 'notes'),
  fixable: (e, w) =>
    `${plural(e, 'error', 'errors')} and ${plural(w, 'warning', 'warnings')} potentially fixable with the \`--fix\` option.`,
  tooManyWarnings: (max) => `lkip found too many warnings (maximum: ${max}).`,
  skipped: (line) => `skipped ${line}`,
  summary: {
    title: 'Title',
    agency: 'Agency',
    province: 'Province',
    fiscalYear: 'Fiscal year',
    units: 'Reporting units',
    indicators: 'Indicators',
    unitOfMeasure: 'unit',
    counts: 'counts units by',
    polarity: { 'higher-is-better': 'higher is better', 'lower-is-better': 'lower is better' },
    unit: 'Unit',
    target: 'Target',
    realisation: 'Realisation',
    achievement: 'Achievement',
    category: 'Category',
    aggregate: '(overall)',
    noFigures: 'no figures found',
    scales: 'Category scales',
    budget: 'Budget',
    ceiling: 'ceiling',
    spent: 'spent',
    none: '(none found)',
    diagnostics: 'Reader notes',
  },
};

// Indonesian has no grammatical plural: "5 masalah", "1 masalah".
const id: CliWords = {
  severity: { error: 'galat', warning: 'peringatan', info: 'catatan' },
  problems: (n) => `${n} masalah`,
  errors: (n) => `${n} galat`,
  warnings: (n) => `${n} peringatan`,
  infos: (n) => `${n} catatan`,
  fixable: (e, w) => `${e} galat dan ${w} peringatan dapat diperbaiki otomatis dengan opsi \`--fix\`.`,
  tooManyWarnings: (max) => `lkip menemukan terlalu banyak peringatan (maksimum: ${max}).`,
  skipped: (line) => `dilewati ${line}`,
  summary: {
    title: 'Judul',
    agency: 'Instansi',
    province: 'Provinsi',
    fiscalYear: 'Tahun anggaran',
    units: 'Satker',
    indicators: 'Indikator',
    unitOfMeasure: 'satuan',
    counts: 'menghitung satker menurut',
    polarity: { 'higher-is-better': 'semakin tinggi semakin baik', 'lower-is-better': 'semakin kecil semakin baik' },
    unit: 'Satker',
    target: 'Target',
    realisation: 'Realisasi',
    achievement: 'Capaian',
    category: 'Kategori',
    aggregate: '(keseluruhan)',
    noFigures: 'tidak ada angka yang ditemukan',
    scales: 'Skala kategori',
    budget: 'Anggaran',
    ceiling: 'pagu',
    spent: 'realisasi',
    none: '(tidak ditemukan)',
    diagnostics: 'Catatan pembaca',
  },
};

export function words(locale: Locale): CliWords {
  return locale === 'en' ? en : id;
}
