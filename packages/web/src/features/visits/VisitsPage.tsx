import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/i18n/index.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useRecords } from '../../offline/hooks.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Loading } from '../../ui/Status.tsx';
import { PendingBadge, useTeacherNames } from './parts.tsx';

// "Visitas": the visits on this device (a coach's own, a teacher's about them), newest first.
// Read from the local store, so it opens offline.

export default function VisitsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isCoach = me.roles.some((grant) => grant.role === 'acompanante');
  const visits = useRecords('visit', isCoach ? {} : { teacherId: me.person.id });
  const names = useTeacherNames();

  const sorted = [...(visits ?? [])].sort((a, b) =>
    b.data.plannedDate.localeCompare(a.data.plannedDate),
  );
  return (
    <div className="page">
      <PageHeading title={isCoach ? t('visits.title') : t('visits.myVisits')} />
      {isCoach ? (
        <p>
          <Link to="/visitas/nueva" className="button">
            {t('visits.schedule')}
          </Link>
        </p>
      ) : null}
      {visits === undefined ? (
        <Loading />
      ) : sorted.length === 0 ? (
        <p className="empty">{t('visits.empty')}</p>
      ) : (
        <ul className="cards">
          {sorted.map((visit) => (
            <li key={visit.id} className="card">
              <h2 className="card__title">
                <Link
                  to={`/visitas/${visit.id}`}
                  aria-label={t('visits.open', { date: formatDate(visit.data.plannedDate) })}
                >
                  {formatDate(visit.data.plannedDate)}
                </Link>
              </h2>
              <p>
                {names.get(visit.data.teacherId) ?? ''}
                {' · '}
                {t(`visits.statuses.${visit.data.status}`)} <PendingBadge id={visit.id} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
