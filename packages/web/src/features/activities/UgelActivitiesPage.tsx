import type { UgelActivity } from '@acompana/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCalendarClock, IconUser } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { getUgelActivityOptions, listUgelActivities } from './api.ts';
import { activityTone } from './parts.ts';
import { typeLabel } from './types.ts';
import { UgelActivityForm } from './UgelActivityForm.tsx';

// «Actividades de la UGEL» (docs/ACTIVITIES.md, "Organisers"): the specialist's UGEL-wide
// talleres and jornadas, online (specialists keep no field records on a device). Each card
// shows the whole activity as its organiser and who attended (days present), never the
// teachers' reflections; «Editar» and «Nuevo taller o jornada» open the form.

function ActivityCard({ item, onEdit }: { item: UgelActivity; onEdit: () => void }) {
  const { t } = useTranslation();
  const a = item.activity;
  const when =
    a.endDate > a.startDate
      ? `${formatDate(a.startDate)} – ${formatDate(a.endDate)}`
      : formatDate(a.startDate);
  return (
    <Card
      as="li"
      title={`${typeLabel(a, undefined, (k) => t(`activityTypes.${k}`))}: ${a.theme}`}
      level={3}
      actions={
        <Button variant="secondary" onClick={onEdit}>
          {t('ugelActivities.edit')}
        </Button>
      }
    >
      <p>
        {when}
        {a.startTime ? ` · ${a.startTime}${a.endTime ? `–${a.endTime}` : ''}` : ''}{' '}
        <Badge tone={activityTone(a.status)}>{t(`activities.statuses.${a.status}`)}</Badge>
      </p>
      {a.place ? <p>{a.place}</p> : null}
      <p>{t('ugelActivities.attended', { attended: item.attended, invited: item.invited })}</p>
      {item.attendees.length > 0 ? (
        <List label={t('ugelActivities.attendeesOf', { theme: a.theme })}>
          {item.attendees.map((p) => (
            <ListItem
              key={p.id}
              icon={IconUser}
              title={p.displayName}
              meta={t('ugelActivities.daysPresent', { count: p.daysPresent, school: p.schoolName })}
            />
          ))}
        </List>
      ) : null}
    </Card>
  );
}

export default function UgelActivitiesPage() {
  const { t } = useTranslation();
  const data = useApiData('ugel-activities', (signal) => listUgelActivities(signal));
  const options = useApiData('ugel-activity-options', (signal) => getUgelActivityOptions(signal));
  // null: the list; 'new': a new activity; else the activity edited.
  const [editing, setEditing] = useState<UgelActivity | 'new' | null>(null);

  if (editing && options.status === 'ready') {
    return (
      <div className="page">
        <UgelActivityForm
          options={options.data}
          stored={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) data.reload();
          }}
        />
      </div>
    );
  }

  let content: ReactNode;
  if (data.status === 'loading') content = <Skeleton lines={4} />;
  else if (data.status === 'error') {
    content = <ErrorNotice error={data.error} onRetry={data.reload} />;
  } else if (data.data.items.length === 0) {
    content = (
      <EmptyState
        icon={IconCalendarClock}
        title={t('ugelActivities.empty', { year: data.data.schoolYear })}
      />
    );
  } else {
    content = (
      <>
        <p className="count">
          {t('ugelActivities.count', {
            count: data.data.items.length,
            year: data.data.schoolYear,
          })}
        </p>
        <ul className="cards">
          {data.data.items.map((item) => (
            <ActivityCard key={item.id} item={item} onEdit={() => setEditing(item)} />
          ))}
        </ul>
      </>
    );
  }

  return (
    <div className="page">
      <PageHeading title={t('ugelActivities.title')} />
      {options.status === 'ready' ? (
        <p>{t('ugelActivities.intro', { ugel: options.data.ugelName })}</p>
      ) : null}
      <p>
        <Button disabled={options.status !== 'ready'} onClick={() => setEditing('new')}>
          {t('ugelActivities.create')}
        </Button>
      </p>
      {options.status === 'error' ? (
        <ErrorNotice error={options.error} onRetry={options.reload} />
      ) : null}
      {content}
    </div>
  );
}
