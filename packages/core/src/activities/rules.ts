import type { ActivityKind } from '../api/common.ts';
import { AppError } from '../errors.ts';
import { addDays } from '../time.ts';
import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  type ActivityType,
  isBuiltinActivityType,
} from './records.ts';

// The rules an activity must keep, checked the same way on the device before it queues a write
// (web features/activities) and on the server in the sync write check (server sync/apply.ts).
// Each refusal is an AppError with a stable code and a Spanish message naming the field.

/** The catalogue kind (target_rule.activity_kind) an activity type counts toward; null for the
 *  complementary activities, which every intervention may add and no target counts. */
export const TARGET_KIND_OF_TYPE: Record<ActivityType, ActivityKind | null> = {
  gia: 'gia',
  ria: 'ria',
  taller: 'taller',
  reunion_familias: 'reunion_familias',
  pasantia: null,
  visita_pares: null,
  jornada: null,
  otra: null,
};

/** The catalogue kind a type counts toward: an intervention's own type counts toward none. */
export function targetKindOf(type: string): ActivityKind | null {
  return isBuiltinActivityType(type) ? TARGET_KIND_OF_TYPE[type] : null;
}

function refusal(
  code: ConstructorParameters<typeof AppError>[0],
  path: string,
  message: string,
): AppError {
  return new AppError(code, message, { fields: [{ path: `payload.${path}`, message }] });
}

/** What the checker knows about the world around an activity; null: unknown, not checked. */
export interface ActivityContext {
  /** Catalogue kinds the activity's intervention has target rules for in its school year. */
  usedKinds: ReadonlySet<string> | null;
  /** The intervention's own activity types (code → active), or null: not checked. */
  ownTypes: ReadonlyMap<string, boolean> | null;
  /** On an update, the type the stored record already has (same intervention): a type equipo
   *  MINEDU deactivated since refuses new activities, not the ones recorded with it. */
  storedType?: string | null;
  /** Current coaches of the invited teachers to check (on an update, the newly invited ones:
   *  a teacher who left a caseload later does not block editing the agreements). A newly
   *  invited teacher's list holds the writer only, if they coach her: each organiser invites
   *  from their own group. A teacher absent from the map is not checked. */
  coachesOf: ReadonlyMap<string, readonly string[]> | null;
  /** When a UGEL specialist organises it: the invited teachers (of those checked) holding a
   *  post that year in a school of the specialist's UGEL — the specialist's reach. Absent:
   *  no specialist organises it. */
  ugelReach?: ReadonlySet<string> | null;
}

/** Why `activity` may not be saved as it is, or null. */
export function activityRefusal(activity: ActivityRecord, ctx: ActivityContext): AppError | null {
  if (activity.endDate < activity.startDate) {
    return refusal(
      'ACTIVITY_DATES_INVALID',
      'endDate',
      'Revisa el campo «fecha de término»: no puede ser anterior a la fecha de inicio.',
    );
  }
  // Targets count by school year (a calendar year in Peru): an activity lives within one.
  if (activity.endDate.slice(0, 4) !== activity.startDate.slice(0, 4)) {
    return refusal(
      'ACTIVITY_DATES_INVALID',
      'endDate',
      'Revisa el campo «fecha de término»: debe ser del mismo año escolar que la fecha de inicio.',
    );
  }
  const kind = targetKindOf(activity.type);
  if (kind && ctx.usedKinds && !ctx.usedKinds.has(kind)) {
    return refusal(
      'ACTIVITY_TYPE_NOT_USED',
      'type',
      `Revisa el campo «tipo de actividad»: la intervención ${activity.interventionCode} no tiene ese tipo de actividad en su catálogo de metas.`,
    );
  }
  const own = ownTypeRefusal(activity, ctx);
  if (own) return own;
  if (ctx.coachesOf) {
    const organisers = new Set(activity.organiserIds);
    const ugel = ctx.ugelReach ?? null;
    const outside = activity.inviteeIds.filter((t) => {
      const coaches = ctx.coachesOf?.get(t);
      return coaches !== undefined && !coaches.some((c) => organisers.has(c)) && !ugel?.has(t);
    });
    if (outside.length > 0) {
      const one = outside.length === 1;
      const why = ugel
        ? `${one ? 'un docente no tiene' : `${outside.length} docentes no tienen`} plaza este año en una institución de la UGEL ni está a cargo de otro organizador.`
        : `${one ? 'un docente no está' : `${outside.length} docentes no están`} a cargo de quien lo invita ni de otro organizador: cada organizador invita a docentes de su propio grupo.`;
      return new AppError(
        'ACTIVITY_ATTENDEE_OUT_OF_REACH',
        `Revisa el campo «docentes invitados»: ${why}`,
        {
          fields: [
            { path: 'payload.inviteeIds', message: 'Fuera del alcance de los organizadores.' },
          ],
          teacherIds: outside,
        },
      );
    }
  }
  if (activity.status === 'done' && !hasAttendees(activity)) {
    return refusal(
      'ACTIVITY_CLOSED_EMPTY',
      'status',
      activity.type === 'reunion_familias'
        ? 'Para cerrar la reunión como realizada, invita a los docentes o registra cuántas familias asistieron.'
        : 'Para cerrar la actividad como realizada, invita al menos a un docente.',
    );
  }
  return null;
}

function ownTypeRefusal(activity: ActivityRecord, ctx: ActivityContext): AppError | null {
  if (isBuiltinActivityType(activity.type) || !ctx.ownTypes) return null;
  const active = ctx.ownTypes.get(activity.type);
  if (active === undefined) {
    return refusal(
      'ACTIVITY_TYPE_NOT_USED',
      'type',
      `Revisa el campo «tipo de actividad»: la intervención ${activity.interventionCode} no tiene ese tipo de actividad.`,
    );
  }
  if (!active && activity.type !== ctx.storedType) {
    return refusal(
      'ACTIVITY_TYPE_NOT_USED',
      'type',
      `Revisa el campo «tipo de actividad»: el equipo MINEDU desactivó ese tipo de actividad en la intervención ${activity.interventionCode}; elige otro.`,
    );
  }
  return null;
}

const familyTotal = (a: ActivityRecord) =>
  a.familyCounts
    ? a.familyCounts.mothers +
      a.familyCounts.fathers +
      a.familyCounts.relatives +
      a.familyCounts.community
    : 0;

/** An activity has attendees: invited teachers or, for a family meeting, counted families. */
export function hasAttendees(a: ActivityRecord): boolean {
  return a.inviteeIds.length > 0 || familyTotal(a) > 0;
}

/** Why an attendance record does not fit its activity (undefined: not known to the checker).
 *  `prior`: the stored record. Hours and arrival are checked when this write changes them: a
 *  time saved before the schedule changed, or by an older app, never blocks the next mark of
 *  that teacher (nothing saved is lost). */
export function attendanceRefusal(
  attendance: ActivityAttendanceRecord,
  activity: ActivityRecord | undefined,
  prior?: ActivityAttendanceRecord | null,
): AppError | null {
  if (!activity) return null;
  if (!activity.inviteeIds.includes(attendance.teacherId)) {
    return refusal(
      'ACTIVITY_NOT_INVITED',
      'teacherId',
      'Revisa el campo «docente»: no está invitado a esta actividad; invítalo primero.',
    );
  }
  const outside = attendance.days.find(
    (d) => d.date < activity.startDate || d.date > activity.endDate,
  );
  if (outside) {
    return refusal(
      'ACTIVITY_DAY_OUT_OF_RANGE',
      'days',
      `Revisa el campo «días de asistencia»: el ${outside.date} está fuera de las fechas de la actividad (${activity.startDate} a ${activity.endDate}).`,
    );
  }
  // The tap lowers hours a changed mark no longer allows (so it changes them, and they are
  // checked); hours left as they were are not re-judged against a schedule changed since.
  const hoursChanged = !prior || prior.hours !== attendance.hours;
  const arrivalChanged = !prior || prior.arrivedAt !== attendance.arrivedAt;
  return (
    (hoursChanged ? hoursRefusal(attendance, activity) : null) ??
    (arrivalChanged ? arrivalRefusal(attendance, activity) : null)
  );
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clockOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** Spanish decimal comma: 2,5. */
const hoursText = (hours: number) => String(hours).replace('.', ',');

/** Minutes of one scheduled day (null without both times, or with the end not after the start). */
export function dayMinutes(activity: Pick<ActivityRecord, 'startTime' | 'endTime'>): number | null {
  if (!activity.startTime || !activity.endTime) return null;
  const minutes = minutesOf(activity.endTime) - minutesOf(activity.startTime);
  return minutes > 0 ? minutes : null;
}

/**
 * The most hours a teacher may be credited: the schedule of each day present, rounded up to the
 * half hour (the tap rounds to the nearest half hour, which never passes it). Without a schedule
 * a day present is at most a whole day. No day present: 0.
 */
export function maxAttendedHours(
  activity: Pick<ActivityRecord, 'startTime' | 'endTime'>,
  days: readonly { mark: string }[],
): number {
  const present = days.filter((d) => d.mark === 'present').length;
  const perDay = dayMinutes(activity) ?? 24 * 60;
  return Math.ceil((present * perDay) / 30) / 2;
}

function hoursRefusal(
  attendance: ActivityAttendanceRecord,
  activity: ActivityRecord,
): AppError | null {
  const hours = attendance.hours;
  if (hours === null) return null;
  if (!Number.isFinite(hours) || hours < 0) {
    return refusal(
      'ACTIVITY_HOURS_INVALID',
      'hours',
      'Revisa el campo «horas asistidas»: no pueden ser negativas.',
    );
  }
  const max = maxAttendedHours(activity, attendance.days);
  if (hours <= max) return null;
  if (max === 0) {
    return refusal(
      'ACTIVITY_HOURS_INVALID',
      'hours',
      'Revisa el campo «horas asistidas»: el docente no tiene ningún día marcado como asistió; deja 0 horas o marca su asistencia.',
    );
  }
  const schedule = dayMinutes(activity)
    ? ` (${activity.startTime} a ${activity.endTime} cada día)`
    : '';
  return refusal(
    'ACTIVITY_HOURS_INVALID',
    'hours',
    `Revisa el campo «horas asistidas»: ${hoursText(hours)} h pasa de las ${hoursText(max)} h del horario de los días que asistió${schedule}.`,
  );
}

/** How early before the start an arrival still counts (teachers come in before it begins). */
export const ARRIVAL_EARLY_MINUTES = 60;

/** The times an arrival may take, HH:MM: from an hour before the start to the end; a bound
 *  the activity does not set is open. */
export function arrivalWindow(activity: Pick<ActivityRecord, 'startTime' | 'endTime'>): {
  from: string;
  to: string;
} {
  return {
    from: activity.startTime
      ? clockOf(Math.max(0, minutesOf(activity.startTime) - ARRIVAL_EARLY_MINUTES))
      : '00:00',
    to: activity.endTime ?? '23:59',
  };
}

/** Whether `time` (HH:MM) is a possible arrival at the activity. */
export function arrivalWithin(
  activity: Pick<ActivityRecord, 'startTime' | 'endTime'>,
  time: string,
): boolean {
  const { from, to } = arrivalWindow(activity);
  return time >= from && time <= to;
}

function arrivalRefusal(
  attendance: ActivityAttendanceRecord,
  activity: ActivityRecord,
): AppError | null {
  const arrived = attendance.arrivedAt;
  if (arrived === null || arrivalWithin(activity, arrived)) return null;
  const { from, to } = arrivalWindow(activity);
  return refusal(
    'ACTIVITY_ARRIVAL_OUT_OF_RANGE',
    'arrivedAt',
    `Revisa el campo «hora de llegada»: ${arrived} está fuera del horario de la actividad (de ${from} a ${to}).`,
  );
}

/** Every date from start to end (inclusive), AAAA-MM-DD: the days of a taller. */
export function activityDates(activity: Pick<ActivityRecord, 'startDate' | 'endDate'>): string[] {
  const out: string[] = [];
  for (let day = activity.startDate; day <= activity.endDate && out.length < 31; ) {
    out.push(day);
    day = addDays(day, 1);
  }
  return out;
}

/**
 * The id of a teacher's attendance record in an activity, derived from both ids: two devices
 * (co-organisers offline) that create it write the same record, which merges field by field
 * (docs/SYNC.md, "Conflicts") instead of two rows competing for one teacher. The bytes of the
 * two UUIDs XORed, stamped as a version-8 (custom) RFC 9562 UUID.
 */
export function attendanceIdOf(activityId: string, teacherId: string): string {
  const a = activityId.replace(/-/g, '').toLowerCase();
  const t = teacherId.replace(/-/g, '').toLowerCase();
  let hex = '';
  for (let i = 0; i < 32; i += 2) {
    const byte = Number.parseInt(a.slice(i, i + 2), 16) ^ Number.parseInt(t.slice(i, i + 2), 16);
    hex += byte.toString(16).padStart(2, '0');
  }
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  const bytes = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${variant}${hex.slice(18)}`;
  return `${bytes.slice(0, 8)}-${bytes.slice(8, 12)}-${bytes.slice(12, 16)}-${bytes.slice(16, 20)}-${bytes.slice(20)}`;
}
