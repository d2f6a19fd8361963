import {
  addDays,
  type CommitmentRecord,
  DEFAULT_COACHING_MONTHS,
  isOverdue,
  type VisitRecord,
} from '@acompana/core';

// The coach's day from the device's records, so it opens in the field without a connection:
// today's and overdue planned visits, open commitments due within a week, teachers of the
// caseload below the monthly minimum of visits, and the work not yet synced. The server's
// GET /me/day answers the same questions with the exact targets; here the minimum is the
// strategy's floor of one visit a month during the coaching period (docs/DOMAIN.md §1).

export const DUE_WITHIN_DAYS = 7;
export const MINIMUM_PER_MONTH = 1;

interface Item<T> {
  id: string;
  data: T;
}

export interface DayInput {
  today: string; // YYYY-MM-DD
  visits: Item<VisitRecord>[];
  commitments: Item<CommitmentRecord>[];
  /** The coach's teachers, by surname (the order the lists show). */
  caseload: { teacherId: string; displayName: string }[];
}

export interface CoachDayModel {
  today: Item<VisitRecord>[];
  overdue: Item<VisitRecord>[];
  commitmentsDue: (Item<CommitmentRecord> & { overdue: boolean })[];
  belowMinimum: { teacherId: string; displayName: string; done: number; minimum: number }[];
}

export function coachDay(input: DayInput): CoachDayModel {
  const { today } = input;
  const caseload = new Set(input.caseload.map((t) => t.teacherId));
  const planned = input.visits
    .filter((v) => v.data.status === 'planned' && caseload.has(v.data.teacherId))
    .sort((a, b) => a.data.plannedDate.localeCompare(b.data.plannedDate));
  const horizon = addDays(today, DUE_WITHIN_DAYS);
  const commitmentsDue = input.commitments
    .filter(
      (c) =>
        caseload.has(c.data.teacherId) &&
        (c.data.status === 'pending' || c.data.status === 'en_proceso') &&
        c.data.dueDate !== null &&
        c.data.dueDate <= horizon,
    )
    .sort((a, b) => (a.data.dueDate ?? '').localeCompare(b.data.dueDate ?? ''))
    .map((c) => ({ ...c, overdue: isOverdue(c.data, today) }));

  const month = Number(today.slice(5, 7));
  const inPeriod =
    month >= DEFAULT_COACHING_MONTHS.fromMonth && month <= DEFAULT_COACHING_MONTHS.toMonth;
  const monthPrefix = today.slice(0, 7);
  const done = new Map<string, number>();
  for (const v of input.visits) {
    if (v.data.status === 'done' && v.data.plannedDate.startsWith(monthPrefix))
      done.set(v.data.teacherId, (done.get(v.data.teacherId) ?? 0) + 1);
  }
  const belowMinimum = inPeriod
    ? input.caseload
        .map((t) => ({ ...t, done: done.get(t.teacherId) ?? 0, minimum: MINIMUM_PER_MONTH }))
        // In the caseload's own order (by surname); a display name starts with given names.
        .filter((t) => t.done < t.minimum)
    : [];

  return {
    today: planned.filter((v) => v.data.plannedDate === today),
    overdue: planned.filter((v) => v.data.plannedDate < today),
    commitmentsDue,
    belowMinimum,
  };
}
