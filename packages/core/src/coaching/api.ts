import { z } from 'zod';
import {
  CANCEL_REASONS,
  COMMITMENT_OWNERS,
  COMMITMENT_STATUSES,
  RESPONSE_STATUSES,
  VISIT_KINDS,
  VISIT_STATUSES,
} from '../sync/entities.ts';
import { dialogueSchema, MODELLING_KINDS, REFLECTION_LEVELS } from './records.ts';

// Read contracts of the coaching cycle (issue 5): a teacher's visits, one whole visit, the
// teacher's progress and the coach's day. Writes travel through sync (../sync/entities.ts).

const id = z.uuid();
const date = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

/** What a supervisor may know of a visit: that it took place, when, and its status. */
export const visitStatusItemSchema = z.object({
  plannedDate: date,
  status: z.enum(VISIT_STATUSES),
});

/** A visit in the teacher's list, for the teacher and their current coach: with a summary. */
export const visitListItemSchema = visitStatusItemSchema.extend({
  id,
  kind: z.enum(VISIT_KINDS),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  goals: z.array(z.string()),
  focus: z.array(z.string()),
  reflectionLevel: z.enum(REFLECTION_LEVELS).nullable(),
  commitments: z.number().int(),
  completeResponses: z.number().int(),
  hasTeacherReflection: z.boolean(),
});

export const teacherVisitsSchema = z.discriminatedUnion('access', [
  z.object({
    teacherId: id,
    access: z.literal('content'),
    visits: z.array(visitListItemSchema),
  }),
  z.object({
    teacherId: id,
    /** Director, especialista, MINEDU in scope: date and status only (docs/PRIVACY.md). */
    access: z.literal('status'),
    visits: z.array(visitStatusItemSchema),
  }),
]);
export type TeacherVisits = z.infer<typeof teacherVisitsSchema>;

export const visitCommitmentSchema = z.object({
  id,
  visitId: id,
  owner: z.enum(COMMITMENT_OWNERS),
  desempeno: z.string().nullable(),
  text: z.string(),
  dueDate: date.nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  followUpNote: z.string().nullable(),
});

export const visitDetailSchema = z.object({
  id,
  teacherId: id,
  schoolId: id,
  interventionCode: z.string(),
  kind: z.enum(VISIT_KINDS),
  status: z.enum(VISIT_STATUSES),
  plannedDate: date,
  startedAt: dateTime.nullable(),
  endedAt: dateTime.nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  cancelNote: z.string().nullable(),
  goals: z.array(z.string()),
  focus: z.array(z.string()),
  teacherConfirmedAt: dateTime.nullable(),
  dialogue: dialogueSchema.nullable(),
  version: z.number().int(),
  commitments: z.array(visitCommitmentSchema),
  /** Commitments of the previous visit, which this visit opens by following up. */
  followUps: z.array(visitCommitmentSchema),
  reflections: z.array(z.object({ id, text: z.string(), updatedAt: dateTime })),
  responses: z.array(
    z.object({
      id,
      /** The exact published version the answers follow. */
      instrumentVersionId: id,
      instrumentCode: z.string(),
      instrumentType: z.string(),
      version: z.number().int(),
      status: z.enum(RESPONSE_STATUSES),
      answers: z.record(z.string(), z.unknown()),
    }),
  ),
  modelling: z.array(
    z.object({
      id,
      kind: z.enum(MODELLING_KINDS),
      date,
      desempeno: z.string().nullable(),
      notes: z.string(),
    }),
  ),
});
export type VisitDetail = z.infer<typeof visitDetailSchema>;

const stageReasonSchema = z.object({ code: z.string() }).catchall(z.unknown());

export const teacherProgressSchema = z.object({
  teacherId: id,
  /** Levels per desempeño over time, from complete rubric responses (oldest first). */
  desempenos: z.array(
    z.object({
      code: z.string(),
      points: z.array(z.object({ date, visitId: id.nullable(), level: z.number().int() })),
    }),
  ),
  stages: z.array(
    z.object({
      id,
      stage: z.string(),
      suggested: z.string().nullable(),
      note: z.string(),
      decidedAt: dateTime,
    }),
  ),
  suggestion: z.object({
    stage: z.object({ code: z.string(), coachRole: z.string() }).nullable(),
    reasons: z.array(stageReasonSchema),
  }),
});
export type TeacherProgress = z.infer<typeof teacherProgressSchema>;

const dayVisitSchema = z.object({
  id,
  teacherId: id,
  teacherName: z.string(),
  schoolName: z.string(),
  plannedDate: date,
  kind: z.enum(VISIT_KINDS),
});

export const coachDaySchema = z.object({
  date,
  today: z.array(dayVisitSchema),
  overdue: z.array(dayVisitSchema),
  commitmentsDue: z.array(visitCommitmentSchema.extend({ teacherId: id, teacherName: z.string() })),
  belowMinimum: z.array(
    z.object({
      teacherId: id,
      teacherName: z.string(),
      doneThisMonth: z.number().int(),
      minimumPerMonth: z.number().int(),
    }),
  ),
  counts: z.object({
    teachers: z.number().int(),
    today: z.number().int(),
    overdue: z.number().int(),
    commitmentsDue: z.number().int(),
    belowMinimum: z.number().int(),
    doneThisMonth: z.number().int(),
  }),
});
export type CoachDay = z.infer<typeof coachDaySchema>;
