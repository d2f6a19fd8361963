import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../ui/Disclosure.tsx';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { count, monthName, monthShort, ofTarget, pct } from './format.ts';
import { MonthChart } from './MonthChart.tsx';
import { type Column, ReportTable } from './ReportTable.tsx';
import type { ComplianceReport, ComplianceRow, DoneTarget } from './types.ts';

// «Cumplimiento de metas»: the month's figures for the scope, the months of the year as a
// chart with its table, and the exact figures per child of the scope (month and cumulative).

interface Props {
  report: ComplianceReport;
  caption: string;
  drillHref: (row: ComplianceRow) => string | null;
  /** «Ver más filas» when the rows come in pages. */
  more?: ReactNode;
}

export function ComplianceView({ report, caption, drillHref, more }: Props) {
  const { t } = useTranslation();
  const month = monthName(report.month);
  const join = (done: string, target: string) => t('monitoring.ofTarget', { done, target });
  const figure = (value: DoneTarget, row: ComplianceRow) => ofTarget(value, row.suppressed, join);
  const { total } = report;

  const columns: Column<ComplianceRow>[] = [
    {
      key: 'teachers',
      label: t('monitoring.columns.teachers'),
      cell: (r) => count(r.teachers, r.suppressed),
    },
    {
      key: 'monthCoverage',
      label: t('monitoring.columns.monthCoverage'),
      cell: (r) => pct(r.monthCoveragePct, r.suppressed),
    },
    {
      key: 'visitsMonth',
      label: t('monitoring.columns.visitsMonth'),
      cell: (r) => figure(r.visits, r),
    },
    {
      key: 'visitsYear',
      label: t('monitoring.columns.visitsYear'),
      cell: (r) => figure(r.cumulative.visits, r),
    },
    { key: 'gia', label: t('monitoring.columns.gia'), cell: (r) => figure(r.cumulative.gia, r) },
    { key: 'ria', label: t('monitoring.columns.ria'), cell: (r) => figure(r.cumulative.ria, r) },
    {
      key: 'taller',
      label: t('monitoring.columns.taller'),
      cell: (r) => figure(r.cumulative.taller, r),
    },
    {
      key: 'familias',
      label: t('monitoring.columns.familias'),
      cell: (r) => figure(r.cumulative.familias, r),
    },
  ];

  return (
    <>
      <section className="section" aria-labelledby="cumplimiento-resumen">
        <h2 id="cumplimiento-resumen">{t('monitoring.compliance.figures', { month })}</h2>
        <StatGroup compact>
          <Stat
            label={t('monitoring.columns.teachers')}
            value={count(total.teachers, total.suppressed)}
          />
          <Stat
            label={t('monitoring.compliance.monthCoverage', { month })}
            value={pct(total.monthCoveragePct, total.suppressed)}
          />
          <Stat
            label={t('monitoring.compliance.visitsMonth', { month })}
            value={figure(total.visits, total)}
          />
          <Stat
            label={t('monitoring.compliance.visitsYear', { month })}
            value={figure(total.cumulative.visits, total)}
          />
        </StatGroup>
      </section>
      {report.rows.length > 0 ? (
        <ReportTable
          id="cumplimiento-filas"
          caption={caption}
          columns={columns}
          rows={report.rows}
          total={total}
          drillHref={drillHref}
        />
      ) : null}
      {more}
      <section className="section" aria-labelledby="cumplimiento-meses">
        <h2 id="cumplimiento-meses">{t('monitoring.compliance.byMonthTitle')}</h2>
        <MonthChart points={report.byMonth} year={report.year} />
        <Disclosure summary={t('monitoring.compliance.byMonthCaption', { year: report.year })}>
          <TableScroll
            id="cumplimiento-meses-tabla"
            caption={t('monitoring.compliance.byMonthCaption', { year: report.year })}
            captionHidden
            centred
          >
            <thead>
              <tr>
                <th scope="col">{t('monitoring.compliance.month')}</th>
                <th scope="col">{t('monitoring.columns.teachers')}</th>
                <th scope="col">{t('monitoring.compliance.withVisit')}</th>
                <th scope="col">{t('monitoring.compliance.visitsDone')}</th>
                <th scope="col">{t('monitoring.compliance.visitsTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byMonth.map((point) => {
                // A suppressed month comes with every figure null (fewer than 5 teachers).
                const hidden = point.teachers === null;
                return (
                  <tr key={point.month}>
                    <th scope="row">{monthShort(point.month)}</th>
                    <td>{count(point.teachers, hidden)}</td>
                    <td>{pct(point.withVisitPct, hidden)}</td>
                    <td>{count(point.visitsDone, hidden)}</td>
                    <td>{count(point.visitsTarget, hidden)}</td>
                  </tr>
                );
              })}
            </tbody>
          </TableScroll>
        </Disclosure>
      </section>
    </>
  );
}
