import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { count, pct } from './format.ts';
import { type Column, ReportTable } from './ReportTable.tsx';
import type { CoverageReport, CoverageRow } from './types.ts';

// «Cobertura y continuidad»: teachers served, with a coach, coach changes and continuity with
// last year's coach, for the scope and per child of it.

interface Props {
  report: CoverageReport;
  caption: string;
  drillHref: (row: CoverageRow) => string | null;
  /** «Ver más filas» when the rows come in pages. */
  more?: ReactNode;
}

export function CoverageView({ report, caption, drillHref, more }: Props) {
  const { t } = useTranslation();
  const { total } = report;
  const columns: Column<CoverageRow>[] = [
    {
      key: 'teachers',
      label: t('monitoring.columns.teachers'),
      cell: (r) => count(r.teachers, r.suppressed),
    },
    {
      key: 'withCoach',
      label: t('monitoring.columns.withCoach'),
      cell: (r) => count(r.withCoach, r.suppressed),
    },
    {
      key: 'withCoachPct',
      label: t('monitoring.columns.withCoachPct'),
      cell: (r) => pct(r.withCoachPct, r.suppressed),
    },
    {
      key: 'coachChanges',
      label: t('monitoring.columns.coachChanges'),
      cell: (r) => count(r.coachChanges, r.suppressed),
    },
    {
      key: 'continuityPct',
      label: t('monitoring.columns.continuityPct'),
      cell: (r) => pct(r.continuityPct, r.suppressed),
    },
  ];
  return (
    <>
      <StatGroup compact>
        <Stat
          label={t('monitoring.columns.teachers')}
          value={count(total.teachers, total.suppressed)}
        />
        <Stat
          label={t('monitoring.columns.withCoachPct')}
          value={pct(total.withCoachPct, total.suppressed)}
        />
        <Stat
          label={t('monitoring.columns.coachChanges')}
          value={count(total.coachChanges, total.suppressed)}
        />
        <Stat
          label={t('monitoring.columns.continuityPct')}
          value={pct(total.continuityPct, total.suppressed)}
        />
      </StatGroup>
      {report.rows.length > 0 ? (
        <ReportTable
          id="cobertura-filas"
          caption={caption}
          columns={columns}
          rows={report.rows}
          total={total}
          drillHref={drillHref}
        />
      ) : null}
      {more}
    </>
  );
}
