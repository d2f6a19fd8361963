import { COMMITMENT_STATUSES, type CommitmentRecord, checkFollowUp } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { DesempenoSelect, useDesempenoName } from './Desempenos.tsx';
import { PendingBadge, SaveError } from './parts.tsx';

// Commitments of a visit: the coach adds them (text, owner, desempeño, due date); both follow
// them up (status and note are the fields the teacher owns too).

type Status = (typeof COMMITMENT_STATUSES)[number];

export function FollowUp({ record }: { record: LocalRecord<CommitmentRecord> }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
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
        } catch (cause) {
          setError(cause);
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${base}-status`}>{t('commitments.status')}</label>
        <select
          id={`${base}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as Status)}
        >
          {COMMITMENT_STATUSES.map((code) => (
            <option key={code} value={code}>
              {t(`commitments.statuses.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${base}-note`}>{t('commitments.note')}</label>
        <input id={`${base}-note`} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {t('cycle.noteRequired')}
        </p>
      ) : null}
      <SaveError error={error} />
      <button type="submit" className="button button--secondary">
        {t('commitments.update')}
      </button>
    </form>
  );
}

function AddCommitment({ visitId, teacherId }: { visitId: string; teacherId: string }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
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
      <div className="field">
        <label htmlFor="commitment-text">{t('commitments.text')}</label>
        <textarea
          id="commitment-text"
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="commitment-owner">{t('commitments.owner')}</label>
        <select
          id="commitment-owner"
          value={owner}
          onChange={(event) => setOwner(event.target.value as 'teacher' | 'coach')}
        >
          <option value="teacher">{t('commitments.owners.teacher')}</option>
          <option value="coach">{t('commitments.owners.coach')}</option>
        </select>
      </div>
      <DesempenoSelect
        id="commitment-desempeno"
        label={t('commitments.desempeno')}
        value={desempeno}
        onChange={setDesempeno}
      />
      <div className="field">
        <label htmlFor="commitment-due">{t('commitments.dueDate')}</label>
        <input
          id="commitment-due"
          type="date"
          value={dueDate}
          onChange={(event) => setDueDate(event.target.value)}
        />
      </div>
      <SaveError error={error} />
      <button type="submit" className="button">
        {t('commitments.add')}
      </button>
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
      {commitments?.length === 0 ? <p className="empty">{t('commitments.empty')}</p> : null}
      <ul className="cards">
        {(commitments ?? []).map((record) => (
          <li key={record.id} className="card">
            <p className="card__title">
              {record.data.text} <PendingBadge id={record.id} />
            </p>
            <p>
              {t(`commitments.owners.${record.data.owner}`)}
              {record.data.desempeno ? ` · ${name(record.data.desempeno)}` : ''}
              {record.data.dueDate ? ` · ${formatDate(record.data.dueDate)}` : ''}
            </p>
            <FollowUp record={record} />
          </li>
        ))}
      </ul>
      {asCoach ? <AddCommitment visitId={visitId} teacherId={teacherId} /> : null}
    </section>
  );
}
