import type { SchoolDetail } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getSchool } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceSchool } from '../../offline/reference-screens.ts';
import { DetailPage } from '../../ui/DetailPage.tsx';
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
          <p className="empty">{t('school.noEnrollments')}</p>
        ) : (
          <ul className="plain-list">
            {school.enrollments.map((e) => (
              <li key={e.id}>
                <strong>{e.intervention.name}</strong>
                {' · '}
                {label('enrollmentStatus', e.status)}
                {e.programmeYear !== null
                  ? ` · ${
                      e.programmeYear <= 3
                        ? t('school.programmeYear', { n: e.programmeYear })
                        : t('school.programmeYearStays', { n: e.programmeYear })
                    }`
                  : null}
                {' · '}
                {t('school.cohort', { year: e.cohortStartYear })}
                {e.exitYear ? ` · ${t('school.exitYear', { year: e.exitYear })}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="direccion">
        <h2 id="direccion">{t('school.directors')}</h2>
        {school.directors.length === 0 ? (
          <p className="empty">{t('school.noDirector')}</p>
        ) : (
          <ul className="plain-list">
            {school.directors.map((d) => (
              <li key={d.id}>
                {d.displayName}
                {d.acting ? ` · ${t('school.acting')}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {school.teachers ? (
        <section className="section" aria-labelledby="docentes-ie">
          <h2 id="docentes-ie">{t('school.teachers', { year: school.schoolYear })}</h2>
          {school.teachers.length === 0 ? (
            <p className="empty">{t('school.noTeachers')}</p>
          ) : (
            <ul className="cards">
              {school.teachers.map((teacher) => (
                <li className="card" key={teacher.id}>
                  <h3 className="card__title">
                    <Link to={`/docentes/${teacher.id}`}>{teacher.displayName}</Link>
                  </h3>
                  <dl className="card__facts">
                    <Fact
                      label={teacher.subject ? t('school.subject') : t('school.grades')}
                      value={teacher.subject ?? teacher.grades.map((g) => `${g}.º`).join(', ')}
                    />
                    <Fact
                      label={t('school.coach')}
                      value={
                        teacher.coaches.map((c) => c.displayName).join(', ') || t('school.noCoach')
                      }
                    />
                  </dl>
                  {teacher.actingDirector ? (
                    <p className="card__note">{t('school.acting')}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {school.coaches ? (
        <section className="section" aria-labelledby="acompanantes-ie">
          <h2 id="acompanantes-ie">{t('school.coaches')}</h2>
          {school.coaches.length === 0 ? (
            <p className="empty">{t('school.noCoaches')}</p>
          ) : (
            <ul className="plain-list">
              {school.coaches.map((coach) => (
                <li key={coach.id}>
                  <Link to={`/acompanantes/${coach.id}`}>{coach.displayName}</Link>
                  {' · '}
                  {label('coachKinds', coach.kind)}
                  {coach.teachersHere !== null && coach.teachersHere > 0
                    ? ` · ${t('school.teachersHere', { count: coach.teachersHere })}`
                    : null}
                  {coach.networkTeam ? ` · ${t('school.networkTeam')}` : null}
                </li>
              ))}
            </ul>
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
