import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { listInterventions } from '../../app/api/endpoints.ts';
import { Link, useNavigate, useSearchParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { fetchReport } from './api.ts';
import { ComplianceView } from './ComplianceView.tsx';
import { CoverageView } from './CoverageView.tsx';
import { Downloads } from './Downloads.tsx';
import { asOfText } from './format.ts';
import { ProgressView } from './ProgressView.tsx';
import {
  drillInto,
  goUp,
  landingScope,
  type MonitorQuery,
  pageSearch,
  readQuery,
  scopeLevel,
} from './query.ts';
import { ReportFilters } from './ReportFilters.tsx';
import { type AnyReport, REPORTS, type ReportKind, type RowBase } from './types.ts';

// «Monitoreo» (issue 16, docs/REPORTS.md): a supervisor's figures for their territory —
// compliance with the targets, coverage and progress — with drill-down row by row, a trail
// back up, filters kept in the URL and the same table as CSV/XLSX. Aggregates only, read
// online (supervisors keep no device copy): without a connection the screen says so.

/** Names of the scopes seen in this session, for the trail back up. */
const scopeNames = new Map<string, string>();

function remember(report: AnyReport, scope: string): void {
  scopeNames.set(scope, report.scope.name);
  for (const row of report.rows) if (row.drill) scopeNames.set(row.drill, row.name);
}

const isOffline = (error: unknown) =>
  (error instanceof ApiError && error.code === 'NETWORK') ||
  (typeof navigator !== 'undefined' && navigator.onLine === false);

export default function MonitoringPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const landing = landingScope(me) ?? 'nation';
  const query = readQuery(params, landing);
  const go = (next: MonitorQuery) => navigate(`/monitoreo${pageSearch(next, landing)}`);
  const href = (next: MonitorQuery) => `/monitoreo${pageSearch(next, landing)}`;

  const key = `${query.report}?${pageSearch(query, landing)}`;
  const data = useApiData(key, async (signal) => {
    const report = await fetchReport(query, signal);
    remember(report, query.scope);
    return report;
  });
  const interventions = useApiData('monitoring-interventions', (signal) =>
    listInterventions(signal).catch(() => []),
  );

  const levelName = (scope: string) => t(`monitoring.levels.${scopeLevel(scope)}`);
  const nameOf = (scope: string) => scopeNames.get(scope) ?? levelName(scope);
  const drillHref = (row: RowBase) => (row.drill ? href(drillInto(query, row.drill)) : null);

  let body: ReactNode;
  if (data.status === 'loading') body = <Skeleton lines={6} />;
  else if (data.status === 'error') {
    body = isOffline(data.error) ? (
      <Notice
        tone="warning"
        title={t('syncChip.offline')}
        action={
          <Button variant="secondary" onClick={data.reload}>
            {t('app.retry')}
          </Button>
        }
      >
        <p>{t('monitoring.offline')}</p>
      </Notice>
    ) : (
      <ErrorNotice error={data.error} onRetry={data.reload} />
    );
  } else {
    body = <ReportBody key={key} report={data.data} query={query} drillHref={drillHref} />;
  }

  const scopeName = data.status === 'ready' ? data.data.scope.name : nameOf(query.scope);
  return (
    <div className="page">
      <PageHeading title={t('monitoring.title')} />
      <p className="page-kicker">{t('monitoring.intro', { scope: scopeName })}</p>
      {query.trail.length > 0 ? (
        <nav className="role-switch" aria-label={t('monitoring.trail')}>
          <ul>
            {query.trail.map((scope, index) => (
              <li key={scope}>
                <Link className="role-switch__link" to={href(goUp(query, index))}>
                  {nameOf(scope)}
                </Link>
              </li>
            ))}
            <li>
              <Link className="role-switch__link" to={href(query)} aria-current="page">
                {scopeName}
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <ReportFilters
        query={query}
        interventions={interventions.status === 'ready' ? interventions.data : []}
        onChange={go}
      />
      <Tabs
        label={t('monitoring.reports')}
        selected={query.report}
        onSelect={(id) => go({ ...query, report: id as ReportKind, by: null })}
        tabs={REPORTS.map((report) => ({
          id: report,
          label: t(`monitoring.report.${report}`),
          panel: body,
        }))}
      />
    </div>
  );
}

interface BodyProps {
  report: AnyReport;
  query: MonitorQuery;
  drillHref: (row: RowBase) => string | null;
}

/** The first page with the pages asked for after it («Ver más filas»). */
function usePages(first: AnyReport, query: MonitorQuery) {
  const [more, setMore] = useState<{ rows: AnyReport['rows'][number][]; cursor: string | null }>({
    rows: [],
    cursor: first.nextCursor ?? null,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loadMore = async () => {
    if (!more.cursor) return;
    setBusy(true);
    setError(null);
    try {
      const next = await fetchReport(query, undefined, more.cursor);
      remember(next, query.scope);
      setMore({ rows: [...more.rows, ...next.rows], cursor: next.nextCursor ?? null });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const report = { ...first, rows: [...first.rows, ...more.rows] } as AnyReport;
  return { report, hasMore: more.cursor !== null, busy, error, loadMore };
}

function ReportBody({ report: first, query, drillHref }: BodyProps) {
  const { t } = useTranslation();
  const { report, hasMore, busy, error, loadMore } = usePages(first, query);
  const suppressed = report.total.suppressed || report.rows.some((row) => row.suppressed);
  const empty = report.rows.length === 0 && (report.total.teachers ?? 0) === 0;
  const caption = t('monitoring.rowsCaption', {
    report: t(`monitoring.report.${report.report}`),
    scope: report.scope.name,
    by: report.by ? t(`monitoring.byLevel.${report.by as 'region'}`).toLowerCase() : '',
  });
  const more = (
    <>
      {error ? <ErrorNotice error={error} onRetry={loadMore} /> : null}
      {hasMore ? (
        <p>
          <Button variant="secondary" loading={busy} onClick={loadMore}>
            {t('monitoring.moreRows')}
          </Button>
        </p>
      ) : null}
    </>
  );
  let view: ReactNode;
  if (empty && !report.total.suppressed) {
    view = (
      <EmptyState title={t('monitoring.empty')}>
        <p>{t('monitoring.emptyHint')}</p>
      </EmptyState>
    );
  } else if (report.report === 'compliance') {
    view = <ComplianceView report={report} caption={caption} drillHref={drillHref} more={more} />;
  } else if (report.report === 'coverage') {
    view = <CoverageView report={report} caption={caption} drillHref={drillHref} more={more} />;
  } else {
    view = <ProgressView report={report} caption={caption} drillHref={drillHref} more={more} />;
  }
  return (
    <>
      <p className="count">{t('monitoring.asOf', { time: asOfText(report.asOf) })}</p>
      {suppressed ? (
        <Notice live={false}>
          <p>{t('monitoring.suppressed')}</p>
        </Notice>
      ) : null}
      {report.rows.some((row) => row.drill) ? <p>{t('monitoring.drillHint')}</p> : null}
      {view}
      <Downloads query={query} />
    </>
  );
}
