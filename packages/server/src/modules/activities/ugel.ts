import { randomUUID } from 'node:crypto';
import {
  type ActivityRecord,
  type Actor,
  AppError,
  currentSchoolYear,
  decide,
  decideActivityWrite,
  type ErrorCode,
  type Mutation,
  reachOf,
  type UgelActivities,
  type UgelActivity,
  type UgelActivityOptions,
  type UgelActivityWrite,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { pushBatch } from '../../sync/push.ts';
import { audit } from '../audit/events.ts';
import { schoolPlace } from '../rosters/schools.ts';
import { activeSql, displayNameSql, sortNameSql } from '../shared/sql.ts';

// A UGEL specialist's UGEL-wide talleres (docs/ACTIVITIES.md, "Organisers"). The specialist
// works online (no device, no sync engine), but the activity is the same `activity` sync
// record: a write here is one mutation pushed through the sync write path as the specialist
// (pushBatch), so the same validation, policy (`activity_record`, relation `organiser`: only
// inside their UGEL), core rules, merge, anchors, closed-year check, change_log fan-out to the
// invitees (and so their coaches) and audit apply as to a coach's phone — nothing duplicated.

/** The UGELs where the actor may organise (their especialista grants scoped to a UGEL). */
function organiserUgels(actor: Actor): string[] {
  const reach = reachOf(actor, 'activity_record', 'create').filter(
    (r) => r.relation === 'organiser' && r.grant.scope.level === 'ugel' && r.grant.scope.id,
  );
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  return reach.map((r) => r.grant.scope.id as string);
}

interface Row {
  id: string;
  version: number;
  a: ActivityRecord;
  attendees: { id: string; name: string; school: string; present: number }[];
  invited: number;
}

/** The actor's organised activities of `year` (or the one `id`), whole, with attendance as
 *  activity data: days present per invitee — never reflections. */
async function organised(
  db: Kysely<DB>,
  actor: Actor,
  filter: { year: number } | { id: string },
): Promise<UgelActivity[]> {
  const where =
    'id' in filter
      ? sql`a.id = ${filter.id}`
      : sql`a.school_year = ${filter.year} AND ${actor.personId}::uuid = ANY(a.organiser_ids)`;
  const { rows } = await sql<Row & { place: Parameters<typeof schoolPlace>[0] }>`
    SELECT a.id, a.version,
           jsonb_build_object('organiserIds', a.organiser_ids, 'interventionCode', a.intervention_code,
             'type', a.type, 'scope', a.scope, 'schoolId', a.school_id, 'place', a.place,
             'startDate', a.start_date::text, 'endDate', a.end_date::text,
             'startTime', a.start_time, 'endTime', a.end_time, 'theme', a.theme,
             'desempenos', a.desempenos, 'agenda', a.agenda, 'topics', a.topics,
             'agreements', a.agreements, 'notes', a.notes, 'inviteeIds', a.invitee_ids,
             'familyCounts', a.family_counts, 'status', a.status,
             'organisedBy', a.organised_by) AS a,
           jsonb_build_object('id', s.id, 'network_id', s.network_id, 'ugel_id', s.ugel_id,
             'region_id', s.region_id) AS place,
           cardinality(a.invitee_ids) AS invited,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'name', ${displayNameSql('p')},
                     'school', (SELECT string_agg(ps.name, ', ' ORDER BY ps.name) FROM teacher_post tp
                                  JOIN school ps ON ps.id = tp.school_id
                                 WHERE tp.person_id = p.id AND tp.school_year = a.school_year),
                     'present', (SELECT count(*) FROM jsonb_array_elements(aa.days) d
                                  WHERE d->>'mark' = 'present'))
                     ORDER BY ${sortNameSql('p')}), '[]')
              FROM activity_attendance aa JOIN person p ON p.id = aa.teacher_id
             WHERE aa.activity_id = a.id AND aa.teacher_id = ANY(a.invitee_ids)) AS attendees
      FROM activity a JOIN school s ON s.id = a.school_id
     WHERE ${where}
     ORDER BY a.start_date DESC, a.id`.execute(db);
  // The policy decides each row: an organiser, at a venue inside their UGEL.
  const readable = rows.filter(
    (r) =>
      decide(actor, 'read', {
        kind: 'activity_record',
        coachIds: r.a.organiserIds,
        place: schoolPlace(r.place),
      }).allow,
  );
  return readable.map((r) => {
    const attendees = r.attendees
      .filter((p) => Number(p.present) > 0)
      .map((p) => ({
        id: p.id,
        displayName: p.name,
        schoolName: p.school ?? '',
        daysPresent: Number(p.present),
      }));
    return {
      id: r.id,
      version: r.version,
      activity: r.a,
      invited: Number(r.invited),
      attended: attendees.length,
      attendees,
    };
  });
}

/** Who attended is the invitees' activity data: each read is audited naming them. */
async function auditRead(db: Kysely<DB>, actor: Actor, items: UgelActivity[]) {
  for (const item of items) {
    await audit(db, actor, {
      action: 'activities.ugel.read',
      resourceKind: 'activity_record',
      resourceId: `activity:${item.id}`,
      detail: { invitees: item.activity.inviteeIds.length },
      subjects: item.activity.inviteeIds,
    });
  }
}

export async function listUgelActivities(
  db: Kysely<DB>,
  actor: Actor,
  year = currentSchoolYear(),
): Promise<UgelActivities> {
  organiserUgels(actor);
  const items = await organised(db, actor, { year });
  await auditRead(db, actor, items);
  return { schoolYear: year, items };
}

export async function getUgelActivity(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<UgelActivity> {
  organiserUgels(actor);
  const [item] = await organised(db, actor, { id });
  if (!item) throw new AppError('NOT_FOUND');
  await auditRead(db, actor, [item]);
  return item;
}

/** Creates (baseVersion 0) or edits the specialist's activity `id`. */
let lastSeq = 0;
/** The clock in milliseconds, strictly increasing within this process (two writes in one
 *  millisecond, or the clock stepping back, would make the later one lose its fields). */
function nextSeq(): number {
  lastSeq = Math.max(Date.now(), lastSeq + 1);
  return lastSeq;
}

export async function writeUgelActivity(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UgelActivityWrite,
): Promise<{ id: string; version: number }> {
  organiserUgels(actor);
  const [stored] = await organised(db, actor, { id });
  const { rows: found } = await sql<{ id: string }>`
    SELECT id FROM activity WHERE id = ${id}`.execute(db);
  const exists = found.length > 0;
  // Someone else's activity (or one outside the UGEL): never revealed.
  if (exists && !stored) throw new AppError('NOT_FOUND');
  const venue = await db
    .selectFrom('school')
    .select(['id', 'network_id', 'ugel_id', 'region_id'])
    .where('id', '=', input.activity.schoolId)
    .executeTakeFirst();
  const organiserIds = stored?.activity.organiserIds ?? [actor.personId];
  const action = stored ? 'update' : 'create';
  if (!venue || !decideActivityWrite(actor, action, organiserIds, schoolPlace(venue)).allow) {
    throw new AppError('ACTIVITY_OUTSIDE_UGEL', undefined, {
      fields: [{ path: 'activity.schoolId', message: 'La sede no es de tu UGEL.' }],
    });
  }
  const payload: ActivityRecord = { ...input.activity, organiserIds, organisedBy: 'ugel' };
  const fields = Object.keys(payload) as (keyof ActivityRecord)[];
  const changed = stored
    ? fields.filter((f) => JSON.stringify(stored.activity[f]) !== JSON.stringify(payload[f]))
    : fields;
  // The specialist's online "device" is their person id; seq follows the clock and never
  // repeats or goes back in this process, so a later write of theirs is always the later one.
  const mutation: Mutation = {
    mutationId: randomUUID(),
    deviceId: actor.personId,
    seq: nextSeq(),
    kind: 'activity',
    entityId: id,
    op: 'upsert',
    baseVersion: stored ? input.baseVersion : 0,
    changed,
    payload,
    createdAt: new Date().toISOString(),
  };
  const { results } = await pushBatch(db, actor, {
    deviceId: actor.personId,
    mutations: [mutation],
  });
  const result = results[0];
  if (!result || result.status === 'rejected') {
    const e = result?.error;
    throw new AppError((e?.code ?? 'INTERNAL') as ErrorCode, e?.message, e?.details ?? undefined);
  }
  return { id, version: result.version ?? stored?.version ?? 1 };
}

/** The schools, networks, coaches, interventions and teachers (posts this year) of the
 *  specialist's UGEL, to pick the venue and the invitees. */
export async function ugelActivityOptions(
  db: Kysely<DB>,
  actor: Actor,
  year = currentSchoolYear(),
): Promise<UgelActivityOptions> {
  const [ugelId] = organiserUgels(actor) as [string];
  const ugel = await db
    .selectFrom('ugel')
    .select(['id', 'name', 'region_id'])
    .where('id', '=', ugelId)
    .executeTakeFirst();
  if (!ugel) throw new AppError('NOT_FOUND');
  if (
    !decide(actor, 'read', { kind: 'teacher', place: { ugelId, regionId: ugel.region_id } }).allow
  ) {
    throw new AppError('FORBIDDEN');
  }
  const schools = await db
    .selectFrom('school')
    .select(['id', 'name', 'network_id as networkId'])
    .where('ugel_id', '=', ugelId)
    .orderBy('name')
    .execute();
  const networks = await db
    .selectFrom('network')
    .select(['id', 'name'])
    .where('ugel_id', '=', ugelId)
    .orderBy('name')
    .execute();
  const interventions = await db
    .selectFrom('enrollment')
    .select('intervention_code')
    .distinct()
    .where('ugel_id', '=', ugelId)
    .orderBy('intervention_code')
    .execute();
  const { rows: teachers } = await sql<{
    id: string;
    name: string;
    school_id: string;
    coach_ids: string[];
  }>`SELECT DISTINCT ON (${sortNameSql('p')}, p.id) p.id, ${displayNameSql('p')} AS name,
            tp.school_id,
            ARRAY(SELECT DISTINCT c.coach_id FROM caseload c
                   WHERE c.teacher_id = p.id AND ${activeSql('c')} ORDER BY c.coach_id)::text[] AS coach_ids
       FROM teacher_post tp JOIN person p ON p.id = tp.person_id
      WHERE tp.ugel_id = ${ugelId} AND tp.school_year = ${year}
      ORDER BY ${sortNameSql('p')}, p.id, tp.school_id`.execute(db);
  const coachIds = [...new Set(teachers.flatMap((t) => t.coach_ids))];
  const coaches =
    coachIds.length === 0
      ? []
      : (
          await sql<{ id: string; name: string }>`
            SELECT p.id, ${displayNameSql('p')} AS name FROM person p
             WHERE p.id = ANY(${coachIds}::uuid[]) ORDER BY ${sortNameSql('p')}`.execute(db)
        ).rows;
  return {
    ugelId,
    ugelName: ugel.name,
    schoolYear: year,
    interventions: interventions.map((i) => i.intervention_code),
    schools,
    networks,
    coaches: coaches.map((c) => ({ id: c.id, displayName: c.name })),
    teachers: teachers.map((t) => ({
      id: t.id,
      displayName: t.name,
      schoolId: t.school_id,
      coachIds: t.coach_ids,
    })),
  };
}
