import { z } from 'zod';
import { COACH_SPECIALTIES, idSchema, interventionCodeSchema, schoolYearSchema } from './common.ts';

// Caseload administration (issue 14): assign teachers to a coach for an intervention and school
// year, end an assignment (history kept), move a teacher to another coach with a reason.

const date = z.iso.date({ error: 'La fecha debe tener el formato AAAA-MM-DD.' });
/** Optional in the contract so that a missing reason gets its own code (CASELOAD_REASON_REQUIRED). */
const reason = z
  .string()
  .trim()
  .max(500, { error: 'El motivo puede tener hasta 500 caracteres.' })
  .optional();

export const caseloadAssignSchema = z
  .object({
    coachId: idSchema,
    intervention: interventionCodeSchema,
    specialty: z.enum(COACH_SPECIALTIES).nullable().optional(),
    /** Defaults to the current school year. */
    schoolYear: schoolYearSchema.optional(),
    /** Defaults to today (Lima) in the current year, 1 January in a later one. */
    validFrom: date.optional(),
    /** One teacher or a bulk selection… */
    teacherIds: z.array(idSchema).max(500, { error: 'Hasta 500 docentes a la vez.' }).optional(),
    /** …or every teacher with a post in this school that year. */
    schoolId: idSchema.optional(),
    /** Required when a teacher had another coach in the intervention (this year or last). */
    reason,
  })
  .refine((b) => (b.teacherIds?.length ?? 0) > 0 || b.schoolId !== undefined, {
    error: 'Elige al menos un docente o una institución educativa.',
    path: ['teacherIds'],
  });
export type CaseloadAssign = z.infer<typeof caseloadAssignSchema>;

export const caseloadEndSchema = z.object({
  /** Last day of the assignment; defaults to today (Lima). */
  validTo: date.optional(),
  reason,
});
export type CaseloadEnd = z.infer<typeof caseloadEndSchema>;

export const caseloadMoveSchema = z.object({
  coachId: idSchema,
  /** First day with the new coach; defaults to today (Lima). The old row ends the day before. */
  date: date.optional(),
  reason,
});
export type CaseloadMove = z.infer<typeof caseloadMoveSchema>;

export const caseloadParamsSchema = z.object({ caseloadId: idSchema });

export const caseloadRowSchema = z.object({
  id: z.string(),
  coachId: z.string(),
  teacherId: z.string(),
  intervention: z.string(),
  specialty: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reason: z.string().nullable(),
});
export type CaseloadRow = z.infer<typeof caseloadRowSchema>;

export const caseloadWriteResultSchema = z.object({
  /** Rows created (assign, move). */
  created: z.array(caseloadRowSchema),
  /** Rows ended (end, move). */
  ended: z.array(caseloadRowSchema),
});
export type CaseloadWriteResult = z.infer<typeof caseloadWriteResultSchema>;

// Opening the next school year and deciding its proposed caseloads.

export const yearParamsSchema = z.object({ year: schoolYearSchema });

export const yearOpeningSchema = z.object({
  schoolYear: z.number().int(),
  /** Interventions whose targets were copied (those that had none for the new year). */
  targetsCopied: z.array(z.string()),
  /** New proposals (opening again proposes only what is missing). */
  proposed: z.number().int(),
});
export type YearOpeningResult = z.infer<typeof yearOpeningSchema>;

export const proposalQuerySchema = z.object({ year: schoolYearSchema.optional() });

export const proposalListSchema = z.object({
  schoolYear: z.number().int(),
  opened: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      teacher: z.object({ id: z.string(), displayName: z.string() }),
      coach: z.object({ id: z.string(), displayName: z.string() }),
      intervention: z.string(),
      specialty: z.string().nullable(),
    }),
  ),
});
export type ProposalList = z.infer<typeof proposalListSchema>;

export const proposalDecisionSchema = z.object({
  ids: z
    .array(idSchema)
    .min(1, { error: 'Elige al menos una propuesta.' })
    .max(1000, { error: 'Hasta 1000 propuestas a la vez.' }),
  decision: z.enum(['confirm', 'discard'], { error: 'Usa «confirm» o «discard».' }),
});

export const proposalDecisionResultSchema = z.object({
  confirmed: z.number().int(),
  discarded: z.number().int(),
  created: z.number().int(),
  ended: z.number().int(),
});
