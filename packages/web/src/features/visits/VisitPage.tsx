import { CANCEL_REASONS, type VisitRecord } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../app/i18n/index.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useRecord, useSaveRecord } from '../../offline/hooks.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Loading } from '../../ui/Status.tsx';
import { CommitmentsSection } from './Commitments.tsx';
import { PendingBadge, SaveError, useTeacherNames } from './parts.tsx';
import { ReflectionSection } from './Reflection.tsx';

// One visit: its facts, what the coach records of it (realizada / cancelada with a reason),
// the commitments agreed and, for the teacher, their follow-up and reflection. All local.

type CancelReason = (typeof CANCEL_REASONS)[number];

function CoachStatus({ id, visit }: { id: string; visit: VisitRecord }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState<CancelReason>('teacher_absent');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);

  const run = async (changes: Partial<VisitRecord>) => {
    setError(null);
    try {
      await save('visit', id, changes);
      setCancelling(false);
    } catch (cause) {
      setError(cause);
    }
  };
  if (visit.status !== 'planned') return null;
  const now = new Date().toISOString();
  return (
    <section className="section" aria-labelledby="estado-visita">
      <h2 id="estado-visita">{t('visits.status')}</h2>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => void run({ status: 'done', endedAt: now })}
        >
          {t('visits.markDone')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={cancelling}
          onClick={() => setCancelling((open) => !open)}
        >
          {t('visits.cancel')}
        </button>
      </div>
      {cancelling ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void run({
              status: 'cancelled',
              cancelReason: reason,
              cancelNote: note.trim() || null,
            });
          }}
        >
          <div className="field">
            <label htmlFor="cancel-reason">{t('visits.cancelReason')}</label>
            <select
              id="cancel-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value as CancelReason)}
            >
              {CANCEL_REASONS.map((code) => (
                <option key={code} value={code}>
                  {t(`visits.reasons.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cancel-note">{t('visits.cancelNote')}</label>
            <input
              id="cancel-note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <button type="submit" className="button">
            {t('visits.confirmCancel')}
          </button>
        </form>
      ) : null}
      <SaveError error={error} />
    </section>
  );
}

export default function VisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const record = useRecord('visit', id);
  const names = useTeacherNames();
  const isCoach = me.roles.some((grant) => grant.role === 'acompanante');

  if (record === undefined) return <Loading />;
  if (record === null) {
    return (
      <div className="page">
        <PageHeading title={t('visits.title')} />
        <p className="empty">{t('visits.notFound')}</p>
        <Link to="/visitas" className="back-link">
          {t('visits.back')}
        </Link>
      </div>
    );
  }
  const visit = record.data;
  const isTeacher = visit.teacherId === me.person.id;
  return (
    <div className="page">
      <Link to="/visitas" className="back-link">
        {t('visits.back')}
      </Link>
      <PageHeading title={`${t('visits.title')}: ${formatDate(visit.plannedDate)}`} />
      <dl className="facts">
        <div>
          <dt>{t('visits.teacher')}</dt>
          <dd>{names.get(visit.teacherId) ?? (isTeacher ? me.person.displayName : '')}</dd>
        </div>
        <div>
          <dt>{t('visits.kind')}</dt>
          <dd>{t(`visits.kinds.${visit.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('visits.status')}</dt>
          <dd>
            {t(`visits.statuses.${visit.status}`)}
            {visit.cancelReason ? ` (${t(`visits.reasons.${visit.cancelReason}`)})` : ''}{' '}
            <PendingBadge id={record.id} />
          </dd>
        </div>
      </dl>
      {visit.goals.length ? (
        <section className="section" aria-labelledby="propositos">
          <h2 id="propositos">{t('visits.goals')}</h2>
          <ul className="plain-list">
            {visit.goals.map((goal) => (
              <li key={goal}>{goal}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {isCoach && !isTeacher ? <CoachStatus id={record.id} visit={visit} /> : null}
      <CommitmentsSection
        visitId={record.id}
        teacherId={visit.teacherId}
        asCoach={isCoach && !isTeacher}
      />
      {isTeacher ? <ReflectionSection visitId={record.id} teacherId={visit.teacherId} /> : null}
    </div>
  );
}
