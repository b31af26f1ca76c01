import { provinceAchievement, shortLabel, type Comparison } from '@lkip/compare';
import type { Locale } from '@lkip/engine';

const WORDS = {
  en: {
    title: (n: number, years: string) => `Comparison of ${n} drafts${years ? `, fiscal year ${years}` : ''}`,
    page: (from: number, to: number, n: number) => `drafts ${from}–${to} of ${n}`,
    indicator: 'Indicator',
    legend: 'achievement of the province office; ! lint findings, * outlier among the provinces, — missing, ? no figure',
    flags: 'Flags',
    unmatched: 'Not matched',
    closest: 'closest',
    none: 'none',
  },
  id: {
    title: (n: number, years: string) => `Perbandingan ${n} draf${years ? `, tahun anggaran ${years}` : ''}`,
    page: (from: number, to: number, n: number) => `draf ${from}–${to} dari ${n}`,
    indicator: 'Indikator',
    legend: 'capaian kantor provinsi; ! ada temuan lint, * pencilan antarprovinsi, — tidak ada, ? tanpa angka',
    flags: 'Catatan',
    unmatched: 'Tidak terpasangkan',
    closest: 'paling mirip',
    none: 'tidak ada',
  },
} as const;

export interface TableOptions {
  /** Terminal width in columns. */
  width: number;
  locale: Locale;
}

/**
 * Indicator rows × province columns of achievement, sized to the terminal: names are
 * truncated, and when the provinces do not fit side by side the table repeats in pages of
 * columns (38 provinces on an 80-column terminal make six pages, each still readable).
 */
export function formatTable(comparison: Comparison, options: TableOptions): string {
  const w = WORDS[options.locale];
  const width = Math.max(40, options.width);
  const docs = comparison.documents;
  const outliers = new Set(comparison.flags.filter((f) => f.kind === 'achievement-outlier').flatMap((f) => f.documents.map((d) => `${f.indicator}\u0000${d}`)));
  const labels = docs.map((d) => shortLabel(d.province, d.file));
  const numberWidth = 3;
  // "100.0%!*" needs 8 columns; longer province names are cut at 12.
  const columnWidth = Math.min(12, Math.max(8, ...labels.map((l) => l.length)));
  // Names give way to provinces down to 24 columns: the number beside them identifies the row.
  const nameWidth = Math.max(24, Math.min(44, width - numberWidth - 2 - (columnWidth + 1) * docs.length));
  const perPage = Math.max(1, Math.floor((width - numberWidth - 1 - nameWidth) / (columnWidth + 1)));

  const lines: string[] = [];
  const years = [...new Set(docs.map((d) => d.fiscalYear).filter((y): y is number => y !== null))].join(', ');
  lines.push(w.title(docs.length, years));
  for (let start = 0; start < docs.length; start += perPage) {
    const page = docs.slice(start, start + perPage);
    lines.push('');
    if (docs.length > perPage) lines.push(w.page(start + 1, start + page.length, docs.length));
    const header = `${'No'.padStart(numberWidth)} ${fit(w.indicator, nameWidth)}${page.map((_, i) => ` ${fit(labels[start + i] as string, columnWidth).padStart(columnWidth)}`).join('')}`;
    lines.push(header.trimEnd(), '-'.repeat(Math.min(width, header.length)));
    for (const indicator of comparison.indicators) {
      const cells = page.map((doc) => {
        const own = indicator.cells.filter((c) => c.document === doc.file);
        if (own.length === 0) return '—';
        const value = provinceAchievement(indicator, doc.file);
        const marks = `${own.some((c) => c.findings.length > 0) ? '!' : ''}${outliers.has(`${indicator.key}\u0000${doc.file}`) ? '*' : ''}`;
        return `${value === undefined ? '?' : `${value.toFixed(1)}%`}${marks}`;
      });
      const number = indicator.number === null ? '' : String(indicator.number);
      lines.push(`${number.padStart(numberWidth)} ${fit(shortIndicatorName(indicator.name), nameWidth)}${cells.map((c) => ` ${fit(c, columnWidth).padStart(columnWidth)}`).join('')}`.trimEnd());
    }
  }
  lines.push('', wrap(w.legend, width, ''));

  lines.push('', `${w.flags} (${comparison.flags.length}):`);
  if (comparison.flags.length === 0) lines.push(`  ${w.none}`);
  for (const flag of comparison.flags) lines.push(wrap(`[${flag.kind}] ${flag.message}`, width, '    ', '  '));

  lines.push('', `${w.unmatched} (${comparison.unmatched.length}):`);
  if (comparison.unmatched.length === 0) lines.push(`  ${w.none}`);
  const names = new Map(comparison.indicators.map((i) => [i.key, i.name]));
  for (const u of comparison.unmatched) {
    const closest = u.bestCandidate !== undefined ? `; ${w.closest}: "${names.get(u.bestCandidate) ?? u.bestCandidate}" (${u.score ?? 0})` : '';
    lines.push(wrap(`${u.document} #${u.indicator ?? '?'} "${u.name}": ${u.reason}${closest}`, width, '    ', '  '));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Count indicators start "Jumlah (<agency acronym>) Kabupaten / Kota (di wilayah Provinsi) dengan …":
 * cut to a column, they would all read alike. The table shows what they count instead.
 */
export function shortIndicatorName(name: string): string {
  return name
    .replace(/^Jumlah\s+(?:[A-Z]{2,12}\s+)?Kab(?:upaten)?\.?\s*\/\s*Kota\s+(?:di\s+wilayah\s+Provinsi\s+)?dengan\s+/i, 'Kab/Kota: ')
    .replace(/\s+di\s+wilayah\s+Provinsi\s*$/i, '');
}

/** Pads or truncates to exactly `n` characters, marking a cut with an ellipsis. */
function fit(text: string, n: number): string {
  if (text.length <= n) return text.padEnd(n);
  return `${text.slice(0, n - 1)}…`;
}

/** Word-wraps a line to the width; continuation lines get `indent`. */
function wrap(text: string, width: number, indent: string, first = ''): string {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/)) {
    const prefix = out.length === 0 ? first : indent;
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      out.push(line);
      line = `${indent}${word}`;
    } else {
      line = line.length > prefix.length ? `${line} ${word}` : `${prefix}${word}`;
    }
  }
  out.push(line);
  return out.join('\n');
}
