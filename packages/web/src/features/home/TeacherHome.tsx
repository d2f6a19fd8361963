import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listTeachers } from '../../app/api/endpoints.ts';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { TeacherSpace } from './TeacherSpace.tsx';
import type { HomeProps } from './types.ts';

// The teacher's own space: the server's /teachers answers a docente with themself only.

export default function TeacherHome({ me }: HomeProps) {
  const { t } = useTranslation();
  const data = useApiData('teacher-self', (signal) => listTeachers({ limit: 20 }, signal));

  let schools: ReactNode;
  if (data.status === 'loading') schools = <Loading />;
  else if (data.status === 'error') {
    schools = <ErrorNotice error={data.error} onRetry={data.reload} />;
  } else {
    const self = data.data.items.find(
      (teacher) => teacher.id === me.person.id || teacher.dni === me.person.dni,
    );
    const list = self?.schools ?? [];
    schools =
      list.length === 0 ? (
        <p className="empty">{t('home.docente.noSchools')}</p>
      ) : (
        <ul className="cards">
          {list.map((school) => (
            <li key={school.id} className="card">
              <h3 className="card__title">{school.name}</h3>
              <dl className="card__facts">
                <div>
                  <dt>{t('rosters.schools.codigoModular')}</dt>
                  <dd>{school.codigoModular}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      );
  }

  return (
    <>
      <p className="lead">{t('home.docente.welcome', { name: me.person.displayName })}</p>
      <p>{t('home.docente.intro')}</p>
      <TeacherSpace teacherId={me.person.id} />
      <section className="section" aria-labelledby="mis-instituciones">
        <h2 id="mis-instituciones">{t('home.docente.mySchools')}</h2>
        {schools}
      </section>
    </>
  );
}
