import { z } from 'zod';

// Contract of the account administration endpoints (issue 11: unlock; the account screens
// come with the accounts issue).

export const accountParamsSchema = z.object({
  personId: z.uuid({ error: 'Debe ser un identificador válido (UUID).' }),
});

export const accountUnlockSchema = z.object({
  personId: z.string(),
  dni: z.string(),
  /** A lock was in force (otherwise only failure counters were cleared). */
  wasLocked: z.boolean(),
});
export type AccountUnlock = z.infer<typeof accountUnlockSchema>;
