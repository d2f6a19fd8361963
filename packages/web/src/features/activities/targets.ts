import {
  type ActivityAttendanceRecord,
  type ActivityKind,
  type ActivityProgressRow,
  type ActivityRecord,
  activityProgress,
  activityTargetsFor,
  type CatalogueRuleLike,
  type TargetPost,
  type TeacherPost,
  tallyAttendance,
  targetKindOf,
} from '@acompana/core';
import { targetLevelOf } from '../plan/targets.ts';

// Collective-activity targets on the device (docs/ACTIVITIES.md, "Counting toward targets"):
// the catalogue's rules stored with the reference data (`screens.targets`, this school year's
// targets of each intervention) and each teacher's post (the stored teacher detail), counted
// by core's `tallyAttendance` over the activities and attendance the device holds.

/** What `screens.targets` holds per intervention code (GET /interventions/{code}/targets). */
export type StoredTargets = Record<string, { year: number; rules: CatalogueRuleLike[] }>;

/** The teacher's post of `year` from their stored detail; null when not known. */
export function targetPostOf(
  posts: readonly Pick<TeacherPost, 'schoolYear' | 'level' | 'grades'>[] | undefined,
  year: number,
): TargetPost | null {
  const ofYear = (posts ?? []).filter((p) => p.schoolYear === year);
  if (ofYear.length === 0) return null;
  return {
    level: targetLevelOf(ofYear.find((p) => p.level)?.level ?? null),
    grades: [...new Set(ofYear.flatMap((p) => p.grades))],
  };
}

/** The catalogue rules of an intervention for `year` as stored, or null (not on the device). */
export function storedRules(
  stored: StoredTargets | undefined,
  code: string | undefined,
  year: number,
): CatalogueRuleLike[] | null {
  const ofCode = code ? stored?.[code] : undefined;
  return ofCode && ofCode.year === year ? ofCode.rules : null;
}

export interface CaseloadTeacherTargets {
  teacherId: string;
  displayName: string;
  rows: ActivityProgressRow[];
  /** Activities held (done) this year that invited the teacher and they did not attend. */
  missed: number;
}

export interface CaseloadTargets {
  /** Per kind: activities held this year with the caseload, against the highest target. */
  summary: { kind: ActivityKind; held: number; target: number }[];
  /** Teachers who missed an activity first, then in the caseload's order. */
  teachers: CaseloadTeacherTargets[];
}

export interface CaseloadTargetsInput {
  year: number;
  caseload: { teacherId: string; displayName: string; interventionCode: string }[];
  posts: ReadonlyMap<string, TargetPost | null>;
  targets: StoredTargets | undefined;
  activities: ReadonlyMap<string, ActivityRecord>;
  attendances: readonly ActivityAttendanceRecord[];
}

/** The coach's day: each teacher's attended GIA, talleres and family meetings against their
 *  catalogue targets, and a caseload summary. Teachers whose targets are not stored are left
 *  out (never a made-up target). */
export function caseloadTargets(input: CaseloadTargetsInput): CaseloadTargets {
  const { year, activities } = input;
  const held = new Map<string, ActivityKind>();
  const caseloadIds = new Set(input.caseload.map((t) => t.teacherId));
  for (const [id, a] of activities) {
    const kind = targetKindOf(a.type);
    if (!kind || a.status !== 'done' || Number(a.startDate.slice(0, 4)) !== year) continue;
    if (a.inviteeIds.some((t) => caseloadIds.has(t))) held.set(id, kind);
  }
  const present = new Set(
    input.attendances
      .filter((a) => a.days.some((d) => d.mark === 'present'))
      .map((a) => `${a.activityId}/${a.teacherId}`),
  );
  const highest = new Map<ActivityKind, number>();
  const teachers: CaseloadTeacherTargets[] = [];
  for (const teacher of input.caseload) {
    const rules = storedRules(input.targets, teacher.interventionCode, year);
    if (!rules) continue;
    const targets = activityTargetsFor(rules, input.posts.get(teacher.teacherId) ?? null);
    const tally = tallyAttendance(teacher.teacherId, year, activities, input.attendances);
    const rows = activityProgress(tally, targets);
    if (rows.length === 0) continue;
    for (const row of rows) highest.set(row.kind, Math.max(highest.get(row.kind) ?? 0, row.target));
    let missed = 0;
    for (const id of held.keys()) {
      const invited = activities.get(id)?.inviteeIds.includes(teacher.teacherId);
      if (invited && !present.has(`${id}/${teacher.teacherId}`)) missed += 1;
    }
    teachers.push({ teacherId: teacher.teacherId, displayName: teacher.displayName, rows, missed });
  }
  const summary = [...highest].map(([kind, target]) => ({
    kind,
    target,
    held: [...held.values()].filter((k) => k === kind).length,
  }));
  // Stable sort: those who missed something first, each group in the caseload's order.
  teachers.sort((a, b) => Number(b.missed > 0) - Number(a.missed > 0));
  return { summary, teachers };
}
