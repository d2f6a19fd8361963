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
import { LIMA_TODAY } from '../db/time.ts';
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
  const organiserIds = new Set<string>();
  for (const m of mutations) {
    const p = m.payload ?? {};
    if (m.kind === 'activity_attendance' && typeof p.activityId === 'string') {
      activityIds.add(p.activityId);
    }
    if (m.kind === 'activity') {
      if (Array.isArray(p.inviteeIds)) for (const t of p.inviteeIds) teacherIds.add(String(t));
      if (typeof p.interventionCode === 'string') interventions.add(p.interventionCode);
      if (Array.isArray(p.organiserIds))
        for (const o of p.organiserIds) organiserIds.add(String(o));
    }
  }
  return { activityIds, teacherIds, interventions, organiserIds };
}

/** A UGEL specialist's reach as an organiser (docs/ACTIVITIES.md, "Organisers"): the UGELs of
 *  the organisers' current UGEL especialista grants, and the UGELs where each invitee holds a
 *  post, by `${teacherId}:${schoolYear}`; `anySpecialist`: the organisers holding a current
 *  especialista grant of any scope. Empty unless a specialist organises something. */
export interface UgelFacts {
  specialists: Map<string, Set<string>>;
  anySpecialist: Set<string>;
  posts: Map<string, Set<string>>;
}

const addTo = (map: Map<string, Set<string>>, key: string, value: string) =>
  map.set(key, (map.get(key) ?? new Set()).add(value));

/** Loads UgelFacts (one statement; a second only when a specialist organises). */
export async function loadUgelFacts(
  tx: Tx,
  organiserIds: string[],
  teacherIds: string[],
): Promise<UgelFacts> {
  const out: UgelFacts = { specialists: new Map(), anySpecialist: new Set(), posts: new Map() };
  if (organiserIds.length === 0) return out;
  const grants = await sql<{ person_id: string; scope_level: string; scope_id: string }>`
    SELECT person_id, scope_level, scope_id FROM role_assignment
     WHERE person_id = ANY(${organiserIds}::uuid[]) AND role = 'especialista'
       AND valid_from <= ${LIMA_TODAY}
       AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})`.execute(tx);
  for (const g of grants.rows) {
    out.anySpecialist.add(g.person_id);
    if (g.scope_level === 'ugel') addTo(out.specialists, g.person_id, g.scope_id);
  }
  if (out.specialists.size === 0 || teacherIds.length === 0) return out;
  const posts = await sql<{ person_id: string; school_year: number; ugel_id: string }>`
    SELECT DISTINCT person_id, school_year, ugel_id FROM teacher_post
     WHERE person_id = ANY(${teacherIds}::uuid[])`.execute(tx);
  for (const p of posts.rows) addTo(out.posts, `${p.person_id}:${p.school_year}`, p.ugel_id);
  return out;
}

/** The invitees (of `teacherIds`) a specialist organiser of `activity` reaches: a post in
 *  the activity's school year in a school of that specialist's UGEL; null when no specialist
 *  organises it. */
function ugelReachOf(ugels: UgelFacts, after: ActivityRecord, teacherIds: string[]) {
  const reached = new Set<string>();
  const organising = after.organiserIds.flatMap((o) => [...(ugels.specialists.get(o) ?? [])]);
  if (organising.length === 0) return null;
  const year = after.startDate.slice(0, 4);
  for (const t of teacherIds) {
    const at = ugels.posts.get(`${t}:${year}`);
    if (at && organising.some((u) => at.has(u))) reached.add(t);
  }
  return reached;
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
  ugels: UgelFacts,
  writerId: string,
): AppError | null {
  if (record.kind === 'activity') {
    const after = record.data as ActivityRecord;
    const prior = before ? (before.data as ActivityRecord) : null;
    // A specialist organises alone, and only they write it: nobody lists a specialist to borrow
    // their UGEL's reach, and a specialist lists no coach to borrow a caseload (or to make a
    // coach an organiser who never agreed).
    const specialist = after.organiserIds.some((o) => ugels.anySpecialist.has(o));
    if (specialist && (after.organiserIds.length !== 1 || after.organiserIds[0] !== writerId)) {
      return new AppError(
        'SYNC_FORBIDDEN',
        'Una actividad de la UGEL tiene a su especialista como único organizador, y solo ese especialista la cambia.',
        { fields: [{ path: 'payload.organiserIds', message: 'Organizadores no permitidos.' }] },
      );
    }
    const year = after.startDate.slice(0, 4);
    const checkType = changedAny(prior, after, ['type', 'interventionCode', 'startDate']);
    const invited = new Set(prior?.inviteeIds ?? []);
    const organisersChanged = changedAny(prior, after, ['organiserIds']);
    const toCheck = after.inviteeIds.filter((t) => organisersChanged || !invited.has(t));
    // A newly invited teacher comes from the writer's own group: listing another coach as
    // co-organiser must not let one invite that coach's teachers (and read their marks in the
    // acta) — each organiser invites their own, which is their agreement. Teachers invited
    // before only need some organiser still coaching them.
    const coachesOf = new Map(
      toCheck.map((t) => {
        const coaches = batch.facts.coaches.get(t) ?? [];
        return [t, invited.has(t) ? coaches : coaches.filter((c) => c === writerId)];
      }),
    );
    const ugelReach = ugelReachOf(ugels, after, toCheck);
    // «Organizado por la UGEL» only with a specialist organiser (set by /ugel-activities).
    if (after.organisedBy === 'ugel' && ugelReach === null) {
      return new AppError(
        'SYNC_FORBIDDEN',
        'Solo un especialista de UGEL organiza una actividad de la UGEL.',
        { fields: [{ path: 'payload.organisedBy', message: 'Sin especialista organizador.' }] },
      );
    }
    const refusal = activityRefusal(after, {
      usedKinds: checkType
        ? (catalog.kinds.get(`${after.interventionCode}:${year}`) ?? new Set())
        : null,
      ownTypes: checkType ? (catalog.ownTypes.get(after.interventionCode) ?? new Map()) : null,
      // A type deactivated since stays valid on the activities already recorded with it.
      storedType: prior?.interventionCode === after.interventionCode ? prior.type : null,
      coachesOf,
      ugelReach,
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
      before ? (before.data as ActivityAttendanceRecord) : null,
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
