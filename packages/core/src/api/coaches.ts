import { z } from 'zod';
import {
  booleanQuery,
  COACH_KINDS,
  COACH_SPECIALTIES,
  enumQuery,
  idSchema,
  interventionCodeSchema,
  personRefSchema,
  schoolRefSchema,
} from './common.ts';
import { pageOf, pageQuerySchema } from './pagination.ts';

// Coaches (acompañantes of every kind) and caseloads: who coaches whom.

/** The configured caseload range (app_setting 'caseload_range'; one coach per 8–15 teachers). */
export const caseloadRangeSchema = z.object({
  min: z.number().int().min(0),
  max: z.number().int().min(1),
});
export type CaseloadRange = z.infer<typeof caseloadRangeSchema>;

export const DEFAULT_CASELOAD_RANGE: CaseloadRange = { min: 8, max: 15 };

/** The most teachers a coach should carry: their own limit if set, else the range's maximum. */
export function caseloadLimit(range: CaseloadRange, ownMax: number | null): number {
  return ownMax ?? range.max;
}

export const coachListQuerySchema = pageQuerySchema.extend({
  kind: enumQuery(COACH_KINDS).optional(),
  specialty: enumQuery(COACH_SPECIALTIES).optional(),
  ugel: idSchema.optional(),
  network: idSchema.optional(),
  school: idSchema.optional(),
  /** true: only coaches carrying more teachers than their limit. */
  aboveRange: booleanQuery.optional(),
});
export type CoachListQuery = z.infer<typeof coachListQuerySchema>;

export const coachItemSchema = z.object({
  id: z.string(),
  dni: z.string(),
  displayName: z.string(),
  kind: z.enum(COACH_KINDS),
  specialty: z.enum(COACH_SPECIALTIES).nullable(),
  /** Distinct teachers in the current caseload. */
  caseloadSize: z.number().int(),
  caseloadMax: z.number().int(),
  aboveRange: z.boolean(),
});
export type CoachItem = z.infer<typeof coachItemSchema>;
export const coachPageSchema = pageOf(coachItemSchema);

export const coachCaseloadEntrySchema = z.object({
  id: z.string(),
  /** Null when the asker sees this coach's work without the teacher's identity (formador). */
  teacher: personRefSchema.extend({ dni: z.string() }).nullable(),
  schools: z.array(schoolRefSchema),
  masked: z.boolean(),
  intervention: z.string(),
  specialty: z.string().nullable(),
  validFrom: z.string(),
});
export type CoachCaseloadEntry = z.infer<typeof coachCaseloadEntrySchema>;

export const coachDetailSchema = z.object({
  id: z.string(),
  dni: z.string(),
  givenNames: z.string(),
  paternalSurname: z.string(),
  maternalSurname: z.string().nullable(),
  displayName: z.string(),
  kind: z.enum(COACH_KINDS),
  specialty: z.enum(COACH_SPECIALTIES).nullable(),
  /** The coach's own limit, when set; otherwise the range applies. */
  maxCaseload: z.number().int().nullable(),
  range: caseloadRangeSchema,
  caseloadSize: z.number().int(),
  caseloadMax: z.number().int(),
  aboveRange: z.boolean(),
  schoolYear: z.number().int(),
  /** Current caseload rows the asker may see. */
  caseload: z.array(coachCaseloadEntrySchema),
  /** SPI network teams the coach belongs to, this year and before. */
  networkTeams: z.array(
    z.object({
      network: z.object({ id: z.string(), name: z.string() }),
      schoolYear: z.number().int(),
      specialty: z.string(),
    }),
  ),
});
export type CoachDetail = z.infer<typeof coachDetailSchema>;

export const CASELOAD_STATUSES = ['current', 'ended', 'all'] as const;
export type CaseloadStatus = (typeof CASELOAD_STATUSES)[number];

export const caseloadListQuerySchema = pageQuerySchema.extend({
  coach: idSchema.optional(),
  teacher: idSchema.optional(),
  school: idSchema.optional(),
  ugel: idSchema.optional(),
  intervention: interventionCodeSchema.optional(),
  status: enumQuery(CASELOAD_STATUSES).default('current'),
});
export type CaseloadListQuery = z.infer<typeof caseloadListQuerySchema>;

export const caseloadItemSchema = z.object({
  id: z.string(),
  coach: personRefSchema,
  /** Null when the asker may see the row only without the teacher's identity. */
  teacher: personRefSchema.extend({ dni: z.string() }).nullable(),
  schools: z.array(schoolRefSchema),
  masked: z.boolean(),
  intervention: z.string(),
  specialty: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  current: z.boolean(),
});
export type CaseloadItem = z.infer<typeof caseloadItemSchema>;
export const caseloadPageSchema = pageOf(caseloadItemSchema);
