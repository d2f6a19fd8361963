import { CANCEL_REASONS, doneDateProblem, limaToday, type VisitRecord } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useRecord, useSaveRecord } from '../../offline/hooks.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { IconCalendar, IconChart, IconClipboard, IconNotebook } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { BeforeSection } from './Before.tsx';
import { CommitmentsSection } from './Commitments.tsx';
import { DialogueSection } from './Dialogue.tsx';
import { DuringSection } from './During.tsx';
import { FichaButton } from './FichaButton.tsx';
import { FollowUpsSection } from './FollowUps.tsx';
import { ModellingSection } from './Modelling.tsx';
import { PendingBadge, SaveError, useTeacherNames, visitTone } from './parts.tsx';
import { CoachReflection, ReflectionSection } from './Reflection.tsx';

// One visit on a phone, in the order it is lived: the follow-up of earlier commitments, the
// goals agreed before the lesson, the observation during it, the reflective dialogue and new
// commitments after it, the outcome (realizada / cancelada with a reason), the teacher's own
// reflection and the ficha PDF. Everything reads and writes the device's store.

type CancelReason = (typeof CANCEL_REASONS)[number];

function CoachStatus({ id, visit }: { id: string; visit: VisitRecord }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState<CancelReason>('teacher_absent');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const today = limaToday();
  const [actualDate, setActualDate] = useState(today);

  const run = async (changes: Partial<VisitRecord>) => {
    setError(null);
    try {
      await save('visit', id, changes);
      setCancelling(false);
      toast(t('visits.statusSaved'));
    } catch (cause) {
      setError(cause);
    }
  };
  if (visit.status !== 'planned') return null;
  const now = new Date().toISOString();
  // Done is for a lesson already observed: warn on the eve, refuse earlier (core rule; the
  // store refuses it too, and so does the server).
  const early = doneDateProblem(visit, today);
  return (
    <section className="section" aria-labelledby="estado-visita">
      <h2 id="estado-visita">{t('visits.status')}</h2>
      {early ? (
        <Notice tone="warning" live={false} id="visita-fecha-futura">
          {t(early === 'future' ? 'visits.doneTomorrow' : 'visits.doneTooEarly', {
            date: formatDate(visit.plannedDate),
          })}
        </Notice>
      ) : null}
      {early ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void run({ plannedDate: actualDate });
          }}
        >
          <TextField
            label={t('visits.actualDate')}
            id="visit-actual-date"
            type="date"
            value={actualDate}
            max={today}
            onChange={(event) => setActualDate(event.target.value)}
          />
          <Button type="submit" variant="secondary">
            {t('visits.correctDate')}
          </Button>
        </form>
      ) : null}
      <div className="button-row">
        <Button
          aria-describedby={early ? 'visita-fecha-futura' : undefined}
          onClick={() => void run({ status: 'done', endedAt: now })}
        >
          {t('visits.markDone')}
        </Button>
        <Button
          variant="secondary"
          aria-expanded={cancelling}
          onClick={() => setCancelling((open) => !open)}
        >
          {t('visits.cancel')}
        </Button>
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
          <SelectField
            label={t('visits.cancelReason')}
            id="cancel-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value as CancelReason)}
          >
            {CANCEL_REASONS.map((code) => (
              <option key={code} value={code}>
                {t(`visits.reasons.${code}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('visits.cancelNote')}
            id="cancel-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <Button type="submit">{t('visits.confirmCancel')}</Button>
        </form>
      ) : null}
      <SaveError error={error} />
    </section>
  );
}

/** The teacher's diagnosis, plan, progress and modelling, one tap from the visit (all read from
 *  the device, so they open offline too). */
function TeacherLinks({ teacherId }: { teacherId: string }) {
  const { t } = useTranslation();
  const base = `/docentes/${teacherId}`;
  return (
    <nav aria-labelledby="docente-enlaces">
      <h2 id="docente-enlaces" className="visually-hidden">
        {t('cycle.teacherLinks')}
      </h2>
      <List labelledBy="docente-enlaces">
        <ListItem to={`${base}/diagnostico`} icon={IconClipboard} title={t('cycle.diagnosis')} />
        <ListItem to={`${base}/plan`} icon={IconCalendar} title={t('cycle.plan')} />
        <ListItem to={`${base}/progreso`} icon={IconChart} title={t('cycle.progress')} />
        <ListItem to={`${base}/modelado`} icon={IconNotebook} title={t('cycle.modellingLink')} />
      </List>
    </nav>
  );
}

export default function VisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const record = useRecord('visit', id);
  const names = useTeacherNames();
  const isCoach = me.roles.some((grant) => grant.role === 'acompanante');

  if (record === undefined) return <Skeleton lines={6} />;
  if (record === null) {
    return (
      <div className="page">
        <PageHeading title={t('visits.one')} />
        <EmptyState
          title={t('visits.notFound')}
          action={
            <ButtonLink to="/visitas" variant="secondary">
              {t('visits.back')}
            </ButtonLink>
          }
        />
      </div>
    );
  }
  const visit = record.data;
  const isTeacher = visit.teacherId === me.person.id;
  const asCoach = isCoach && !isTeacher;
  return (
    <div className="page">
      <BackLink to="/visitas">{t('visits.back')}</BackLink>
      <PageHeading title={t('visits.dated', { date: formatDate(visit.plannedDate) })} />
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
          <dd className="badge-row">
            <Badge tone={visitTone(visit.status)}>
              {t(`visits.statuses.${visit.status}`)}
              {visit.cancelReason ? ` (${t(`visits.reasons.${visit.cancelReason}`)})` : ''}
            </Badge>
            <PendingBadge id={record.id} />
          </dd>
        </div>
      </dl>
      {visit.status === 'cancelled' ? (
        <Notice live={false}>{t('cycle.cancelledCounts')}</Notice>
      ) : null}
      <TeacherLinks teacherId={visit.teacherId} />
      {visit.status !== 'cancelled' ? (
        <FollowUpsSection teacherId={visit.teacherId} visitDate={visit.plannedDate} />
      ) : null}
      <BeforeSection id={record.id} visit={visit} asCoach={asCoach} isTeacher={isTeacher} />
      {visit.status !== 'cancelled' ? (
        <>
          <DuringSection id={record.id} visit={visit} asCoach={asCoach} />
          <DialogueSection id={record.id} visit={visit} asCoach={asCoach} />
          <CommitmentsSection visitId={record.id} teacherId={visit.teacherId} asCoach={asCoach} />
          <ModellingSection
            teacherId={visit.teacherId}
            schoolId={visit.schoolId}
            visitId={record.id}
            asCoach={asCoach}
          />
        </>
      ) : null}
      {asCoach ? <CoachStatus id={record.id} visit={visit} /> : null}
      {isTeacher ? <ReflectionSection visitId={record.id} teacherId={visit.teacherId} /> : null}
      {asCoach ? (
        <CoachReflection
          visitId={record.id}
          teacherId={visit.teacherId}
          teacherName={names.get(visit.teacherId) ?? ''}
        />
      ) : null}
      <FichaButton id={record.id} visit={visit} />
    </div>
  );
}
