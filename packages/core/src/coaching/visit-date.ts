import { AppError } from '../errors.ts';
import type { VisitRecord } from '../sync/entities.ts';
import { addDays, formatCalendarDate } from '../time.ts';

// A visit is "realizada" once the lesson was observed, so it cannot be done in the future.
// A coach may close it on the eve (a late evening entry for an early visit, or a device whose
// day is a little ahead), with a warning; more than a day ahead is refused, on the device
// before saving and by the server when the change arrives through sync. Both ask this module
// with today's date in Lima.

/** How many days ahead of today a visit may still be marked done. */
export const DONE_AHEAD_DAYS = 1;

type VisitDates = Pick<VisitRecord, 'status' | 'plannedDate'>;

/** 'future' (warn) when a visit dated after `today` is done or about to be; 'too_far' when that
 *  date is more than DONE_AHEAD_DAYS ahead (refuse); null otherwise. */
export function doneDateProblem(
  visit: Pick<VisitRecord, 'plannedDate'>,
  today: string,
): 'future' | 'too_far' | null {
  if (visit.plannedDate <= today) return null;
  return visit.plannedDate > addDays(today, DONE_AHEAD_DAYS) ? 'too_far' : 'future';
}

/** The refusal for a write that leaves a visit done too far in the future, or null. Only a
 *  write that sets the status or the date is checked (`before` is the stored visit, if any), so
 *  a later edit of something else never gets stuck on an old record. */
export function visitDoneRefusal(
  before: VisitDates | null,
  after: VisitDates,
  today: string,
): AppError | null {
  if (after.status !== 'done') return null;
  if (before && before.status === 'done' && before.plannedDate === after.plannedDate) return null;
  if (doneDateProblem(after, today) !== 'too_far') return null;
  const date = formatCalendarDate(after.plannedDate);
  return new AppError(
    'VISIT_DONE_IN_FUTURE',
    `La visita está programada para el ${date}: solo se puede marcar como realizada desde la víspera de esa fecha. Si ya ocurrió, corrige su fecha; si no, márcala cuando ocurra.`,
    {
      fields: [{ path: 'payload.plannedDate', message: `El ${date} es posterior a mañana.` }],
    },
  );
}
