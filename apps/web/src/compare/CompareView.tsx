import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { ACHIEVEMENT_BANDS, achievementBand, shortLabel, type Comparison, type ComparisonCell, type ComparisonIndicator, type ComparisonInput } from '@lkip/compare';
import type { Locale } from '@lkip/engine';
import { analyseDraft, cellsOf, cellTarget, compare, flagsFor, provinceAchievement, type CompareDraft } from './model.ts';

export interface CompareViewProps {
  /** The drafts to compare (two or more), each with the name its findings should be opened under. */
  documents: readonly CompareDraft[];
  /** Opens a draft at a place: the viewer switches to that draft and selects the finding. */
  onOpenFinding(file: string, line: number, column: number): void;
  locale?: Locale;
}

const WORDS = {
  en: {
    reading: (done: number, total: number) => `Reading drafts… ${done}/${total}`,
    needTwo: 'Open at least two drafts with performance indicators to compare them.',
    skipped: (files: string) => `Skipped (no performance indicators): ${files}`,
    indicator: 'Indicator',
    legend: 'Achievement of the province office. ! lint findings (click to open the first), * outlier among the provinces, — missing from the draft.',
    flags: 'Flags',
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
  },
  id: {
    reading: (done: number, total: number) => `Membaca draf… ${done}/${total}`,
    needTwo: 'Buka sedikitnya dua draf yang memuat indikator kinerja untuk membandingkannya.',
    skipped: (files: string) => `Dilewati (tanpa indikator kinerja): ${files}`,
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
  },
} as const;

interface Progress {
  done: number;
  comparison?: Comparison;
  skipped: string[];
}

/**
 * The comparison matrix of several drafts: indicators × provinces, coloured by achievement,
 * with the flags and the unmatched indicators below. A click on a cell opens that draft at its
 * first finding for the indicator (or at the figure when it has none) and shows every office's
 * figures for the cell. Drafts are read one per macrotask so that the page stays responsive.
 */
export function CompareView({ documents, onOpenFinding, locale = 'id' }: CompareViewProps) {
  const w = WORDS[locale];
  const [progress, setProgress] = useState<Progress>({ done: 0, skipped: [] });
  const [selected, setSelected] = useState<{ key: string; file: string } | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const inputs: ComparisonInput[] = [];
    const skipped: string[] = [];
    let next = 0;
    setProgress({ done: 0, skipped: [] });
    const step = () => {
      if (cancelled) return;
      const draft = documents[next];
      if (draft) {
        next++;
        const input = analyseDraft(draft, locale);
        if (input) inputs.push(input);
        else skipped.push(draft.file);
        setProgress({ done: next, skipped: [...skipped] });
        setTimeout(step, 0);
        return;
      }
      setProgress({ done: next, skipped: [...skipped], ...(inputs.length >= 2 ? { comparison: compare(inputs, locale) } : {}) });
    };
    const timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [documents, locale]);

  const comparison = progress.comparison;
  const outliers = useMemo(() => new Set((comparison?.flags ?? []).filter((f) => f.kind === 'achievement-outlier').flatMap((f) => f.documents.map((d) => `${f.indicator}\u0000${d}`))), [comparison]);

  if (progress.done < documents.length) return <p className="compare-status" data-testid="compare-progress">{w.reading(progress.done, documents.length)}</p>;
  if (!comparison) {
    return (
      <div className="compare-view">
        <p className="empty">{w.needTwo}</p>
        {progress.skipped.length > 0 ? <p className="muted small">{w.skipped(progress.skipped.join(', '))}</p> : null}
      </div>
    );
  }

  const open = (indicator: ComparisonIndicator, file: string) => {
    setSelected({ key: indicator.key, file });
    const target = cellTarget(cellsOf(indicator, file));
    if (target) onOpenFinding(file, target.line, target.column);
  };
  const selectedIndicator = selected ? comparison.indicators.find((i) => i.key === selected.key) : undefined;

  return (
    <div className="compare-view" data-testid="compare-view">
      {progress.skipped.length > 0 ? <p className="muted small">{w.skipped(progress.skipped.join(', '))}</p> : null}
      <div style={{ overflowX: 'auto' }}>
        <table className="compare-matrix" data-testid="compare-matrix" style={styles.table}>
          <thead>
            <tr>
              <th scope="col" style={styles.head}>
                No
              </th>
              <th scope="col" style={{ ...styles.head, minWidth: '16rem' }}>
                {w.indicator}
              </th>
              {comparison.documents.map((doc) => (
                <th key={doc.file} scope="col" title={doc.file} style={styles.head}>
                  {shortLabel(doc.province, doc.file)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.indicators.map((indicator) => (
              <tr key={indicator.key} data-indicator={indicator.key}>
                <td style={styles.number}>{indicator.number ?? ''}</td>
                <th scope="row" title={indicator.name} style={styles.name}>
                  {indicator.name}
                  {indicator.unit ? <span className="muted"> ({indicator.unit})</span> : null}
                </th>
                {comparison.documents.map((doc) => (
                  <MatrixCell
                    key={doc.file}
                    cells={cellsOf(indicator, doc.file)}
                    value={provinceAchievement(indicator, doc.file)}
                    outlier={outliers.has(`${indicator.key}\u0000${doc.file}`)}
                    flags={flagsFor(comparison, indicator, doc.file)}
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
      <ul className="compare-legend" style={styles.legend}>
        {ACHIEVEMENT_BANDS.map((band) => (
          <li key={band.id}>
            <span style={{ ...styles.swatch, background: band.background }} />
            {band.labels[locale]}
          </li>
        ))}
      </ul>

      {selected && selectedIndicator ? (
        <CellDetail words={w} indicator={selectedIndicator} file={selected.file} onOpenFinding={onOpenFinding} onClose={() => setSelected(undefined)} />
      ) : null}

      <h3>{w.flags}</h3>
      {comparison.flags.length === 0 ? (
        <p className="muted">{w.none}</p>
      ) : (
        <ul className="compare-flags" data-testid="compare-flags">
          {comparison.flags.map((flag, i) => (
            <li key={i} data-kind={flag.kind}>
              <code>{flag.kind}</code> {flag.message}
            </li>
          ))}
        </ul>
      )}
      <h3>{w.unmatched}</h3>
      {comparison.unmatched.length === 0 ? (
        <p className="muted">{w.none}</p>
      ) : (
        <ul className="compare-unmatched" data-testid="compare-unmatched">
          {comparison.unmatched.map((u, i) => (
            <li key={i}>
              {u.document} {u.indicator !== null ? `#${u.indicator} ` : ''}“{u.name}” — {u.reason}
              {u.bestCandidate !== undefined ? `; ${w.closest}: “${comparison.indicators.find((r) => r.key === u.bestCandidate)?.name ?? u.bestCandidate}” (${u.score ?? 0})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface MatrixCellProps {
  cells: readonly ComparisonCell[];
  value: number | undefined;
  outlier: boolean;
  flags: readonly string[];
  selected: boolean;
  onClick(): void;
}

function MatrixCell({ cells, value, outlier, flags, selected, onClick }: MatrixCellProps) {
  if (cells.length === 0) {
    return (
      <td className="compare-cell missing" style={{ ...styles.cell, background: achievementBand(undefined).background }}>
        —
      </td>
    );
  }
  const band = achievementBand(value);
  const findings = cells.reduce((n, c) => n + c.findings.length, 0);
  const marks = `${findings > 0 ? '!' : ''}${outlier ? '*' : ''}`;
  return (
    <td
      className={`compare-cell band-${band.id}`}
      data-band={band.id}
      style={{ ...styles.cell, background: band.background, color: band.foreground, outline: selected ? '2px solid #1f5fa8' : outlier ? '3px solid #6639ba' : undefined, outlineOffset: '-3px' }}
    >
      <button type="button" onClick={onClick} title={flags.join(', ')} style={{ ...styles.cellButton, color: band.foreground }}>
        {value === undefined ? '?' : `${Math.round(value * 10) / 10}%`}
        {marks ? <sup>{marks}</sup> : null}
      </button>
    </td>
  );
}

interface CellDetailProps {
  words: (typeof WORDS)[Locale];
  indicator: ComparisonIndicator;
  file: string;
  onOpenFinding(file: string, line: number, column: number): void;
  onClose(): void;
}

/** Every office's figures for the chosen cell, with its findings as links into the draft. */
function CellDetail({ words: w, indicator, file, onOpenFinding, onClose }: CellDetailProps) {
  const cells = cellsOf(indicator, file);
  return (
    <section className="compare-detail" data-testid="compare-detail" style={styles.detail}>
      <header style={{ display: 'flex', gap: '0.5rem', alignItems: 'baseline' }}>
        <strong>
          {indicator.number ?? ''} {indicator.name}
        </strong>
        <span className="muted">{file}</span>
        <span style={{ flex: 1 }} />
        <button type="button" onClick={onClose}>
          {w.close}
        </button>
      </header>
      <table style={styles.table}>
        <thead>
          <tr>
            {[w.office, w.target, w.realisation, w.achievement, w.category, w.findings].map((h) => (
              <th key={h} scope="col" style={styles.head}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={cell.unit}>
              <th scope="row" style={styles.name}>
                {cell.unit}
              </th>
              {[cell.target, cell.realisation, cell.achievement].map((figure, i) => (
                <td key={i} style={styles.cell}>
                  {figure ? (
                    <button type="button" style={styles.link} onClick={() => onOpenFinding(file, figure.line, figure.column)}>
                      {figure.raw}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              ))}
              <td style={styles.cell}>{cell.category?.label ?? '—'}</td>
              <td style={{ ...styles.cell, textAlign: 'left' }}>
                {cell.findings.length === 0
                  ? '—'
                  : cell.findings.map((f, i) => (
                      <div key={i}>
                        <button type="button" style={styles.link} onClick={() => onOpenFinding(file, f.line, f.column)}>
                          {f.line}:{f.column}
                        </button>{' '}
                        <code>{f.ruleId ?? ''}</code> {f.message}
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

// Inline styles keep this view self-contained; the app's stylesheet may override by class name.
const styles = {
  table: { borderCollapse: 'collapse', fontSize: '0.85rem' },
  head: { border: '1px solid var(--border, #d9dde3)', padding: '0.25rem 0.4rem', textAlign: 'left', background: 'var(--bg, #f7f8fa)', whiteSpace: 'nowrap' },
  number: { border: '1px solid var(--border, #d9dde3)', padding: '0.25rem 0.4rem', textAlign: 'right' },
  name: { border: '1px solid var(--border, #d9dde3)', padding: '0.25rem 0.4rem', textAlign: 'left', fontWeight: 'normal', maxWidth: '28rem' },
  cell: { border: '1px solid var(--border, #d9dde3)', padding: 0, textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  cellButton: { all: 'unset', cursor: 'pointer', display: 'block', padding: '0.25rem 0.45rem', minWidth: '4rem', textAlign: 'right' },
  link: { all: 'unset', cursor: 'pointer', textDecoration: 'underline', padding: '0.25rem 0.45rem' },
  legend: { listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.75rem', fontSize: '0.8rem' },
  swatch: { display: 'inline-block', width: '0.9rem', height: '0.9rem', marginRight: '0.3rem', verticalAlign: 'middle', border: '1px solid #8c959f' },
  detail: { margin: '1rem 0', padding: '0.5rem', border: '1px solid var(--border, #d9dde3)', background: 'var(--panel, #fff)' },
} satisfies Record<string, CSSProperties>;
