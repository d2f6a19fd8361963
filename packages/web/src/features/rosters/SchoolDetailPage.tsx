import type { SchoolDetail } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { getSchool } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { useParams } from '../../app/router.tsx';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceSchool } from '../../offline/reference-screens.ts';
import { Badge } from '../../ui/Badge.tsx';
import { DetailPage } from '../../ui/DetailPage.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconLayers, IconUser, IconUserCheck } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { useVocabulary } from '../../ui/vocabulary.ts';
import { DataAsOf } from '../sync/DataAsOf.tsx';

// A school: padrón data, its interventions (year 1/2/3), direction, this year's teachers with
// their coaches, and the coaches working there — each as the person's role may see them.

function Fact({ label, value }: { label: string; value: string | number | null }) {
  if (value === null || value === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function SchoolBody({ school }: { school: SchoolDetail }) {
  const { t } = useTranslation();
  const label = useVocabulary();
  const coordinates =
    school.latitude !== null && school.longitude !== null
      ? `${school.latitude}, ${school.longitude}`
      : null;
  return (
    <>
      <section className="section" aria-labelledby="padron">
        <h2 id="padron">{t('school.padron')}</h2>
        <dl className="facts">
          <Fact
            label={t('school.codigoModular')}
            value={`${school.codigoModular} · ${t('school.anexo')} ${school.anexo}`}
          />
          <Fact label={t('school.codlocal')} value={school.codlocal} />
          <Fact label={t('school.level')} value={label('levels', school.level)} />
          <Fact
            label={t('school.characteristic')}
            value={label('characteristics', school.characteristic)}
          />
          <Fact label={t('school.area')} value={label('areas', school.area)} />
          <Fact
            label={t('school.territory')}
            value={[school.ugel.name, school.network?.name].filter(Boolean).join(' · ')}
          />
          <Fact label={t('school.ubigeo')} value={school.ubigeo} />
          <Fact label={t('school.management')} value={school.management} />
          <Fact label={t('school.language')} value={school.language} />
          <Fact label={t('school.coordinates')} value={coordinates} />
          <Fact
            label={t('school.students')}
            value={school.studentCount === null ? null : formatNumber(school.studentCount)}
          />
          <Fact
            label={t('school.teacherCount')}
            value={school.teacherCount === null ? null : formatNumber(school.teacherCount)}
          />
          <Fact
            label={t('school.state')}
            value={school.active ? t('school.active') : t('school.inactive')}
          />
        </dl>
      </section>

      <section className="section" aria-labelledby="intervenciones">
        <h2 id="intervenciones">{t('school.enrollments')}</h2>
        {school.enrollments.length === 0 ? (
          <EmptyState title={t('school.noEnrollments')} />
        ) : (
          <List labelledBy="intervenciones">
            {school.enrollments.map((e) => (
              <ListItem
                key={e.id}
                icon={IconLayers}
                title={e.intervention.name}
                secondary={[
                  e.programmeYear === null
                    ? ''
                    : e.programmeYear <= 3
                      ? t('school.programmeYear', { n: e.programmeYear })
                      : t('school.programmeYearStays', { n: e.programmeYear }),
                  t('school.cohort', { year: e.cohortStartYear }),
                  e.exitYear ? t('school.exitYear', { year: e.exitYear }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
                badge={<Badge tone="neutral">{label('enrollmentStatus', e.status)}</Badge>}
              />
            ))}
          </List>
        )}
      </section>

      <section className="section" aria-labelledby="direccion">
        <h2 id="direccion">{t('school.directors')}</h2>
        {school.directors.length === 0 ? (
          <EmptyState title={t('school.noDirector')} />
        ) : (
          <List labelledBy="direccion">
            {school.directors.map((d) => (
              <ListItem
                key={d.id}
                icon={IconUser}
                title={d.displayName}
                secondary={d.acting ? t('school.acting') : undefined}
              />
            ))}
          </List>
        )}
      </section>

      {school.teachers ? (
        <section className="section" aria-labelledby="docentes-ie">
          <h2 id="docentes-ie">{t('school.teachers', { year: school.schoolYear })}</h2>
          {school.teachers.length === 0 ? (
            <EmptyState title={t('school.noTeachers')} />
          ) : (
            <List labelledBy="docentes-ie">
              {school.teachers.map((teacher) => {
                const coaches = teacher.coaches.map((c) => c.displayName).join(', ');
                return (
                  <ListItem
                    key={teacher.id}
                    to={`/docentes/${teacher.id}`}
                    icon={IconUser}
                    title={teacher.displayName}
                    secondary={
                      teacher.subject ??
                      `${t('school.grades')}: ${teacher.grades.map((g) => `${g}.º`).join(', ')}`
                    }
                    meta={coaches ? `${t('school.coach')}: ${coaches}` : undefined}
                    badge={
                      teacher.actingDirector ? (
                        <Badge tone="info">{t('school.acting')}</Badge>
                      ) : coaches ? undefined : (
                        <Badge tone="warning">{t('school.noCoach')}</Badge>
                      )
                    }
                  />
                );
              })}
            </List>
          )}
        </section>
      ) : null}

      {school.coaches ? (
        <section className="section" aria-labelledby="acompanantes-ie">
          <h2 id="acompanantes-ie">{t('school.coaches')}</h2>
          {school.coaches.length === 0 ? (
            <EmptyState title={t('school.noCoaches')} />
          ) : (
            <List labelledBy="acompanantes-ie">
              {school.coaches.map((coach) => (
                <ListItem
                  key={coach.id}
                  to={`/acompanantes/${coach.id}`}
                  icon={IconUserCheck}
                  title={coach.displayName}
                  secondary={label('coachKinds', coach.kind)}
                  meta={
                    coach.teachersHere !== null && coach.teachersHere > 0
                      ? t('school.teachersHere', { count: coach.teachersHere })
                      : undefined
                  }
                  badge={
                    coach.networkTeam ? (
                      <Badge tone="info">{t('school.networkTeam')}</Badge>
                    ) : undefined
                  }
                />
              ))}
            </List>
          )}
        </section>
      ) : null}
    </>
  );
}

export default function SchoolDetailPage() {
  const { id = '' } = useParams();
  const fromDevice = useFromDevice();
  return (
    <DetailPage
      id={id}
      load={(schoolId, signal) =>
        fromDevice(
          () => getSchool(schoolId, signal),
          (db) => deviceSchool(db, schoolId),
        )
      }
      listPath="/instituciones"
      titleOf={(copy) => copy.data.name}
      render={(copy) => (
        <>
          <DataAsOf asOf={copy.asOf} />
          <SchoolBody school={copy.data} />
        </>
      )}
    />
  );
}
