import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { OverviewRow } from './model.ts';

// Only what a grouped bar chart needs: chart.js's `registerables` would pull in every chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface TargetChartProps {
  title: string;
  rows: readonly OverviewRow[];
  labelOf(row: OverviewRow): string;
  targetLabel: string;
  realisationLabel: string;
}

/** Target against realisation per unit, one pair of bars per row that has both figures. */
export function TargetChart(props: TargetChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { rows, labelOf, title, targetLabel, realisationLabel } = props;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        // Unit names come from the draft; chart.js draws them on the canvas as text.
        labels: rows.map(labelOf),
        datasets: [
          { label: targetLabel, data: rows.map((r) => r.target?.value ?? null), backgroundColor: '#9aa5b1' },
          { label: realisationLabel, data: rows.map((r) => r.realisation?.value ?? null), backgroundColor: rows.map((r) => statusColour(r.status)) },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // No animation: the chart redraws after every re-check while the editor is typing.
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: { y: { beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [rows, labelOf, targetLabel, realisationLabel]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvasRef} role="img" aria-label={title} data-testid="overview-chart" />
      </div>
    </figure>
  );
}

export function statusColour(status: OverviewRow['status']): string {
  switch (status) {
    case 'above':
      return '#2f855a';
    case 'at':
      return '#2b6cb0';
    case 'below':
      return '#c53030';
    default:
      return '#4a5568';
  }
}
