import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listTeachers } from '../../app/api/endpoints.ts';
import { formatNumber, loadTexts } from '../../app/i18n/index.ts';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { TeacherCard } from '../rosters/cards.tsx';
import type { HomeProps } from './types.ts';

// The day reads the device's store (Dexie), which loads after the first screen: its own chunk
// keeps the login → home path within the bundle budget (docs/BUDGETS.md).
const CoachDay = lazy(
  async () => (await Promise.all([import('./CoachDay.tsx'), loadTexts('visits')]))[0],
);

// The coach's home: their day (from the device) and their caseload (from the server).

export default function CoachHome({ me }: HomeProps) {
  const { t } = useTranslation();
  const data = useApiData('coach-teachers', (signal) => listTeachers({ limit: 50 }, signal));

  let content: ReactNode;
  if (data.status === 'loading') content = <Loading />;
  else if (data.status === 'error') {
    content = <ErrorNotice error={data.error} onRetry={data.reload} />;
  } else {
    // A coach who also teaches is listed by the server too; their caseload excludes them.
    const teachers = data.data.items.filter((teacher) => teacher.id !== me.person.id);
    const more = data.data.nextCursor !== null;
    content = (
      <>
        <p className="count">
          {more
            ? t('home.coach.countAtLeast', { n: formatNumber(teachers.length) })
            : t('home.coach.count', { count: teachers.length, n: formatNumber(teachers.length) })}
        </p>
        {teachers.length === 0 ? (
          <p className="empty">{t('home.coach.empty')}</p>
        ) : (
          <ul className="cards">
            {teachers.map((teacher) => (
              <TeacherCard key={teacher.id} teacher={teacher} />
            ))}
          </ul>
        )}
        {more ? (
          <p>
            <Link to="/docentes" className="button button--secondary">
              {t('home.coach.seeAll')}
            </Link>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <>
      <Suspense fallback={<Loading />}>
        <CoachDay />
      </Suspense>
      <section className="section" aria-labelledby="mis-docentes">
        <h2 id="mis-docentes">{t('home.coach.myTeachers')}</h2>
        {content}
      </section>
    </>
  );
}
