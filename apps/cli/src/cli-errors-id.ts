/**
 * The CLI's own error and note lines (`lkip: …` on standard error) in Bahasa Indonesia, the
 * default language: `--locale en` keeps them English. Phrases rather than whole messages, so
 * that a line built from several parts ("draft.md: cannot read file: permission denied") is
 * worded part by part; a phrase not listed here stays as written.
 */
const PHRASES: readonly [RegExp, string][] = [
  // Whole sentences first: they carry their own word order.
  [/^No files matching '(.*)' were found\.$/, "Tidak ada berkas yang cocok dengan '$1'."],
  [/^The --fix option and the --fix-dry-run option cannot be used together\.$/, 'Opsi --fix dan --fix-dry-run tidak dapat dipakai bersamaan.'],
  [/^The --fix option is not available for piped-in drafts; use --fix-dry-run instead\.$/, 'Opsi --fix tidak tersedia untuk draf dari masukan standar; pakai --fix-dry-run.'],
  [/^File patterns cannot be combined with --stdin\.$/, 'Pola berkas tidak dapat digabung dengan --stdin.'],
  [/^The --stdin-filename option requires --stdin\.$/, 'Opsi --stdin-filename memerlukan --stdin.'],
  [/^The --cache-location option requires --cache\.$/, 'Opsi --cache-location memerlukan --cache.'],
  [/^The --baseline option and the --write-baseline option cannot be used together\.$/, 'Opsi --baseline dan --write-baseline tidak dapat dipakai bersamaan.'],
  [/^Invalid --rule '(.*)': expected <rule-id>:off\|warn\|error$/, "--rule '$1' tidak sah: seharusnya <id-aturan>:off|warn|error"],
  [/^unknown option '(.*?)'/, "opsi '$1' tidak dikenal"],
  [/^unknown command '(.*?)'/, "perintah '$1' tidak dikenal"],
  [/^missing required argument '(.*?)'/, "argumen wajib '$1' belum diberikan"],
  [/^option '(.*?)' argument missing/, "opsi '$1' memerlukan nilai"],
  [/^option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\.$/, "nilai '$2' untuk opsi '$1' tidak sah; pilihannya: $3."],
  [/^too many arguments/, 'argumen terlalu banyak'],
  [/\(Did you mean (.*)\?\)/, '(Maksud Anda $1?)'],
  [/^standard input is not available$/, 'masukan standar tidak tersedia'],
  [/^lkip found too many warnings \(maximum: (\d+)\)\.$/, 'lkip menemukan terlalu banyak peringatan (maksimum: $1).'],
  // Parts of "<file>: <what went wrong>".
  [/: not an LKIP draft \(no target, realisation, achievement or budget figures\)/, ': bukan draf LKIP (tidak ada angka target, realisasi, capaian atau anggaran)'],
  [/: the reader could not read this draft: /, ': pembaca tidak dapat membaca draf ini: '],
  [/: binary file, not a draft/, ': berkas biner, bukan draf'],
  [/: empty file \(the Word document has no text\)/, ': berkas kosong (dokumen Word tidak berisi teks)'],
  [/: empty file/, ': berkas kosong'],
  [/: invalid UTF-8 at line (\d+) \(byte (\d+)\); save the draft as UTF-8/, ': UTF-8 tidak sah di baris $1 (bita $2); simpan draf sebagai UTF-8'],
  [/: (.+) too large \((.+); lkip reads drafts up to (.+)\)/, ': $1 terlalu besar ($2; lkip membaca draf sampai $3)'],
  [/: cannot read directory: /, ': folder tidak dapat dibaca: '],
  [/: cannot read config file: /, ': berkas konfigurasi tidak dapat dibaca: '],
  [/: cannot read baseline file: /, ': berkas baseline tidak dapat dibaca: '],
  [/: cannot read Word document: /, ': dokumen Word tidak dapat dibaca: '],
  [/: cannot read PDF: /, ': PDF tidak dapat dibaca: '],
  [/: cannot read file: /, ': berkas tidak dapat dibaca: '],
  [/: cannot read file$/, ': berkas tidak dapat dibaca'],
  [/: cannot write fixed draft: /, ': draf yang diperbaiki tidak dapat ditulis: '],
  [/: cannot write baseline: /, ': baseline tidak dapat ditulis: '],
  [/: cannot write the report: /, ': laporan tidak dapat ditulis: '],
  [/: cannot write: /, ': tidak dapat ditulis: '],
  [/^cannot write cache (.*?): /, 'cache $1 tidak dapat ditulis: '],
  [/: --fix cannot write Word documents; fix the draft in Word, or run `lkip convert` and lint the Markdown \(--fix-dry-run shows the fixes\)/, ': --fix tidak dapat menulis dokumen Word; perbaiki draf di Word, atau jalankan `lkip convert` dan periksa Markdown-nya (--fix-dry-run menampilkan perbaikannya)'],
  [/^skipped /, 'dilewati '],
  [/: skipped, not an LKIP draft$/, ': dilewati, bukan draf LKIP'],
  [/: no performance indicators found; is this an LKIP draft\?$/, ': tidak ada indikator kinerja; apakah ini draf LKIP?'],
  [/^previous filings: /, 'laporan tahun sebelumnya: '],
  [/^previous filing /, 'laporan tahun sebelumnya '],
  // Reasons from the file system, last: they end the lines above.
  [/no such file or directory/, 'berkas atau folder tidak ada'],
  [/permission denied/, 'izin ditolak'],
  [/is a directory/, 'berupa folder'],
  [/not a directory/, 'bukan folder'],
];

/** One `lkip: …` line's message in Indonesian, phrase by phrase. */
export function cliMessageId(message: string): string {
  let out = message;
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}

/** The language of the CLI's own lines: `--locale en` (or `--locale=en`) anywhere on the command line, else Indonesian. */
export function cliLocale(argv: readonly string[]): 'id' | 'en' {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') break;
    if (arg === '--locale' && argv[i + 1] === 'en') return 'en';
    if (arg === '--locale=en') return 'en';
  }
  return 'id';
}

/** Words each `lkip: ` line written to standard error in the run's language; other output passes through. */
export function localizedStderr(write: (s: string) => void, locale: 'id' | 'en'): (s: string) => void {
  if (locale === 'en') return write;
  return (s) => write(s.replace(/^lkip: (.*)$/gm, (_, message: string) => `lkip: ${cliMessageId(message)}`));
}
