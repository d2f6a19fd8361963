import { z } from 'zod';

// Collective activities (issue 15; docs/ACTIVITIES.md): GIA/RIA, talleres, meetings with
// families and community, and the complementary activities of an intervention. They are field
// records synced like visits, split so that sync scope, field ownership and privacy still hold
// although an activity has several organisers and many teachers:
// - `activity`: the organisers' record (type, place, dates, theme, agenda, agreements, notes,
//   who is invited). Written only by its organising coaches.
// - `activity_attendance`: one per activity × invited teacher (that teacher's days and hours),
//   anchored on the teacher like a visit: two coaches marking different teachers never write
//   the same record, so nothing can conflict.
// - `activity_reflection`: the teacher's own reflection or commitment (teacher-owned).

const id = z.uuid({ error: 'Debe ser un identificador válido (UUID).' });
const date = z.iso.date({ error: 'Debe ser una fecha AAAA-MM-DD.' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Debe ser una hora HH:MM.' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Debe tener como máximo ${max} caracteres.` });

/** Activity types. Those with a catalogue kind (TARGET_KIND_OF_TYPE) exist for an intervention
 *  only if its catalogue has a target rule for that kind; the complementary ones (pasantía,
 *  visita entre pares, jornada pedagógica, otra) any intervention may add. */
export const ACTIVITY_TYPES = [
  'gia',
  'ria',
  'taller',
  'reunion_familias',
  'pasantia',
  'visita_pares',
  'jornada',
  'otra',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** An activity's type: a built-in one, or an intervention's own (migration 0018), which equipo
 *  MINEDU adds with a lowercase code; those count toward no target. */
export const ACTIVITY_TYPE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
export const activityTypeCodeSchema = z.string().regex(ACTIVITY_TYPE_CODE, {
  error: 'Debe ser un código de tipo de actividad: minúsculas, números y «_» (2 a 40).',
});

export const isBuiltinActivityType = (type: string): type is ActivityType =>
  (ACTIVITY_TYPES as readonly string[]).includes(type);

/** A GIA works with the teachers of one school (institucional) or of several (interinstitucional). */
export const ACTIVITY_SCOPES = ['institucional', 'interinstitucional'] as const;
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const ACTIVITY_ORGANISED_BY = ['coaches', 'ugel'] as const;
export const ATTENDANCE_MARKS = ['present', 'absent', 'justified'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

const count = z
  .number()
  .int({ error: 'Debe ser un número entero.' })
  .min(0, { error: 'Debe ser 0 o más.' })
  .max(1000, { error: 'No puede pasar de 1000.' });

/** A meeting with families and community records counts only: no personal data of families. */
export const familyCountsSchema = z.object({
  mothers: count,
  fathers: count,
  relatives: count,
  community: count,
});
export type FamilyCounts = z.infer<typeof familyCountsSchema>;

export const agendaMomentSchema = z.object({
  moment: text(100).min(1, { error: 'Escribe el momento.' }),
  description: text(500),
});

/** The organisers' record of one activity. */
export const activityRecord = z.object({
  /** Coaches (or the UGEL specialist's coaches) who organise it; they alone write it. */
  organiserIds: z.array(id).min(1, { error: 'Indica al menos un organizador.' }).max(6),
  interventionCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/),
  /** A built-in type, or an active own type of the intervention (activityRefusal checks it). */
  type: activityTypeCodeSchema,
  /** GIA/RIA only: institucional or interinstitucional. */
  scope: z.enum(ACTIVITY_SCOPES).nullable(),
  /** The school where it takes place (the venue; for a network or UGEL activity, the host). */
  schoolId: id,
  place: text(200).nullable(),
  startDate: date,
  /** Same as startDate for a one-day activity; a taller spans several days. */
  endDate: date,
  startTime: time.nullable(),
  endTime: time.nullable(),
  theme: text(300).min(1, { error: 'Escribe el tema.' }),
  /** Desempeño codes it works on. */
  desempenos: z.array(z.string().min(1).max(20)).max(10),
  agenda: z.array(agendaMomentSchema).max(12),
  /** Topics drawn from what the visits found. */
  topics: z.array(text(300).min(1)).max(10),
  agreements: z.array(text(500).min(1)).max(20),
  notes: text(4000).nullable(),
  /** The invited teachers (each gets an activity_attendance record). */
  inviteeIds: z.array(id).max(80),
  familyCounts: familyCountsSchema.nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  /** `ugel`: a UGEL specialist's UGEL-wide taller (written by /ugel-activities, which sets it;
   *  the sync check refuses it without a specialist organiser), shown to coaches as
   *  «organizado por la UGEL». */
  organisedBy: z.enum(ACTIVITY_ORGANISED_BY).default('coaches'),
});
export type ActivityRecord = z.infer<typeof activityRecord>;

export const attendanceDaySchema = z.object({ date, mark: z.enum(ATTENDANCE_MARKS) });
export type AttendanceDay = z.infer<typeof attendanceDaySchema>;

/** One invited teacher's attendance: a mark per day (one day for a GIA, several for a taller). */
export const activityAttendanceRecord = z.object({
  activityId: id,
  teacherId: id,
  days: z.array(attendanceDaySchema).max(15),
  hours: z
    .number()
    .min(0, { error: 'Debe ser 0 o más.' })
    .max(120, { error: 'No puede pasar de 120 horas.' })
    .nullable(),
  arrivedAt: time.nullable(),
});
export type ActivityAttendanceRecord = z.infer<typeof activityAttendanceRecord>;

/** The teacher's own reflection or commitment after an activity (teacher-owned). */
export const activityReflectionRecord = z.object({
  activityId: id,
  teacherId: id,
  text: text(4000).min(1, { error: 'Escribe tu reflexión.' }),
});
export type ActivityReflectionRecord = z.infer<typeof activityReflectionRecord>;
