import {
  type Actor,
  AppError,
  currentSchoolYear,
  decide,
  type RecordRevision,
  reachOf,
} from '@acompana/core';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isoInstant } from '../db/time.ts';
import { teacherReachSql } from '../policy/reach-sql.ts';
import { loadTeacherFacts } from '../policy/relations.ts';

// Revisions flagged to the asker: only the person whose value was overwritten sees them, and
// only while the policy lets them read that record now: a teacher's field records
// (`field_record`: the teacher themself, their CURRENT coach), or a collective activity's own
// record, which is about no teacher (`activity_record`: its current organisers, the teachers
// it invites and their current coaches; docs/ACTIVITIES.md). A revision holds the other
// person's new value, so a coach whose caseload ended, or an organiser taken off the activity,
// loses it the same day, like every other read of that record.

/** SQL over `r.teacher_id`: the teachers whose field records the actor may read now. */
function teacherFilter(actor: Actor, year: number): Expression<SqlBool> {
  const reach = reachOf(actor, 'field_record', 'read');
  if (reach.length === 0) return sql<SqlBool>`false`;
  const parts = reach.map((r) => teacherReachSql(r, actor.personId, sql.ref('r.teacher_id'), year));
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** SQL over an activity's revision (`r.entity_id`): the actor may read that activity now. */
function activityFilter(actor: Actor, year: number): Expression<SqlBool> {
  const reach = reachOf(actor, 'activity_record', 'read');
  if (reach.length === 0) return sql<SqlBool>`false`;
  const me = actor.personId;
  const parts = reach.map((r) => {
    // A UGEL specialist organises online (docs/ACTIVITIES.md, "Organisers"): no sync, so no
    // revisions screen; their list stays empty as before.
    if (r.relation === 'organiser') return sql<SqlBool>`false`;
    const organiser =
      r.relation === 'caseload' ? sql<SqlBool>`${me} = ANY(a.organiser_ids)` : sql<SqlBool>`false`;
    const invitee = teacherReachSql(r, me, sql.ref('inv.id'), year);
    return sql<SqlBool>`(${organiser} OR EXISTS (SELECT 1 FROM unnest(a.invitee_ids) AS inv(id) WHERE ${invitee}))`;
  });
  return sql<SqlBool>`EXISTS (SELECT 1 FROM activity a WHERE a.id = r.entity_id AND (${sql.join(parts, sql` OR `)}))`;
}

function reachFilter(actor: Actor): Expression<SqlBool> {
  const year = currentSchoolYear();
  return sql<SqlBool>`((r.teacher_id IS NOT NULL AND ${teacherFilter(actor, year)})
    OR (r.teacher_id IS NULL AND r.kind = 'activity' AND ${activityFilter(actor, year)}))`;
}

/** Each activity's readers for `decide`: organisers and the invited teachers' current coaches. */
async function loadActivityFacts(
  db: Kysely<DB>,
  ids: string[],
  year: number,
): Promise<Map<string, { coachIds: string[]; inviteeIds: string[] }>> {
  const out = new Map<string, { coachIds: string[]; inviteeIds: string[] }>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{ id: string; organiser_ids: string[]; invitee_ids: string[] }>`
    SELECT id, organiser_ids, invitee_ids FROM activity WHERE id = ANY(${ids}::uuid[])`.execute(db);
  const facts = await loadTeacherFacts(
    db,
    rows.flatMap((r) => r.invitee_ids),
    year,
  );
  for (const r of rows) {
    const coaches = r.invitee_ids.flatMap((t) => facts.get(t)?.coachIds ?? []);
    out.set(r.id, {
      coachIds: [...new Set([...r.organiser_ids, ...coaches])],
      inviteeIds: r.invitee_ids,
    });
  }
  return out;
}

interface Row {
  id: string;
  kind: string;
  entity_id: string;
  /** NULL for a collective activity's own record (about no single teacher). */
  teacher_id: string | null;
  field: string;
  overwritten_value: unknown;
  new_value: unknown;
  overwritten_by_person: string | null;
  overwritten_name: string | null;
  written_by: string;
  written_name: string;
  created_at: Date;
  resolved_at: Date | null;
}

export async function listRevisions(
  db: Kysely<DB>,
  actor: Actor,
  query: {
    status?: 'open' | 'all' | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<{ items: RecordRevision[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  if (query.cursor !== undefined && !/^\d{1,18}$/.test(query.cursor)) {
    throw AppError.validation([
      { path: 'cursor', message: 'Revisa el campo «cursor»: no es válido.' },
    ]);
  }
  const open = (query.status ?? 'open') === 'open';
  const { rows } = await sql<Row>`
    SELECT r.id, r.kind, r.entity_id, r.teacher_id, r.field, r.overwritten_value, r.new_value,
           r.overwritten_by_person, ob.given_names || ' ' || ob.paternal_surname AS overwritten_name,
           r.written_by, wb.given_names || ' ' || wb.paternal_surname AS written_name,
           r.created_at, r.resolved_at
      FROM record_revision r
      JOIN person wb ON wb.id = r.written_by
      LEFT JOIN person ob ON ob.id = r.overwritten_by_person
     WHERE r.flagged_for = ${actor.personId}
       AND ${reachFilter(actor)}
       AND (${open} = false OR r.resolved_at IS NULL)
       AND (${query.cursor ?? null}::bigint IS NULL OR r.id < ${query.cursor ?? null}::bigint)
     ORDER BY r.id DESC
     LIMIT ${limit + 1}`.execute(db);
  // And, as every list, each row through the policy itself.
  const year = currentSchoolYear();
  const withTeacher = rows.flatMap((r) => (r.teacher_id ? [r.teacher_id] : []));
  const [facts, activities] = await Promise.all([
    loadTeacherFacts(db, withTeacher, year),
    loadActivityFacts(
      db,
      rows.filter((r) => !r.teacher_id).map((r) => r.entity_id),
      year,
    ),
  ]);
  const readable = (r: Row) => {
    if (r.teacher_id) {
      return decide(actor, 'read', {
        kind: 'field_record',
        teacherId: r.teacher_id,
        coachIds: facts.get(r.teacher_id)?.coachIds ?? [],
      }).allow;
    }
    const activity = activities.get(r.entity_id);
    return (
      activity !== undefined &&
      decide(actor, 'read', {
        kind: 'activity_record',
        teacherId: activity.inviteeIds.includes(actor.personId) ? actor.personId : null,
        coachIds: activity.coachIds,
      }).allow
    );
  };
  const page = rows.slice(0, limit);
  return {
    items: page.filter(readable).map((r) => ({
      id: String(r.id),
      kind: r.kind,
      entityId: r.entity_id,
      teacherId: r.teacher_id,
      field: r.field,
      overwrittenValue: r.overwritten_value,
      newValue: r.new_value,
      overwrittenBy: r.overwritten_by_person
        ? { id: r.overwritten_by_person, name: r.overwritten_name ?? '' }
        : null,
      writtenBy: { id: r.written_by, name: r.written_name },
      createdAt: isoInstant(r.created_at) as string,
      resolvedAt: isoInstant(r.resolved_at),
    })),
    nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}

/** Marks a revision as seen; 404 unless it is flagged to the asker and still in their reach. */
export async function resolveRevision(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  if (!/^\d{1,18}$/.test(id)) throw new AppError('NOT_FOUND');
  const { rows } = await sql<{ id: string }>`
    UPDATE record_revision r SET resolved_at = coalesce(r.resolved_at, now())
     WHERE r.id = ${id}::bigint AND r.flagged_for = ${actor.personId} AND ${reachFilter(actor)}
    RETURNING r.id`.execute(db);
  if (rows.length === 0) throw new AppError('NOT_FOUND');
}
