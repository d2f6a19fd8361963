// Shared by the roster modules and the demo seed. The school year is core's (time.ts).
export { currentSchoolYear } from '@acompana/core';

/** Enrollment statuses of a school that is in the intervention now. */
export const RUNNING_STATUSES = ['activa', 'permanece'] as const;
