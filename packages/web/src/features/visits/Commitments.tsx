import { COMMITMENT_STATUSES, type CommitmentRecord, checkFollowUp } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextareaField, TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { DesempenoSelect, useDesempenoName } from './Desempenos.tsx';
import { PendingBadge, SaveError } from './parts.tsx';

// Commitments of a visit: the coach adds them (text, owner, desempeño, due date); both follow
// them up (status and note are the fields the teacher owns too).

type Status = (typeof COMMITMENT_STATUSES)[number];

const STATUS_TONES: Record<Status, Tone> = {
  pending: 'warning',
  en_proceso: 'info',
  cumplido: 'success',
  no_cumplido: 'danger',
};

export function FollowUp({ record }: { record: LocalRecord<CommitmentRecord> }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const [status, setStatus] = useState<Status>(record.data.status);
  const [note, setNote] = useState(record.data.followUpNote ?? '');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState(false);
  const base = `commitment-${record.id}`;
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        // Anything but "cumplido" needs a note saying what happened (core's rule).
        const missingNote = status !== 'pending' && checkFollowUp(status, note) !== null;
        setProblem(missingNote);
        if (missingNote) return;
        try {
          await save('commitment', record.id, { status, followUpNote: note.trim() || null });
          toast(t('commitments.updated'));
        } catch (cause) {
          setError(cause);
        }
      }}
    >
      <SelectField
        id={`${base}-status`}
        label={t('commitments.status')}
        value={status}
        onChange={(event) => setStatus(event.target.value as Status)}
      >
        {COMMITMENT_STATUSES.map((code) => (
          <option key={code} value={code}>
            {t(`commitments.statuses.${code}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${base}-note`}
        label={t('commitments.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {problem ? <Notice tone="error">{t('cycle.noteRequired')}</Notice> : null}
      <SaveError error={error} />
      <Button type="submit" variant="secondary">
        {t('commitments.update')}
      </Button>
    </form>
  );
}

/** One commitment as a card: what (title), who and when (secondary line), its state as a badge,
 *  then its follow-up form. */
export function CommitmentCard({
  record,
  details,
}: {
  record: LocalRecord<CommitmentRecord>;
  details: (string | null)[];
}) {
  const { t } = useTranslation();
  return (
    <Card as="li" level={3} title={record.data.text}>
      <p>{details.filter(Boolean).join(' · ')}</p>
      <p className="badge-row">
        <Badge tone={STATUS_TONES[record.data.status]}>
          {t(`commitments.statuses.${record.data.status}`)}
        </Badge>
        <PendingBadge id={record.id} />
      </p>
      <FollowUp record={record} />
    </Card>
  );
}

function AddCommitment({ visitId, teacherId }: { visitId: string; teacherId: string }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<'teacher' | 'coach'>('teacher');
  const [desempeno, setDesempeno] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<unknown>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await save('commitment', null, {
        visitId,
        teacherId,
        owner,
        desempeno: desempeno || null,
        text,
        dueDate: dueDate || null,
        status: 'pending',
        followUpNote: null,
      });
      toast(t('commitments.saved'));
      // The list shows the new commitment before the save resolves: clear only what was sent, so
      // a next commitment typed in the meantime is not wiped.
      const sent = { text, desempeno, dueDate };
      setText((current) => (current === sent.text ? '' : current));
      setDesempeno((current) => (current === sent.desempeno ? '' : current));
      setDueDate((current) => (current === sent.dueDate ? '' : current));
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="nuevo-compromiso">
      <h3 id="nuevo-compromiso">{t('commitments.add')}</h3>
      <TextareaField
        id="commitment-text"
        label={t('commitments.text')}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <SelectField
        id="commitment-owner"
        label={t('commitments.owner')}
        value={owner}
        onChange={(event) => setOwner(event.target.value as 'teacher' | 'coach')}
      >
        <option value="teacher">{t('commitments.owners.teacher')}</option>
        <option value="coach">{t('commitments.owners.coach')}</option>
      </SelectField>
      <DesempenoSelect
        id="commitment-desempeno"
        label={t('commitments.desempeno')}
        value={desempeno}
        onChange={setDesempeno}
      />
      <TextField
        id="commitment-due"
        label={t('commitments.dueDate')}
        type="date"
        value={dueDate}
        onChange={(event) => setDueDate(event.target.value)}
      />
      <SaveError error={error} />
      <Button type="submit">{t('commitments.add')}</Button>
    </form>
  );
}

export function CommitmentsSection({
  visitId,
  teacherId,
  asCoach,
}: {
  visitId: string;
  teacherId: string;
  asCoach: boolean;
}) {
  const { t } = useTranslation();
  const commitments = useRecords('commitment', { visitId });
  const name = useDesempenoName();
  return (
    <section className="section" aria-labelledby="compromisos">
      <h2 id="compromisos">{t('commitments.title')}</h2>
      {commitments === undefined ? <Skeleton lines={2} /> : null}
      {commitments?.length === 0 ? <EmptyState title={t('commitments.empty')} /> : null}
      {commitments?.length ? (
        <ul className="cards" aria-labelledby="compromisos">
          {commitments.map((record) => (
            <CommitmentCard
              key={record.id}
              record={record}
              details={[
                t(`commitments.owners.${record.data.owner}`),
                record.data.desempeno ? name(record.data.desempeno) : null,
                record.data.dueDate
                  ? t('commitments.dueOn', { date: formatDate(record.data.dueDate) })
                  : null,
              ]}
            />
          ))}
        </ul>
      ) : null}
      {asCoach ? <AddCommitment visitId={visitId} teacherId={teacherId} /> : null}
    </section>
  );
}
