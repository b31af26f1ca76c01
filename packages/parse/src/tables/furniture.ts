import type { SourceText } from './source.js';

/**
 * Page furniture that PDF converters leave in the middle of a table: form feeds, "Halaman 12",
 * "- 12 -", and running heads ("Laporan Kinerja … Tahun 2024   29") repeated on every page.
 */
export interface Furniture {
  /** 1 for a line that is page furniture. */
  lines: Uint8Array;
}

const PAGE_WORD = /^(halaman|hal\.?|page|hlm\.?)\s*[-:]?\s*\d{1,4}(\s*(dari|of|\/)\s*\d{1,4})?$/i;
const PAGE_DASHED = /^[-–—]\s*\d{1,4}\s*[-–—]$/;
const ROMAN_PAGE = /^[ivxl]{1,6}$/i;

/** A running head without the page number at either end, lower-case. */
function headKey(text: string): string {
  let t = text.replace(/\f/g, '').trim().replace(/^\d{1,4}\s+/, '');
  // The page number at the end, without a backtracking pattern over the blanks before it.
  const m = /\d{1,4}$/.exec(t);
  if (m && m.index > 0 && /\s/.test(t[m.index - 1]!)) t = t.slice(0, m.index).trimEnd();
  return t.replace(/\s+/g, ' ').toLowerCase();
}

/** Words that running heads of reports are made of. */
const HEAD_HINT = /\b(laporan|lkip|lakip|lkjip|lapkin|kinerja|akuntabilitas|tahun\s+(19|20)\d\d)\b/i;

export function findFurniture(src: SourceText, skip: (line: number) => boolean): Furniture {
  const n = src.lines.length;
  const lines = new Uint8Array(n);
  const counts = new Map<string, number>();
  const keys: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (skip(i)) continue;
    const raw = src.lineText(i);
    const text = raw.replace(/\f/g, '').trim();
    if (raw.includes('\f') && text === '') {
      lines[i] = 1;
      continue;
    }
    // The first line of a page (after the form feed) that reads like a running head.
    if (PAGE_WORD.test(text) || PAGE_DASHED.test(text) || (/^[ \t]*\f/.test(raw) && text.length <= 160 && HEAD_HINT.test(text) && !/\t/.test(text))) {
      lines[i] = 1;
      continue;
    }
    if (text.length >= 15 && text.length <= 160 && HEAD_HINT.test(text) && !/\t/.test(text)) {
      const key = headKey(text);
      keys[i] = key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key !== undefined && (counts.get(key) ?? 0) >= 3) lines[i] = 1;
  }
  // A footer: a running-head line just before a page number or a form feed.
  for (let i = 0; i < n; i++) {
    if (lines[i] === 1 || skip(i) || keys[i] === undefined) continue;
    const next = src.lineText(i + 1);
    if (/^\s*\f/.test(next) || (/^\s*\d{1,4}\s*$/.test(next) && /^\s*\f/.test(src.lineText(i + 2)))) lines[i] = 1;
  }
  // A bare page number ("29", "iv") on the line of a form feed or just before one: a lone
  // number elsewhere may be a cell (one cell per line), so it stays.
  for (let i = 0; i < n; i++) {
    if (lines[i] === 1 || skip(i)) continue;
    const text = src.lineText(i).replace(/\f/g, '').trim();
    if (!/^\d{1,4}$/.test(text) && !ROMAN_PAGE.test(text)) continue;
    if (src.lineText(i).includes('\f') || (i + 1 < n && src.lineText(i + 1).startsWith('\f'))) lines[i] = 1;
  }
  return { lines };
}
