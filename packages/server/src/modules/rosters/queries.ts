// Shared by the roster modules and the demo seed.

/** Peru's school year is the calendar year (Lima time). */
export function currentSchoolYear(now = new Date()): number {
  return Number(now.toLocaleString('en-US', { timeZone: 'America/Lima', year: 'numeric' }));
}

/** Enrollment statuses of a school that is in the intervention now. */
export const RUNNING_STATUSES = ['activa', 'permanece'] as const;
