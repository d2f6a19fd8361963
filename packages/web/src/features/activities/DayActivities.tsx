import { type ActivityRecord, addDays, limaToday } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords } from '../../offline/hooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCalendarClock } from '../../ui/icons.ts';
import { CappedList, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { dayActivities } from './parts.ts';
import { useTypeLabel } from './types.ts';

// The coach's day, collective activities: the GIA, talleres and meetings of the coming week,
// and those already past that are still to be closed as done (attendance, agreements). From
// the device, so it opens in the field.

export const DAY_ACTIVITIES_AHEAD = 7;

export default function DayActivities() {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const activities = useRecords('activity');
  if (!activities) return <Skeleton lines={2} />;
  const today = limaToday();
  const { coming, toClose } = dayActivities(
    activities as LocalRecord<ActivityRecord>[],
    today,
    addDays(today, DAY_ACTIVITIES_AHEAD),
  );
  const rows = [...toClose, ...coming];
  return (
    <section className="section" aria-labelledby="dia-actividades">
      <h3 id="dia-actividades">{t('activityDay.title')}</h3>
      {rows.length === 0 ? (
        <EmptyState icon={IconCalendarClock} title={t('activityDay.none')} />
      ) : (
        <CappedList
          labelledBy="dia-actividades"
          items={rows.map((a) => (
            <ListItem
              key={a.id}
              to={`/actividades/${a.id}`}
              icon={IconCalendarClock}
              title={`${typeLabel(a.data)}: ${a.data.theme}`}
              meta={
                a.data.organisedBy === 'ugel'
                  ? `${formatDate(a.data.startDate)} · ${t('activityDay.byUgel')}`
                  : formatDate(a.data.startDate)
              }
              badge={
                a.data.startDate < today ? (
                  <Badge tone="warning">{t('activityDay.toClose')}</Badge>
                ) : a.data.startDate === today ? (
                  <Badge tone="info">{t('activityDay.today')}</Badge>
                ) : undefined
              }
            />
          ))}
        />
      )}
      <p>
        <ButtonLink to="/actividades" variant="secondary" icon={IconCalendarClock}>
          {t('activityDay.all')}
        </ButtonLink>
      </p>
    </section>
  );
}
