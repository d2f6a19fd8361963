import { z } from 'zod';

// An intervention's own activity types (issue 15; docs/ACTIVITIES.md, "Types"): equipo MINEDU
// adds, renames and deactivates them per intervention (migration 0018, GET/POST/PATCH
// /interventions/{code}/activity-types). They are complementary: no target counts them. The
// request bodies are in own-types-body.ts: the web's answer schemas load this file alone.

export const ownActivityTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** A deactivated type refuses new activities; those recorded with it keep it. */
  active: z.boolean(),
});
export type OwnActivityType = z.infer<typeof ownActivityTypeSchema>;
export const ownActivityTypeListSchema = z.object({ items: z.array(ownActivityTypeSchema) });
