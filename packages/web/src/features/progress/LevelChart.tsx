import { RUBRIC_LEVELS } from '@acompana/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { LOCALE } from '../../app/i18n/index.ts';
import type { ChartModel } from './model.ts';

// Levels per desempeño over time, drawn by uPlot. The library and its CSS are imported on
// demand, so they form their own chunk that only this screen fetches (docs/BUDGETS.md: charts load
// lazily). The canvas is an image with a name; the data table next to it is the accessible
// alternative. Lines differ by colour AND dash pattern, named in a legend, never colour only.

/** Colour-blind-safe palette (Okabe–Ito) and dash patterns, paired by series index. */
export const SERIES_STYLES: readonly { color: string; dash: number[] }[] = [
  { color: '#0072b2', dash: [] },
  { color: '#d55e00', dash: [8, 4] },
  { color: '#009e73', dash: [2, 3] },
  { color: '#cc79a7', dash: [10, 3, 2, 3] },
  { color: '#7a5c00', dash: [4, 4] },
  { color: '#56b4e9', dash: [12, 4, 2, 4, 2, 4] },
  { color: '#000000', dash: [1, 5] },
];

export const seriesStyle = (index: number) =>
  SERIES_STYLES[index % SERIES_STYLES.length] as { color: string; dash: number[] };

const HEIGHT = 260;
const shortDate = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const dateLabel = (date: string) => shortDate.format(new Date(`${date}T00:00:00Z`));

function options(model: ChartModel, width: number, levelLabels: string[]): uPlot.Options {
  // Label at most one date every ~72 px so phone widths stay readable.
  const every = Math.max(1, Math.ceil(model.x.length / Math.max(1, Math.floor(width / 72))));
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [-0.5, Math.max(0.5, model.x.length - 0.5)] },
      y: { range: [0.5, 4.5] },
    },
    axes: [
      {
        splits: () => model.x.filter((i) => i % every === 0),
        values: (_u, splits) => splits.map((i) => dateLabel(model.dates[i] ?? '')),
        grid: { show: false },
      },
      {
        splits: () => RUBRIC_LEVELS.map((l) => l.level),
        values: (_u, splits) => splits.map((v) => levelLabels[v - 1] ?? ''),
        size: 112,
        grid: { stroke: '#e1e6eb', width: 1 },
      },
    ],
    series: [
      {},
      ...model.series.map((s, i) => ({
        label: s.name,
        stroke: seriesStyle(i).color,
        dash: seriesStyle(i).dash,
        width: 2,
        spanGaps: true,
        points: { show: true, size: 8, fill: seriesStyle(i).color },
      })),
    ],
  };
}

type Phase = 'loading' | 'ready' | 'failed';

export function LevelChart({ model }: { model: ChartModel }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const levelLabels = useMemo(
    () => RUBRIC_LEVELS.map((l) => t('progress.chart.axisLevel', { roman: l.roman, name: l.name })),
    [t],
  );

  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled) return;
        const width = () => Math.max(240, host.clientWidth);
        const data = [model.x, ...model.series.map((s) => s.values)] as uPlot.AlignedData;
        plot = new UPlot(options(model, width(), levelLabels), data, host);
        observer = new ResizeObserver(() => plot?.setSize({ width: width(), height: HEIGHT }));
        observer.observe(host);
        setPhase('ready');
      })
      .catch(() => {
        if (!cancelled) setPhase('failed');
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [model, levelLabels]);

  return (
    <div className="progress-chart">
      <div
        ref={ref}
        className="progress-chart__canvas"
        role="img"
        aria-label={t('progress.chart.label')}
      />
      {phase === 'loading' ? (
        <p className="status" role="status">
          {t('progress.chart.loading')}
        </p>
      ) : null}
      {phase === 'failed' ? <p className="notice">{t('progress.chart.failed')}</p> : null}
      <ul className="progress-legend" aria-label={t('progress.chart.legend')}>
        {model.series.map((s, i) => (
          <li key={s.code}>
            <svg width="36" height="12" aria-hidden="true" focusable="false">
              <line
                x1="0"
                y1="6"
                x2="36"
                y2="6"
                stroke={seriesStyle(i).color}
                strokeWidth="3"
                strokeDasharray={seriesStyle(i).dash.join(' ') || undefined}
              />
              <circle cx="18" cy="6" r="4" fill={seriesStyle(i).color} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
