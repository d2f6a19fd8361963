import type { TeacherDetail } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { getTeacher } from '../../app/api/endpoints.ts';
import { formatDate } from '../../app/i18n/index.ts';
import { useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceTeacher } from '../../offline/reference-screens.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { DetailPage } from '../../ui/DetailPage.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconSchool, IconUserCheck } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { useVocabulary } from '../../ui/vocabulary.ts';
import { DataAsOf } from '../sync/DataAsOf.tsx';
import { DeviceTeacherVisitsSection, TeacherVisitsSection } from '../visits/TeacherVisits.tsx';
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
  const coachLine = (c: TeacherDetail['caseloads'][number]) =>
    [interventionName(c.intervention), label('specialties', c.specialty)]
      .filter(Boolean)
      .join(' · ');
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
          <ButtonLink variant="secondary" to={`/docentes/${teacher.id}/diagnostico`}>
            {t('cycle.diagnosis')}
          </ButtonLink>
          <ButtonLink variant="secondary" to={`/docentes/${teacher.id}/plan`}>
            {t('cycle.plan')}
          </ButtonLink>
          <ButtonLink variant="secondary" to={`/docentes/${teacher.id}/progreso`}>
            {t('cycle.progress')}
          </ButtonLink>
          <ButtonLink variant="secondary" to={`/docentes/${teacher.id}/modelado`}>
            {t('cycle.modellingLink')}
          </ButtonLink>
        </nav>
      ) : null}

      <section className="section" aria-labelledby="actual">
        <h2 id="actual">{t('teacher.current')}</h2>
        {current.length === 0 ? (
          <EmptyState title={t('teacher.noCoach')} />
        ) : (
          <List labelledBy="actual">
            {current.map((c) => (
              <ListItem
                key={c.id}
                to={`/acompanantes/${c.coach.id}`}
                icon={IconUserCheck}
                title={c.coach.displayName}
                secondary={coachLine(c)}
                meta={t('teacher.since', { date: formatDate(c.validFrom) })}
              />
            ))}
          </List>
        )}
      </section>

      {/* The visits list reads the server; offline, the device's own copy of them — which holds
          only the visits of the person's own coaching: for another coach's teacher it would
          say «none» where the server has some, so it is not shown. */}
      {offline ? (
        coaching ? (
          <DeviceTeacherVisitsSection teacherId={teacher.id} />
        ) : null
      ) : (
        <TeacherVisitsSection teacherId={teacher.id} />
      )}

      <section className="section" aria-labelledby="cambios">
        <h2 id="cambios">{t('teacher.changes')}</h2>
        {teacher.coachChanges.length === 0 ? (
          <EmptyState title={t('teacher.noChanges')} />
        ) : (
          <List labelledBy="cambios">
            {teacher.coachChanges.map((change) => (
              <ListItem
                key={`${change.date}-${change.to.id}`}
                title={t('teacher.change', {
                  date: formatDate(change.date),
                  from: change.from.displayName,
                  to: change.to.displayName,
                })}
                secondary={interventionName(change.intervention)}
              />
            ))}
          </List>
        )}
      </section>

      <section className="section" aria-labelledby="historia">
        <h2 id="historia">{t('teacher.history')}</h2>
        {teacher.caseloads.length === 0 ? (
          <EmptyState title={t('teacher.noHistory')} />
        ) : (
          <List labelledBy="historia">
            {teacher.caseloads.map((c) => (
              <ListItem
                key={c.id}
                title={c.coach.displayName}
                secondary={coachLine(c)}
                meta={
                  c.validTo
                    ? t('teacher.period', {
                        from: formatDate(c.validFrom),
                        to: formatDate(c.validTo),
                      })
                    : t('teacher.since', { date: formatDate(c.validFrom) })
                }
              />
            ))}
          </List>
        )}
      </section>

      <section className="section" aria-labelledby="plazas">
        <h2 id="plazas">{t('teacher.posts')}</h2>
        {teacher.posts.length === 0 ? (
          <EmptyState title={t('teacher.noPosts')} />
        ) : (
          <List labelledBy="plazas">
            {teacher.posts.map((post) => (
              <ListItem
                key={`${post.schoolYear}-${post.school.id}`}
                to={`/instituciones/${post.school.id}`}
                icon={IconSchool}
                title={post.school.name}
                secondary={[
                  t('teacher.year', { year: post.schoolYear }),
                  label('levels', post.level),
                  post.grades.length > 0
                    ? `${t('teacher.grades')}: ${post.grades.map((g) => `${g}.º`).join(', ')}`
                    : '',
                  post.subject ?? '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
                badge={
                  post.actingDirector ? <Badge tone="info">{t('teacher.acting')}</Badge> : undefined
                }
              />
            ))}
          </List>
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
