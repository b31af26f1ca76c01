import type { Locale } from '@lkip/engine';
import type { DraftState } from './lint/protocol.ts';
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
  /** The unit of findings about a whole indicator (rules tag them "aggregate"). */
  wholeReport: string;
  severity: { 2: string; 1: string; 0: string };
  noIndicator: string;
  engine: string;
  noFindings: string;
  noMatches: string;
  /** What the panel says instead of "no findings" when there is nothing to check. */
  state: Record<Exclude<DraftState, 'lkip' | 'excerpt'>, string> & { none: string; unreadableBecause(detail: string): string };
  fix: string;
  suggestions: string;
  /** Marks a suggestion the engine held back because it moves an indicator across its target. */
  changesStanding: string;
  related: string;
  line(line: number, column: number): string;
  lineOnly(line: number): string;
  figureChanged: string;
  status: { idle: string; linting: string; ready(ms: number): string; error(reason: string): string; notLkip: string; empty: string; unreadable: string };
  configProblem(reason: string): string;
  readProblem: { binary: string; encoding: string; type: string; tooLarge(size: string, limit: string): string; docx(reason: string): string };
  emptyTitle: string;
  emptyBody: string;
  privacy: string;
  served(name: string): string;
  loadFailed(reason: string): string;
  keyboardHelp: string;
  find: string;
  goToLine: string;
  editorLabel: string;
  /** A Word document is shown as the Markdown the reader makes of it. */
  docxShown(name: string): string;
  pdf: { shown(name: string): string; noTextPages(pages: string): string; noFix: string; page(n: number): string; label(name: string): string; problem(reason: string): string };
  replace: { title: string; body(name: string): string; save: string; download: string; discard: string; cancel: string };
  conflict: {
    title: string;
    body(name: string): string;
    gone(reason: string): string;
    reload: string;
    overwrite: string;
    sideBySide: string;
    onDisk: string;
    yours: string;
    saveMerged: string;
    mergeHint: string;
    cancel: string;
  };
  fixPreview: { title(n: number): string; apply: string; cancel: string; before: string; after: string; note: string };
  ignore: { button: string; title: string; reason: string; placeholder: string; apply: string; cancel: string; failed: string; stale: string; done: string };
  ruleDoc: { link: string; title(rule: string): string; close: string; missing: string };
  ruleTitles: Record<string, string>;
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
  compare: 'Bandingkan…',
  compareTitle: 'Perbandingan antarprovinsi',
  closeCompare: 'Kembali ke draf',
  tagline: 'Pemeriksa konsistensi angka LKIP',
  open: 'Buka draf…',
  dropHint: 'Lepaskan berkas draf (.md, .txt, .docx, .pdf) di sini',
  example: 'Coba contoh',
  download: 'Unduh',
  save: 'Simpan',
  saved: 'Tersimpan',
  unsaved: 'Ada perubahan belum disimpan',
  saveFailed: (reason) => `Gagal menyimpan: ${reason}`,
  fixAll: 'Perbaiki semua…',
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
  wholeReport: 'Keseluruhan',
  severity: { 2: 'Galat', 1: 'Peringatan', 0: 'Catatan' },
  noIndicator: 'Tanpa indikator',
  engine: 'lkip',
  noFindings: 'Tidak ada temuan. Angka-angka dalam draf ini konsisten menurut aturan yang aktif.',
  noMatches: 'Tidak ada temuan yang cocok dengan filter.',
  state: {
    none: 'Belum ada draf. Buka draf LKIP (.md, .txt, .docx atau .pdf), seret ke halaman ini, atau coba contoh.',
    'not-lkip':
      'Ini bukan draf LKIP: tidak ada angka target, realisasi, capaian atau anggaran di dalamnya, jadi tidak ada yang bisa diperiksa. Buka draf laporan kinerja.',
    empty: 'Draf ini kosong. Tempelkan atau ketik isi draf, atau buka berkas lain.',
    unreadable: 'Pembaca lkip gagal membaca draf ini, jadi draf ini belum diperiksa.',
    unreadableBecause: (detail) => `Pembaca lkip gagal membaca draf ini, jadi draf ini belum diperiksa: ${detail}`,
  },
  fix: 'Perbaiki',
  suggestions: 'Pilihan perbaikan',
  changesStanding: 'mengubah posisi terhadap target: periksa dulu',
  related: 'Lihat juga',
  line: (line, column) => `baris ${line}, kolom ${column}`,
  lineOnly: (line) => `baris ${line}`,
  figureChanged: 'Angka ini sudah diubah; tunggu pemeriksaan ulang.',
  status: {
    idle: 'Belum ada draf',
    linting: 'Memeriksa…',
    ready: (ms) => `Diperiksa (${ms} ms)`,
    error: (reason) => `Pemeriksaan gagal: ${reason}`,
    notLkip: 'Bukan draf LKIP',
    empty: 'Draf kosong',
    unreadable: 'Tidak terbaca',
  },
  configProblem: (reason) => `lkip.config.json tidak valid, aturan bawaan dipakai: ${reason}`,
  readProblem: {
    binary: 'Berkas ini biner, bukan draf teks. Simpan draf sebagai .md, .txt, .docx atau .pdf.',
    encoding: 'Berkas ini bukan UTF-8 yang valid. Simpan draf sebagai UTF-8.',
    type: 'Hanya berkas .md, .markdown, .txt, .docx dan .pdf yang bisa dibuka.',
    tooLarge: (size, limit) => `Berkas ini ${size}; lkip membaca draf sampai ${limit}.`,
    docx: (reason) => `Dokumen Word ini tidak bisa dibaca: ${reason}`,
  },
  emptyTitle: 'Buka draf LKIP untuk memeriksa angkanya',
  emptyBody: 'Pilih berkas (.md, .txt, .docx atau .pdf), seret ke halaman ini, atau coba contoh LKIP BNNP NTT 2024. Draf tidak pernah meninggalkan peramban Anda.',
  privacy: 'Draf diperiksa di peramban ini saja; tidak ada yang dikirim ke internet.',
  served: (name) => `Dibuka oleh lkip view: ${name}`,
  loadFailed: (reason) => `Gagal memuat draf: ${reason}`,
  keyboardHelp: 'F8 / Shift+F8: temuan berikut / sebelumnya dari kursor · ↑ ↓ di daftar · Enter: ke angka · Ctrl+F: cari · Ctrl+G: ke baris',
  find: 'Cari',
  goToLine: 'Ke baris',
  editorLabel: 'Teks draf',
  docxShown: (name) => `${name} ditampilkan sebagai teks Markdown yang dibaca lkip; "Unduh" menyimpan teks itu (.md), dokumen Word tidak diubah.`,
  pdf: {
    shown: (name) =>
      `${name}: halaman PDF seperti digambar pdf.js, setiap temuan dibingkai di halamannya. PDF tidak diperbaiki: betulkan draf Word lalu ekspor lagi (saran perbaikan tetap ditampilkan).`,
    noTextPages: (pages) => ` Halaman tanpa lapisan teks (hasil pindai, perlu OCR dulu): ${pages}.`,
    noFix: 'PDF tidak diperbaiki di sini: betulkan draf Word-nya, lalu ekspor lagi ke PDF.',
    page: (n) => `hlm. ${n}`,
    label: (name) => `Halaman ${name}`,
    problem: (reason) => `PDF ini tidak bisa dibaca: ${reason}`,
  },
  replace: {
    title: 'Simpan perubahan?',
    body: (name) => `${name} punya perubahan yang belum disimpan. Membuka draf lain akan membuangnya.`,
    save: 'Simpan',
    download: 'Unduh dulu',
    discard: 'Buang perubahan',
    cancel: 'Batal',
  },
  conflict: {
    title: 'Berkas berubah di disk',
    body: (name) => `${name} diubah di luar penampil ini sejak dibuka (editor lain, git pull). Perubahan Anda belum disimpan; berkas di disk belum ditimpa.`,
    gone: (reason) => `Berkas tidak bisa dibaca lagi (${reason}). Perubahan Anda belum disimpan.`,
    reload: 'Muat ulang dari disk (buang perubahan saya)',
    overwrite: 'Timpa dengan versi saya',
    sideBySide: 'Bandingkan berdampingan',
    onDisk: 'Di disk sekarang',
    yours: 'Versi Anda (bisa diedit)',
    saveMerged: 'Simpan versi kanan',
    mergeHint: 'Ambil bagian dari versi di disk dengan tombol di antara kedua kolom, sunting kolom kanan, lalu simpan.',
    cancel: 'Batal',
  },
  fixPreview: {
    title: (n) => `${n} perubahan akan diterapkan`,
    apply: 'Terapkan semua',
    cancel: 'Batal',
    before: 'Sekarang',
    after: 'Menjadi',
    note: 'Perbaikan yang memindahkan indikator melewati targetnya tidak termasuk; pilih sendiri di daftar temuan. Satu Ctrl+Z membatalkan semuanya.',
  },
  ignore: {
    button: 'Abaikan…',
    title: 'Abaikan temuan ini dengan alasan',
    reason: 'Alasan (ditulis di komentar draf)',
    placeholder: 'mis. disetujui penelaah, angka dari sumber resmi',
    apply: 'Tulis komentar',
    cancel: 'Batal',
    failed: 'Tidak ada tempat komentar yang hanya mengabaikan temuan ini tanpa mengubah yang lain.',
    stale: 'Draf berubah sementara itu; coba lagi.',
    done: 'Komentar lkip-disable ditulis di draf. Batalkan dengan Ctrl+Z.',
  },
  ruleDoc: { link: 'Tentang aturan ini', title: (rule) => `Aturan ${rule}`, close: 'Tutup', missing: 'Dokumentasi aturan ini tidak ada.' },
  ruleTitles: {
    'aggregate-mismatch': 'Jumlah dan rata-rata',
    'band-definition': 'Rentang kategori',
    'capaian-mismatch': 'Capaian tidak sesuai',
    'category-mismatch': 'Kategori tidak sesuai',
    'change-mismatch': 'Kolom perubahan',
    'component-total': 'Total komponen',
    'count-claim': 'Jumlah dalam kalimat',
    'cross-ref-mismatch': 'Angka berbeda antarbagian',
    'entity-mismatch': 'Satker tertukar',
    'enumeration-count': 'Jumlah butir daftar',
    'formula-mismatch': 'Rumus yang dinyatakan',
    'inverted-ratio': 'Pecahan terbalik',
    'prose-category': 'Kategori dalam kalimat',
    'prose-total': 'Total dalam kalimat',
    'restated-achievement': 'Capaian/kategori diulang berbeda',
    'restated-figure': 'Angka tabel diulang berbeda',
    'share-base': 'Dasar persentase',
    'tally-mismatch': 'Rekap di atas/di bawah target',
    'unit-column': 'Kolom satuan',
    'unit-mismatch': 'Satuan berbeda',
    'year-mismatch': 'Tahun',
  },
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
  compare: 'Compare…',
  compareTitle: 'Comparison across provinces',
  closeCompare: 'Back to the draft',
  tagline: 'Consistency checker for LKIP figures',
  open: 'Open draft…',
  dropHint: 'Drop a draft file (.md, .txt, .docx, .pdf) here',
  example: 'Try the example',
  download: 'Download',
  save: 'Save',
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saveFailed: (reason) => `Could not save: ${reason}`,
  fixAll: 'Fix all…',
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
  allUnits: 'All offices',
  rule: 'Rule',
  unit: 'Office',
  wholeReport: 'Whole report',
  severity: { 2: 'Error', 1: 'Warning', 0: 'Note' },
  noIndicator: 'No indicator',
  engine: 'lkip',
  noFindings: 'No findings. The figures in this draft agree under the active rules.',
  noMatches: 'No findings match the filters.',
  state: {
    none: 'No draft yet. Open an LKIP draft (.md, .txt, .docx or .pdf), drop one on this page, or try the example.',
    'not-lkip': 'This is not an LKIP draft: it states no target, realisation, achievement or budget figure, so there is nothing to check. Open a performance report draft.',
    empty: 'This draft is empty. Paste or type the draft, or open another file.',
    unreadable: 'The lkip reader failed on this draft, so it has not been checked.',
    unreadableBecause: (detail) => `The lkip reader failed on this draft, so it has not been checked: ${detail}`,
  },
  fix: 'Fix',
  suggestions: 'Fix options',
  changesStanding: 'changes where the indicator stands against its target: review first',
  related: 'See also',
  line: (line, column) => `line ${line}, column ${column}`,
  lineOnly: (line) => `line ${line}`,
  figureChanged: 'This figure was edited; wait for the re-check.',
  status: {
    idle: 'No draft yet',
    linting: 'Checking…',
    ready: (ms) => `Checked (${ms} ms)`,
    error: (reason) => `Check failed: ${reason}`,
    notLkip: 'Not an LKIP draft',
    empty: 'Empty draft',
    unreadable: 'Unreadable',
  },
  configProblem: (reason) => `lkip.config.json is not valid, using the default rules: ${reason}`,
  readProblem: {
    binary: 'This file is binary, not a text draft. Save the draft as .md, .txt, .docx or .pdf.',
    encoding: 'This file is not valid UTF-8. Save the draft as UTF-8.',
    type: 'Only .md, .markdown, .txt, .docx and .pdf files can be opened.',
    tooLarge: (size, limit) => `This file is ${size}; lkip reads drafts up to ${limit}.`,
    docx: (reason) => `This Word document cannot be read: ${reason}`,
  },
  emptyTitle: 'Open an LKIP draft to check its figures',
  emptyBody: 'Pick a file (.md, .txt, .docx or .pdf), drop it on this page, or try the example (LKIP BNNP NTT 2024). The draft never leaves your browser.',
  privacy: 'Drafts are checked in this browser only; nothing is sent to the internet.',
  served: (name) => `Opened by lkip view: ${name}`,
  loadFailed: (reason) => `Could not load the draft: ${reason}`,
  keyboardHelp: 'F8 / Shift+F8: next / previous finding from the cursor · ↑ ↓ in the list · Enter: go to figure · Ctrl+F: find · Ctrl+G: go to line',
  find: 'Find',
  goToLine: 'Go to line',
  editorLabel: 'Draft text',
  docxShown: (name) => `${name} is shown as the Markdown text lkip reads; "Download" saves that text (.md), the Word document is not changed.`,
  pdf: {
    shown: (name) => `${name}: the PDF's pages as pdf.js draws them, each finding boxed on its page. A PDF is not fixed: correct the Word draft and export it again (fix suggestions are still shown).`,
    noTextPages: (pages) => ` Pages without a text layer (scans; run OCR first): ${pages}.`,
    noFix: 'A PDF is not fixed here: correct its Word draft, then export it to PDF again.',
    page: (n) => `p. ${n}`,
    label: (name) => `Pages of ${name}`,
    problem: (reason) => `This PDF cannot be read: ${reason}`,
  },
  replace: {
    title: 'Save your changes?',
    body: (name) => `${name} has changes that are not saved. Opening another draft would drop them.`,
    save: 'Save',
    download: 'Download first',
    discard: 'Discard changes',
    cancel: 'Cancel',
  },
  conflict: {
    title: 'The file changed on disk',
    body: (name) => `${name} was changed outside this viewer since it was opened (another editor, a git pull). Your changes are not saved; the file on disk is not overwritten.`,
    gone: (reason) => `The file can no longer be read (${reason}). Your changes are not saved.`,
    reload: 'Reload from disk (drop my changes)',
    overwrite: 'Overwrite with mine',
    sideBySide: 'Compare side by side',
    onDisk: 'On disk now',
    yours: 'Yours (editable)',
    saveMerged: 'Save the right side',
    mergeHint: 'Take parts of the version on disk with the buttons between the columns, edit the right column, then save.',
    cancel: 'Cancel',
  },
  fixPreview: {
    title: (n) => `${n} changes will be made`,
    apply: 'Apply all',
    cancel: 'Cancel',
    before: 'Now',
    after: 'Becomes',
    note: 'Fixes that would move an indicator across its target are not included; choose those yourself in the findings. One Ctrl+Z undoes them all.',
  },
  ignore: {
    button: 'Ignore…',
    title: 'Ignore this finding, with a reason',
    reason: 'Reason (written into the draft’s comment)',
    placeholder: 'e.g. accepted by the reviewer, figure from the official source',
    apply: 'Write the comment',
    cancel: 'Cancel',
    failed: 'There is no place for a comment that ignores only this finding without changing others.',
    stale: 'The draft changed meanwhile; try again.',
    done: 'An lkip-disable comment was written into the draft. Undo with Ctrl+Z.',
  },
  ruleDoc: { link: 'About this rule', title: (rule) => `Rule ${rule}`, close: 'Close', missing: 'This rule has no documentation.' },
  ruleTitles: {
    'aggregate-mismatch': 'Totals and averages',
    'band-definition': 'Category bands',
    'capaian-mismatch': 'Achievement does not follow',
    'category-mismatch': 'Category does not follow',
    'change-mismatch': 'Change column',
    'component-total': 'Component total',
    'count-claim': 'Counts in prose',
    'cross-ref-mismatch': 'Figure differs between places',
    'entity-mismatch': 'Offices mixed up',
    'enumeration-count': 'Count of list items',
    'formula-mismatch': 'Stated formula',
    'inverted-ratio': 'Fraction upside down',
    'prose-category': 'Category in prose',
    'prose-total': 'Totals in prose',
    'restated-achievement': 'Achievement or category restated differently',
    'restated-figure': 'Table figure restated differently',
    'share-base': 'Base of a share',
    'tally-mismatch': 'Above/below target tally',
    'unit-column': 'Unit column',
    'unit-mismatch': 'Unit of measure differs',
    'year-mismatch': 'Year',
  },
  overview: {
    indicator: 'Indicator',
    unit: 'Office',
    overall: 'Overall',
    target: 'Target',
    realisation: 'Realisation',
    achievement: 'Achievement',
    category: 'Category',
    status: { above: 'above target', at: 'at target', below: 'below target' },
    noFigures: 'No figures were read for this indicator.',
    chartTitle: 'Target and realisation per office',
    polarity: { 'higher-is-better': 'higher is better', 'lower-is-better': 'lower is better' },
    perUnitValue: (measure) => `Per-office value: ${measure}`,
  },
};

export const WORDS: Record<Locale, UiWords> = { id, en };

/** A rule's name for people: the short title, else its one-line description, else its id. */
export function ruleTitle(words: UiWords, ruleId: string, description?: string): string {
  return words.ruleTitles[ruleId] ?? description ?? ruleId;
}
