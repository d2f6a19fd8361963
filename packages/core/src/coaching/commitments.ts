import type { CommitmentRecord } from '../sync/entities.ts';

// Follow-up of commitments: every visit opens with the commitments still open from earlier
// visits (docs/DOMAIN.md §4, step 6), each closed as cumplido / en proceso / no cumplido. A
// commitment not fully met needs a note saying what happened, so the next dialogue starts
// from facts rather than a tick box.

export type FollowUpStatus = 'cumplido' | 'en_proceso' | 'no_cumplido';

export interface CommitmentWithDate
  extends Pick<CommitmentRecord, 'status' | 'dueDate' | 'followUpNote'> {
  id: string;
  /** Date of the visit where it was agreed (YYYY-MM-DD). */
  agreedOn: string;
}

/** Open commitments agreed before `visitDate`, oldest first: what this visit must follow up. */
export function commitmentsToFollowUp<T extends CommitmentWithDate>(
  commitments: T[],
  visitDate: string,
): T[] {
  return commitments
    .filter((c) => c.agreedOn < visitDate && (c.status === 'pending' || c.status === 'en_proceso'))
    .sort((a, b) => a.agreedOn.localeCompare(b.agreedOn) || a.id.localeCompare(b.id));
}

/** Open and past its due date on `today`. */
export function isOverdue(
  commitment: Pick<CommitmentWithDate, 'status' | 'dueDate'>,
  today: string,
): boolean {
  return (
    commitment.dueDate !== null &&
    commitment.dueDate < today &&
    (commitment.status === 'pending' || commitment.status === 'en_proceso')
  );
}

export type FollowUpProblem = { code: 'note_required'; status: FollowUpStatus };

/** Checks one follow-up answer: anything but "cumplido" needs a note. */
export function checkFollowUp(status: FollowUpStatus, note: string | null): FollowUpProblem | null {
  if (status !== 'cumplido' && !(note ?? '').trim()) return { code: 'note_required', status };
  return null;
}

export interface CommitmentSummary {
  total: number;
  pending: number;
  cumplido: number;
  en_proceso: number;
  no_cumplido: number;
  overdue: number;
}

export function summarizeCommitments(
  commitments: Pick<CommitmentWithDate, 'status' | 'dueDate'>[],
  today: string,
): CommitmentSummary {
  const summary: CommitmentSummary = {
    total: commitments.length,
    pending: 0,
    cumplido: 0,
    en_proceso: 0,
    no_cumplido: 0,
    overdue: 0,
  };
  for (const c of commitments) {
    summary[c.status] += 1;
    if (isOverdue(c, today)) summary.overdue += 1;
  }
  return summary;
}
