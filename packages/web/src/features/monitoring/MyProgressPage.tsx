import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { fetchMyProgress } from './api.ts';
import { asOfText, count, monthName, ofTarget } from './format.ts';
import type { MyProgress, MyProgressTeacher } from './types.ts';

// «Mi avance» (GET /reports/my-progress): the coach's own caseload against its targets, this
// month and this year, teacher by teacher (they are the coach's own teachers: no suppression).
// The figures are the server's read models; without a connection the page says it needs one
// (the coach's field records stay on the device and count once they are sent).

const isOffline = (error: unknown) =>
  (error instanceof ApiError && error.code === 'NETWORK') ||
  (typeof navigator !== 'undefined' && navigator.onLine === false);

function TeacherState({ teacher }: { teacher: MyProgressTeacher }) {
  const { t } = useTranslation();
  if (teacher.skippedThisMonth) return <Badge tone="neutral">{t('myProgress.skipped')}</Badge>;
  return teacher.visitedThisMonth ? (
    <Badge tone="success">{t('myProgress.visited')}</Badge>
  ) : (
    <Badge tone="warning">{t('myProgress.notVisited')}</Badge>
  );
}

function Figures({ data }: { data: MyProgress }) {
  const { t } = useTranslation();
  const month = monthName(data.month);
  const join = (done: string, target: string) => t('monitoring.ofTarget', { done, target });
  const expected = data.teachers.filter((teacher) => !teacher.skippedThisMonth);
  const visited = expected.filter((teacher) => teacher.visitedThisMonth).length;
  return (
    <>
      <p>{t('myProgress.intro', { month, year: data.year })}</p>
      <p className="count">{t('monitoring.asOf', { time: asOfText(data.asOf) })}</p>
      <section className="section" aria-labelledby="mi-avance-grupo">
        <h2 id="mi-avance-grupo">{t('myProgress.figures')}</h2>
        <StatGroup compact>
          <Stat
            label={t('myProgress.visitedThisMonth', { month })}
            value={ofTarget({ done: visited, target: expected.length }, false, join)}
          />
          <Stat
            label={t('myProgress.visitsYear')}
            value={ofTarget(data.total.cumulative.visits, false, join)}
          />
        </StatGroup>
      </section>
      <section className="section" aria-labelledby="mi-avance-docentes">
        <h2 id="mi-avance-docentes">{t('myProgress.teachers')}</h2>
        {data.teachers.length === 0 ? (
          <EmptyState title={t('myProgress.empty')} />
        ) : (
          <List labelledBy="mi-avance-docentes">
            {data.teachers.map((teacher) => (
              <ListItem
                key={teacher.id}
                to={`/docentes/${teacher.id}`}
                title={teacher.name}
                secondary={[
                  teacher.school,
                  t('myProgress.visits', {
                    value: ofTarget(
                      { done: teacher.visitsDone, target: teacher.visitsTarget },
                      false,
                      join,
                    ),
                  }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
                meta={t('myProgress.activities', {
                  gia: count(teacher.gia, false),
                  taller: count(teacher.taller, false),
                  familias: count(teacher.familias, false),
                })}
                badge={<TeacherState teacher={teacher} />}
              />
            ))}
          </List>
        )}
      </section>
    </>
  );
}

export default function MyProgressPage() {
  const { t } = useTranslation();
  const data = useApiData('my-progress', (signal) => fetchMyProgress(signal));
  let body: ReactNode;
  if (data.status === 'loading') body = <Skeleton lines={5} />;
  else if (data.status === 'error') {
    body = isOffline(data.error) ? (
      <Notice
        title={t('syncChip.offline')}
        action={
          <Button variant="secondary" onClick={data.reload}>
            {t('app.retry')}
          </Button>
        }
      >
        <p>{t('myProgress.offline')}</p>
      </Notice>
    ) : (
      <ErrorNotice error={data.error} onRetry={data.reload} />
    );
  } else body = <Figures data={data.data} />;
  return (
    <div className="page">
      <PageHeading title={t('myProgress.title')} />
      {body}
    </div>
  );
}
