import {
  type Actor,
  AppError,
  type CoachDay,
  currentSchoolYear,
  limaToday,
  reachOf,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { PREPARE_SQL } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../audit/events.ts';

// GET /me/day: the coach's day over their CURRENT caseload (the SQL form of the policy's
// `caseload` relation for coaching_record): today's and overdue planned visits, commitments
// open and due within a week, teachers below this month's minimum of visits (target_rule).

const DUE_WITHIN_DAYS = 7;
const LEVEL_OF_SCHOOL = `CASE s.level WHEN 'B0' THEN 'primaria' WHEN 'F0' THEN 'secundaria'
  ELSE 'inicial' END`;

type Row = Record<string, unknown>;

export async function coachDay(db: Kysely<DB>, actor: Actor, now = new Date()): Promise<CoachDay> {
  if (!reachOf(actor, 'coaching_record', 'read').some((r) => r.relation === 'caseload')) {
    throw new AppError('FORBIDDEN');
  }
  const today = limaToday(now);
  const year = currentSchoolYear(now);
  const me = actor.personId;
  const { rows } = await sql<{
    teachers: number;
    done_this_month: number;
    visits: Row[];
    commitments: Row[];
    minimum: Row[];
  }>`${PREPARE_SQL}WITH mine AS (
      SELECT DISTINCT ON (c.teacher_id) c.teacher_id, c.intervention_code
        FROM caseload c
       WHERE c.coach_id = ${me} AND c.valid_from <= ${today}::date
         AND (c.valid_to IS NULL OR c.valid_to >= ${today}::date)
       ORDER BY c.teacher_id, c.valid_from DESC
    ), names AS (
      SELECT p.id, concat_ws(' ', p.given_names, p.paternal_surname, p.maternal_surname) AS name
        FROM person p JOIN mine m ON m.teacher_id = p.id
    )
    SELECT
      (SELECT count(*) FROM mine)::int AS teachers,
      (SELECT count(*) FROM visit v JOIN mine m ON m.teacher_id = v.teacher_id
        WHERE v.status = 'done'
          AND date_trunc('month', v.planned_date) = date_trunc('month', ${today}::date))::int
        AS done_this_month,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', v.id, 'teacherId', v.teacher_id,
                'teacherName', n.name, 'schoolName', s.name, 'plannedDate', v.planned_date,
                'kind', v.kind) ORDER BY v.planned_date, n.name), '[]')
         FROM visit v JOIN mine m ON m.teacher_id = v.teacher_id
         JOIN names n ON n.id = v.teacher_id JOIN school s ON s.id = v.school_id
        WHERE v.status = 'planned' AND v.school_year = ${year}
          AND v.planned_date <= ${today}::date) AS visits,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'visitId', c.visit_id,
                'teacherId', c.teacher_id, 'teacherName', n.name, 'owner', c.owner,
                'desempeno', c.desempeno, 'text', c.text, 'dueDate', c.due_date,
                'status', c.status, 'followUpNote', c.follow_up_note)
                ORDER BY c.due_date, n.name, c.id), '[]')
         FROM commitment c JOIN mine m ON m.teacher_id = c.teacher_id
         JOIN names n ON n.id = c.teacher_id
        WHERE c.status IN ('pending', 'en_proceso') AND c.due_date IS NOT NULL
          AND c.due_date <= ${today}::date + ${DUE_WITHIN_DAYS}::int) AS commitments,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('teacherId', x.teacher_id,
                'teacherName', x.name, 'doneThisMonth', x.done, 'minimumPerMonth', x.minimum)
                ORDER BY x.name), '[]')
         FROM (
           SELECT m.teacher_id, n.name,
                  (SELECT count(*) FROM visit v
                    WHERE v.teacher_id = m.teacher_id AND v.status = 'done'
                      AND date_trunc('month', v.planned_date) = date_trunc('month', ${today}::date))::int AS done,
                  coalesce((SELECT max(t.min_per_month) FROM target_rule t
                     JOIN teacher_post tp ON tp.person_id = m.teacher_id AND tp.school_year = ${year}
                     JOIN school s ON s.id = tp.school_id
                    WHERE t.intervention_code = m.intervention_code AND t.school_year = ${year}
                      AND t.activity_kind = 'visita' AND t.level = ${sql.raw(LEVEL_OF_SCHOOL)}
                      AND (cardinality(tp.grades) = 0
                           OR EXISTS (SELECT 1 FROM unnest(tp.grades) g
                                       WHERE g BETWEEN t.grade_from AND t.grade_to))), 0)::int AS minimum
             FROM mine m JOIN names n ON n.id = m.teacher_id
         ) x WHERE x.done < x.minimum) AS minimum`.execute(db);
  const r = rows[0];
  const visits = (r?.visits ?? []) as CoachDay['today'];
  const todays = visits.filter((v) => v.plannedDate === today);
  const overdue = visits.filter((v) => v.plannedDate < today);
  const commitmentsDue = (r?.commitments ?? []) as CoachDay['commitmentsDue'];
  const belowMinimum = (r?.minimum ?? []) as CoachDay['belowMinimum'];
  // The day shows commitment texts and follow-up notes of the caseload: a read of each of
  // those teachers' records, audited like any other (they see it in "Quién consultó…").
  const teachers = [...todays, ...overdue, ...commitmentsDue, ...belowMinimum].map(
    (x) => x.teacherId,
  );
  await audit(db, actor, {
    action: 'coaching.day.read',
    resourceKind: 'coaching_record',
    resourceId: `day:${today}`,
    detail: {
      today: todays.length,
      overdue: overdue.length,
      commitmentsDue: commitmentsDue.length,
      belowMinimum: belowMinimum.length,
    },
    subjects: teachers,
  });
  return {
    date: today,
    today: todays,
    overdue,
    commitmentsDue,
    belowMinimum,
    counts: {
      teachers: Number(r?.teachers ?? 0),
      today: todays.length,
      overdue: overdue.length,
      commitmentsDue: commitmentsDue.length,
      belowMinimum: belowMinimum.length,
      doneThisMonth: Number(r?.done_this_month ?? 0),
    },
  };
}
