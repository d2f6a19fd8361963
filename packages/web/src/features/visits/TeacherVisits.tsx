import type { TeacherVisits } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api/client.ts';
import { getTeacherVisits } from '../../app/api/endpoints.ts';
import { formatDate } from '../../app/i18n/index.ts';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';

// A teacher's visits as the server lets the reader see them: the teacher and their coach get
// each visit (and open it), a director or especialista only its date and status.

function Items({ data }: { data: TeacherVisits }) {
  const { t } = useTranslation();
  if (data.visits.length === 0) return <p className="empty">{t('teacherVisits.empty')}</p>;
  const line = (v: { plannedDate: string; status: 'planned' | 'done' | 'cancelled' }) =>
    t('teacherVisits.item', {
      date: formatDate(v.plannedDate),
      status: t(`visits.statuses.${v.status}`),
    });
  return (
    <ul className="plain-list">
      {data.access === 'content'
        ? data.visits.map((v) => (
            <li key={v.id}>
              <Link to={`/visitas/${v.id}`}>{line(v)}</Link>
            </li>
          ))
        : data.visits.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: status-only items carry no id (privacy); the list never reorders.
            <li key={`${v.plannedDate}-${i}`}>{line(v)}</li>
          ))}
    </ul>
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
      {data.status === 'loading' ? <Loading /> : null}
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
