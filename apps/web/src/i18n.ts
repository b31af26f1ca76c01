import type { Locale } from '@lkip/engine';
import type { TargetStatus } from './overview/model.ts';

/** The viewer's own words; rule messages come localised from the engine. */
export interface UiWords {
  appTitle: string;
  compare: string;
  compareTitle: string;
  closeCompare: string;
  tagline: string;
  open: string;
  dropHint: string;
  example: string;
  download: string;
  save: string;
  saved: string;
  unsaved: string;
  saveFailed(reason: string): string;
  fixAll: string;
  fixAllNone: string;
  fixAllStale: string;
  fixedCount(n: number): string;
  undoHint: string;
  language: string;
  findingsTab: string;
  overviewTab: string;
  groupBy: string;
  byIndicator: string;
  byRule: string;
  allRules: string;
  allUnits: string;
  rule: string;
  unit: string;
  severity: { 2: string; 1: string; 0: string };
  noIndicator: string;
  engine: string;
  noFindings: string;
  noMatches: string;
  fix: string;
  suggestions: string;
  related: string;
  line(line: number, column: number): string;
  figureChanged: string;
  status: { idle: string; linting: string; ready(ms: number): string; error(reason: string): string };
  configProblem(reason: string): string;
  readProblem: { binary: string; encoding: string; type: string };
  emptyTitle: string;
  emptyBody: string;
  privacy: string;
  served(name: string): string;
  loadFailed(reason: string): string;
  keyboardHelp: string;
  overview: {
    indicator: string;
    unit: string;
    overall: string;
    target: string;
    realisation: string;
    achievement: string;
    category: string;
    status: Record<TargetStatus, string>;
    noFigures: string;
    chartTitle: string;
    polarity: { 'higher-is-better': string; 'lower-is-better': string };
    perUnitValue(measure: string): string;
  };
}

const id: UiWords = {
  appTitle: 'lkip',
  compare: 'Bandingkan draf…',
  compareTitle: 'Perbandingan antarprovinsi',
  closeCompare: 'Kembali ke draf',
  tagline: 'Pemeriksa konsistensi angka LKIP',
  open: 'Buka draf…',
  dropHint: 'Lepaskan berkas draf (.md, .txt) di sini',
  example: 'Coba contoh (LKIP BNNP NTT 2024)',
  download: 'Unduh draf',
  save: 'Simpan',
  saved: 'Tersimpan',
  unsaved: 'Ada perubahan belum disimpan',
  saveFailed: (reason) => `Gagal menyimpan: ${reason}`,
  fixAll: 'Perbaiki semua yang aman',
  fixAllNone: 'Tidak ada perbaikan otomatis untuk draf ini.',
  fixAllStale: 'Draf berubah selama perbaikan; coba lagi.',
  fixedCount: (n) => `${n} perbaikan diterapkan. Batalkan dengan Ctrl+Z.`,
  undoHint: 'Ctrl+Z membatalkan',
  language: 'Bahasa',
  findingsTab: 'Temuan',
  overviewTab: 'Ringkasan indikator',
  groupBy: 'Kelompokkan',
  byIndicator: 'per indikator',
  byRule: 'per aturan',
  allRules: 'Semua aturan',
  allUnits: 'Semua satker',
  rule: 'Aturan',
  unit: 'Satker',
  severity: { 2: 'Galat', 1: 'Peringatan', 0: 'Catatan' },
  noIndicator: 'Tanpa indikator',
  engine: 'lkip',
  noFindings: 'Tidak ada temuan. Angka-angka dalam draf ini konsisten menurut aturan yang aktif.',
  noMatches: 'Tidak ada temuan yang cocok dengan filter.',
  fix: 'Perbaiki',
  suggestions: 'Pilihan perbaikan',
  related: 'Lihat juga',
  line: (line, column) => `baris ${line}, kolom ${column}`,
  figureChanged: 'Angka ini sudah diubah; tunggu pemeriksaan ulang.',
  status: {
    idle: 'Belum ada draf',
    linting: 'Memeriksa…',
    ready: (ms) => `Diperiksa (${ms} ms)`,
    error: (reason) => `Pemeriksaan gagal: ${reason}`,
  },
  configProblem: (reason) => `lkip.config.json tidak valid, aturan bawaan dipakai: ${reason}`,
  readProblem: {
    binary: 'Berkas ini biner, bukan draf teks. Simpan draf sebagai .md atau .txt.',
    encoding: 'Berkas ini bukan UTF-8 yang valid. Simpan draf sebagai UTF-8.',
    type: 'Hanya berkas .md, .markdown dan .txt yang bisa dibuka.',
  },
  emptyTitle: 'Buka draf LKIP untuk memeriksa angkanya',
  emptyBody: 'Pilih berkas, seret ke halaman ini, atau coba contoh. Draf tidak pernah meninggalkan peramban Anda.',
  privacy: 'Draf diperiksa di peramban ini saja; tidak ada yang dikirim ke internet.',
  served: (name) => `Dibuka oleh lkip view: ${name}`,
  loadFailed: (reason) => `Gagal memuat draf: ${reason}`,
  keyboardHelp: 'F8 / Shift+F8: temuan berikut / sebelumnya · ↑ ↓ di daftar · Enter: ke angka',
  overview: {
    indicator: 'Indikator',
    unit: 'Satker',
    overall: 'Keseluruhan',
    target: 'Target',
    realisation: 'Realisasi',
    achievement: 'Capaian',
    category: 'Kategori',
    status: { above: 'di atas target', at: 'sesuai target', below: 'di bawah target' },
    noFigures: 'Tidak ada angka terbaca untuk indikator ini.',
    chartTitle: 'Target dan realisasi per satker',
    polarity: { 'higher-is-better': 'makin tinggi makin baik', 'lower-is-better': 'makin rendah makin baik' },
    perUnitValue: (measure) => `Nilai per satker: ${measure}`,
  },
};

const en: UiWords = {
  appTitle: 'lkip',
  compare: 'Compare drafts…',
  compareTitle: 'Comparison across provinces',
  closeCompare: 'Back to the draft',
  tagline: 'Consistency checker for LKIP figures',
  open: 'Open draft…',
  dropHint: 'Drop a draft file (.md, .txt) here',
  example: 'Try the example (LKIP BNNP NTT 2024)',
  download: 'Download draft',
  save: 'Save',
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saveFailed: (reason) => `Could not save: ${reason}`,
  fixAll: 'Fix all safe',
  fixAllNone: 'Nothing in this draft can be fixed automatically.',
  fixAllStale: 'The draft changed while fixing; try again.',
  fixedCount: (n) => `${n} fixes applied. Undo with Ctrl+Z.`,
  undoHint: 'Ctrl+Z undoes',
  language: 'Language',
  findingsTab: 'Findings',
  overviewTab: 'Indicator overview',
  groupBy: 'Group',
  byIndicator: 'by indicator',
  byRule: 'by rule',
  allRules: 'All rules',
  allUnits: 'All units',
  rule: 'Rule',
  unit: 'Unit',
  severity: { 2: 'Error', 1: 'Warning', 0: 'Note' },
  noIndicator: 'No indicator',
  engine: 'lkip',
  noFindings: 'No findings. The figures in this draft agree under the active rules.',
  noMatches: 'No findings match the filters.',
  fix: 'Fix',
  suggestions: 'Fix options',
  related: 'See also',
  line: (line, column) => `line ${line}, column ${column}`,
  figureChanged: 'This figure was edited; wait for the re-check.',
  status: {
    idle: 'No draft yet',
    linting: 'Checking…',
    ready: (ms) => `Checked (${ms} ms)`,
    error: (reason) => `Check failed: ${reason}`,
  },
  configProblem: (reason) => `lkip.config.json is not valid, using the default rules: ${reason}`,
  readProblem: {
    binary: 'This file is binary, not a text draft. Save the draft as .md or .txt.',
    encoding: 'This file is not valid UTF-8. Save the draft as UTF-8.',
    type: 'Only .md, .markdown and .txt files can be opened.',
  },
  emptyTitle: 'Open an LKIP draft to check its figures',
  emptyBody: 'Pick a file, drop it on this page, or try the example. The draft never leaves your browser.',
  privacy: 'Drafts are checked in this browser only; nothing is sent to the internet.',
  served: (name) => `Opened by lkip view: ${name}`,
  loadFailed: (reason) => `Could not load the draft: ${reason}`,
  keyboardHelp: 'F8 / Shift+F8: next / previous finding · ↑ ↓ in the list · Enter: go to figure',
  overview: {
    indicator: 'Indicator',
    unit: 'Unit',
    overall: 'Overall',
    target: 'Target',
    realisation: 'Realisation',
    achievement: 'Achievement',
    category: 'Category',
    status: { above: 'above target', at: 'at target', below: 'below target' },
    noFigures: 'No figures were read for this indicator.',
    chartTitle: 'Target and realisation per unit',
    polarity: { 'higher-is-better': 'higher is better', 'lower-is-better': 'lower is better' },
    perUnitValue: (measure) => `Per-unit value: ${measure}`,
  },
};

export const WORDS: Record<Locale, UiWords> = { id, en };
