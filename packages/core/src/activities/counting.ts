import type { ActivityKind, TargetLevel } from '../api/common.ts';
import type { ActivityAttendanceRecord, ActivityRecord } from './records.ts';
import { targetKindOf } from './rules.ts';

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
    const kind = targetKindOf(activity.type);
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

/** A catalogue rule as the device stores it (target_rule: level, grades, kind, per year). */
export interface CatalogueRuleLike extends TargetRuleLike {
  level: TargetLevel;
  gradeFrom: number;
  gradeTo: number;
}

/** The teacher's post of the year as far as targets care; null when unknown. */
export interface TargetPost {
  level: TargetLevel | null;
  grades: readonly number[];
}

/**
 * The collective-activity targets of one teacher: the catalogue rules of their level and
 * grades, one per kind. A multigrade teacher matching several rules gets the highest (every
 * grade is coached); with the post unknown, the intervention's highest of each kind.
 */
export function activityTargetsFor(
  rules: readonly CatalogueRuleLike[],
  post: TargetPost | null,
): TargetRuleLike[] {
  const matching = rules.filter(
    (r) =>
      r.activityKind !== 'visita' &&
      (!post?.level ||
        (r.level === post.level &&
          (post.grades.length === 0 ||
            post.grades.some((g) => g >= r.gradeFrom && g <= r.gradeTo)))),
  );
  const highest = new Map<ActivityKind, number>();
  for (const r of matching) {
    highest.set(r.activityKind, Math.max(highest.get(r.activityKind) ?? 0, r.perYear));
  }
  return [...highest].map(([activityKind, perYear]) => ({ activityKind, perYear }));
}

export interface ActivityPlanRow extends ActivityProgressRow {
  /** Activities of the kind in the year that invite the teacher and are not cancelled
   *  (done or still planned): what the year's calendar offers toward the target. */
  scheduled: number;
}

/**
 * The collective half of a teacher's plan check: per catalogue kind, what they attended,
 * what is scheduled for them this year (done or planned, not cancelled) and the target. A
 * row with `scheduled < target` means the year's calendar cannot meet the target.
 */
export function activityPlanCheck(
  teacherId: string,
  schoolYear: number,
  activities: ReadonlyMap<string, ActivityRecord>,
  attendances: readonly ActivityAttendanceRecord[],
  targets: readonly TargetRuleLike[],
): ActivityPlanRow[] {
  const tally = tallyAttendance(teacherId, schoolYear, activities, attendances);
  const scheduled: Partial<Record<ActivityKind, number>> = {};
  for (const a of activities.values()) {
    const kind = targetKindOf(a.type);
    if (!kind || a.status === 'cancelled' || !a.inviteeIds.includes(teacherId)) continue;
    if (Number(a.startDate.slice(0, 4)) !== schoolYear) continue;
    scheduled[kind] = (scheduled[kind] ?? 0) + 1;
  }
  return activityProgress(tally, targets).map((row) => ({
    ...row,
    scheduled: scheduled[row.kind] ?? 0,
  }));
}
