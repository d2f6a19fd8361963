import type { TeacherDetail } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getTeacher } from '../../app/api/endpoints.ts';
import { formatDate } from '../../app/i18n/index.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceTeacher } from '../../offline/reference-screens.ts';
import { DetailPage } from '../../ui/DetailPage.tsx';
import { useVocabulary } from '../../ui/vocabulary.ts';
import { DataAsOf } from '../sync/DataAsOf.tsx';
import { TeacherVisitsSection } from '../visits/TeacherVisits.tsx';
import { useInterventionName } from './options.ts';

// A teacher: identity, posts by school year (including acting as director), who coaches them
// now, and the history of their coaching — changes of coach are shown, with dates.

function TeacherBody({ teacher, offline }: { teacher: TeacherDetail; offline: boolean }) {
  const { t } = useTranslation();
  const label = useVocabulary();
  const interventionName = useInterventionName();
  const me = useMe();
  const current = teacher.caseloads.filter((c) => c.current);
  // Only the teacher and their current coach see the coaching content (docs/PRIVACY.md).
  const coaching = teacher.id === me.person.id || current.some((c) => c.coach.id === me.person.id);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('teacher.dni')}</dt>
          <dd>{teacher.dni}</dd>
        </div>
      </dl>
      {coaching ? (
        <nav aria-label={t('cycle.teacherLinks')} className="button-row">
          <Link to={`/docentes/${teacher.id}/diagnostico`}>{t('cycle.diagnosis')}</Link>
          <Link to={`/docentes/${teacher.id}/plan`}>{t('cycle.plan')}</Link>
          <Link to={`/docentes/${teacher.id}/progreso`}>{t('cycle.progress')}</Link>
          <Link to={`/docentes/${teacher.id}/modelado`}>{t('cycle.modellingLink')}</Link>
        </nav>
      ) : null}

      <section className="section" aria-labelledby="actual">
        <h2 id="actual">{t('teacher.current')}</h2>
        {current.length === 0 ? (
          <p className="empty">{t('teacher.noCoach')}</p>
        ) : (
          <ul className="plain-list">
            {current.map((c) => (
              <li key={c.id}>
                <Link to={`/acompanantes/${c.coach.id}`}>{c.coach.displayName}</Link>
                {' · '}
                {interventionName(c.intervention)}
                {c.specialty ? ` · ${label('specialties', c.specialty)}` : null}
                {' · '}
                {t('teacher.since', { date: formatDate(c.validFrom) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* The visits list reads the server; offline, the visits are on the "Visitas" screen. */}
      {offline ? null : <TeacherVisitsSection teacherId={teacher.id} />}

      <section className="section" aria-labelledby="cambios">
        <h2 id="cambios">{t('teacher.changes')}</h2>
        {teacher.coachChanges.length === 0 ? (
          <p className="empty">{t('teacher.noChanges')}</p>
        ) : (
          <ul className="plain-list">
            {teacher.coachChanges.map((change) => (
              <li key={`${change.date}-${change.to.id}`}>
                {t('teacher.change', {
                  date: formatDate(change.date),
                  from: change.from.displayName,
                  to: change.to.displayName,
                })}
                {' · '}
                {interventionName(change.intervention)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="historia">
        <h2 id="historia">{t('teacher.history')}</h2>
        {teacher.caseloads.length === 0 ? (
          <p className="empty">{t('teacher.noHistory')}</p>
        ) : (
          <ol className="timeline">
            {teacher.caseloads.map((c) => (
              <li key={c.id}>
                <strong>{c.coach.displayName}</strong>
                {' · '}
                {interventionName(c.intervention)}
                {c.specialty ? ` · ${label('specialties', c.specialty)}` : null}
                <br />
                {c.validTo
                  ? t('teacher.period', {
                      from: formatDate(c.validFrom),
                      to: formatDate(c.validTo),
                    })
                  : t('teacher.since', { date: formatDate(c.validFrom) })}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="section" aria-labelledby="plazas">
        <h2 id="plazas">{t('teacher.posts')}</h2>
        {teacher.posts.length === 0 ? (
          <p className="empty">{t('teacher.noPosts')}</p>
        ) : (
          <ul className="cards">
            {teacher.posts.map((post) => (
              <li className="card" key={`${post.schoolYear}-${post.school.id}`}>
                <h3 className="card__title">{t('teacher.year', { year: post.schoolYear })}</h3>
                <dl className="card__facts">
                  <div>
                    <dt>{t('rosters.teachers.schools')}</dt>
                    <dd>
                      <Link to={`/instituciones/${post.school.id}`}>{post.school.name}</Link>
                    </dd>
                  </div>
                  {post.level ? (
                    <div>
                      <dt>{t('teacher.level')}</dt>
                      <dd>{label('levels', post.level)}</dd>
                    </div>
                  ) : null}
                  {post.grades.length > 0 ? (
                    <div>
                      <dt>{t('teacher.grades')}</dt>
                      <dd>{post.grades.map((g) => `${g}.º`).join(', ')}</dd>
                    </div>
                  ) : null}
                  {post.subject ? (
                    <div>
                      <dt>{t('teacher.subject')}</dt>
                      <dd>{post.subject}</dd>
                    </div>
                  ) : null}
                </dl>
                {post.actingDirector ? <p className="card__note">{t('teacher.acting')}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default function TeacherDetailPage() {
  const { id = '' } = useParams();
  const fromDevice = useFromDevice();
  return (
    <DetailPage
      id={id}
      load={(teacherId, signal) =>
        fromDevice(
          () => getTeacher(teacherId, signal),
          (db) => deviceTeacher(db, teacherId),
        )
      }
      listPath="/docentes"
      titleOf={(copy) => copy.data.displayName}
      render={(copy) => (
        <>
          <DataAsOf asOf={copy.asOf} />
          <TeacherBody teacher={copy.data} offline={copy.asOf !== null} />
        </>
      )}
    />
  );
}
