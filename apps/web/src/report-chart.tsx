/**
 * A chart for a report table, drawn by Chart.js (axes, scaling and legends we would otherwise hand-write).
 * The canvas is labelled for screen readers and the same figures are always in the table beside it.
 */
import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export interface ChartSeries {
  label: string;
  values: number[];
  colour: string;
  /** Dashed lines and hatched-looking borders tell series apart without colour. */
  dashed?: boolean;
}

export function ReportChart(props: {
  kind: 'line' | 'bar';
  title: string;
  labels: string[];
  series: ChartSeries[];
  stacked?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { kind, title, labels, series, stacked } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: s.colour,
          backgroundColor: s.colour,
          borderDash: s.dashed ? [6, 4] : [],
          pointStyle: s.dashed ? 'triangle' : 'circle',
          pointRadius: kind === 'line' ? 4 : 0,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
        scales: {
          x: { stacked: stacked ?? false },
          y: { stacked: stacked ?? false, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [kind, labels, series, stacked]);
  const summary = series.map((s) => `${s.label}: ${s.values.join(', ')}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-area">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} />
      </div>
    </figure>
  );
}
