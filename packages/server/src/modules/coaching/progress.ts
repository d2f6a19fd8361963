import {
  type Actor,
  ladderOf,
  levelHistory,
  suggestStage,
  type TeacherProgress,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isoInstant, LIMA_TODAY, limaDateSql } from '../../db/time.ts';
import { accessTo, auditRead } from './access.ts';

// GET /teachers/{id}/progress: levels per desempeño over time from complete rubric responses
// (dated by their visit, through core's levelHistory), the stage decisions, and the suggestion
// of core's suggestStage on the ladder of the teacher's current intervention (migration 0008).

export async function teacherProgress(
  db: Kysely<DB>,
  actor: Actor,
  teacherId: string,
): Promise<TeacherProgress> {
  await accessTo(db, actor, teacherId, false);
  await auditRead(db, actor, 'coaching.progress.read', teacherId, `teacher:${teacherId}`);
  const [{ rows: observations }, { rows: stages }, { rows: ladders }] = await Promise.all([
    sql<{ id: string; visit_id: string | null; date: string; scores: Record<string, unknown> }>`
      SELECT r.id, r.visit_id, coalesce(v.planned_date, ${limaDateSql(sql.ref('r.updated_at'))})::text AS date,
             r.answers->'scores' AS scores
        FROM instrument_response r
        JOIN instrument_version iv ON iv.id = r.instrument_version_id
        JOIN instrument i ON i.id = iv.instrument_id
        LEFT JOIN visit v ON v.id = r.visit_id
       WHERE r.teacher_id = ${teacherId} AND r.status = 'complete' AND i.type = 'rubric'
       ORDER BY 3, r.id`.execute(db),
    sql<{
      id: string;
      stage: string;
      suggested: string | null;
      note: string;
      decided_at: string;
    }>`SELECT id, stage, suggested, note, to_jsonb(decided_at) #>> '{}' AS decided_at
        FROM stage_record WHERE teacher_id = ${teacherId} ORDER BY decided_at, id`.execute(db),
    sql<{ stage_ladder: unknown }>`
      SELECT i.stage_ladder FROM caseload c JOIN intervention i ON i.code = c.intervention_code
       WHERE c.teacher_id = ${teacherId} AND c.valid_from <= ${LIMA_TODAY}
         AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})
       ORDER BY c.valid_from DESC LIMIT 1`.execute(db),
  ]);

  const { history, desempenos } = levelHistory(
    observations.map((o) => ({ date: o.date, visitId: o.visit_id, scores: o.scores })),
  );
  const suggestion = suggestStage(history, ladderOf(ladders[0]?.stage_ladder ?? null));
  return {
    teacherId,
    desempenos,
    stages: stages.map((s) => ({
      id: s.id,
      stage: s.stage,
      suggested: s.suggested,
      note: s.note,
      decidedAt: isoInstant(s.decided_at) as string,
    })),
    suggestion: {
      stage: suggestion.stage
        ? { code: suggestion.stage.code, coachRole: suggestion.stage.coachRole }
        : null,
      reasons: suggestion.reasons,
    },
  };
}
