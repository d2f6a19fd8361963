import { z } from 'zod';
import { ownActivityTypeSchema } from '../activities/own-types.ts';
import {
  ACTIVITY_KINDS,
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
  enumQuery,
  idSchema,
  interventionCodeSchema,
  schoolRefSchema,
  schoolYearSchema,
  TARGET_LEVELS,
  type TargetLevel,
} from './common.ts';
import { pageOf, pageQuerySchema } from './pagination.ts';

// The programme catalogue: interventions, their targets (metas físicas) per school year, and
// the enrollment of schools. Targets are data, versioned by school year: editing one year
// never rewrites another, and past years are history.

const stageLadderView = z.object({
  stages: z.array(
    z.object({
      code: z.string(),
      name: z.string().optional(),
      coachRole: z.string(),
      coachRoleName: z.string().optional(),
      minMean: z.number(),
      minShareSatisfactory: z.number(),
      minLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    }),
  ),
  window: z.number().int(),
  minObservations: z.number().int(),
});

export const interventionSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  worksWithDirectors: z.boolean(),
  worksWithFamilies: z.boolean(),
  /** School years that have target rules, ascending. */
  years: z.array(z.number().int()),
  /** The progress-stage ladder in use: the intervention's own, or the default (as the server
   *  checked it with coaching/ladder.ts; described here without the checks, for the reader). */
  stageLadder: stageLadderView,
  /** True when equipo MINEDU configured this intervention's ladder. */
  customLadder: z.boolean(),
  /** Its own activity types, beside the built-in ones (active and deactivated, by name). */
  activityTypes: z.array(ownActivityTypeSchema),
});
export type Intervention = z.infer<typeof interventionSchema>;
export const interventionListSchema = z.object({ items: z.array(interventionSchema) });

export const interventionParamsSchema = z.object({ code: interventionCodeSchema });

export const targetYearQuerySchema = z.object({ year: schoolYearSchema.optional() });
export const targetYearRequiredSchema = z.object({ year: schoolYearSchema });

/** Grades each level can have (inicial by age 0–5, primaria 1–6, secundaria 1–5). */
export const GRADE_BOUNDS: Record<TargetLevel, { min: number; max: number }> = {
  inicial: { min: 0, max: 5 },
  primaria: { min: 1, max: 6 },
  secundaria: { min: 1, max: 5 },
};

const count = (what: string) =>
  z
    .number({ error: `${what} debe ser un número.` })
    .int({ error: `${what} debe ser un número entero.` })
    .min(0, { error: `${what} debe ser 0 o más.` })
    .max(400, { error: `${what} no puede pasar de 400.` });

const grade = (what: string) =>
  z
    .number({ error: `${what} debe ser un número.` })
    .int({ error: `${what} debe ser un número entero.` })
    .min(0, { error: `${what} debe ser 0 o más.` })
    .max(6, { error: `${what} no puede pasar de 6.` });

/** A target rule as stored and returned. */
export const targetRuleViewSchema = z.object({
  level: z.enum(TARGET_LEVELS),
  gradeFrom: z.number().int(),
  gradeTo: z.number().int(),
  activityKind: z.enum(ACTIVITY_KINDS),
  perYear: z.number().int(),
  minPerMonth: z.number().int(),
  note: z.string(),
});
export type TargetRuleView = z.infer<typeof targetRuleViewSchema>;

/** A target rule as written by equipo MINEDU (validated, Spanish messages). */
export const targetRuleSchema = z
  .object({
    level: z.enum(TARGET_LEVELS, { error: 'El nivel debe ser inicial, primaria o secundaria.' }),
    gradeFrom: grade('El grado inicial'),
    gradeTo: grade('El grado final'),
    activityKind: z.enum(ACTIVITY_KINDS, {
      error: `La actividad no es válida. Usa: ${ACTIVITY_KINDS.join(', ')}.`,
    }),
    perYear: count('La meta por año'),
    minPerMonth: count('El mínimo por mes'),
    note: z
      .string({ error: 'La nota debe ser texto.' })
      .trim()
      .max(500, { error: 'La nota no puede pasar de 500 caracteres.' })
      .default(''),
  })
  .superRefine((rule, ctx) => {
    const bounds = GRADE_BOUNDS[rule.level];
    if (rule.gradeFrom < bounds.min || rule.gradeFrom > bounds.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['gradeFrom'],
        message: `En ${rule.level} los grados van de ${bounds.min} a ${bounds.max}.`,
      });
    }
    if (rule.gradeTo < bounds.min || rule.gradeTo > bounds.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['gradeTo'],
        message: `En ${rule.level} los grados van de ${bounds.min} a ${bounds.max}.`,
      });
    }
    if (rule.gradeTo < rule.gradeFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['gradeTo'],
        message: 'El grado final no puede ser menor que el grado inicial.',
      });
    }
    if (rule.minPerMonth > rule.perYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['minPerMonth'],
        message: 'El mínimo por mes no puede ser mayor que la meta del año.',
      });
    }
  });
export type TargetRule = z.infer<typeof targetRuleSchema>;

/** Two rules of one level and activity must not cover the same grade. */
export const targetRulesSchema = z
  .array(targetRuleSchema, { error: 'Las metas deben ser una lista.' })
  .max(200, { error: 'No se pueden guardar más de 200 metas por año.' })
  .superRefine((rules, ctx) => {
    rules.forEach((rule, i) => {
      const clash = rules.findIndex(
        (other, j) =>
          j < i &&
          other.level === rule.level &&
          other.activityKind === rule.activityKind &&
          other.gradeFrom <= rule.gradeTo &&
          rule.gradeFrom <= other.gradeTo,
      );
      if (clash >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'gradeFrom'],
          message: `Se cruza con la fila ${clash + 1}: misma actividad y nivel para los mismos grados.`,
        });
      }
    });
  });

export const targetsPutBodySchema = z.object({ rules: targetRulesSchema });
export type TargetsPutBody = z.infer<typeof targetsPutBodySchema>;

export const targetsCopyBodySchema = z
  .object({ fromYear: schoolYearSchema, toYear: schoolYearSchema })
  .refine((body) => body.fromYear !== body.toYear, {
    path: ['toYear'],
    message: 'El año de destino debe ser distinto del año de origen.',
  });
export type TargetsCopyBody = z.infer<typeof targetsCopyBodySchema>;

export const targetsSchema = z.object({
  intervention: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  /** The current school year: years before it are history and cannot change. */
  currentYear: z.number().int(),
  /** The asker may edit this year (equipo MINEDU and not a past year). */
  editable: z.boolean(),
  rules: z.array(targetRuleViewSchema),
});
export type Targets = z.infer<typeof targetsSchema>;

/**
 * The year of the intervention a school is living: 1, 2, 3 (more only when it stays,
 * "permanece"). Null when it has left (egresada, retirada) or its cohort starts later.
 */
export function programmeYear(
  cohortStartYear: number,
  schoolYear: number,
  status: EnrollmentStatus,
): number | null {
  if (status === 'egresada' || status === 'retirada') return null;
  const year = schoolYear - cohortStartYear + 1;
  return year >= 1 ? year : null;
}

/** Interventions last three years; then the school exits or, exceptionally, stays. */
export const PROGRAMME_YEARS = 3;

export const enrollmentListQuerySchema = pageQuerySchema.extend({
  intervention: interventionCodeSchema.optional(),
  cohortYear: schoolYearSchema.optional(),
  status: enumQuery(ENROLLMENT_STATUSES).optional(),
  ugel: idSchema.optional(),
  school: idSchema.optional(),
});
export type EnrollmentListQuery = z.infer<typeof enrollmentListQuerySchema>;

export const enrollmentItemSchema = z.object({
  id: z.string(),
  school: schoolRefSchema,
  intervention: z.object({ code: z.string(), name: z.string() }),
  cohortStartYear: z.number().int(),
  programmeYear: z.number().int().nullable(),
  status: z.enum(ENROLLMENT_STATUSES),
  exitYear: z.number().int().nullable(),
  /** The three exit criteria (docs/DOMAIN.md §1), once decided. */
  exitCriteria: z.object({
    teacherProgress: z.boolean().nullable(),
    directorLeadership: z.boolean().nullable(),
    collaborativeWork: z.boolean().nullable(),
  }),
  exitNote: z.string().nullable(),
});
export type EnrollmentItem = z.infer<typeof enrollmentItemSchema>;
export const enrollmentPageSchema = pageOf(enrollmentItemSchema);
