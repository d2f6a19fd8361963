import { z } from 'zod';
import { activityRecord } from './records.ts';

// A UGEL specialist's UGEL-wide talleres and jornadas (docs/ACTIVITIES.md, "Organisers"):
// written online through /ugel-activities, stored as the same `activity` sync record (the
// specialist its organiser), so they reach coaches' and teachers' devices like any activity.

/** What the specialist's form sends: the activity without its organisers (the server sets
 *  them: the specialist on a create, the stored ones on an edit; organisedBy `ugel`) and the
 *  version it read. */
export const ugelActivityWriteSchema = z.object({
  baseVersion: z.number().int().min(0),
  activity: activityRecord.omit({ organiserIds: true, organisedBy: true }),
});
export type UgelActivityWrite = z.infer<typeof ugelActivityWriteSchema>;

/** The answer of a write: the activity's id and its version now. */
export const ugelActivitySavedSchema = z.object({ id: z.string(), version: z.number().int() });

export const ugelAttendeeSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  schoolName: z.string(),
  daysPresent: z.number().int(),
});

/** One of the specialist's activities: the whole record (they organise it) and its attendance
 *  as activity data — how many attended and who — never the teachers' reflections. */
export const ugelActivitySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  activity: activityRecord,
  invited: z.number().int(),
  attended: z.number().int(),
  attendees: z.array(ugelAttendeeSchema),
});
export type UgelActivity = z.infer<typeof ugelActivitySchema>;

export const ugelActivitiesSchema = z.object({
  schoolYear: z.number().int(),
  items: z.array(ugelActivitySchema),
});
export type UgelActivities = z.infer<typeof ugelActivitiesSchema>;

/** What the form picks from: the UGEL's schools, networks, coaches, interventions and the
 *  teachers holding a post there this year (with their current coaches). */
export const ugelActivityOptionsSchema = z.object({
  ugelId: z.string(),
  ugelName: z.string(),
  schoolYear: z.number().int(),
  interventions: z.array(z.string()),
  schools: z.array(
    z.object({ id: z.string(), name: z.string(), networkId: z.string().nullable() }),
  ),
  networks: z.array(z.object({ id: z.string(), name: z.string() })),
  coaches: z.array(z.object({ id: z.string(), displayName: z.string() })),
  teachers: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      schoolId: z.string(),
      coachIds: z.array(z.string()),
    }),
  ),
});
export type UgelActivityOptions = z.infer<typeof ugelActivityOptionsSchema>;
