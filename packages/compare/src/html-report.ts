import { ACHIEVEMENT_BANDS, achievementBand } from './achievement-bands.js';
import { provinceAchievement } from './flags.js';
import type { Comparison, ComparisonCell, ComparisonIndicator, Locale } from './types.js';

export interface HtmlReportOptions {
  /**
   * The text of Chart.js's UMD build (`chart.js/dist/chart.umd.js`), inlined so that the report
   * works offline. The caller reads it: this package never touches the file system. Without it
   * the report still shows the heat map and the lists, and says that charts are unavailable.
   */
  chartScript?: string;
  title?: string;
  locale?: Locale;
}

const WORDS = {
  en: {
    title: 'Comparison of LKIP drafts',
    drafts: 'Drafts',
    file: 'File',
    province: 'Province',
    agency: 'Agency',
    fiscalYear: 'Fiscal year',
    heatmap: 'Achievement by indicator and province',
    heatmapNote: 'Achievement (capaian) of the province office. ! marks cells with lint findings, * achievement outliers among the provinces (modified z-score, median and MAD), — an indicator missing from the draft.',
    indicator: 'Indicator',
    charts: 'Target and realisation per province',
    chartsUnavailable: 'Charts are unavailable: the report was written without the Chart.js script.',
    flags: 'Flags',
    noFlags: 'No flags.',
    unmatched: 'Indicators that could not be matched',
    noUnmatched: 'Every indicator was matched.',
    number: 'No',
    name: 'Name',
    reason: 'Reason',
    candidate: 'Most similar row',
    score: 'Similarity',
    target: 'Target',
    realisation: 'Realisation',
    findings: 'findings',
    outlier: 'outlier',
    missing: 'missing',
  },
  id: {
    title: 'Perbandingan draf LKIP',
    drafts: 'Draf',
    file: 'Berkas',
    province: 'Provinsi',
    agency: 'Instansi',
    fiscalYear: 'Tahun anggaran',
    heatmap: 'Capaian per indikator dan provinsi',
    heatmapNote: 'Capaian kantor provinsi. ! menandai sel dengan temuan lint, * pencilan capaian antarprovinsi (skor z termodifikasi, median dan MAD), — indikator yang tidak ada di draf.',
    indicator: 'Indikator',
    charts: 'Target dan realisasi per provinsi',
    chartsUnavailable: 'Grafik tidak tersedia: laporan ditulis tanpa skrip Chart.js.',
    flags: 'Catatan perbandingan',
    noFlags: 'Tidak ada catatan.',
    unmatched: 'Indikator yang tidak dapat dipasangkan',
    noUnmatched: 'Semua indikator terpasangkan.',
    number: 'No',
    name: 'Nama',
    reason: 'Alasan',
    candidate: 'Baris paling mirip',
    score: 'Kemiripan',
    target: 'Target',
    realisation: 'Realisasi',
    findings: 'temuan',
    outlier: 'pencilan',
    missing: 'tidak ada',
  },
} as const;

type Words = (typeof WORDS)[Locale];

/**
 * A self-contained HTML report: inline CSS, the Chart.js script inline, the comparison as JSON
 * in a `<script type="application/json">`, and a Content-Security-Policy that forbids every
 * network request, so that it opens the same on an inspector's laptop without a connection.
 * The heat map and the lists are plain HTML (readable without scripts); only the charts need
 * Chart.js.
 */
export function renderHtmlReport(comparison: Comparison, options: HtmlReportOptions = {}): string {
  const locale = options.locale ?? 'id';
  const w: Words = WORDS[locale];
  const title = options.title ?? w.title;
  const outliers = new Set(comparison.flags.filter((f) => f.kind === 'achievement-outlier').flatMap((f) => f.documents.map((d) => `${f.indicator}\u0000${d}`)));

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
  );

  parts.push(`<section id="documents"><h2>${w.drafts}</h2><table class="documents"><thead><tr><th>${w.file}</th><th>${w.province}</th><th>${w.agency}</th><th>${w.fiscalYear}</th></tr></thead><tbody>`);
  for (const doc of comparison.documents) {
    parts.push(`<tr><td>${escapeHtml(doc.file)}</td><td>${escapeHtml(doc.province ?? '')}</td><td>${escapeHtml(doc.agency ?? '')}</td><td>${doc.fiscalYear ?? ''}</td></tr>`);
  }
  parts.push('</tbody></table></section>');

  parts.push(`<section id="heatmap"><h2>${w.heatmap}</h2><p class="note">${escapeHtml(w.heatmapNote)}</p>`);
  parts.push('<div class="scroll"><table class="heatmap" id="heatmap-table"><thead><tr>');
  parts.push(`<th>${w.number}</th><th>${w.indicator}</th>`);
  for (const doc of comparison.documents) parts.push(`<th class="doc" title="${escapeHtml(doc.file)}">${escapeHtml(shortLabel(doc.province, doc.file))}</th>`);
  parts.push('</tr></thead><tbody>');
  comparison.indicators.forEach((indicator, i) => {
    parts.push(`<tr data-indicator="${escapeHtml(indicator.key)}"><td class="num">${indicator.number ?? ''}</td><th class="name" title="${escapeHtml(indicator.name)}"><a href="#chart-${i}">${escapeHtml(truncate(indicator.name, 90))}</a></th>`);
    for (const doc of comparison.documents) parts.push(heatCell(indicator, doc.file, outliers.has(`${indicator.key}\u0000${doc.file}`), w));
    parts.push('</tr>');
  });
  parts.push('</tbody></table></div>');
  parts.push('<ul class="legend">');
  for (const band of ACHIEVEMENT_BANDS) parts.push(`<li><span class="swatch band-${band.id}"></span>${escapeHtml(band.labels[locale])}</li>`);
  parts.push('</ul></section>');

  parts.push(`<section id="charts"><h2>${w.charts}</h2>`);
  if (!options.chartScript) parts.push(`<p class="note">${w.chartsUnavailable}</p>`);
  comparison.indicators.forEach((indicator, i) => {
    const height = 220 + Math.min(comparison.documents.length, 40) * 2;
    parts.push(
      `<figure class="chart" id="chart-${i}"><figcaption>${indicator.number ?? ''}. ${escapeHtml(indicator.name)}${indicator.unit ? ` <span class="unit">(${escapeHtml(indicator.unit)})</span>` : ''}</figcaption>`,
      `<canvas id="canvas-${i}" width="760" height="${height}" role="img" aria-label="${escapeHtml(`${w.target} / ${w.realisation}: ${indicator.name}`)}"></canvas></figure>`,
    );
  });
  parts.push('</section>');

  parts.push(`<section id="flags"><h2>${w.flags}</h2>`);
  if (comparison.flags.length === 0) parts.push(`<p>${w.noFlags}</p>`);
  else {
    parts.push('<ul class="flags">');
    for (const flag of comparison.flags) parts.push(`<li data-kind="${flag.kind}"><span class="kind">${flag.kind}</span> ${escapeHtml(flag.message)}</li>`);
    parts.push('</ul>');
  }
  parts.push('</section>');

  parts.push(`<section id="unmatched"><h2>${w.unmatched}</h2>`);
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

  parts.push(`<script type="application/json" id="lkip-compare-data">${jsonForScript(comparison)}</script>`);
  parts.push(`<script type="application/json" id="lkip-compare-words">${jsonForScript({ target: w.target, realisation: w.realisation })}</script>`);
  if (options.chartScript) parts.push(`<script>${scriptForInline(options.chartScript)}</script>`);
  parts.push(`<script>${PAGE_SCRIPT}</script>`);
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}

function heatCell(indicator: ComparisonIndicator, file: string, outlier: boolean, w: Words): string {
  const cells = indicator.cells.filter((c) => c.document === file);
  if (cells.length === 0) return `<td class="cell band-none missing" data-document="${escapeHtml(file)}" title="${w.missing}">—</td>`;
  const value = provinceAchievement(indicator, file);
  const band = achievementBand(value);
  const findings = countFindings(cells);
  const marks = `${findings > 0 ? '!' : ''}${outlier ? '*' : ''}`;
  const province = cells.find((c) => c.unitKind === 'province' && c.measure === 'indicator') ?? cells[0];
  const tooltip = [
    province?.target ? `${w.target}: ${province.target.raw}` : '',
    province?.realisation ? `${w.realisation}: ${province.realisation.raw}` : '',
    findings > 0 ? `${findings} ${w.findings}` : '',
    outlier ? w.outlier : '',
  ]
    .filter((s) => s !== '')
    .join(' · ');
  const text = value === undefined ? '?' : `${formatPercent(value)}`;
  return `<td class="cell band-${band.id}${outlier ? ' outlier' : ''}" data-document="${escapeHtml(file)}" data-band="${band.id}" title="${escapeHtml(tooltip)}">${text}${marks ? `<sup>${marks}</sup>` : ''}</td>`;
}

function countFindings(cells: readonly ComparisonCell[]): number {
  const seen = new Set<string>();
  for (const cell of cells) for (const f of cell.findings) seen.add(`${f.ruleId}:${f.line}:${f.column}:${f.message}`);
  return seen.size;
}

function formatPercent(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

/** "Teluk Biru" for a column head; the file's folder when the draft names no province. */
export function shortLabel(province: string | null, file: string): string {
  if (province) return province;
  const parts = file.split(/[\\/]/).filter((p) => p !== '');
  const name = parts[parts.length - 1] ?? file;
  return /^draft\.\w+$/i.test(name) && parts.length > 1 ? (parts[parts.length - 2] as string) : name;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
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

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
body { margin: 1.5rem; max-width: 110rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
.scroll { overflow-x: auto; }
.heatmap td.cell { text-align: right; white-space: nowrap; min-width: 4.5rem; font-variant-numeric: tabular-nums; }
.heatmap th.name { font-weight: normal; min-width: 18rem; max-width: 30rem; }
.heatmap th.name a { color: inherit; text-decoration: none; }
.heatmap th.doc { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 12rem; }
.heatmap td.outlier { outline: 3px solid #6639ba; outline-offset: -3px; }
.heatmap sup { font-weight: bold; margin-left: .1rem; }
.num { text-align: right; }
.note { color: #57606a; font-size: .85rem; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; }
.swatch { display: inline-block; width: 1rem; height: 1rem; margin-right: .35rem; vertical-align: middle; border: 1px solid #8c959f; }
${ACHIEVEMENT_BANDS.map((b) => `.band-${b.id} { background: ${b.background}; color: ${b.foreground}; }`).join('\n')}
.chart { display: inline-block; margin: 0 1rem 1.5rem 0; vertical-align: top; }
.chart figcaption { font-size: .85rem; max-width: 760px; margin-bottom: .25rem; }
.unit { color: #57606a; }
.flags li { margin-bottom: .35rem; }
.kind { display: inline-block; font-size: .75rem; background: #ddf4ff; border: 1px solid #54aeff; border-radius: 1rem; padding: 0 .5rem; margin-right: .35rem; }
`;

// Runs in the report: reads the embedded comparison and draws one bar chart per indicator with
// the province office's target and realisation. Plain ES2017, no modules: it must run from file://.
const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('lkip-compare-data').textContent);
  var words = JSON.parse(document.getElementById('lkip-compare-words').textContent);
  if (typeof Chart === 'undefined') return;
  function label(doc) {
    if (doc.province) return doc.province;
    var parts = doc.file.split(/[\\\\/]/).filter(function (p) { return p !== ''; });
    var name = parts[parts.length - 1] || doc.file;
    return /^draft\\.\\w+$/i.test(name) && parts.length > 1 ? parts[parts.length - 2] : name;
  }
  function provinceCell(indicator, file) {
    var cells = indicator.cells.filter(function (c) { return c.document === file; });
    for (var i = 0; i < cells.length; i++) if (cells[i].unitKind === 'province' && cells[i].measure === 'indicator') return cells[i];
    return cells[0] || null;
  }
  function value(cell, role) { return cell && cell[role] ? cell[role].value : null; }
  data.indicators.forEach(function (indicator, i) {
    var canvas = document.getElementById('canvas-' + i);
    if (!canvas) return;
    var cells = data.documents.map(function (doc) { return provinceCell(indicator, doc.file); });
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.documents.map(label),
        datasets: [
          { label: words.target, data: cells.map(function (c) { return value(c, 'target'); }), backgroundColor: '#8c959f' },
          { label: words.realisation, data: cells.map(function (c) { return value(c, 'realisation'); }), backgroundColor: '#0969da' }
        ]
      },
      options: { animation: false, responsive: false, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true } } }
    });
    canvas.setAttribute('data-rendered', 'true');
  });
})();
`;
