import { z } from 'zod';
import { pageOf } from './pagination.ts';

// "Quién consultó mi información" (GET /me/audit): the reads of a teacher's record by anyone
// else, newest first, as audit_event keeps them (docs/PRIVACY.md, "Auditoría").

export const accessLogQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, { error: 'El cursor no es válido; vuelve a la primera página.' })
    .optional(),
  limit: z.coerce
    .number({ error: 'El límite debe ser un número.' })
    .int({ error: 'El límite debe ser un número entero.' })
    .min(1, { error: 'El límite debe ser al menos 1.' })
    .max(100, { error: 'El límite no puede ser mayor que 100.' })
    .default(20),
});
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;

export const accessEntrySchema = z.object({
  id: z.string(),
  /** When (ISO 8601). */
  at: z.string(),
  /** Who read (null if their person record no longer exists). */
  reader: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** The roles the reader held then (role codes; docs/PRIVACY.md). */
  roles: z.array(z.string()),
  /** What: the audited action (coaching.visit.read, coaching.visits.list,
   *  coaching.progress.read, coaching.day.read, sync.pull, activities.acta.read, …). */
  action: z.string(),
  /** For a list of visits: the whole content, or only dates and status (supervisors). */
  access: z.enum(['content', 'status']).nullable(),
  /** The visit read, for coaching.visit.read. */
  visitId: z.string().nullable(),
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;

export const accessLogPageSchema = pageOf(accessEntrySchema);
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;
