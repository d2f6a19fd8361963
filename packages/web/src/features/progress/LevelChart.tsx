import { RUBRIC_LEVELS } from '@acompana/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { LOCALE } from '../../app/i18n/index.ts';
import { Notice } from '../../ui/Notice.tsx';
import { CHART_SERIES_TOKENS, readLength, readToken } from '../../ui/tokens.ts';
import type { ChartModel } from './model.ts';

// Levels per desempeño over time, drawn by uPlot. The library and its CSS are imported on
// demand, so they form their own chunk that only this screen fetches (docs/BUDGETS.md: charts load
// lazily). The canvas is an image with a name; the data table next to it is the accessible
// alternative. Lines differ by colour AND dash pattern, named in a legend, never colour only.

/** Dash patterns paired with the chart colour tokens (--color-chart-N, Okabe–Ito). */
const DASHES: readonly number[][] = [
  [],
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 4],
  [12, 4, 2, 4, 2, 4],
  [1, 5],
];

/** Colour (read from the tokens at draw time) and dash of series `index`. */
export const seriesStyle = (index: number) => ({
  color: readToken(CHART_SERIES_TOKENS[index % CHART_SERIES_TOKENS.length] ?? '--color-chart-1'),
  dash: DASHES[index % DASHES.length] ?? [],
});

/** Sizes of the drawing, in CSS pixels read from the tokens (docs/UI.md). */
const size = {
  height: () => readLength('--size-chart-height'),
  minWidth: () => readLength('--size-chart-min-width'),
  labelGap: () => readLength('--size-chart-label-gap'),
  axis: () => readLength('--size-chart-axis'),
  line: () => readLength('--size-chart-line'),
  point: () => readLength('--size-chart-point'),
  grid: () => readLength('--border-width'),
};
const shortDate = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const dateLabel = (date: string) => shortDate.format(new Date(`${date}T00:00:00Z`));

function options(model: ChartModel, width: number, levelLabels: string[]): uPlot.Options {
  // Label at most one date every few rem so phone widths stay readable.
  const gap = Math.max(1, size.labelGap());
  const every = Math.max(1, Math.ceil(model.x.length / Math.max(1, Math.floor(width / gap))));
  return {
    width,
    height: size.height(),
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
        size: size.axis(),
        grid: { stroke: readToken('--color-chart-grid'), width: size.grid() },
      },
    ],
    series: [
      {},
      ...model.series.map((s, i) => ({
        label: s.name,
        stroke: seriesStyle(i).color,
        dash: seriesStyle(i).dash,
        width: size.line(),
        spanGaps: true,
        points: { show: true, size: size.point(), fill: seriesStyle(i).color },
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
        const width = () => Math.max(size.minWidth(), host.clientWidth);
        const data = [model.x, ...model.series.map((s) => s.values)] as uPlot.AlignedData;
        plot = new UPlot(options(model, width(), levelLabels), data, host);
        observer = new ResizeObserver(() =>
          plot?.setSize({ width: width(), height: size.height() }),
        );
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
    <div className="chart">
      <div ref={ref} className="chart__canvas" role="img" aria-label={t('progress.chart.label')} />
      {phase === 'loading' ? (
        <p className="status" role="status">
          {t('progress.chart.loading')}
        </p>
      ) : null}
      {phase === 'failed' ? <Notice tone="warning">{t('progress.chart.failed')}</Notice> : null}
      <ul className="chart-legend" aria-label={t('progress.chart.legend')}>
        {model.series.map((s, i) => (
          <li key={s.code}>
            <svg viewBox="0 0 36 12" aria-hidden="true" focusable="false">
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
