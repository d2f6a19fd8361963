import {
  type Actor,
  AppError,
  reachOf,
  type TeacherVisits,
  type VisitDetail,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isoInstant } from '../../db/time.ts';
import { accessTo, auditRead } from './access.ts';

// GET /teachers/{id}/visits and GET /visits/{id} (docs/API.md, docs/PRIVACY.md). What a visit
// shows is only ever about its own teacher: sync refuses records naming another teacher's visit
// (sync/anchoring.ts), and these reads filter by teacher as well, so a record that slipped in
// before that check still stays out of sight.

type Row = Record<string, unknown>;

export async function teacherVisits(
  db: Kysely<DB>,
  actor: Actor,
  teacherId: string,
): Promise<TeacherVisits> {
  const access = await accessTo(db, actor, teacherId, true);
  await auditRead(db, actor, 'coaching.visits.list', teacherId, `teacher:${teacherId}`, {
    access,
  });
  if (access === 'status') {
    const { rows } = await sql<{ planned_date: string; status: 'planned' }>`
      SELECT planned_date::text AS planned_date, status FROM visit
       WHERE teacher_id = ${teacherId} ORDER BY planned_date DESC, id`.execute(db);
    return {
      teacherId,
      access,
      visits: rows.map((r) => ({ plannedDate: r.planned_date, status: r.status })),
    };
  }
  const { rows } = await sql<Row>`
    SELECT v.id, v.planned_date::text AS planned_date, v.status, v.kind, v.cancel_reason,
           v.goals, v.focus, v.dialogue->>'reflectionLevel' AS reflection_level,
           (SELECT count(*) FROM commitment c
             WHERE c.visit_id = v.id AND c.teacher_id = v.teacher_id)::int AS commitments,
           (SELECT count(*) FROM instrument_response r
             WHERE r.visit_id = v.id AND r.teacher_id = v.teacher_id
               AND r.status = 'complete')::int AS complete_responses,
           EXISTS (SELECT 1 FROM reflection f
                    WHERE f.visit_id = v.id AND f.teacher_id = v.teacher_id) AS has_reflection
      FROM visit v
     WHERE v.teacher_id = ${teacherId}
     ORDER BY v.planned_date DESC, v.id`.execute(db);
  return {
    teacherId,
    access,
    visits: rows.map((r) => ({
      id: String(r.id),
      plannedDate: String(r.planned_date),
      status: r.status as 'planned',
      kind: r.kind as 'regular',
      cancelReason: (r.cancel_reason ?? null) as null,
      goals: r.goals as string[],
      focus: r.focus as string[],
      reflectionLevel: (r.reflection_level ?? null) as null,
      commitments: Number(r.commitments),
      completeResponses: Number(r.complete_responses),
      hasTeacherReflection: Boolean(r.has_reflection),
    })),
  };
}

const commitmentOf = (c: Row) => ({
  id: String(c.id),
  visitId: String(c.visit_id),
  owner: c.owner as 'teacher',
  desempeno: (c.desempeno ?? null) as string | null,
  text: String(c.text),
  dueDate: (c.due_date ?? null) as string | null,
  status: c.status as 'pending',
  followUpNote: (c.follow_up_note ?? null) as string | null,
});

export async function visitDetail(
  db: Kysely<DB>,
  actor: Actor,
  visitId: string,
): Promise<VisitDetail> {
  const { rows } = await sql<{
    v: Row;
  }>`SELECT to_jsonb(v) AS v FROM visit v WHERE v.id = ${visitId}`.execute(db);
  const v = rows[0]?.v;
  if (!v) {
    // Same answer as for a visit that exists: a supervisor learns nothing from an id.
    if (reachOf(actor, 'coaching_record', 'read').length === 0) throw new AppError('FORBIDDEN');
    throw new AppError('NOT_FOUND');
  }
  const teacherId = String(v.teacher_id);
  await accessTo(db, actor, teacherId, false);
  await auditRead(db, actor, 'coaching.visit.read', teacherId, `visit:${visitId}`);

  const { rows: parts } = await sql<{
    commitments: Row[];
    follow_ups: Row[];
    reflections: Row[];
    responses: Row[];
    modelling: Row[];
  }>`SELECT
      (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.created_at, c.id), '[]')
         FROM commitment c WHERE c.visit_id = ${visitId} AND c.teacher_id = ${teacherId}) AS commitments,
      (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.created_at, c.id), '[]')
         FROM commitment c
        WHERE c.teacher_id = ${teacherId} AND c.visit_id = (SELECT p.id FROM visit p
                             WHERE p.teacher_id = ${teacherId} AND p.status = 'done'
                               AND (p.planned_date, p.id) < (${String(v.planned_date)}::date, ${visitId}::uuid)
                             ORDER BY p.planned_date DESC, p.id DESC LIMIT 1)) AS follow_ups,
      (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.updated_at), '[]')
         FROM reflection f WHERE f.visit_id = ${visitId} AND f.teacher_id = ${teacherId}) AS reflections,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id,
                'instrumentVersionId', r.instrument_version_id, 'instrumentCode', i.code,
                'instrumentType', i.type, 'version', iv.version, 'status', r.status,
                'answers', r.answers) ORDER BY i.type DESC, r.id), '[]')
         FROM instrument_response r
         JOIN instrument_version iv ON iv.id = r.instrument_version_id
         JOIN instrument i ON i.id = iv.instrument_id
        WHERE r.visit_id = ${visitId} AND r.teacher_id = ${teacherId}) AS responses,
      (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.date, m.id), '[]')
         FROM modelling m WHERE m.visit_id = ${visitId} AND m.teacher_id = ${teacherId}) AS modelling`.execute(
    db,
  );
  const p = parts[0];
  return {
    id: visitId,
    teacherId,
    schoolId: String(v.school_id),
    interventionCode: String(v.intervention_code),
    kind: v.kind as 'regular',
    status: v.status as 'done',
    plannedDate: String(v.planned_date),
    startedAt: isoInstant(v.started_at),
    endedAt: isoInstant(v.ended_at),
    cancelReason: (v.cancel_reason ?? null) as null,
    cancelNote: (v.cancel_note ?? null) as string | null,
    goals: v.goals as string[],
    focus: v.focus as string[],
    teacherConfirmedAt: isoInstant(v.teacher_confirmed_at),
    dialogue: (v.dialogue ?? null) as VisitDetail['dialogue'],
    version: Number(v.version),
    commitments: (p?.commitments ?? []).map(commitmentOf),
    followUps: (p?.follow_ups ?? []).map(commitmentOf),
    reflections: (p?.reflections ?? []).map((f) => ({
      id: String(f.id),
      text: String(f.text),
      updatedAt: isoInstant(f.updated_at) as string,
    })),
    responses: (p?.responses ?? []) as VisitDetail['responses'],
    modelling: (p?.modelling ?? []).map((m) => ({
      id: String(m.id),
      kind: m.kind as 'co_planning',
      date: String(m.date),
      desempeno: (m.desempeno ?? null) as string | null,
      notes: String(m.notes),
    })),
  };
}
