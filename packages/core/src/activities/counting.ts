import type { ActivityKind } from '../api/common.ts';
import type { ActivityAttendanceRecord, ActivityRecord } from './records.ts';
import { TARGET_KIND_OF_TYPE } from './rules.ts';

// How a teacher's attended activities count toward their intervention's targets for a school
// year (docs/ACTIVITIES.md, "Counting"). The targets come from the catalogue (target_rule rows
// passed in), never from constants here.

export interface ActivityTally {
  /** Activities counted per catalogue kind (a taller counts once, however many days). */
  count: Partial<Record<ActivityKind, number>>;
  /** Days present at talleres (the catalogue's note: "two talleres of six days"). */
  tallerDays: number;
}

/** Present at least one day (a teacher who came to part of a taller took part in it). */
export const presentDays = (a: Pick<ActivityAttendanceRecord, 'days'>) =>
  a.days.filter((d) => d.mark === 'present').length;

/**
 * What `teacherId` attended in `schoolYear`: activities that are done, of a type the
 * catalogue counts, whose attendance record has at least one day present.
 */
export function tallyAttendance(
  teacherId: string,
  schoolYear: number,
  activities: ReadonlyMap<string, ActivityRecord>,
  attendances: readonly ActivityAttendanceRecord[],
): ActivityTally {
  const tally: ActivityTally = { count: {}, tallerDays: 0 };
  const seen = new Set<string>();
  for (const a of attendances) {
    if (a.teacherId !== teacherId || seen.has(a.activityId)) continue;
    const activity = activities.get(a.activityId);
    if (activity?.status !== 'done') continue;
    if (Number(activity.startDate.slice(0, 4)) !== schoolYear) continue;
    const kind = TARGET_KIND_OF_TYPE[activity.type];
    const days = presentDays(a);
    if (!kind || days === 0) continue;
    seen.add(a.activityId);
    tally.count[kind] = (tally.count[kind] ?? 0) + 1;
    if (kind === 'taller') tally.tallerDays += days;
  }
  return tally;
}

export interface TargetRuleLike {
  activityKind: ActivityKind;
  perYear: number;
}

export interface ActivityProgressRow {
  kind: ActivityKind;
  done: number;
  target: number;
}

/** Progress toward the catalogue's collective-activity targets (visits are counted elsewhere);
 *  one row per kind the rules name with a target above zero. */
export function activityProgress(
  tally: ActivityTally,
  rules: readonly TargetRuleLike[],
): ActivityProgressRow[] {
  const out: ActivityProgressRow[] = [];
  for (const r of rules) {
    if (r.activityKind === 'visita' || r.perYear <= 0) continue;
    if (out.some((o) => o.kind === r.activityKind)) continue;
    out.push({ kind: r.activityKind, done: tally.count[r.activityKind] ?? 0, target: r.perYear });
  }
  return out;
}
