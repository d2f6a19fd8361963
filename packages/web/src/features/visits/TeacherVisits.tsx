import type { TeacherVisits } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { getTeacherVisits } from '../../app/api/endpoints.ts';
import { formatDate } from '../../app/i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { visitTone } from './parts.tsx';

// A teacher's visits as the server lets the reader see them: the teacher and their coach get
// each visit (and open it), a director or especialista only its date and status.

function Items({ data }: { data: TeacherVisits }) {
  const { t } = useTranslation();
  if (data.visits.length === 0) return <EmptyState title={t('teacherVisits.empty')} />;
  const badge = (status: 'planned' | 'done' | 'cancelled') => (
    <Badge tone={visitTone(status)}>{t(`visits.statuses.${status}`)}</Badge>
  );
  return (
    <List labelledBy="visitas-docente">
      {data.access === 'content'
        ? data.visits.map((v) => (
            <ListItem
              key={v.id}
              to={`/visitas/${v.id}`}
              title={formatDate(v.plannedDate)}
              badge={badge(v.status)}
            />
          ))
        : data.visits.map((v, i) => (
            <ListItem
              // biome-ignore lint/suspicious/noArrayIndexKey: status-only items carry no id (privacy); the list never reorders.
              key={`${v.plannedDate}-${i}`}
              title={formatDate(v.plannedDate)}
              badge={badge(v.status)}
            />
          ))}
    </List>
  );
}

export function TeacherVisitsSection({ teacherId }: { teacherId: string }) {
  const { t } = useTranslation();
  const data = useApiData(`teacher-visits-${teacherId}`, (signal) =>
    getTeacherVisits(teacherId, signal),
  );
  // A role that does not follow this teacher's visits (a formador) gets 403: no section at all.
  if (data.status === 'error' && data.error instanceof ApiError && data.error.status === 403)
    return null;
  return (
    <section className="section" aria-labelledby="visitas-docente">
      <h2 id="visitas-docente">{t('teacherVisits.title')}</h2>
      {data.status === 'loading' ? <Skeleton lines={3} /> : null}
      {data.status === 'error' ? <ErrorNotice error={data.error} onRetry={data.reload} /> : null}
      {data.status === 'ready' ? (
        <>
          {data.data.access === 'status' ? <p>{t('teacherVisits.statusOnly')}</p> : null}
          <Items data={data.data} />
        </>
      ) : null}
    </section>
  );
}
