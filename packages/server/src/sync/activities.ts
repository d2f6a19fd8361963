import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  AppError,
  activityRefusal,
  attendanceIdOf,
  attendanceRefusal,
  type Mutation,
} from '@acompana/core';
import { sql } from 'kysely';
import type { Batch } from './anchoring.ts';
import type { StoredRecord } from './merge.ts';
import { keyOf, type Tx } from './store.ts';

// The sync write check of collective activities (docs/ACTIVITIES.md): the same core rules the
// device applies before queueing (core activities/rules.ts), over what the batch knows — the
// catalogue's activity kinds per intervention and year, the invited teachers' current coaches,
// the activities that attendance records name (written in the batch or stored).

/** What the catalogue says about the batch's interventions: `kinds`, by
 *  `${interventionCode}:${schoolYear}`, the activity kinds with a target rule; `ownTypes`, by
 *  intervention code, its own activity types (code → active). */
export interface ActivityCatalog {
  kinds: Map<string, Set<string>>;
  ownTypes: Map<string, Map<string, boolean>>;
}

/** What the batch's activity mutations need beyond the common facts: ids to read with the
 *  batch (the activities its attendance names) and teachers whose coaches to read. */
export function activityNeeds(mutations: Mutation[]) {
  const activityIds = new Set<string>();
  const teacherIds = new Set<string>();
  const interventions = new Set<string>();
  for (const m of mutations) {
    const p = m.payload ?? {};
    if (m.kind === 'activity_attendance' && typeof p.activityId === 'string') {
      activityIds.add(p.activityId);
    }
    if (m.kind === 'activity') {
      if (Array.isArray(p.inviteeIds)) for (const t of p.inviteeIds) teacherIds.add(String(t));
      if (typeof p.interventionCode === 'string') interventions.add(p.interventionCode);
    }
  }
  return { activityIds, teacherIds, interventions };
}

/** The catalogue's activity kinds and own types of the given interventions (two statements,
 *  only for batches that write activities). */
export async function loadActivityCatalog(tx: Tx, codes: string[]): Promise<ActivityCatalog> {
  const out: ActivityCatalog = { kinds: new Map(), ownTypes: new Map() };
  if (codes.length === 0) return out;
  const { rows } = await sql<{ code: string; year: number; kind: string }>`
    SELECT DISTINCT intervention_code AS code, school_year AS year, activity_kind AS kind
      FROM target_rule WHERE intervention_code = ANY(${codes}::text[])`.execute(tx);
  for (const r of rows) {
    const key = `${r.code}:${r.year}`;
    out.kinds.set(key, (out.kinds.get(key) ?? new Set()).add(r.kind));
  }
  const types = await sql<{ intervention: string; code: string; active: boolean }>`
    SELECT intervention_code AS intervention, code, active
      FROM intervention_activity_type WHERE intervention_code = ANY(${codes}::text[])`.execute(tx);
  for (const t of types.rows) {
    const own = out.ownTypes.get(t.intervention) ?? new Map<string, boolean>();
    out.ownTypes.set(t.intervention, own.set(t.code, t.active));
  }
  return out;
}

const changedAny = (before: ActivityRecord | null, after: ActivityRecord, keys: string[]) =>
  !before ||
  keys.some(
    (k) =>
      JSON.stringify(before[k as keyof ActivityRecord]) !==
      JSON.stringify(after[k as keyof ActivityRecord]),
  );

/** Why the merged `record` of an activity kind may not be written, or null. Rules about the
 *  world (catalogue, caseloads) apply to what this write changes, so a later edit of the
 *  agreements is never blocked by a caseload that changed since. */
export function activityWriteProblem(
  batch: Batch,
  catalog: ActivityCatalog,
  record: StoredRecord,
  before: StoredRecord | undefined,
): AppError | null {
  if (record.kind === 'activity') {
    const after = record.data as ActivityRecord;
    const prior = before ? (before.data as ActivityRecord) : null;
    const year = after.startDate.slice(0, 4);
    const checkType = changedAny(prior, after, ['type', 'interventionCode', 'startDate']);
    const invited = new Set(prior?.inviteeIds ?? []);
    const organisersChanged = changedAny(prior, after, ['organiserIds']);
    const toCheck = after.inviteeIds.filter((t) => organisersChanged || !invited.has(t));
    const coachesOf = new Map(toCheck.map((t) => [t, batch.facts.coaches.get(t) ?? []]));
    const refusal = activityRefusal(after, {
      usedKinds: checkType
        ? (catalog.kinds.get(`${after.interventionCode}:${year}`) ?? new Set())
        : null,
      ownTypes: checkType ? (catalog.ownTypes.get(after.interventionCode) ?? new Map()) : null,
      // A type deactivated since stays valid on the activities already recorded with it.
      storedType: prior?.interventionCode === after.interventionCode ? prior.type : null,
      coachesOf,
    });
    // Closing as done is checked when the status changes (or the invitees do).
    if (refusal?.code === 'ACTIVITY_CLOSED_EMPTY') {
      return changedAny(prior, after, ['status', 'inviteeIds', 'familyCounts']) ? refusal : null;
    }
    return refusal;
  }
  if (record.kind === 'activity_attendance') {
    const data = record.data as ActivityAttendanceRecord;
    if (record.id !== attendanceIdOf(data.activityId, data.teacherId)) {
      return attendanceIdMismatch();
    }
    const activity = batch.state.get(keyOf('activity', data.activityId));
    return attendanceRefusal(
      data,
      activity && activity !== 'deleted' ? (activity.data as ActivityRecord) : undefined,
    );
  }
  return null;
}

function attendanceIdMismatch(): AppError {
  const message =
    'Revisa el campo «actividad»: el identificador de la asistencia no corresponde a esa actividad y docente.';
  return new AppError('SYNC_ANCHOR_MISMATCH', message, {
    fields: [{ path: 'payload.activityId', message }],
  });
}
