import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listSchools, listTeachers } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { SchoolCard, TeacherCard } from '../rosters/cards.tsx';

// A director sees their school and its teachers (roster data only; formative data needs the
// teacher's opt-in and lives elsewhere).

export default function DirectorHome() {
  const { t } = useTranslation();
  const schools = useApiData('director-schools', (signal) => listSchools({ limit: 10 }, signal));
  const teachers = useApiData('director-teachers', (signal) => listTeachers({ limit: 50 }, signal));

  let schoolContent: ReactNode;
  if (schools.status === 'loading') schoolContent = <Loading />;
  else if (schools.status === 'error') {
    schoolContent = <ErrorNotice error={schools.error} onRetry={schools.reload} />;
  } else if (schools.data.items.length === 0) {
    schoolContent = <p className="empty">{t('home.director.noSchool')}</p>;
  } else {
    schoolContent = (
      <ul className="cards">
        {schools.data.items.map((school) => (
          <SchoolCard key={school.id} school={school} />
        ))}
      </ul>
    );
  }

  let teacherContent: ReactNode;
  if (teachers.status === 'loading') teacherContent = <Loading />;
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
          <p className="empty">{t('home.director.noTeachers')}</p>
        ) : (
          <ul className="cards">
            {items.map((teacher) => (
              <TeacherCard key={teacher.id} teacher={teacher} />
            ))}
          </ul>
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
