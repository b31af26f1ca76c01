import { ACHIEVEMENT_BANDS, achievementBand } from './achievement-bands.js';
import { PAGE_SCRIPT, STYLE } from './html-assets.js';
import { HTML_WORDS, type HtmlWords } from './html-words.js';
import type { CellFinding, ComparedDocument, Comparison, ComparisonCell, ComparisonFlag, ComparisonIndicator, Locale } from './types.js';

export interface HtmlReportOptions {
  /**
   * The text of Chart.js's UMD build (`chart.js/dist/chart.umd.js`), inlined so that the report
   * works offline. The caller reads it: this package never touches the file system. Without it
   * the report still shows the summary, the heat map and the lists, and says that charts are unavailable.
   */
  chartScript?: string;
  title?: string;
  locale?: Locale;
}

/** Flags about whole documents: an inspector should see them before reading any figure. */
const DOCUMENT_FLAGS = new Set<ComparisonFlag['kind']>(['duplicate-document', 'fiscal-year']);

/**
 * A self-contained HTML report: inline CSS, the Chart.js script inline, the comparison as JSON
 * in a `<script type="application/json">`, and a Content-Security-Policy that forbids every
 * network request, so that it opens the same on an inspector's laptop without a connection.
 * Top to bottom: what to check first (duplicates, years), the summary per province (ranked,
 * sortable, with a totals row), the flags, the heat map, each draft's findings, then the charts.
 * Everything but the charts is plain HTML, readable without scripts.
 */
export function renderHtmlReport(comparison: Comparison, options: HtmlReportOptions = {}): string {
  const locale = options.locale ?? 'id';
  const w = HTML_WORDS[locale];
  const title = options.title ?? w.title;
  const docIndex = new Map(comparison.documents.map((d, i) => [d.file, i]));

  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No network at all: the report must not depend on, or leak to, anything outside the file.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="subtitle">${escapeHtml(w.subtitle(comparison.documents.length, comparison.years.join(', ')))}</p>`,
    `<nav class="toc"><a href="#summary">${w.summary}</a><a href="#flags">${w.flags}</a><a href="#heatmap">${w.heatmap}</a><a href="#findings">${w.findingsTitle}</a>${comparison.years.length > 1 ? `<a href="#trends">${w.trends}</a>` : ''}<a href="#charts">${w.charts}</a><a href="#unmatched">${w.unmatched}</a></nav>`,
  );

  const warnings = comparison.flags.filter((f) => DOCUMENT_FLAGS.has(f.kind));
  if (warnings.length > 0 || comparison.skipped.length > 0) {
    parts.push(`<section id="warnings" class="warnings-box"><h2>${w.warnings}</h2><ul>`);
    for (const flag of warnings) parts.push(`<li data-kind="${flag.kind}"><span class="kind ${flag.kind}">${flag.kind}</span> ${escapeHtml(flag.message)}</li>`);
    for (const s of comparison.skipped) parts.push(`<li data-kind="skipped"><span class="kind">${w.skipped}</span> ${escapeHtml(s.file)}: ${escapeHtml(s.reason)}</li>`);
    parts.push('</ul></section>');
  }

  parts.push(...summarySection(comparison, w, locale));
  parts.push(...flagSection(comparison, w, docIndex));
  parts.push(...heatmapSection(comparison, w, locale));
  parts.push(...findingsSection(comparison, w));
  if (comparison.years.length > 1) {
    parts.push(`<section id="trends"><h2>${w.trends}</h2><p class="note">${w.trendNote}</p>`);
    if (!options.chartScript) parts.push(`<p class="note">${w.chartsUnavailable}</p>`);
    comparison.indicators.forEach((indicator, i) => {
      if (!indicator.trend || indicator.trend.length === 0) return;
      parts.push(`<figure class="chart"><figcaption>${caption(indicator)}</figcaption><canvas id="trend-${i}" width="560" height="260" role="img" aria-label="${escapeHtml(`${w.trends}: ${indicator.name}`)}"></canvas></figure>`);
    });
    parts.push('</section>');
  }

  parts.push(`<section id="charts"><h2>${w.charts}</h2>`);
  if (!options.chartScript) parts.push(`<p class="note">${w.chartsUnavailable}</p>`);
  comparison.indicators.forEach((indicator, i) => {
    const height = 220 + Math.min(comparison.documents.length, 40) * 2;
    parts.push(
      `<figure class="chart" id="chart-${i}"><figcaption>${caption(indicator)}</figcaption>`,
      `<canvas id="canvas-${i}" width="760" height="${height}" role="img" aria-label="${escapeHtml(`${w.target} / ${w.realisation}: ${indicator.name}`)}"></canvas></figure>`,
    );
  });
  parts.push('</section>');

  parts.push(...unmatchedSection(comparison, w));

  parts.push(`<script type="application/json" id="lkip-compare-data">${jsonForScript(comparison)}</script>`);
  parts.push(`<script type="application/json" id="lkip-compare-words">${jsonForScript({ target: w.target, realisation: w.realisation })}</script>`);
  if (options.chartScript) parts.push(`<script>${scriptForInline(options.chartScript)}</script>`);
  parts.push(`<script>${PAGE_SCRIPT}</script>`);
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}

function caption(indicator: ComparisonIndicator): string {
  return `${indicator.number ?? ''}. ${escapeHtml(indicator.name)}${indicator.unit ? ` <span class="unit">(${escapeHtml(indicator.unit)})</span>` : ''}`;
}

function sortHeader(label: string, extra = ''): string {
  return `<th${extra}><button type="button" class="sort">${label}</button></th>`;
}

function numberCell(value: number | null | undefined, text?: string, extra = ''): string {
  if (value === null || value === undefined) return `<td class="n${extra}" data-sort=""></td>`;
  return `<td class="n${extra}" data-sort="${value}">${text ?? value}</td>`;
}

function share(value: number | null): string {
  return value === null ? '' : `${Math.round(value * 1000) / 10}%`;
}

function summarySection(comparison: Comparison, w: HtmlWords, locale: Locale): string[] {
  const parts: string[] = [`<section id="summary"><h2>${w.summary}</h2><p class="note">${w.summaryNote}</p><div class="scroll"><table class="summary sortable" id="summary-table"><thead><tr>`];
  const years = comparison.years.length > 1;
  parts.push(
    sortHeader(w.rank),
    sortHeader(w.province),
    ...(years ? [sortHeader(w.fiscalYear)] : []),
    sortHeader(w.indicators),
    sortHeader(w.above),
    sortHeader(w.at),
    sortHeader(w.below),
    sortHeader(w.withoutFigure),
    sortHeader(w.met),
    sortHeader(w.errors),
    sortHeader(w.warningsCount),
    sortHeader(w.notes),
    sortHeader(w.worst),
    '</tr></thead><tbody>',
  );
  const order = comparison.documents.map((d, i) => ({ d, i })).sort((a, b) => (a.d.summary.rank ?? Infinity) - (b.d.summary.rank ?? Infinity) || (a.d.fiscalYear ?? 0) - (b.d.fiscalYear ?? 0) || a.i - b.i);
  for (const { d, i } of order) {
    const s = d.summary;
    const link = (n: number, cls: string) => (n > 0 ? `<td class="n ${cls}" data-sort="${n}"><a href="#findings-${i}">${n}</a></td>` : `<td class="n" data-sort="0">0</td>`);
    const worst = s.worst.map((x) => `${x.number !== null ? `${x.number}. ` : ''}${escapeHtml(x.name)} (${formatPercent(x.achievement, locale)})`).join('; ');
    parts.push(
      `<tr data-document="${escapeHtml(d.file)}">`,
      numberCell(s.rank),
      `<td title="${escapeHtml(d.file)}${d.agency ? ` — ${escapeHtml(d.agency)}` : ''}">${escapeHtml(d.label)}</td>`,
      ...(years ? [numberCell(d.fiscalYear)] : []),
      numberCell(s.indicators.total),
      numberCell(s.indicators.above),
      numberCell(s.indicators.at),
      numberCell(s.indicators.below),
      numberCell(s.indicators.withoutFigure),
      numberCell(s.metShare, share(s.metShare)),
      link(s.findings.errorCount, 'errors'),
      link(s.findings.warningCount, 'warnings'),
      link(s.findings.infoCount, 'notes'),
      `<td class="worst" data-sort="${s.worst[0]?.achievement ?? ''}">${worst}</td>`,
      '</tr>',
    );
  }
  const t = comparison.totals;
  parts.push(
    '</tbody><tfoot><tr>',
    `<th colspan="${years ? 3 : 2}">${w.total} (${t.documents})</th>`,
    `<td class="n">${t.indicators.total}</td><td class="n">${t.indicators.above}</td><td class="n">${t.indicators.at}</td><td class="n">${t.indicators.below}</td><td class="n">${t.indicators.withoutFigure}</td>`,
    `<td class="n">${share(t.metShare)}</td><td class="n">${t.findings.errorCount}</td><td class="n">${t.findings.warningCount}</td><td class="n">${t.findings.infoCount}</td><td></td>`,
    '</tr></tfoot></table></div></section>',
  );
  return parts;
}

function flagSection(comparison: Comparison, w: HtmlWords, docIndex: Map<string, number>): string[] {
  const flags = comparison.flags.filter((f) => !DOCUMENT_FLAGS.has(f.kind));
  const parts = [`<section id="flags"><h2>${w.flags} (${flags.length})</h2>`];
  if (flags.length === 0) parts.push(`<p>${w.noFlags}</p>`);
  else {
    parts.push('<ul class="flags">');
    for (const flag of flags) {
      const links = flag.documents.map((d) => `<a href="#findings-${docIndex.get(d) ?? 0}">${escapeHtml(comparison.documents[docIndex.get(d) ?? 0]?.label ?? d)}</a>`).join(', ');
      parts.push(`<li data-kind="${flag.kind}"><span class="kind ${flag.kind}">${flag.kind}</span> ${escapeHtml(flag.message)} <span class="note">(${links})</span></li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts;
}

function heatmapSection(comparison: Comparison, w: HtmlWords, locale: Locale): string[] {
  const outliers = new Set(comparison.flags.filter((f) => f.kind === 'achievement-outlier').flatMap((f) => f.documents.map((d) => `${f.indicator}\u0000${d}`)));
  const parts = [`<section id="heatmap"><h2>${w.heatmap}</h2><p class="note">${escapeHtml(w.heatmapNote)}</p>`];
  parts.push('<div class="scroll"><table class="heatmap sortable" id="heatmap-table"><thead><tr>');
  parts.push(sortHeader(w.number), sortHeader(w.indicator));
  for (const doc of comparison.documents) parts.push(sortHeader(escapeHtml(doc.label), ` class="doc" title="${escapeHtml(doc.file)}"`));
  parts.push('</tr></thead><tbody>');
  comparison.indicators.forEach((indicator, i) => {
    const byDocument = new Map<string, ComparisonCell[]>();
    for (const cell of indicator.cells) {
      const list = byDocument.get(cell.document);
      if (list) list.push(cell);
      else byDocument.set(cell.document, [cell]);
    }
    parts.push(
      `<tr data-indicator="${escapeHtml(indicator.key)}">`,
      numberCell(indicator.number),
      `<th class="name" data-sort="${escapeHtml(indicator.name)}"><a href="#chart-${i}">${escapeHtml(indicator.name)}</a></th>`,
    );
    for (const doc of comparison.documents) parts.push(heatCell(byDocument.get(doc.file) ?? [], doc, outliers.has(`${indicator.key}\u0000${doc.file}`), w, locale));
    parts.push('</tr>');
  });
  parts.push('</tbody></table></div>');
  parts.push('<ul class="legend">');
  for (const band of ACHIEVEMENT_BANDS) parts.push(`<li><span class="swatch band-${band.id}"></span>${escapeHtml(band.labels[locale])}</li>`);
  parts.push('</ul></section>');
  return parts;
}

function heatCell(cells: readonly ComparisonCell[], doc: ComparedDocument, outlier: boolean, w: HtmlWords, locale: Locale): string {
  if (cells.length === 0) return `<td class="cell band-none missing" data-document="${escapeHtml(doc.file)}" data-sort="" title="${w.missing}">—</td>`;
  const province = cells.find((c) => c.unitKind === 'province' && c.measure === 'indicator') ?? cells[0];
  const value = province?.achievement?.value;
  const band = achievementBand(value);
  const findings = distinctFindings(cells);
  const marks = `${findings.length > 0 ? '!' : ''}${outlier ? '*' : ''}`;
  // The tooltip names the findings themselves, not just how many there are.
  const tooltip = [
    province?.target ? `${w.target}: ${province.target.raw}` : '',
    province?.realisation ? `${w.realisation}: ${province.realisation.raw}` : '',
    outlier ? w.outlier : '',
    findings.length > 0 ? `${w.findings(findings.length)}:` : '',
    ...findings.slice(0, 6).map((f) => `• ${f.ruleId ?? 'fatal'} (${f.line}:${f.column}): ${f.message}`),
    findings.length > 6 ? '…' : '',
  ]
    .filter((s) => s !== '')
    .join('\n');
  const text = value === undefined ? '?' : formatPercent(value, locale);
  return `<td class="cell band-${band.id}${outlier ? ' outlier' : ''}" data-document="${escapeHtml(doc.file)}" data-band="${band.id}" data-sort="${value ?? ''}" title="${escapeHtml(tooltip)}">${text}${marks ? `<sup>${marks}</sup>` : ''}</td>`;
}

function distinctFindings(cells: readonly ComparisonCell[]): CellFinding[] {
  const seen = new Map<string, CellFinding>();
  for (const cell of cells) for (const f of cell.findings) seen.set(`${f.ruleId}:${f.line}:${f.column}:${f.message}`, f);
  return [...seen.values()].sort((a, b) => b.severity - a.severity || a.line - b.line);
}

function findingsSection(comparison: Comparison, w: HtmlWords): string[] {
  const parts = [`<section id="findings"><h2>${w.findingsTitle}</h2>`];
  comparison.documents.forEach((doc, i) => {
    const c = doc.summary.findings;
    const counts = `${c.errorCount} ${w.errors.toLowerCase()}, ${c.warningCount} ${w.warningsCount.toLowerCase()}, ${c.infoCount} ${w.notes.toLowerCase()}`;
    parts.push(`<details class="findings" id="findings-${i}"${doc.findings.length > 0 && doc.findings.length <= 20 ? ' open' : ''}><summary>${escapeHtml(doc.label)} — ${counts} <span class="note">${escapeHtml(doc.file)}</span></summary>`);
    if (doc.findings.length === 0) parts.push(`<p>${w.noFindings}</p>`);
    else {
      parts.push(`<table><thead><tr><th>${w.severity}</th><th>${w.place}</th><th>${w.rule}</th><th>${w.message}</th></tr></thead><tbody>`);
      const sorted = [...doc.findings].sort((a, b) => b.severity - a.severity || a.line - b.line || a.column - b.column);
      for (const f of sorted) parts.push(`<tr class="sev-${f.severity}"><td>${w.severities[f.severity]}</td><td class="n">${f.line}:${f.column}</td><td>${escapeHtml(f.ruleId ?? 'fatal')}</td><td>${escapeHtml(f.message)}</td></tr>`);
      parts.push('</tbody></table>');
    }
    parts.push('</details>');
  });
  parts.push('</section>');
  return parts;
}

function unmatchedSection(comparison: Comparison, w: HtmlWords): string[] {
  const parts = [`<section id="unmatched"><h2>${w.unmatched}</h2>`];
  if (comparison.unmatched.length === 0) parts.push(`<p>${w.noUnmatched}</p>`);
  else {
    parts.push(`<table class="unmatched"><thead><tr><th>${w.file}</th><th>${w.number}</th><th>${w.name}</th><th>${w.reason}</th><th>${w.candidate}</th><th>${w.score}</th></tr></thead><tbody>`);
    const names = new Map(comparison.indicators.map((i) => [i.key, i.name]));
    for (const u of comparison.unmatched) {
      const candidate = u.bestCandidate !== undefined ? (names.get(u.bestCandidate) ?? u.bestCandidate) : '';
      parts.push(`<tr><td>${escapeHtml(u.document)}</td><td>${u.indicator ?? ''}</td><td>${escapeHtml(u.name)}</td><td>${u.reason}</td><td>${escapeHtml(candidate)}</td><td>${u.score ?? ''}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  parts.push('</section>');
  return parts;
}

function formatPercent(value: number, locale: Locale): string {
  const text = String(Math.round(value * 10) / 10);
  return `${locale === 'id' ? text.replace('.', ',') : text}%`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON inside a script element: `<` escaped so that no string in a draft can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A library inlined in a script element must not contain its closing tag or an HTML comment opener. */
function scriptForInline(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
