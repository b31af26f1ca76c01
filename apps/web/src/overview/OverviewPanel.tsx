import { useCallback, useMemo, useState } from 'react';
import type { UiWords } from '../i18n.ts';
import type { Span } from '../findings/model.ts';
import { OVERVIEW_ROLES, type IndicatorOverview, type OverviewFigure, type OverviewRow } from './model.ts';
import { TargetChart } from './TargetChart.tsx';

export interface OverviewPanelProps {
  words: UiWords;
  overview: readonly IndicatorOverview[];
  onGoTo(span: Span): void;
}

const STATUS_MARK = { above: '▲', at: '●', below: '▼' } as const;

export function OverviewPanel({ words, overview, onGoTo }: OverviewPanelProps) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const indicator = overview.find((i) => i.id === chosen) ?? overview.find((i) => i.rows.length > 0) ?? overview[0];
  const w = words.overview;

  const labelOf = useCallback((row: OverviewRow) => row.unitName ?? w.overall, [w.overall]);
  const chartRows = useMemo(() => (indicator ? rowsToChart(indicator.rows) : []), [indicator]);

  if (!indicator) return <p className="empty">{w.noFigures}</p>;
  const measures = [...new Set(indicator.rows.map((r) => r.measure))];

  return (
    <div className="overview" data-testid="overview">
      <label className="overview-pick">
        {w.indicator}{' '}
        <select value={indicator.id} onChange={(e) => setChosen(e.target.value)} data-testid="overview-indicator">
          {overview.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number !== undefined ? `${i.number}. ` : ''}
              {i.name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        {indicator.unitOfMeasure !== undefined ? `${indicator.unitOfMeasure} · ` : ''}
        {w.polarity[indicator.polarity]}
        {indicator.year !== undefined ? ` · ${indicator.year}` : ''}
      </p>
      {indicator.rows.length === 0 ? <p className="empty">{w.noFigures}</p> : null}
      {measures.map((measure) => (
        <table key={measure} className="overview-table">
          {measure === 'unit-value' && indicator.measureName !== undefined ? <caption>{w.perUnitValue(indicator.measureName)}</caption> : null}
          <thead>
            <tr>
              <th scope="col">{w.unit}</th>
              {OVERVIEW_ROLES.map((role) => (
                <th key={role} scope="col">
                  {w[role]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicator.rows
              .filter((r) => r.measure === measure)
              .map((row) => (
                <tr key={row.key} className={row.status ? `status-${row.status}` : undefined} data-status={row.status}>
                  <th scope="row">
                    {row.status ? (
                      <span className={`status-mark ${row.status}`} title={w.status[row.status]} aria-label={w.status[row.status]}>
                        {STATUS_MARK[row.status]}{' '}
                      </span>
                    ) : null}
                    {labelOf(row)}
                  </th>
                  {OVERVIEW_ROLES.map((role) => (
                    <td key={role}>
                      <FigureButton figure={row[role]} onGoTo={onGoTo} />
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <p className="legend small">
        {(['above', 'at', 'below'] as const).map((s) => (
          <span key={s} className={`status-mark ${s}`}>
            {STATUS_MARK[s]} {w.status[s]}{' '}
          </span>
        ))}
      </p>
      {chartRows.length > 0 ? <TargetChart title={w.chartTitle} rows={chartRows} labelOf={labelOf} targetLabel={w.target} realisationLabel={w.realisation} /> : null}
    </div>
  );
}

function FigureButton({ figure, onGoTo }: { figure: OverviewFigure | undefined; onGoTo(span: Span): void }) {
  if (!figure) return <span className="muted">–</span>;
  return (
    <button type="button" className="figure" data-testid="figure" data-from={figure.from} data-to={figure.to} data-place={figure.place} onClick={() => onGoTo(figure)}>
      {figure.text}
    </button>
  );
}

/**
 * Counts of districts and per-district index values do not share an axis; chart the measure
 * that has the most units with a figure to compare.
 */
function rowsToChart(rows: readonly OverviewRow[]): OverviewRow[] {
  const comparable = rows.filter((r) => r.target?.value !== undefined || r.realisation?.value !== undefined);
  const perMeasure = (m: OverviewRow['measure']) => comparable.filter((r) => r.measure === m);
  const unitValues = perMeasure('unit-value');
  const indicatorRows = perMeasure('indicator');
  return unitValues.length > indicatorRows.length ? unitValues : indicatorRows;
}
