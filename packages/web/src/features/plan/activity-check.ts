import {
  type ActivityAttendanceRecord,
  type ActivityPlanRow,
  type ActivityRecord,
  activityPlanCheck,
  activityTargetsFor,
  type CatalogueRuleLike,
} from '@acompana/core';
import type { LocalRecord } from '../../offline/db.ts';
import { useMeta, useRecords } from '../../offline/hooks.ts';
import { type CachedPost, targetLevelOf } from './targets.ts';

// The collective half of the plan check (docs/ACTIVITIES.md, "Counting toward targets"): the
// year's GIA, talleres and family meetings the teacher is invited to, against the catalogue's
// targets for their level and grade. Rules come from the plan's cached targets, or the
// catalogue stored with the reference data (`screens.targets`) for the same year.

type StoredTargets = Record<string, { year: number; rules: CatalogueRuleLike[] }>;

export interface PlanActivities {
  /** null: no collective-activity rules on the device for this intervention and year. */
  rows: ActivityPlanRow[] | null;
  /** Rows whose scheduled activities cannot meet the target. */
  short: ActivityPlanRow[];
}

export function planActivities(input: {
  teacherId: string;
  year: number;
  rules: readonly CatalogueRuleLike[] | null;
  post: CachedPost | null;
  activities: ReadonlyMap<string, ActivityRecord>;
  attendances: readonly ActivityAttendanceRecord[];
}): PlanActivities {
  const rules = (input.rules ?? []).filter((r) => r.activityKind !== 'visita');
  if (rules.length === 0) return { rows: null, short: [] };
  const post = input.post
    ? { level: targetLevelOf(input.post.level), grades: input.post.grades }
    : null;
  const rows = activityPlanCheck(
    input.teacherId,
    input.year,
    input.activities,
    input.attendances,
    activityTargetsFor(rules, post),
  );
  return { rows, short: rows.filter((r) => r.scheduled < r.target) };
}

/** The plan's collective activities from the device; undefined while reading. */
export function usePlanActivities(
  teacherId: string,
  interventionCode: string | null,
  year: number,
  cachedRules: readonly CatalogueRuleLike[] | null,
  post: CachedPost | null,
): PlanActivities | undefined {
  const activities = useRecords('activity');
  const attendances = useRecords('activity_attendance', { teacherId });
  const stored = useMeta<StoredTargets>('screens.targets');
  if (!activities || !attendances) return undefined;
  const fromCache = cachedRules?.some((r) => r.activityKind !== 'visita') ? cachedRules : null;
  const ofCode = interventionCode ? stored?.[interventionCode] : undefined;
  return planActivities({
    teacherId,
    year,
    rules: fromCache ?? (ofCode && ofCode.year === year ? ofCode.rules : null),
    post,
    activities: new Map(
      (activities as LocalRecord<ActivityRecord>[]).map((a) => [a.id, a.data] as const),
    ),
    attendances: (attendances as LocalRecord<ActivityAttendanceRecord>[]).map((a) => a.data),
  });
}
