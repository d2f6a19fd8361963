import { z } from 'zod';
import { ACTIVITY_STATUSES } from './records.ts';

// GET /schools/{id}/activities (docs/ACTIVITIES.md, "Privacy"): the collective activities its
// teachers were invited to, as activity data — that each took place, when, its type and theme,
// how many of the school's teachers attended and, for those who may read the school's teachers
// (the director, the UGEL specialist), who. Never agreements, notes or reflections.

export const schoolActivitySchema = z.object({
  id: z.string(),
  /** A built-in type, or the intervention's own (then `typeName` is its name). */
  type: z.string(),
  typeName: z.string().nullable(),
  theme: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  /** The school's invited teachers and how many attended (present at least one day). */
  invited: z.number().int(),
  attended: z.number().int(),
  /** Who attended, by name; empty when the reader may not see the school's teachers. */
  attendees: z.array(
    z.object({ id: z.string(), displayName: z.string(), daysPresent: z.number().int() }),
  ),
});
export type SchoolActivity = z.infer<typeof schoolActivitySchema>;

export const schoolActivitiesSchema = z.object({
  schoolYear: z.number().int(),
  items: z.array(schoolActivitySchema),
});
export type SchoolActivities = z.infer<typeof schoolActivitiesSchema>;
