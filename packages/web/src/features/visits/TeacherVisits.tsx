import type { TeacherVisits } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { getTeacherVisits } from '../../app/api/endpoints.ts';
import { formatDate } from '../../app/i18n/index.ts';
import { useRecords } from '../../offline/hooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { visitTone } from './parts.tsx';

// A teacher's visits as the server lets the reader see them: the teacher and their coach get
// each visit (and open it), a director or especialista only its date and status.

type Status = 'planned' | 'done' | 'cancelled';

function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Badge tone={visitTone(status)}>{t(`visits.statuses.${status}`)}</Badge>;
}

/** Visits that open (the teacher's and their coach's): from the server or from the device. */
function VisitLinks({ visits }: { visits: { id: string; plannedDate: string; status: Status }[] }) {
  return (
    <List labelledBy="visitas-docente">
      {visits.map((v) => (
        <ListItem
          key={v.id}
          to={`/visitas/${v.id}`}
          title={formatDate(v.plannedDate)}
          badge={<StatusBadge status={v.status} />}
        />
      ))}
    </List>
  );
}

function Items({ data }: { data: TeacherVisits }) {
  const { t } = useTranslation();
  if (data.visits.length === 0) return <EmptyState title={t('teacherVisits.empty')} />;
  if (data.access === 'content') return <VisitLinks visits={data.visits} />;
  return (
    <List labelledBy="visitas-docente">
      {data.visits.map((v, i) => (
        <ListItem
          // biome-ignore lint/suspicious/noArrayIndexKey: status-only items carry no id (privacy); the list never reorders.
          key={`${v.plannedDate}-${i}`}
          title={formatDate(v.plannedDate)}
          badge={<StatusBadge status={v.status} />}
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

/** Offline, the coach's or the teacher's own copy: the visits of this teacher on the device
 *  (the server's list needs a connection), newest first, each opening as on «Visitas». */
export function DeviceTeacherVisitsSection({ teacherId }: { teacherId: string }) {
  const { t } = useTranslation();
  const records = useRecords('visit', { teacherId });
  const visits = [...(records ?? [])]
    .map((r) => ({ id: r.id, plannedDate: r.data.plannedDate, status: r.data.status }))
    .sort((a, b) => b.plannedDate.localeCompare(a.plannedDate));
  return (
    <section className="section" aria-labelledby="visitas-docente">
      <h2 id="visitas-docente">{t('teacherVisits.title')}</h2>
      <p>{t('teacherVisits.onDevice')}</p>
      {records === undefined ? (
        <Skeleton lines={3} />
      ) : visits.length === 0 ? (
        <EmptyState title={t('teacherVisits.emptyOnDevice')} />
      ) : (
        <VisitLinks visits={visits} />
      )}
    </section>
  );
}
