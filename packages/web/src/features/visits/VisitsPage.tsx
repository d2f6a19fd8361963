import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { usePendingIds, useRecords } from '../../offline/hooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCalendar } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTeacherNames, visitTone } from './parts.tsx';

// "Visitas": the visits on this device (a coach's own, a teacher's about them), newest first.
// Read from the local store, so it opens offline. Each row: who, when, the state.

export default function VisitsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isCoach = me.roles.some((grant) => grant.role === 'acompanante');
  const visits = useRecords('visit', isCoach ? {} : { teacherId: me.person.id });
  const pending = usePendingIds();
  const names = useTeacherNames();
  const title = isCoach ? t('visits.title') : t('visits.myVisits');

  const sorted = [...(visits ?? [])].sort((a, b) =>
    b.data.plannedDate.localeCompare(a.data.plannedDate),
  );
  return (
    <div className="page">
      <PageHeading title={title} />
      {isCoach ? (
        <p>
          <ButtonLink to="/visitas/nueva" icon={IconCalendar}>
            {t('visits.schedule')}
          </ButtonLink>
        </p>
      ) : null}
      {visits === undefined ? (
        <Skeleton lines={4} />
      ) : sorted.length === 0 ? (
        <EmptyState title={t('visits.empty')} />
      ) : (
        <List label={title}>
          {sorted.map((visit) => (
            <ListItem
              key={visit.id}
              to={`/visitas/${visit.id}`}
              title={
                isCoach
                  ? names.get(visit.data.teacherId) || t('visits.teacher')
                  : formatDate(visit.data.plannedDate)
              }
              meta={isCoach ? formatDate(visit.data.plannedDate) : undefined}
              badge={
                <>
                  <Badge tone={visitTone(visit.data.status)}>
                    {t(`visits.statuses.${visit.data.status}`)}
                  </Badge>
                  {pending?.has(visit.id) ? (
                    <Badge tone="info">{t('sync.pendingBadge')}</Badge>
                  ) : null}
                </>
              }
            />
          ))}
        </List>
      )}
    </div>
  );
}
