import { useEffect, useMemo, useState } from 'react';
import { ACHIEVEMENT_BANDS, achievementBand, shortLabel, type Comparison, type ComparisonCell, type ComparisonIndicator, type UnmatchedReason } from '@lkip/compare';
import type { Locale } from '@lkip/engine';
import { formatCsv } from '@lkip/compare';
import { offerDownload } from '../draft/download.ts';
import { cellsOf, cellTarget, flagsFor, provinceAchievement, type CompareDraft } from './cells.ts';
import { SUMMARY_COLUMNS, nextSort, sortDocuments, trendRows, type SummaryColumn, type SummarySort } from './summary.ts';
import type { CompareRequest, CompareResponse } from './protocol.ts';

export interface CompareViewProps {
  /** The drafts to compare (two or more), each under its own key. */
  documents: readonly CompareDraft[];
  /** Opens a draft at a place: the viewer switches to that draft (by key) and selects the finding. */
  onOpenFinding(key: string, line: number, column: number): void;
  locale?: Locale;
}

const WORDS = {
  en: {
    reading: (done: number, total: number) => `Reading drafts… ${done}/${total}`,
    failed: (reason: string) => `The comparison failed: ${reason}`,
    needTwo: 'Open at least two drafts with performance indicators to compare them.',
    skipped: (files: string) => `Skipped (no performance indicators): ${files}`,
    sameText: (files: string) => `These drafts are the same file content: ${files}. Each is shown in its own column.`,
    summary: 'Per province',
    province: 'Province',
    file: 'File',
    indicators: 'Indicators',
    above: 'Above target',
    at: 'At target',
    below: 'Below target',
    met: 'Met',
    rank: 'Rank',
    errors: 'Errors',
    warnings: 'Warnings',
    notes: 'Notes',
    worst: 'Furthest below target',
    total: 'All drafts',
    sortHint: 'Click a column heading to sort by it; click again to reverse.',
    trends: 'Year by year',
    trendNote: 'Realisation (and achievement) of each province office, year by year, each year from that year’s filing.',
    exportCsv: 'Export CSV',
    indicator: 'Indicator',
    legend: 'Achievement of the province office. ! lint findings (click to open the first), * outlier among the provinces, — missing from the draft.',
    flags: 'Notes on the comparison',
    unmatched: 'Not matched',
    closest: 'closest',
    office: 'Office',
    target: 'Target',
    realisation: 'Realisation',
    achievement: 'Achievement',
    category: 'Category',
    findings: 'Findings',
    none: 'None.',
    close: 'Close',
    reasons: { 'name-differs': 'the name differs', ambiguous: 'two rows fit equally', duplicate: 'the draft has a better match', 'no-match': 'nothing similar' } satisfies Record<UnmatchedReason, string>,
    kinds: {
      'duplicate-document': 'Duplicate draft',
      'fiscal-year': 'Fiscal year',
      'missing-indicator': 'Missing indicator',
      'unit-of-measure': 'Unit of measure',
      'target-kind': 'Kind of target',
      'category-scale': 'Category scale',
      'achievement-outlier': 'Outlier',
      'history-mismatch': 'Earlier year',
    } as Record<string, string>,
  },
  id: {
    reading: (done: number, total: number) => `Membaca draf… ${done}/${total}`,
    failed: (reason: string) => `Perbandingan gagal: ${reason}`,
    needTwo: 'Buka sedikitnya dua draf yang memuat indikator kinerja untuk membandingkannya.',
    skipped: (files: string) => `Dilewati (tanpa indikator kinerja): ${files}`,
    sameText: (files: string) => `Isi berkas draf ini sama persis: ${files}. Masing-masing ditampilkan di kolomnya sendiri.`,
    summary: 'Per provinsi',
    province: 'Provinsi',
    file: 'Berkas',
    indicators: 'Indikator',
    above: 'Di atas target',
    at: 'Sesuai target',
    below: 'Di bawah target',
    met: 'Tercapai',
    rank: 'Peringkat',
    errors: 'Galat',
    warnings: 'Peringatan',
    notes: 'Catatan',
    worst: 'Terjauh di bawah target',
    total: 'Semua draf',
    sortHint: 'Klik judul kolom untuk mengurutkan; klik lagi untuk membalik urutan.',
    trends: 'Dari tahun ke tahun',
    trendNote: 'Realisasi (dan capaian) kantor provinsi dari tahun ke tahun, tiap tahun dari laporan tahun itu.',
    exportCsv: 'Ekspor CSV',
    indicator: 'Indikator',
    legend: 'Capaian kantor provinsi. ! ada temuan lint (klik untuk membuka yang pertama), * pencilan antarprovinsi, — tidak ada di draf.',
    flags: 'Catatan perbandingan',
    unmatched: 'Tidak terpasangkan',
    closest: 'paling mirip',
    office: 'Satker',
    target: 'Target',
    realisation: 'Realisasi',
    achievement: 'Capaian',
    category: 'Kategori',
    findings: 'Temuan',
    none: 'Tidak ada.',
    close: 'Tutup',
    reasons: { 'name-differs': 'namanya berbeda', ambiguous: 'dua baris sama cocoknya', duplicate: 'draf punya padanan yang lebih cocok', 'no-match': 'tidak ada yang mirip' } satisfies Record<UnmatchedReason, string>,
    kinds: {
      'duplicate-document': 'Draf ganda',
      'fiscal-year': 'Tahun anggaran',
      'missing-indicator': 'Indikator tidak ada',
      'unit-of-measure': 'Satuan',
      'target-kind': 'Jenis target',
      'category-scale': 'Skala kategori',
      'achievement-outlier': 'Pencilan',
      'history-mismatch': 'Tahun sebelumnya',
    } as Record<string, string>,
  },
} as const;

type Words = (typeof WORDS)[Locale];

type Progress = { done: number; total: number } | { result: Extract<CompareResponse, { kind: 'result' }> } | { error: string };

/** Drafts with exactly the same text, by key: picked twice, or copied under two names. */
function sameTexts(documents: readonly CompareDraft[]): string[][] {
  const byText = new Map<string, string[]>();
  for (const d of documents) byText.set(d.text, [...(byText.get(d.text) ?? []), d.key]);
  return [...byText.values()].filter((keys) => keys.length > 1);
}

/**
 * The comparison matrix of several drafts: a summary per province, the flags, then indicators ×
 * provinces coloured by achievement, and the unmatched indicators. Each draft is read, linted and
 * compared in a worker (`compare.worker.ts`), so the page never stalls while seven drafts are
 * read. A click on a cell opens that draft at its first finding for the indicator (or at the
 * figure when it has none) and shows every office's figures for the cell.
 */
export function CompareView({ documents, onOpenFinding, locale = 'id' }: CompareViewProps) {
  const w = WORDS[locale];
  const [progress, setProgress] = useState<Progress>({ done: 0, total: documents.length });
  const [selected, setSelected] = useState<{ key: string; file: string } | undefined>(undefined);

  useEffect(() => {
    const worker = new Worker(new URL('../compare.worker.ts', import.meta.url), { type: 'module', name: 'lkip-compare' });
    const id = 1;
    setProgress({ done: 0, total: documents.length });
    worker.onmessage = (event: MessageEvent<CompareResponse>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.kind === 'progress') setProgress({ done: reply.done, total: reply.total });
      else if (reply.kind === 'result') setProgress({ result: reply });
      else setProgress({ error: reply.error });
    };
    worker.onerror = (event) => setProgress({ error: event.message || 'worker failed' });
    const request: CompareRequest = { id, drafts: [...documents], locale };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [documents, locale]);

  const duplicates = useMemo(() => sameTexts(documents), [documents]);
  const comparison = 'result' in progress ? progress.result.comparison : undefined;
  const outliers = useMemo(
    () => new Set((comparison?.flags ?? []).filter((f) => f.kind === 'achievement-outlier').flatMap((f) => f.documents.map((d) => `${f.indicator ?? ''}\u0000${d}`))),
    [comparison],
  );

  if ('error' in progress) return <p className="notice error">{w.failed(progress.error)}</p>;
  if (!('result' in progress)) {
    return (
      <p className="compare-status" data-testid="compare-progress" role="status">
        {w.reading(progress.done, progress.total)}
      </p>
    );
  }
  const { skipped } = progress.result;
  const skippedNote = skipped.length > 0 ? <p className="muted small">{w.skipped(skipped.join(', '))}</p> : null;
  if (!comparison) {
    return (
      <div className="compare-view">
        <p className="empty">{w.needTwo}</p>
        {skippedNote}
      </div>
    );
  }

  const labelOf = (file: string) => {
    const doc = comparison.documents.find((d) => d.file === file);
    return doc?.label ?? shortLabel(doc?.province ?? null, file);
  };
  const open = (indicator: ComparisonIndicator, file: string) => {
    setSelected({ key: indicator.key, file });
    const target = cellTarget(cellsOf(indicator, file));
    if (target) onOpenFinding(file, target.line, target.column);
  };
  const selectedIndicator = selected ? comparison.indicators.find((i) => i.key === selected.key) : undefined;

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-actions">
        <button type="button" data-testid="compare-csv" onClick={() => offerDownload('lkip-compare.csv', new TextEncoder().encode(formatCsv(comparison)), 'text/csv;charset=utf-8')}>
          {w.exportCsv}
        </button>
      </div>
      {duplicates.length > 0 ? (
        <p className="notice info" data-testid="compare-duplicates">
          {w.sameText(duplicates.map((keys) => keys.join(' = ')).join('; '))}
        </p>
      ) : null}
      {skippedNote}

      <Summary comparison={comparison} words={w} />
      {comparison.years.length > 1 ? <Trends comparison={comparison} words={w} /> : null}

      <h3>{w.flags}</h3>
      {comparison.flags.length === 0 ? (
        <p className="muted">{w.none}</p>
      ) : (
        <ul className="compare-flags" data-testid="compare-flags">
          {comparison.flags.map((flag, i) => (
            <li key={i} data-kind={flag.kind}>
              <strong>{w.kinds[flag.kind] ?? flag.kind}:</strong> {flag.message}
            </li>
          ))}
        </ul>
      )}

      <h3>{w.indicator}</h3>
      <div className="compare-scroll">
        <table className="compare-matrix" data-testid="compare-matrix">
          <thead>
            <tr>
              <th scope="col">No</th>
              <th scope="col" className="name">
                {w.indicator}
              </th>
              {comparison.documents.map((doc) => (
                <th key={doc.file} scope="col" title={doc.file} data-file={doc.file}>
                  {labelOf(doc.file)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.indicators.map((indicator) => (
              <tr key={indicator.key} data-indicator={indicator.key}>
                <td className="number">{indicator.number ?? ''}</td>
                <th scope="row" className="name">
                  {indicator.name}
                  {indicator.unit ? <span className="muted"> ({indicator.unit})</span> : null}
                </th>
                {comparison.documents.map((doc) => (
                  <MatrixCell
                    key={doc.file}
                    file={doc.file}
                    label={`${labelOf(doc.file)}: ${indicator.name}`}
                    cells={cellsOf(indicator, doc.file)}
                    value={provinceAchievement(indicator, doc.file)}
                    outlier={outliers.has(`${indicator.key}\u0000${doc.file}`)}
                    flags={flagsFor(comparison, indicator, doc.file).map((k) => w.kinds[k] ?? k)}
                    selected={selected?.key === indicator.key && selected.file === doc.file}
                    onClick={() => open(indicator, doc.file)}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{w.legend}</p>
      <ul className="compare-legend">
        {ACHIEVEMENT_BANDS.map((band) => (
          <li key={band.id}>
            <span className="swatch" style={{ background: band.background }} />
            {band.labels[locale]}
          </li>
        ))}
      </ul>

      {selected && selectedIndicator ? (
        <CellDetail words={w} indicator={selectedIndicator} file={selected.file} label={labelOf(selected.file)} onOpenFinding={onOpenFinding} onClose={() => setSelected(undefined)} />
      ) : null}

      <h3>{w.unmatched}</h3>
      {comparison.unmatched.length === 0 ? (
        <p className="muted">{w.none}</p>
      ) : (
        <ul className="compare-unmatched" data-testid="compare-unmatched">
          {comparison.unmatched.map((u, i) => (
            <li key={i}>
              {labelOf(u.document)} {u.indicator !== null ? `#${u.indicator} ` : ''}“{u.name}” — {w.reasons[u.reason]}
              {u.bestCandidate !== undefined ? `; ${w.closest}: “${comparison.indicators.find((r) => r.key === u.bestCandidate)?.name ?? u.bestCandidate}” (${u.score ?? 0})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** Per draft: indicators above / at / below target, findings by severity and the worst indicators, with the totals; sorted by any column. */
function Summary({ comparison, words: w }: { comparison: Comparison; words: Words }) {
  const [sort, setSort] = useState<SummarySort | undefined>(undefined);
  const documents = useMemo(() => sortDocuments(comparison.documents, sort), [comparison.documents, sort]);
  const heading: Record<SummaryColumn, string> = {
    province: w.province,
    file: w.file,
    indicators: w.indicators,
    above: w.above,
    at: w.at,
    below: w.below,
    met: w.met,
    rank: w.rank,
    errors: w.errors,
    warnings: w.warnings,
    notes: w.notes,
  };
  return (
    <section aria-label={w.summary}>
      <h3>{w.summary}</h3>
      <p className="muted small">{w.sortHint}</p>
      <div className="compare-scroll">
        <table className="compare-summary" data-testid="compare-summary">
          <thead>
            <tr>
              {SUMMARY_COLUMNS.map((column) => (
                <th key={column} scope="col" aria-sort={sort?.column === column ? sort.direction : undefined} data-column={column}>
                  <button type="button" className="sort" data-testid={`sort-${column}`} onClick={() => setSort((current) => nextSort(current, column))}>
                    {heading[column]}
                    <span aria-hidden="true">{sort?.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">{w.worst}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.file} data-file={doc.file}>
                <th scope="row">{doc.label}</th>
                <td className="file">{doc.file}</td>
                <td>{doc.summary.indicators.total}</td>
                <td>{doc.summary.indicators.above}</td>
                <td>{doc.summary.indicators.at}</td>
                <td>{doc.summary.indicators.below}</td>
                <td data-testid="summary-met">{percent(doc.summary.metShare)}</td>
                <td data-testid="summary-rank">{doc.summary.rank ?? '—'}</td>
                <td data-testid="summary-errors">{doc.summary.findings.errorCount}</td>
                <td>{doc.summary.findings.warningCount}</td>
                <td>{doc.summary.findings.infoCount}</td>
                <td className="worst">
                  {doc.summary.worst.length === 0
                    ? '—'
                    : // One line each, cut to the column; the whole name on hover.
                      doc.summary.worst.map((i) => {
                        const text = `${i.number ?? ''} ${i.name} (${Math.round(i.achievement * 10) / 10}%)`.trim();
                        return (
                          <span key={text} className="worst-item" title={text}>
                            {text}
                          </span>
                        );
                      })}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{w.total}</th>
              <td>{comparison.totals.documents}</td>
              <td>{comparison.totals.indicators.total}</td>
              <td>{comparison.totals.indicators.above}</td>
              <td>{comparison.totals.indicators.at}</td>
              <td>{comparison.totals.indicators.below}</td>
              <td>{percent(comparison.totals.metShare)}</td>
              <td />
              <td>{comparison.totals.findings.errorCount}</td>
              <td>{comparison.totals.findings.warningCount}</td>
              <td>{comparison.totals.findings.infoCount}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

const figure = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));

/** When the drafts span several fiscal years: per indicator, each province's realisation and achievement year by year (packages/compare's trend). */
function Trends({ comparison, words: w }: { comparison: Comparison; words: Words }) {
  const indicators = comparison.indicators.filter((i) => (i.trend?.length ?? 0) > 0);
  if (indicators.length === 0) return null;
  return (
    <section aria-label={w.trends} data-testid="compare-trends">
      <h3>{w.trends}</h3>
      <p className="muted small">{w.trendNote}</p>
      <div className="compare-trends-grid">
        {indicators.map((indicator) => (
          <div className="compare-scroll" key={indicator.key}>
            <table className="compare-trend" data-testid="compare-trend" data-indicator={indicator.key}>
              <caption>
                {indicator.number ?? ''} {indicator.name}
                {indicator.unit ? <span className="muted"> ({indicator.unit})</span> : null}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{w.province}</th>
                  {comparison.years.map((year) => (
                    <th key={year} scope="col">
                      {year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trendRows(comparison, indicator.trend).map((row) => (
                  <tr key={row.province} data-province={row.province}>
                    <th scope="row">{row.province}</th>
                    {row.years.map((point, i) => (
                      <td key={comparison.years[i]} data-year={comparison.years[i]} title={point?.document}>
                        {point ? `${figure(point.realisation)}${point.achievement === null ? '' : ` (${figure(point.achievement)}%)`}` : '—'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}

interface MatrixCellProps {
  file: string;
  label: string;
  cells: readonly ComparisonCell[];
  value: number | undefined;
  outlier: boolean;
  flags: readonly string[];
  selected: boolean;
  onClick(): void;
}

function MatrixCell({ file, label, cells, value, outlier, flags, selected, onClick }: MatrixCellProps) {
  if (cells.length === 0) {
    return (
      <td className="compare-cell missing" data-file={file} style={{ background: achievementBand(undefined).background }}>
        —
      </td>
    );
  }
  const band = achievementBand(value);
  const findings = cells.reduce((n, c) => n + c.findings.length, 0);
  const marks = `${findings > 0 ? '!' : ''}${outlier ? '*' : ''}`;
  return (
    <td
      className={`compare-cell band-${band.id}${selected ? ' selected' : ''}${outlier ? ' outlier' : ''}`}
      data-band={band.id}
      data-file={file}
      data-findings={findings}
      style={{ background: band.background, color: band.foreground }}
    >
      <button type="button" onClick={onClick} title={flags.join(', ')} aria-label={`${label}: ${value === undefined ? '?' : `${Math.round(value * 10) / 10}%`}${findings > 0 ? ` (${findings} !)` : ''}`} style={{ color: band.foreground }}>
        {value === undefined ? '?' : `${Math.round(value * 10) / 10}%`}
        {marks ? <sup>{marks}</sup> : null}
      </button>
    </td>
  );
}

interface CellDetailProps {
  words: Words;
  indicator: ComparisonIndicator;
  file: string;
  label: string;
  onOpenFinding(key: string, line: number, column: number): void;
  onClose(): void;
}

/** Every office's figures for the chosen cell, with its findings as links into the draft. */
function CellDetail({ words: w, indicator, file, label, onOpenFinding, onClose }: CellDetailProps) {
  const cells = cellsOf(indicator, file);
  return (
    <section className="compare-detail" data-testid="compare-detail" aria-label={`${label}: ${indicator.name}`}>
      <header>
        <strong>
          {indicator.number ?? ''} {indicator.name}
        </strong>
        <span className="muted">{label}</span>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {w.close}
        </button>
      </header>
      <table>
        <thead>
          <tr>
            {[w.office, w.target, w.realisation, w.achievement, w.category, w.findings].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={cell.unit}>
              <th scope="row">{cell.unit}</th>
              {[cell.target, cell.realisation, cell.achievement].map((figure, i) => (
                <td key={i}>
                  {figure ? (
                    <button type="button" className="lkip-link" onClick={() => onOpenFinding(file, figure.line, figure.column)}>
                      {figure.raw}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              ))}
              <td>{cell.category?.label ?? '—'}</td>
              <td className="findings">
                {cell.findings.length === 0
                  ? '—'
                  : cell.findings.map((f, i) => (
                      <div key={i}>
                        <button type="button" className="lkip-link" onClick={() => onOpenFinding(file, f.line, f.column)}>
                          {f.line}:{f.column}
                        </button>{' '}
                        {f.message}
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
