import type { LintMessage } from '@lkip/engine';

/**
 * Small builders for test drafts in the seed's shape (tab-separated tables), and helpers to find
 * where a figure stands and to apply a suggestion, shared by the cross-ref, unit and year tests.
 */

export const TITLE = 'Laporan Kinerja Instansi Pemerintah BNNP Contoh Tahun 2024';

export function row(...cells: string[]): string {
  return cells.join('\t');
}

export function draft(...blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`;
}

/** BAB II with a PK table: [goal, indicator, target] rows. */
export function pkChapter(...rows: [string, string, string][]): string {
  return [
    'BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA',
    'Tabel Perjanjian Kinerja**Unit Organisasi Eselon II : BNNP Contoh****Tahun Anggaran : 2024**',
    [row('NO', 'SASARAN KEGIATAN', 'INDIKATOR KINERJA KEGIATAN', 'TARGET'), ...rows.map((r, i) => row(String(i + 1), ...r))].join('\n'),
  ].join('\n\n');
}

/** The heading lines of indicator section `n` in BAB III. */
export function indicatorSection(n: number, name: string): string {
  return `${n}.\n\nIndikator Kinerja Kegiatan : ${name}`;
}

export function table(header: string[], ...rows: string[][]): string {
  return [row(...header), ...rows.map((r) => row(...r))].join('\n');
}

/** 1-based line and column of the `occurrence`-th match of `needle` in `text`. */
export function locate(text: string, needle: string, occurrence = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

export function applySuggestion(text: string, message: LintMessage, index = 0): string {
  const suggestion = message.suggestions?.[index];
  if (!suggestion) throw new Error(`message at ${message.line}:${message.column} has no suggestion ${index}`);
  const [start, end] = suggestion.fix.range;
  return text.slice(0, start) + suggestion.fix.text + text.slice(end);
}

/** The line of `text` that holds position `line`, for readable assertions on edits. */
export function lineOf(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}
