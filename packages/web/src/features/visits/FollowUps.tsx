import { type CommitmentRecord, commitmentsToFollowUp } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords } from '../../offline/hooks.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { CommitmentCard } from './Commitments.tsx';

// A visit opens with the follow-up of the commitments still open from earlier visits
// (cumplido / en proceso / no cumplido, with a note). Both coach and teacher may update them.

export type DatedCommitment = LocalRecord<CommitmentRecord> & { agreedOn: string };

/** The teacher's open commitments agreed at visits before `visitDate`, oldest first. */
export function openBefore(
  commitments: LocalRecord<CommitmentRecord>[],
  visitDates: Map<string, string>,
  visitDate: string,
): DatedCommitment[] {
  const dated = commitments.flatMap((record) => {
    const agreedOn = visitDates.get(record.data.visitId);
    return agreedOn
      ? [
          {
            ...record,
            agreedOn,
            status: record.data.status,
            dueDate: record.data.dueDate,
            followUpNote: record.data.followUpNote,
          },
        ]
      : [];
  });
  return commitmentsToFollowUp(dated, visitDate);
}

export function FollowUpsSection({
  teacherId,
  visitDate,
}: {
  teacherId: string;
  visitDate: string;
}) {
  const { t } = useTranslation();
  const commitments = useRecords('commitment', { teacherId });
  const visits = useRecords('visit', { teacherId });
  const dates = new Map((visits ?? []).map((v) => [v.id, v.data.plannedDate]));
  const open = openBefore(commitments ?? [], dates, visitDate);
  return (
    <section className="section" aria-labelledby="seguimiento">
      <h2 id="seguimiento">{t('cycle.followUps')}</h2>
      <p className="field__hint">{t('cycle.followUpsHint')}</p>
      {commitments === undefined ? <Skeleton lines={2} /> : null}
      {commitments && open.length === 0 ? <EmptyState title={t('cycle.noFollowUps')} /> : null}
      {open.length ? (
        <ul className="cards" aria-labelledby="seguimiento">
          {open.map((record) => (
            <CommitmentCard
              key={record.id}
              record={record}
              details={[
                t('cycle.agreedOn', { date: formatDate(record.agreedOn) }),
                t(`commitments.owners.${record.data.owner}`),
                record.data.dueDate
                  ? t('commitments.dueOn', { date: formatDate(record.data.dueDate) })
                  : null,
              ]}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
