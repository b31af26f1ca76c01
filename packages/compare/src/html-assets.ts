import { ACHIEVEMENT_BANDS } from './achievement-bands.js';

export const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
body { margin: 1.5rem; max-width: 110rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
.subtitle { color: #57606a; margin-top: 0; }
nav.toc { font-size: .85rem; } nav.toc a { margin-right: 1rem; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; position: sticky; top: 0; z-index: 1; }
tfoot td, tfoot th { background: #f6f8fa; font-weight: bold; }
.scroll { overflow-x: auto; }
th button.sort { all: unset; cursor: pointer; display: block; width: 100%; }
th button.sort:focus-visible { outline: 2px solid #0969da; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.summary td.worst { min-width: 16rem; max-width: 32rem; }
.summary .errors a { color: #cf222e; font-weight: bold; } .summary .warnings a { color: #9a6700; }
.warnings-box { border: 1px solid #d4a72c; background: #fff8c5; padding: .5rem 1rem; border-radius: .375rem; }
.heatmap td.cell { text-align: right; white-space: nowrap; min-width: 4.5rem; font-variant-numeric: tabular-nums; }
.heatmap th.name { font-weight: normal; min-width: 18rem; max-width: 34rem; white-space: normal; }
.heatmap th.name a { color: inherit; text-decoration: none; }
.heatmap th.doc { white-space: nowrap; }
.heatmap th.doc button.sort { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 12rem; }
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
.kind.history-mismatch, .kind.duplicate-document { background: #ffebe9; border-color: #ff8182; }
details.findings { margin-bottom: .5rem; } details.findings summary { cursor: pointer; }
.sev-2 { color: #cf222e; } .sev-1 { color: #9a6700; } .sev-0 { color: #57606a; }
`;

/**
 * Runs in the report: sorts any table marked `sortable` by the column whose heading is clicked
 * (numbers by `data-sort`, text otherwise; the totals row stays in the footer), and draws the
 * charts from the embedded comparison. Plain ES2017, no modules: it must run from file://.
 */
export const PAGE_SCRIPT = `
(function () {
  function sortValue(cell) {
    if (!cell) return '';
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim() : v;
  }
  function sortTable(table, column, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var descending = th.getAttribute('aria-sort') === 'ascending';
    var values = rows.map(function (row) { return sortValue(row.cells[column]); });
    var numeric = values.every(function (v) { return v === '' || !isNaN(Number(v)); });
    var order = rows.map(function (row, i) { return i; });
    order.sort(function (a, b) {
      var x = values[a], y = values[b];
      // Empty cells last, whichever way.
      if (x === '' && y !== '') return 1;
      if (y === '' && x !== '') return -1;
      var c = numeric ? Number(x) - Number(y) : String(x).localeCompare(String(y));
      if (c === 0) c = a - b;
      return descending ? -c : c;
    });
    order.forEach(function (i) { body.appendChild(rows[i]); });
    Array.prototype.forEach.call(th.parentNode.cells, function (other) { other.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head) return;
    Array.prototype.forEach.call(head.cells, function (th, column) {
      var button = th.querySelector('button.sort');
      if (button) button.addEventListener('click', function () { sortTable(table, column, th); });
    });
  });

  var data = JSON.parse(document.getElementById('lkip-compare-data').textContent);
  var words = JSON.parse(document.getElementById('lkip-compare-words').textContent);
  if (typeof Chart === 'undefined') return;
  function provinceCell(indicator, file) {
    var first = null;
    for (var i = 0; i < indicator.cells.length; i++) {
      var c = indicator.cells[i];
      if (c.document !== file) continue;
      if (c.unitKind === 'province' && c.measure === 'indicator') return c;
      if (!first) first = c;
    }
    return first;
  }
  function value(cell, role) { return cell && cell[role] ? cell[role].value : null; }
  var labels = data.documents.map(function (doc) { return doc.label; });
  data.indicators.forEach(function (indicator, i) {
    var canvas = document.getElementById('canvas-' + i);
    if (canvas) {
      var cells = data.documents.map(function (doc) { return provinceCell(indicator, doc.file); });
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: labels,
          datasets: [
            { label: words.target, data: cells.map(function (c) { return value(c, 'target'); }), backgroundColor: '#8c959f' },
            { label: words.realisation, data: cells.map(function (c) { return value(c, 'realisation'); }), backgroundColor: '#0969da' }
          ]
        },
        options: { animation: false, responsive: false, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true } } }
      });
      canvas.setAttribute('data-rendered', 'true');
    }
    var trend = document.getElementById('trend-' + i);
    if (trend && indicator.trend) {
      var palette = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#9a6700', '#bf3989', '#1b7c83', '#57606a'];
      new Chart(trend, {
        type: 'line',
        data: {
          labels: data.years,
          datasets: indicator.trend.map(function (series, k) {
            return {
              label: series.province,
              data: data.years.map(function (year) {
                for (var p = 0; p < series.points.length; p++) if (series.points[p].year === year) return series.points[p].realisation;
                return null;
              }),
              borderColor: palette[k % palette.length],
              backgroundColor: palette[k % palette.length],
              spanGaps: true
            };
          })
        },
        options: { animation: false, responsive: false, plugins: { legend: { position: 'bottom' } } }
      });
      trend.setAttribute('data-rendered', 'true');
    }
  });
})();
`;
