import { z } from 'zod';
import {
  activityAttendanceRecord,
  activityRecord,
  activityReflectionRecord,
} from '../activities/records.ts';
import {
  coachingPlanRecord,
  diagnosisRecord,
  dialogueSchema,
  modellingRecord,
  stageRecord,
} from '../coaching/records.ts';

// The field records a device creates and edits offline, as they travel in sync mutations and
// pulls. Each kind lists which fields the coach and the teacher may write (field ownership,
// docs/SYNC.md): most conflicts cannot happen because two people never own the same field.
// The coaching-cycle issue extends these kinds (dialogue, modelling, plans) by adding fields
// and kinds here and columns in a migration; the sync engine is generic over this registry.

const id = z.uuid({ error: 'Debe ser un identificador válido (UUID).' });
const date = z.iso.date({ error: 'Debe ser una fecha AAAA-MM-DD.' });
const dateTime = z.iso.datetime({ offset: true, error: 'Debe ser una fecha y hora ISO 8601.' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Debe tener como máximo ${max} caracteres.` });

export const VISIT_KINDS = ['diagnostic', 'regular'] as const;
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const CANCEL_REASONS = [
  'teacher_absent',
  'school_closed',
  'strike',
  'weather',
  'coach_unavailable',
  'other',
] as const;
export const COMMITMENT_OWNERS = ['teacher', 'coach'] as const;
export const COMMITMENT_STATUSES = ['pending', 'cumplido', 'en_proceso', 'no_cumplido'] as const;

/** A classroom visit: who, where, when, its state and what was agreed before the lesson. */
export const visitRecord = z.object({
  teacherId: id,
  schoolId: id,
  interventionCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/),
  kind: z.enum(VISIT_KINDS),
  status: z.enum(VISIT_STATUSES),
  plannedDate: date,
  startedAt: dateTime.nullable(),
  endedAt: dateTime.nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  cancelNote: text(500).nullable(),
  /** Goals of the lesson and what will be recorded, agreed with the teacher before it. */
  goals: z.array(text(300).min(1)).max(10),
  /** Desempeño codes in focus for this visit. */
  focus: z.array(z.string().min(1).max(20)).max(10),
  /** The teacher confirms the agreed goals (teacher-owned). */
  teacherConfirmedAt: dateTime.nullable(),
  /** The reflective dialogue after the lesson (coach-owned; null until it happens). Optional in
   *  the payload so devices built before the coaching cycle still sync. */
  dialogue: dialogueSchema.nullable().default(null),
});
export type VisitRecord = z.infer<typeof visitRecord>;

/** A commitment agreed in the reflective dialogue, and its follow-up at a later visit. */
export const commitmentRecord = z.object({
  visitId: id,
  teacherId: id,
  owner: z.enum(COMMITMENT_OWNERS),
  desempeno: z.string().min(1).max(20).nullable(),
  text: text(1000).min(1, { error: 'Escribe el compromiso.' }),
  dueDate: date.nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  followUpNote: text(1000).nullable(),
});
export type CommitmentRecord = z.infer<typeof commitmentRecord>;

/** The teacher's own reflection after a visit (teacher-owned, read by their coach). */
export const reflectionRecord = z.object({
  visitId: id,
  teacherId: id,
  text: text(4000).min(1, { error: 'Escribe tu reflexión.' }),
});
export type ReflectionRecord = z.infer<typeof reflectionRecord>;

export const RESPONSE_STATUSES = ['draft', 'complete'] as const;

/** A filled instrument (rubric, checklist, field notebook) of one visit. `answers` follows the
 *  instrument's response schema (packages/core/src/instruments); the server checks them
 *  against the exact published version named here, which the record keeps for ever. */
export const instrumentResponseRecord = z.object({
  visitId: id.nullable(),
  teacherId: id,
  instrumentVersionId: id,
  status: z.enum(RESPONSE_STATUSES),
  answers: z.record(z.string(), z.unknown()),
});
export type InstrumentResponseRecord = z.infer<typeof instrumentResponseRecord>;

export interface EntityDefinition<S extends z.ZodObject = z.ZodObject> {
  schema: S;
  /** Fields the teacher's current coach may write. */
  coachFields: readonly (keyof z.infer<S> & string)[];
  /** Fields the teacher the record is about may write. */
  teacherFields: readonly (keyof z.infer<S> & string)[];
  /** Who may create the record. */
  creators: readonly ('coach' | 'teacher')[];
}

const VISIT_COACH_FIELDS = [
  'teacherId',
  'schoolId',
  'interventionCode',
  'kind',
  'status',
  'plannedDate',
  'startedAt',
  'endedAt',
  'cancelReason',
  'cancelNote',
  'goals',
  'focus',
  'dialogue',
] as const;

export const ENTITIES = {
  visit: {
    schema: visitRecord,
    coachFields: VISIT_COACH_FIELDS,
    teacherFields: ['teacherConfirmedAt'],
    creators: ['coach'],
  },
  commitment: {
    schema: commitmentRecord,
    coachFields: [
      'visitId',
      'teacherId',
      'owner',
      'desempeno',
      'text',
      'dueDate',
      'status',
      'followUpNote',
    ],
    // Both follow a commitment up: the teacher between visits, the coach at the next one.
    teacherFields: ['status', 'followUpNote'],
    creators: ['coach'],
  },
  reflection: {
    schema: reflectionRecord,
    coachFields: [],
    teacherFields: ['visitId', 'teacherId', 'text'],
    creators: ['teacher'],
  },
  instrument_response: {
    schema: instrumentResponseRecord,
    coachFields: ['visitId', 'teacherId', 'instrumentVersionId', 'status', 'answers'],
    teacherFields: [],
    creators: ['coach'],
  },
  // The coaching-cycle records (coaching/records.ts) are the coach's professional work about the
  // teacher: only the coach writes them, the teacher reads them (docs/PRIVACY.md: "nothing about me
  // without me"). The teacher's voice lives in their own kinds (reflection, commitment follow-up,
  // goal confirmation), so no field here is shared and none can conflict across people.
  diagnosis: {
    schema: diagnosisRecord,
    coachFields: [
      'teacherId',
      'schoolId',
      'schoolYear',
      'visitId',
      'practiceStrengths',
      'practiceWeaknesses',
      'managementStrengths',
      'managementWeaknesses',
      'learningBaseline',
    ],
    teacherFields: [],
    creators: ['coach'],
  },
  coaching_plan: {
    schema: coachingPlanRecord,
    coachFields: [
      'teacherId',
      'schoolId',
      'schoolYear',
      'interventionCode',
      'focus',
      'strategies',
      'plannedModelling',
      'targetStage',
      'fromMonth',
      'toMonth',
      'visitDates',
      'skippedMonths',
    ],
    teacherFields: [],
    creators: ['coach'],
  },
  modelling: {
    schema: modellingRecord,
    coachFields: ['teacherId', 'schoolId', 'visitId', 'kind', 'date', 'desempeno', 'notes'],
    teacherFields: [],
    creators: ['coach'],
  },
  stage_record: {
    schema: stageRecord,
    coachFields: [
      'teacherId',
      'schoolId',
      'interventionCode',
      'suggested',
      'stage',
      'note',
      'decidedAt',
    ],
    teacherFields: [],
    creators: ['coach'],
  },
  // Collective activities (docs/ACTIVITIES.md). `activity` is the organisers' record: it has
  // no teacher, and its writers are its organisers (policy `activity_record`, checked in
  // sync/apply.ts), listed as coach fields. Attendance is one record per activity × teacher,
  // written by the teacher's current coach; the reflection is the teacher's own.
  activity: {
    schema: activityRecord,
    coachFields: [
      'organiserIds',
      'interventionCode',
      'type',
      'scope',
      'schoolId',
      'place',
      'startDate',
      'endDate',
      'startTime',
      'endTime',
      'theme',
      'desempenos',
      'agenda',
      'topics',
      'agreements',
      'notes',
      'inviteeIds',
      'familyCounts',
      'status',
      'organisedBy',
    ],
    teacherFields: [],
    creators: ['coach'],
  },
  activity_attendance: {
    schema: activityAttendanceRecord,
    coachFields: ['activityId', 'teacherId', 'days', 'hours', 'arrivedAt'],
    teacherFields: [],
    creators: ['coach'],
  },
  activity_reflection: {
    schema: activityReflectionRecord,
    coachFields: [],
    teacherFields: ['activityId', 'teacherId', 'text'],
    creators: ['teacher'],
  },
} as const satisfies Record<string, EntityDefinition>;

export type EntityKind = keyof typeof ENTITIES;
export const ENTITY_KINDS = Object.keys(ENTITIES) as EntityKind[];
export type EntityRecord<K extends EntityKind> = z.infer<(typeof ENTITIES)[K]['schema']>;
