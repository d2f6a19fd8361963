import { z } from 'zod';
import {
  booleanQuery,
  COACH_KINDS,
  COACH_SPECIALTIES,
  ENROLLMENT_STATUSES,
  enumQuery,
  idSchema,
  interventionCodeSchema,
  personRefSchema,
  SCHOOL_AREAS,
  SCHOOL_CHARACTERISTICS,
  SCHOOL_LEVELS,
  schoolRefSchema,
} from './common.ts';
import { pageQuerySchema, pageWithTotalOf } from './pagination.ts';

// Schools and teachers: list filters, list items and details.

export const schoolListQuerySchema = pageQuerySchema.extend({
  ugel: idSchema.optional(),
  network: idSchema.optional(),
  level: enumQuery(SCHOOL_LEVELS).optional(),
  characteristic: enumQuery(SCHOOL_CHARACTERISTICS).optional(),
  area: enumQuery(SCHOOL_AREAS).optional(),
  /** Schools with an enrollment in this intervention that is running (activa or permanece). */
  intervention: interventionCodeSchema.optional(),
  active: booleanQuery.optional(),
  /** true: the answer also says how many schools match in all (one more count). */
  total: booleanQuery.optional(),
});
export type SchoolListQuery = z.infer<typeof schoolListQuerySchema>;

export const schoolItemSchema = z.object({
  id: z.string(),
  codigoModular: z.string(),
  anexo: z.number().int(),
  name: z.string(),
  level: z.string(),
  ugelName: z.string(),
  networkName: z.string().nullable(),
  characteristic: z.string().nullable(),
  area: z.string().nullable(),
  active: z.boolean(),
  /** Codes of the interventions the school is in now (enrollment activa or permanece). */
  interventions: z.array(z.string()),
});
export type SchoolItem = z.infer<typeof schoolItemSchema>;
export const schoolPageSchema = pageWithTotalOf(schoolItemSchema);

export const enrollmentSummarySchema = z.object({
  id: z.string(),
  intervention: z.object({ code: z.string(), name: z.string() }),
  cohortStartYear: z.number().int(),
  /** 1, 2, 3 (or more when the school stays) while running; null once it left or before it starts. */
  programmeYear: z.number().int().nullable(),
  status: z.enum(ENROLLMENT_STATUSES),
  exitYear: z.number().int().nullable(),
});
export type EnrollmentSummary = z.infer<typeof enrollmentSummarySchema>;

export const schoolTeacherSchema = z.object({
  id: z.string(),
  dni: z.string(),
  displayName: z.string(),
  level: z.string().nullable(),
  grades: z.array(z.number().int()),
  subject: z.string().nullable(),
  actingDirector: z.boolean(),
  /** Current coaches the asker may see (empty: none, or not visible to them). */
  coaches: z.array(personRefSchema),
});
export type SchoolTeacher = z.infer<typeof schoolTeacherSchema>;

export const schoolCoachSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  kind: z.enum(COACH_KINDS),
  specialty: z.enum(COACH_SPECIALTIES).nullable(),
  /** Teachers of this school in the coach's current caseload; null when the asker may not
   *  know where the coach's caseload is (the formador: caseload data is masked for them). */
  teachersHere: z.number().int().nullable(),
  /** The coach is in the network team (SPI) that covers this school this year. */
  networkTeam: z.boolean(),
});
export type SchoolCoach = z.infer<typeof schoolCoachSchema>;

export const schoolDetailSchema = z.object({
  id: z.string(),
  codigoModular: z.string(),
  anexo: z.number().int(),
  codlocal: z.string().nullable(),
  name: z.string(),
  level: z.string(),
  characteristic: z.string().nullable(),
  area: z.string().nullable(),
  ubigeo: z.string().nullable(),
  management: z.string().nullable(),
  language: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  active: z.boolean(),
  studentCount: z.number().int().nullable(),
  teacherCount: z.number().int().nullable(),
  region: z.object({ id: z.string(), name: z.string() }),
  ugel: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  network: z.object({ id: z.string(), name: z.string() }).nullable(),
  schoolYear: z.number().int(),
  enrollments: z.array(enrollmentSummarySchema),
  /** Directors (role assignment) and teachers acting as director (encargatura) this year. */
  directors: z.array(personRefSchema.extend({ acting: z.boolean() })),
  /** This year's teachers; null when the asker's role may not see teachers. */
  teachers: z.array(schoolTeacherSchema).nullable(),
  /** Coaches working here now; null when the asker's role may not see coaches. */
  coaches: z.array(schoolCoachSchema).nullable(),
});
export type SchoolDetail = z.infer<typeof schoolDetailSchema>;

export const teacherListQuerySchema = pageQuerySchema.extend({
  ugel: idSchema.optional(),
  school: idSchema.optional(),
  network: idSchema.optional(),
  /** Teachers of schools enrolled (activa or permanece) in this intervention. */
  intervention: interventionCodeSchema.optional(),
  /** true: no current caseload row; false: at least one. */
  withoutCoach: booleanQuery.optional(),
  /** true: the answer also says how many teachers match in all (one more count). */
  total: booleanQuery.optional(),
});
export type TeacherListQuery = z.infer<typeof teacherListQuerySchema>;

export const teacherItemSchema = z.object({
  id: z.string(),
  dni: z.string(),
  displayName: z.string(),
  schools: z.array(z.object({ id: z.string(), name: z.string(), codigoModular: z.string() })),
  /** Current coaches the asker may see. */
  coaches: z.array(personRefSchema),
});
export type TeacherItem = z.infer<typeof teacherItemSchema>;
export const teacherPageSchema = pageWithTotalOf(teacherItemSchema);

export const teacherPostSchema = z.object({
  schoolYear: z.number().int(),
  school: schoolRefSchema,
  level: z.string().nullable(),
  grades: z.array(z.number().int()),
  subject: z.string().nullable(),
  actingDirector: z.boolean(),
});
export type TeacherPost = z.infer<typeof teacherPostSchema>;

export const caseloadPeriodSchema = z.object({
  id: z.string(),
  coach: personRefSchema,
  intervention: z.string(),
  specialty: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  current: z.boolean(),
});
export type CaseloadPeriod = z.infer<typeof caseloadPeriodSchema>;

export const coachChangeSchema = z.object({
  intervention: z.string(),
  specialty: z.string().nullable(),
  /** First day with the new coach. */
  date: z.string(),
  from: personRefSchema,
  to: personRefSchema,
});
export type CoachChange = z.infer<typeof coachChangeSchema>;

export const teacherDetailSchema = z.object({
  id: z.string(),
  dni: z.string(),
  givenNames: z.string(),
  paternalSurname: z.string(),
  maternalSurname: z.string().nullable(),
  displayName: z.string(),
  /** Posts by school year, newest first (including encargatura of the direction). */
  posts: z.array(teacherPostSchema),
  /** Caseload rows the asker may see, newest first; `current` marks today's coaches. */
  caseloads: z.array(caseloadPeriodSchema),
  /** Changes of coach within an intervention, newest first (continuity is part of trust). */
  coachChanges: z.array(coachChangeSchema),
});
export type TeacherDetail = z.infer<typeof teacherDetailSchema>;

/**
 * Changes of coach in a teacher's caseload history: within one intervention and specialty
 * (an SPI teacher has several ASPI at once, one per specialty), ordered by start date, a row
 * whose coach differs from the previous row's, once that previous row has ended. Rows of the
 * same coach are continuity, not a change. Newest first.
 */
export function coachChanges(rows: readonly CaseloadPeriod[]): CoachChange[] {
  const groups = new Map<string, CaseloadPeriod[]>();
  for (const row of rows) {
    const key = `${row.intervention}\u0000${row.specialty ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const out: CoachChange[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort(
      (a, b) => a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id),
    );
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const next = sorted[i];
      if (!prev || !next || prev.coach.id === next.coach.id || prev.validTo === null) continue;
      out.push({
        intervention: next.intervention,
        specialty: next.specialty,
        date: next.validFrom,
        from: prev.coach,
        to: next.coach,
      });
    }
  }
  return out.sort((a, b) => b.date.localeCompare(a.date));
}
