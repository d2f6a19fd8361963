import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/i18n/index.ts';
import { useRecords } from '../../offline/hooks.ts';
import { useOfflineSlot } from '../../offline/OfflineProvider.tsx';
import { Loading } from '../../ui/Status.tsx';

// The teacher's own space, from the device: their visits, the commitments they can update,
// visits waiting for their reflection, their plan and their progress.

function Space({ teacherId }: { teacherId: string }) {
  const { t } = useTranslation();
  const visits = useRecords('visit', { teacherId });
  const commitments = useRecords('commitment', { teacherId });
  const reflections = useRecords('reflection', { teacherId });
  if (!visits || !commitments || !reflections) return <Loading />;

  const done = visits
    .filter((v) => v.data.status === 'done')
    .sort((a, b) => b.data.plannedDate.localeCompare(a.data.plannedDate));
  const reflected = new Set(reflections.map((r) => r.data.visitId));
  const waiting = done.filter((v) => !reflected.has(v.id)).length;
  const open = commitments
    .filter((c) => c.data.status === 'pending' || c.data.status === 'en_proceso')
    .sort((a, b) => (a.data.dueDate ?? '9999').localeCompare(b.data.dueDate ?? '9999'));
  const last = done[0];

  return (
    <>
      <ul className="button-row plain-list">
        <li>
          <Link to="/visitas" className="button">
            {t('space.visits')}
          </Link>
        </li>
        <li>
          <Link to={`/docentes/${teacherId}/plan`} className="button button--secondary">
            {t('space.plan')}
          </Link>
        </li>
        <li>
          <Link to={`/docentes/${teacherId}/progreso`} className="button button--secondary">
            {t('space.progress')}
          </Link>
        </li>
        <li>
          <Link to={`/docentes/${teacherId}/modelado`} className="button button--secondary">
            {t('space.modelling')}
          </Link>
        </li>
        <li>
          <Link to="/mi-informacion/consultas" className="button button--secondary">
            {t('space.whoRead')}
          </Link>
        </li>
      </ul>
      {last ? (
        <p>
          <Link to={`/visitas/${last.id}`}>
            {t('space.lastVisit', { date: formatDate(last.data.plannedDate) })}
          </Link>
        </p>
      ) : null}
      {waiting > 0 ? <p>{t('space.reflectionsPending', { count: waiting })}</p> : null}
      <h3 id="mis-compromisos">{t('space.openCommitments')}</h3>
      {open.length === 0 ? (
        <p className="empty">{t('space.noCommitments')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="mis-compromisos">
          {open.map((c) => (
            <li key={c.id}>
              <Link to={`/visitas/${c.data.visitId}`}>{c.data.text}</Link>
              {c.data.dueDate ? ` · ${t('day.dueOn', { date: formatDate(c.data.dueDate) })}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function TeacherSpace({ teacherId }: { teacherId: string }) {
  const { t } = useTranslation();
  const { current } = useOfflineSlot();
  return (
    <section className="section" aria-labelledby="mi-acompanamiento">
      <h2 id="mi-acompanamiento">{t('space.title')}</h2>
      {current ? <Space teacherId={teacherId} /> : <Loading />}
    </section>
  );
}
