import { isBuiltinActivityType, type SchoolActivity } from '@acompana/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchool } from '../../app/api/endpoints.ts';
import { formatDate } from '../../app/i18n/index.ts';
import { useParams } from '../../app/router.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCalendarClock, IconUser } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { getSchoolActivities } from './api.ts';
import { activityTone } from './parts.ts';

// The school's view of the collective activities (the director's «Actividades de la IE»):
// that each activity happened, its type, theme and dates, and who of the school's teachers
// attended. Activity data only (policy `activity`): the server never sends agreements, notes
// or reflections. Read online: directors keep no field records on their device.

function ActivityCard({ item }: { item: SchoolActivity }) {
  const { t } = useTranslation();
  const when =
    item.endDate > item.startDate
      ? `${formatDate(item.startDate)} – ${formatDate(item.endDate)}`
      : formatDate(item.startDate);
  return (
    <Card
      as="li"
      title={`${isBuiltinActivityType(item.type) ? t(`activityTypes.${item.type}`) : (item.typeName ?? t('activityTypes.otra'))}: ${item.theme}`}
      level={3}
    >
      <p>
        {when}{' '}
        <Badge tone={activityTone(item.status)}>{t(`activities.statuses.${item.status}`)}</Badge>
      </p>
      <p>{t('activities.school.attended', { attended: item.attended, invited: item.invited })}</p>
      {item.attendees.length > 0 ? (
        <List label={t('activities.school.attendeesOf', { theme: item.theme })}>
          {item.attendees.map((a) => (
            <ListItem
              key={a.id}
              icon={IconUser}
              title={a.displayName}
              meta={t('activities.school.daysPresent', { count: a.daysPresent })}
            />
          ))}
        </List>
      ) : null}
    </Card>
  );
}

export default function SchoolActivitiesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const school = useApiData(`school-${id}`, (signal) => getSchool(id, signal));
  const data = useApiData(`school-activities-${id}`, (signal) => getSchoolActivities(id, signal));
  const name = school.status === 'ready' ? school.data.name : '';

  let content: ReactNode;
  if (data.status === 'loading') content = <Skeleton lines={4} />;
  else if (data.status === 'error') {
    content = <ErrorNotice error={data.error} onRetry={data.reload} />;
  } else if (data.data.items.length === 0) {
    content = (
      <EmptyState
        icon={IconCalendarClock}
        title={t('activities.school.empty', { year: data.data.schoolYear })}
      />
    );
  } else {
    content = (
      <>
        <p className="count">
          {t('activities.school.count', {
            count: data.data.items.length,
            year: data.data.schoolYear,
          })}
        </p>
        <ul className="cards">
          {data.data.items.map((item) => (
            <ActivityCard key={item.id} item={item} />
          ))}
        </ul>
      </>
    );
  }

  return (
    <div className="page">
      <BackLink to={`/instituciones/${id}`}>{t('activities.school.back')}</BackLink>
      <PageHeading title={t('activities.school.title')} />
      {name ? <p>{name}</p> : null}
      <p>{t('activities.school.intro')}</p>
      {content}
    </div>
  );
}
