import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listSchools, listTeachers } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCalendarClock } from '../../ui/icons.ts';
import { List } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { SchoolCard } from '../rosters/cards.tsx';
import { TeacherRow } from './TeacherRows.tsx';

// A director sees their school and its teachers (roster data only; formative data needs the
// teacher's opt-in and lives elsewhere).

export default function DirectorHome() {
  const { t } = useTranslation();
  const schools = useApiData('director-schools', (signal) => listSchools({ limit: 10 }, signal));
  const teachers = useApiData('director-teachers', (signal) => listTeachers({ limit: 50 }, signal));

  let schoolContent: ReactNode;
  if (schools.status === 'loading') schoolContent = <Skeleton lines={3} />;
  else if (schools.status === 'error') {
    schoolContent = <ErrorNotice error={schools.error} onRetry={schools.reload} />;
  } else if (schools.data.items.length === 0) {
    schoolContent = <EmptyState title={t('home.director.noSchool')} />;
  } else {
    schoolContent = (
      <ul className="cards">
        {schools.data.items.map((school) => (
          <SchoolCard key={school.id} school={school} />
        ))}
      </ul>
    );
    // The activities of the school's teachers (that they happened, who attended).
    const first = schools.data.items[0];
    schoolContent = (
      <>
        {schoolContent}
        {first ? (
          <p>
            <ButtonLink
              to={`/instituciones/${first.id}/actividades`}
              variant="secondary"
              icon={IconCalendarClock}
            >
              {t('nav.schoolActivities')}
            </ButtonLink>
          </p>
        ) : null}
      </>
    );
  }

  let teacherContent: ReactNode;
  if (teachers.status === 'loading') teacherContent = <Skeleton lines={4} />;
  else if (teachers.status === 'error') {
    teacherContent = <ErrorNotice error={teachers.error} onRetry={teachers.reload} />;
  } else {
    const { items, nextCursor } = teachers.data;
    const n = formatNumber(items.length);
    teacherContent = (
      <>
        <p className="count">
          {nextCursor
            ? t('home.director.countAtLeast', { n })
            : t('home.director.count', { count: items.length, n })}
        </p>
        {items.length === 0 ? (
          <EmptyState title={t('home.director.noTeachers')} />
        ) : (
          <List labelledBy="docentes-ie">
            {items.map((teacher) => (
              <TeacherRow key={teacher.id} teacher={teacher} />
            ))}
          </List>
        )}
      </>
    );
  }

  return (
    <>
      <section className="section" aria-labelledby="datos-ie">
        <h2 id="datos-ie">{t('home.director.mySchool')}</h2>
        {schoolContent}
      </section>
      <section className="section" aria-labelledby="docentes-ie">
        <h2 id="docentes-ie">{t('home.director.teachers')}</h2>
        {teacherContent}
      </section>
    </>
  );
}
