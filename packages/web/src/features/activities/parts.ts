import type { ActivityRecord, AttendanceMark } from '@acompana/core';
import type { Tone } from '../../ui/Badge.tsx';

// Small helpers of the activity screens.

/** The badge tone of an activity's status (the status itself is always written out). */
export function activityTone(status: ActivityRecord['status']): Tone {
  return status === 'done' ? 'success' : status === 'cancelled' ? 'neutral' : 'warning';
}

/** One tap cycles a teacher's mark for a day: sin marcar → asistió → faltó → justificó → asistió. */
export function nextMark(mark: AttendanceMark | null): AttendanceMark {
  if (mark === 'present') return 'absent';
  if (mark === 'absent') return 'justified';
  return 'present';
}

export function markTone(mark: AttendanceMark | null): Tone {
  if (mark === 'present') return 'success';
  if (mark === 'absent') return 'danger';
  if (mark === 'justified') return 'info';
  return 'neutral';
}

/** Activities split at Lima's today: upcoming (soonest first) and past (latest first). */
export function splitByDate<T extends { data: ActivityRecord }>(list: T[], today: string) {
  const upcoming = list
    .filter((a) => a.data.endDate >= today && a.data.status === 'planned')
    .sort((a, b) => a.data.startDate.localeCompare(b.data.startDate));
  const past = list
    .filter((a) => !upcoming.includes(a))
    .sort((a, b) => b.data.startDate.localeCompare(a.data.startDate));
  return { upcoming, past };
}

/** "2026-05" → activities of that month, by start date (the calendar view). */
export function byMonth<T extends { data: ActivityRecord }>(list: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const a of [...list].sort((x, y) => x.data.startDate.localeCompare(y.data.startDate))) {
    const month = a.data.startDate.slice(0, 7);
    out.set(month, [...(out.get(month) ?? []), a]);
  }
  return out;
}

/** The coach's day: planned activities from today to `until` (soonest first), and planned
 *  ones already ended, still to be closed as done (oldest first). */
export function dayActivities<T extends { data: ActivityRecord }>(
  list: T[],
  today: string,
  until: string,
) {
  const planned = [...list]
    .filter((a) => a.data.status === 'planned')
    .sort((a, b) => a.data.startDate.localeCompare(b.data.startDate));
  return {
    coming: planned.filter((a) => a.data.endDate >= today && a.data.startDate <= until),
    toClose: planned.filter((a) => a.data.endDate < today),
  };
}

const limaClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Lima',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Lima's wall-clock time now, HH:MM (the arrival a tap records). */
export function limaTimeNow(now: Date = new Date()): string {
  return limaClock.format(now);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Hours attended: the scheduled hours of each day present (null without both times). */
export function attendedHours(
  activity: Pick<ActivityRecord, 'startTime' | 'endTime'>,
  days: readonly { mark: AttendanceMark }[],
): number | null {
  if (!activity.startTime || !activity.endTime) return null;
  const perDay = minutesOf(activity.endTime) - minutesOf(activity.startTime);
  if (perDay <= 0) return null;
  const present = days.filter((d) => d.mark === 'present').length;
  return Math.round((present * perDay) / 30) / 2;
}
