import { z } from 'zod';
import { caseloadRangeSchema } from './coaches.ts';
import { personRefSchema } from './common.ts';

// Roster warnings for supervisors: teachers of enrolled schools without a coach, coaches
// above the caseload range, and recent changes of coach (continuity is part of trust).

export const warningsQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'El límite debe ser un número.' })
    .int({ error: 'El límite debe ser un número entero.' })
    .min(1, { error: 'El límite debe ser al menos 1.' })
    .max(200, { error: 'El límite no puede ser mayor que 200.' })
    .default(20),
  /** Changes of coach from this date on (default: 1 January of the previous school year). */
  since: z.iso.date({ error: 'La fecha debe tener el formato AAAA-MM-DD.' }).optional(),
});
export type WarningsQuery = z.infer<typeof warningsQuerySchema>;

const section = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    /** How many there are in the asker's scope (items holds at most `limit` of them). */
    count: z.number().int(),
    items: z.array(item),
  });

export const warningsSchema = z.object({
  schoolYear: z.number().int(),
  range: caseloadRangeSchema,
  since: z.string(),
  withoutCoach: section(
    z.object({
      teacher: personRefSchema.extend({ dni: z.string() }),
      schools: z.array(z.object({ id: z.string(), name: z.string() })),
      interventions: z.array(z.string()),
    }),
  ),
  aboveRange: section(
    z.object({
      coach: personRefSchema,
      kind: z.string(),
      caseloadSize: z.number().int(),
      caseloadMax: z.number().int(),
    }),
  ),
  coachChanges: section(
    z.object({
      id: z.string(),
      teacher: personRefSchema,
      intervention: z.string(),
      specialty: z.string().nullable(),
      date: z.string(),
      from: personRefSchema,
      to: personRefSchema,
      /** Why the coach changed, as recorded (null for changes from before migration 0016). */
      reason: z.string().nullable(),
    }),
  ),
});
export type Warnings = z.infer<typeof warningsSchema>;
