import { provinceAchievement, type ComparedDocument, type Comparison, type ComparisonIndicator, type ComparisonTotals } from '@lkip/compare';
import type { Locale } from '@lkip/engine';

const WORDS = {
  en: {
    title: (n: number, years: string) => `Comparison of ${n} drafts${years ? `, fiscal year ${years}` : ''}`,
    checkFirst: 'Check first',
    skipped: 'skipped',
    summary: 'Summary per province, ranked by the share of indicators at or above target',
    summaryHead: ['Rank', 'Province', 'Year', 'Ind', 'Above', 'At', 'Below', 'None', 'Met', 'Err', 'Warn', 'Note'],
    worst: 'Furthest below target, indicator No (achievement)',
    total: 'Total',
    matrix: 'Achievement of the province office by indicator',
    page: (from: number, to: number, n: number) => `drafts ${from}–${to} of ${n}`,
    indicator: 'Indicator',
    legend: '! lint findings in the cell, * outlier among the provinces, — indicator missing from the draft, ? no figure',
    abbreviation: '"Kab/Kota: X" stands for "Jumlah Kabupaten/Kota dengan X".',
    flags: 'Flags',
    unmatched: 'Not matched',
    closest: 'closest',
    none: 'none',
  },
  id: {
    title: (n: number, years: string) => `Perbandingan ${n} draf${years ? `, tahun anggaran ${years}` : ''}`,
    checkFirst: 'Periksa dulu',
    skipped: 'dilewati',
    summary: 'Ringkasan per provinsi, diurutkan menurut bagian indikator yang mencapai atau melampaui target',
    summaryHead: ['Prk', 'Provinsi', 'Thn', 'Ind', 'Atas', 'Sesuai', 'Bawah', 'Tanpa', 'Capai', 'Galat', 'Peri', 'Cat'],
    worst: 'Paling jauh di bawah target, No indikator (capaian)',
    total: 'Jumlah',
    matrix: 'Capaian kantor provinsi per indikator',
    page: (from: number, to: number, n: number) => `draf ${from}–${to} dari ${n}`,
    indicator: 'Indikator',
    legend: '! ada temuan lint di sel, * pencilan antarprovinsi, — indikator tidak ada di draf, ? tanpa angka',
    abbreviation: '"Kab/Kota: X" berarti "Jumlah Kabupaten/Kota dengan X".',
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

/** Flags about whole documents come first: they change how everything below is read. */
const DOCUMENT_FLAGS = new Set(['duplicate-document', 'fiscal-year']);

/**
 * For the terminal, top to bottom: what to check first (duplicate drafts, years, drafts left out),
 * the summary per province (ranked, with a totals row), the matrix of achievements (indicator rows
 * × province columns, names wrapped in full, never cut; provinces that do not fit the width
 * continue in further pages), then the flags and the unmatched indicators.
 */
export function formatTable(comparison: Comparison, options: TableOptions): string {
  const w = WORDS[options.locale];
  const width = Math.max(40, options.width);
  const docs = comparison.documents;
  const lines: string[] = [];
  lines.push(w.title(docs.length, comparison.years.join(', ')));

  const first = comparison.flags.filter((f) => DOCUMENT_FLAGS.has(f.kind));
  if (first.length > 0 || comparison.skipped.length > 0) {
    lines.push('', `${w.checkFirst}:`);
    for (const flag of first) lines.push(wrap(`[${flag.kind}] ${plain(flag.message)}`, width, '    ', '  '));
    for (const s of comparison.skipped) lines.push(wrap(`[${w.skipped}] ${plain(s.file)}: ${plain(s.reason)}`, width, '    ', '  '));
  }

  lines.push('', ...summaryLines(comparison, w, width, options.locale));
  lines.push('', ...matrixLines(comparison, w, width));

  const flags = comparison.flags.filter((f) => !DOCUMENT_FLAGS.has(f.kind));
  lines.push('', `${w.flags} (${flags.length}):`);
  if (flags.length === 0) lines.push(`  ${w.none}`);
  for (const flag of flags) lines.push(wrap(`[${flag.kind}] ${plain(flag.message)}`, width, '    ', '  '));

  lines.push('', `${w.unmatched} (${comparison.unmatched.length}):`);
  if (comparison.unmatched.length === 0) lines.push(`  ${w.none}`);
  const names = new Map(comparison.indicators.map((i) => [i.key, i.name]));
  for (const u of comparison.unmatched) {
    const closest = u.bestCandidate !== undefined ? `; ${w.closest}: "${names.get(u.bestCandidate) ?? u.bestCandidate}" (${u.score ?? 0})` : '';
    lines.push(wrap(plain(`${u.document} #${u.indicator ?? '?'} "${u.name}": ${u.reason}${closest}`), width, '    ', '  '));
  }
  return `${lines.join('\n')}\n`;
}

type Words = (typeof WORDS)[Locale];

function summaryLines(comparison: Comparison, w: Words, width: number, locale: Locale): string[] {
  const years = comparison.years.length > 1;
  const head = w.summaryHead.filter((_, i) => years || i !== 2);
  const ranked = [...comparison.documents].sort((a, b) => (a.summary.rank ?? Infinity) - (b.summary.rank ?? Infinity) || (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0));
  const labelWidth = Math.min(24, Math.max(head[1]?.length ?? 8, w.total.length + 6, ...ranked.map((d) => plain(d.label).length)));
  const numberWidths = head.slice(2).map((h) => Math.max(h.length, 4));
  const format = (rank: string, label: string, numbers: string[], tail: string) =>
    `${rank.padStart(4)} ${fit(label, labelWidth)}${numbers.map((n, i) => ` ${n.padStart(numberWidths[i] as number)}`).join('')}${tail ? `  ${tail}` : ''}`;
  const out: string[] = [wrap(w.summary, width, ''), ''];
  // The worst indicators go in a last column when the terminal is wide enough, else in a list below.
  const inline = ranked.every((d) => format('', plain(d.label), head.slice(2), worstOf(d, locale)).length <= width);
  const header = format(head[0] as string, head[1] as string, head.slice(2), inline ? w.worst : '');
  out.push(cut(header, width), '-'.repeat(Math.min(width, header.length)));
  const below: string[] = [];
  for (const d of ranked) {
    const s = d.summary;
    const numbers = [...(years ? [d.fiscalYear === null ? '' : String(d.fiscalYear)] : []), ...summaryNumbers(s)];
    out.push(cut(format(s.rank === null ? '' : String(s.rank), plain(d.label), numbers, inline ? worstOf(d, locale) : ''), width));
    if (!inline && s.worst.length > 0) below.push(wrap(`${plain(d.label)}: ${worstOf(d, locale)}`, width, '    ', '  '));
  }
  const t = comparison.totals;
  out.push(
    cut(
      format(
        '',
        `${w.total} (${t.documents})`,
        [...(years ? [''] : []), ...summaryNumbers(t)],
        '',
      ),
      width,
    ),
  );
  if (below.length > 0) out.push('', `${w.worst}:`, ...below);
  return out;
}

function worstOf(d: ComparedDocument, locale: Locale): string {
  return d.summary.worst.map((x) => `${x.number ?? plain(x.name).slice(0, 12)} (${percent(x.achievement, locale)})`).join(', ');
}

function matrixLines(comparison: Comparison, w: Words, width: number): string[] {
  const docs = comparison.documents;
  const outliers = new Set(comparison.flags.filter((f) => f.kind === 'achievement-outlier').flatMap((f) => f.documents.map((d) => `${f.indicator}\u0000${d}`)));
  const numberWidth = 3;
  // "100.0%!*" needs 8 columns; longer labels are shortened to 12 in the head (the summary above has them in full).
  const columnWidth = Math.min(12, Math.max(8, ...docs.map((d) => plain(d.label).length)));
  const { labels, legend } = columnLabels(
    docs.map((d) => plain(d.label)),
    columnWidth,
  );
  const nameWidth = Math.max(24, Math.min(44, width - numberWidth - 2 - (columnWidth + 1) * docs.length));
  const perPage = Math.max(1, Math.floor((width - numberWidth - 1 - nameWidth) / (columnWidth + 1)));
  const names = displayNames(comparison.indicators);
  const wrapped = names.map((name) => wrapWords(name, nameWidth));
  const byCell = comparison.indicators.map((indicator) => {
    const files = new Map<string, boolean>();
    for (const c of indicator.cells) files.set(c.document, (files.get(c.document) ?? false) || c.findings.length > 0);
    return files;
  });

  const out: string[] = [wrap(w.matrix, width, '')];
  for (let start = 0; start < docs.length; start += perPage) {
    const page = docs.slice(start, start + perPage);
    out.push('');
    if (docs.length > perPage) out.push(w.page(start + 1, start + page.length, docs.length));
    const header = `${'No'.padStart(numberWidth)} ${fit(w.indicator, nameWidth)}${page.map((_, i) => ` ${fit(labels[start + i] as string, columnWidth).padStart(columnWidth)}`).join('')}`;
    out.push(header.trimEnd(), '-'.repeat(Math.min(width, header.length)));
    comparison.indicators.forEach((indicator, r) => {
      const cells = page.map((doc) => matrixCell(indicator, doc.file, byCell[r] as Map<string, boolean>, outliers));
      const number = indicator.number === null ? '' : String(indicator.number);
      const nameLines = wrapped[r] as string[];
      out.push(`${number.padStart(numberWidth)} ${fit(nameLines[0] ?? '', nameWidth)}${cells.map((c) => ` ${fit(c, columnWidth).padStart(columnWidth)}`).join('')}`.trimEnd());
      for (const more of nameLines.slice(1)) out.push(`${' '.repeat(numberWidth)} ${more}`.trimEnd());
    });
  }
  out.push('', wrap(w.legend, width, ''));
  if (legend.length > 0) out.push(wrap(legend.join('; '), width, ''));
  if (names.some((n) => n.startsWith('Kab/Kota: '))) out.push(wrap(w.abbreviation, width, ''));
  return out;
}

function matrixCell(indicator: ComparisonIndicator, file: string, withFindings: Map<string, boolean>, outliers: Set<string>): string {
  if (!withFindings.has(file)) return '—';
  const value = provinceAchievement(indicator, file);
  const marks = `${withFindings.get(file) ? '!' : ''}${outliers.has(`${indicator.key}\u0000${file}`) ? '*' : ''}`;
  return `${value === undefined ? '?' : `${value.toFixed(1)}%`}${marks}`;
}

/**
 * Column heads no wider than `width` that never read the same: a label that is too long keeps its
 * end when that is a year ("Tanjung… 2023"); when two heads would still read the same, the
 * columns are numbered and a legend under the matrix names them.
 */
export function columnLabels(full: readonly string[], width: number): { labels: string[]; legend: string[] } {
  const short = full.map((label) => {
    if (label.length <= width) return label;
    const year = / \d{4}$/.exec(label)?.[0] ?? '';
    return `${label.slice(0, width - 1 - year.length)}…${year}`;
  });
  if (new Set(short).size === short.length) return { labels: short, legend: [] };
  return { labels: full.map((_, i) => `#${i + 1}`), legend: full.map((label, i) => `#${i + 1} ${label}`) };
}

/**
 * Each row's name as the matrix shows it: "Jumlah Kabupaten/Kota dengan …" shortened to
 * "Kab/Kota: …" (the legend says so), unless that would make two rows read the same; then the
 * full names, and the row key as a last resort. Names are wrapped, never cut.
 */
export function displayNames(indicators: readonly ComparisonIndicator[]): string[] {
  const short = indicators.map((i) => plain(shortIndicatorName(i.name)));
  const full = indicators.map((i) => plain(i.name));
  const label = (names: string[], r: number) => `${indicators[r]?.number ?? ''} ${names[r] ?? ''}`.toLowerCase();
  return short.map((name, r) => {
    const clash = (names: string[]) => names.some((_, o) => o !== r && label(names, o) === label(names, r));
    if (!clash(short)) return name;
    if (!clash(full)) return full[r] as string;
    return `${full[r]} [${indicators[r]?.key ?? ''}]`;
  });
}

/**
 * Count indicators start "Jumlah (<agency acronym>) Kab/Kota (di wilayah Provinsi) dengan …":
 * the table shows what they count instead, and says so under the matrix.
 */
export function shortIndicatorName(name: string): string {
  return name
    .replace(/^Jumlah\s+(?:[A-Z]{2,12}\s+)?Kab(?:upaten)?\.?\s*\/\s*Kota\s+(?:di\s+wilayah\s+Provinsi\s+)?dengan\s+/i, 'Kab/Kota: ')
    .replace(/\s+di\s+wilayah\s+Provinsi\s*$/i, '');
}

/**
 * Text from a draft, made safe for a terminal: control characters (escape sequences among them)
 * dropped, runs of white space made one space.
 */
export function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A province's summary row, or the totals row: indicators by band, share met, findings by severity. */
function summaryNumbers(s: Pick<ComparisonTotals, 'indicators' | 'metShare' | 'findings'>): string[] {
  const i = s.indicators;
  const f = s.findings;
  return [i.total, i.above, i.at, i.below, i.withoutFigure].map(String).concat(share(s.metShare), [f.errorCount, f.warningCount, f.infoCount].map(String));
}

function share(value: number | null): string {
  return value === null ? '' : `${(value * 100).toFixed(1)}%`;
}

function percent(value: number, locale: Locale): string {
  const text = value.toFixed(1);
  return `${locale === 'id' ? text.replace('.', ',') : text}%`;
}

/** Pads or truncates to exactly `n` characters, marking a cut with an ellipsis. */
function fit(text: string, n: number): string {
  if (text.length <= n) return text.padEnd(n);
  return `${text.slice(0, n - 1)}…`;
}

/** A line no wider than the terminal: the summary's last column gives way. */
function cut(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

/** Words of `text` in lines of at most `width` characters (a longer word is split). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((s) => s !== '')) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
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
