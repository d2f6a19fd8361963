import { DEFAULT_STAGE_LADDER, RUBRIC_LEVELS } from '@acompana/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { stageName } from '../progress/reasons.ts';
import { count, monthName, SUPPRESSED, share } from './format.ts';
import { type Column, ReportTable } from './ReportTable.tsx';
import type { ProgressReport, ProgressRow, ProgressTotal } from './types.ts';

// «Progreso»: how practice spreads over the rubric's levels per desempeño in the chosen month,
// teachers by stage, and the movement between the first level of the year and the last — all
// aggregated (levels are formative: never per teacher or per coach, docs/REPORTS.md).

/** Stages in the ladder's order (a stage the default ladder does not know goes last). */
const byLadder = (a: { stage: string }, b: { stage: string }) => {
  const at = (code: string) => {
    const i = DEFAULT_STAGE_LADDER.stages.findIndex((s) => s.code === code);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return at(a.stage) - at(b.stage);
};

interface Props {
  report: ProgressReport;
  caption: string;
  drillHref: (row: ProgressRow) => string | null;
  /** «Ver más filas» when the rows come in pages. */
  more?: ReactNode;
}

/** The figures of `month` (or the last month with figures before it). */
function monthOf(months: ProgressTotal['desempenos'][number]['months'], month: number) {
  const upTo = months.filter((m) => m.month <= month);
  return upTo.find((m) => m.month === month) ?? upTo.at(-1) ?? null;
}

export function ProgressView({ report, caption, drillHref, more }: Props) {
  const { t } = useTranslation();
  const { total } = report;
  const month = report.month ?? 12;
  const hidden = total.suppressed;
  const columns: Column<ProgressRow>[] = [
    {
      key: 'teachers',
      label: t('monitoring.columns.teachers'),
      cell: (r) => count(r.teachers, r.suppressed),
    },
    ...(['up', 'same', 'down'] as const).map((key) => ({
      key,
      label: t(`monitoring.columns.${key}`),
      cell: (r: ProgressRow) => count(r.movement?.[key] ?? null, r.suppressed),
    })),
  ];

  return (
    <>
      <Notice live={false}>
        <p>{t('monitoring.progress.formative')}</p>
      </Notice>
      <section className="section" aria-labelledby="progreso-niveles">
        <h2 id="progreso-niveles">
          {t('monitoring.progress.levelsTitle', { month: monthName(month) })}
        </h2>
        <TableScroll
          id="progreso-niveles-tabla"
          caption={t('monitoring.progress.levelsCaption')}
          centred
        >
          <thead>
            <tr>
              <th scope="col">{t('monitoring.progress.desempeno')}</th>
              <th scope="col">{t('monitoring.progress.n')}</th>
              {RUBRIC_LEVELS.map((level) => (
                <th key={level.level} scope="col">
                  <abbr title={level.name}>{level.roman}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {total.desempenos.map((d) => {
              const figures = hidden ? null : monthOf(d.months, month);
              const off = hidden || figures?.n === null;
              return (
                <tr key={d.code}>
                  <th scope="row">{d.name}</th>
                  <td>{off ? SUPPRESSED : count(figures?.n ?? null, false)}</td>
                  {RUBRIC_LEVELS.map((level, i) => (
                    <td key={level.level}>{share(figures?.share?.[i] ?? null, off)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </TableScroll>
      </section>
      {total.stages.length > 0 ? (
        <section className="section" aria-labelledby="progreso-etapas">
          <h2 id="progreso-etapas">{t('monitoring.progress.stagesTitle')}</h2>
          <TableScroll
            id="progreso-etapas-tabla"
            caption={t('monitoring.progress.stagesTitle')}
            captionHidden
            centred
          >
            <thead>
              <tr>
                <th scope="col">{t('monitoring.progress.stage')}</th>
                <th scope="col">{t('monitoring.columns.teachers')}</th>
              </tr>
            </thead>
            <tbody>
              {[...total.stages].sort(byLadder).map((stage) => (
                <tr key={stage.stage}>
                  <th scope="row">{stageName(t, stage.stage)}</th>
                  <td>{count(stage.teachers, hidden || stage.teachers === null)}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        </section>
      ) : null}
      <section className="section" aria-labelledby="progreso-movimiento">
        <h2 id="progreso-movimiento">{t('monitoring.progress.movementTitle')}</h2>
        <ReportTable
          id="progreso-filas"
          caption={caption}
          columns={columns}
          rows={report.rows}
          total={total}
          drillHref={drillHref}
        />
        {more}
      </section>
    </>
  );
}
