import { type ActivityRecord, limaToday } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import { usePendingIds, useRecords } from '../../offline/hooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCalendarClock } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { MyTargets } from './MyTargets.tsx';
import { activityTone, byMonth, splitByDate } from './parts.ts';
import { useTypeLabel } from './types.ts';

// "Actividades": the collective activities on this device (a coach's: those they organise and
// those of their teachers; a teacher's: those they are invited to), as a list split at today
// or as a calendar by month. Read from the local store, so it opens offline.

type Row = LocalRecord<ActivityRecord>;

function ActivityList({ label, items }: { label: string; items: Row[] }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const pending = usePendingIds();
  return (
    <List label={label}>
      {items.map((a) => (
        <ListItem
          key={a.id}
          to={`/actividades/${a.id}`}
          title={`${typeLabel(a.data)}: ${a.data.theme}`}
          meta={
            a.data.endDate > a.data.startDate
              ? `${formatDate(a.data.startDate)} – ${formatDate(a.data.endDate)}`
              : formatDate(a.data.startDate)
          }
          badge={
            <>
              <Badge tone={activityTone(a.data.status)}>
                {t(`activities.statuses.${a.data.status}`)}
              </Badge>
              {a.data.organisedBy === 'ugel' ? (
                <Badge tone="info">{t('activityDay.byUgel')}</Badge>
              ) : null}
              {pending?.has(a.id) ? <Badge tone="info">{t('sync.pendingBadge')}</Badge> : null}
            </>
          }
        />
      ))}
    </List>
  );
}

const monthName = (month: string) =>
  new Intl.DateTimeFormat('es-PE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isCoach = me.roles.some((grant) => grant.role === 'acompanante');
  const activities = useRecords('activity', {});
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const title = isCoach ? t('activities.title') : t('activities.myTitle');
  const rows = (activities ?? []) as Row[];
  const { upcoming, past } = splitByDate(rows, limaToday());

  return (
    <div className="page">
      <PageHeading title={title} />
      <p>{t('activities.intro')}</p>
      {isCoach ? null : <MyTargets teacherId={me.person.id} activities={rows} />}
      {isCoach ? (
        <p>
          <ButtonLink to="/actividades/nueva" icon={IconCalendarClock}>
            {t('activities.create')}
          </ButtonLink>
        </p>
      ) : null}
      {activities === undefined ? (
        <Skeleton lines={4} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('activities.empty')} />
      ) : (
        <>
          <SegmentedControl<'list' | 'calendar'>
            label={t('activities.view')}
            options={[
              { value: 'list', label: t('activities.list') },
              { value: 'calendar', label: t('activities.calendar') },
            ]}
            value={view}
            onChange={setView}
          />
          {view === 'list' ? (
            <>
              {upcoming.length > 0 ? (
                <section aria-labelledby="activities-upcoming">
                  <h2 id="activities-upcoming">{t('activities.upcoming')}</h2>
                  <ActivityList label={t('activities.upcoming')} items={upcoming} />
                </section>
              ) : null}
              {past.length > 0 ? (
                <section aria-labelledby="activities-past">
                  <h2 id="activities-past">{t('activities.past')}</h2>
                  <ActivityList label={t('activities.past')} items={past} />
                </section>
              ) : null}
            </>
          ) : (
            [...byMonth(rows)].map(([month, items]) => (
              <section key={month} aria-labelledby={`activities-${month}`}>
                <h2 id={`activities-${month}`}>{monthName(month)}</h2>
                <ActivityList
                  label={t('activities.month', { month: monthName(month) })}
                  items={items}
                />
              </section>
            ))
          )}
        </>
      )}
    </div>
  );
}
