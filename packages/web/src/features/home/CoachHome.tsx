import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { listTeachers } from '../../app/api/endpoints.ts';
import { formatNumber, loadTexts } from '../../app/i18n/index.ts';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceTeachers } from '../../offline/reference-screens.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconChart } from '../../ui/icons.ts';
import { List } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { DataAsOf } from '../sync/DataAsOf.tsx';
import { TeacherRow } from './TeacherRows.tsx';
import type { HomeProps } from './types.ts';

// The day reads the device's store (Dexie), which loads after the first screen: its own chunk
// keeps the login → home path within the bundle budget (docs/BUDGETS.md).
const CoachDay = lazy(
  async () => (await Promise.all([import('./CoachDay.tsx'), loadTexts('day')]))[0],
);

// The coach's home: their day (from the device) and their caseload (from the server).

export default function CoachHome({ me }: HomeProps) {
  const { t } = useTranslation();
  const fromDevice = useFromDevice();
  const data = useApiData('coach-teachers', (signal) =>
    fromDevice(
      () => listTeachers({ limit: 50 }, signal),
      (db) => deviceTeachers(db, {}),
    ),
  );

  let content: ReactNode;
  if (data.status === 'loading') content = <Skeleton lines={4} />;
  else if (data.status === 'error') {
    content = <ErrorNotice error={data.error} onRetry={data.reload} />;
  } else {
    // A coach who also teaches is listed by the server too; their caseload excludes them.
    const teachers = data.data.data.items.filter((teacher) => teacher.id !== me.person.id);
    const more = data.data.data.nextCursor !== null;
    content = (
      <>
        <DataAsOf asOf={data.data.asOf} />
        <p className="count">
          {more
            ? t('home.coach.countAtLeast', { n: formatNumber(teachers.length) })
            : t('home.coach.count', { count: teachers.length, n: formatNumber(teachers.length) })}
        </p>
        {teachers.length === 0 ? (
          <EmptyState title={t('home.coach.empty')} />
        ) : (
          <List labelledBy="mis-docentes">
            {teachers.map((teacher) => (
              <TeacherRow key={teacher.id} teacher={teacher} withCoach={false} />
            ))}
          </List>
        )}
        {more ? (
          <p>
            <ButtonLink to="/docentes" variant="secondary">
              {t('home.coach.seeAll')}
            </ButtonLink>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <>
      <Suspense fallback={<Skeleton lines={4} />}>
        <CoachDay />
      </Suspense>
      <p>
        <ButtonLink to="/mi-avance" variant="secondary" icon={IconChart}>
          {t('home.coach.myProgress')}
        </ButtonLink>
      </p>
      <section className="section" aria-labelledby="mis-docentes">
        <h2 id="mis-docentes">{t('home.coach.myTeachers')}</h2>
        {content}
      </section>
    </>
  );
}
