import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { Notice } from '../../ui/Notice.tsx';
import { readLength, readToken } from '../../ui/tokens.ts';
import { monthShort, pct } from './format.ts';
import type { MonthPoint } from './types.ts';

// The share of teachers with at least one visit, month by month, drawn by uPlot. The library
// and its CSS load on demand (their own chunk, fetched only by this screen: docs/BUDGETS.md).
// The canvas is an image with a name; the sentence under it and the month table next to it
// are its text alternative. Colours and sizes come from the design tokens.

const size = {
  height: () => readLength('--size-chart-height'),
  minWidth: () => readLength('--size-chart-min-width'),
  // «100 %» is short: a narrower axis than the rubric chart's level names leaves room for months.
  axis: () => readLength('--size-chart-label-gap'),
  labelGap: () => readLength('--size-chart-label-gap'),
  line: () => readLength('--size-chart-line'),
  point: () => readLength('--size-chart-point'),
  grid: () => readLength('--border-width'),
};

const PCT_SPLITS = [0, 25, 50, 75, 100];

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function options(width: number, label: string): uPlot.Options {
  const colour = readToken('--color-chart-1');
  // At most one month label every few rem, so a phone's axis stays readable.
  const fit = Math.max(1, Math.floor((width - size.axis()) / Math.max(1, size.labelGap())));
  const every = Math.ceil(MONTHS.length / fit);
  return {
    width,
    height: size.height(),
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [0.5, 12.5] }, y: { range: [0, 100] } },
    axes: [
      {
        splits: () => MONTHS.filter((m) => (m - 1) % every === 0),
        values: (_u, splits) => splits.map((m) => monthShort(m)),
        grid: { show: false },
      },
      {
        splits: () => PCT_SPLITS,
        values: (_u, splits) => splits.map((v) => `${v} %`),
        size: size.axis(),
        grid: { stroke: readToken('--color-chart-grid'), width: size.grid() },
      },
    ],
    series: [
      {},
      {
        label,
        stroke: colour,
        width: size.line(),
        spanGaps: false,
        points: { show: true, size: size.point(), fill: colour },
      },
    ],
  };
}

/** One sentence saying what the chart shows: first and last month with a figure, and the best. */
export function chartSummary(points: MonthPoint[], year: number, t: TFunction): string {
  const known = points.filter((p) => p.withVisitPct !== null);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return t('monitoring.chart.summaryNone');
  const best = known.reduce((a, b) => ((b.withVisitPct ?? 0) > (a.withVisitPct ?? 0) ? b : a));
  return t('monitoring.chart.summary', {
    year,
    first: pct(first.withVisitPct, false),
    firstMonth: monthShort(first.month),
    last: pct(last.withVisitPct, false),
    lastMonth: monthShort(last.month),
    best: pct(best.withVisitPct, false),
    bestMonth: monthShort(best.month),
  });
}

type Phase = 'loading' | 'ready' | 'failed';

export function MonthChart({ points, year }: { points: MonthPoint[]; year: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const series = t('monitoring.chart.series');

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
        const data: uPlot.AlignedData = [
          points.map((p) => p.month),
          points.map((p) => p.withVisitPct),
        ];
        plot = new UPlot(options(width(), series), data, host);
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
  }, [points, series]);

  return (
    <figure className="chart">
      <div
        ref={ref}
        className="chart__canvas"
        role="img"
        aria-label={t('monitoring.chart.label')}
      />
      {phase === 'loading' ? (
        <p className="status" role="status">
          {t('monitoring.chart.loading')}
        </p>
      ) : null}
      {phase === 'failed' ? <Notice tone="warning">{t('monitoring.chart.failed')}</Notice> : null}
      <figcaption>{chartSummary(points, year, t)}</figcaption>
    </figure>
  );
}
