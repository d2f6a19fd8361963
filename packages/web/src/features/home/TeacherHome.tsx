import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listTeachers } from '../../app/api/endpoints.ts';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceTeachers } from '../../offline/reference-screens.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconSchool } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { DataAsOf } from '../sync/DataAsOf.tsx';
import { TeacherSpace } from './TeacherSpace.tsx';
import type { HomeProps } from './types.ts';

// The teacher's own space: the server's /teachers answers a docente with themself only;
// offline, the device's copy of that answer from the last sync.

export default function TeacherHome({ me }: HomeProps) {
  const { t } = useTranslation();
  const fromDevice = useFromDevice();
  const data = useApiData('teacher-self', (signal) =>
    fromDevice(
      () => listTeachers({ limit: 20 }, signal),
      (db) => deviceTeachers(db, {}),
    ),
  );

  let schools: ReactNode;
  if (data.status === 'loading') schools = <Skeleton lines={2} />;
  else if (data.status === 'error') {
    schools = <ErrorNotice error={data.error} onRetry={data.reload} />;
  } else {
    const self = data.data.data.items.find(
      (teacher) => teacher.id === me.person.id || teacher.dni === me.person.dni,
    );
    const list = self?.schools ?? [];
    const shown =
      list.length === 0 ? (
        <EmptyState icon={IconSchool} title={t('home.docente.noSchools')} />
      ) : (
        <List labelledBy="mis-instituciones">
          {list.map((school) => (
            <ListItem
              key={school.id}
              icon={IconSchool}
              title={school.name}
              secondary={`${t('rosters.schools.codigoModular')}: ${school.codigoModular}`}
            />
          ))}
        </List>
      );
    schools = (
      <>
        <DataAsOf asOf={data.data.asOf} />
        {shown}
      </>
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
