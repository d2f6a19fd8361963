import {
  type Actor,
  AppError,
  type ComplianceRow,
  currentSchoolYear,
  decide,
  limaToday,
  type MyProgress,
  type ReportQuery,
} from '@acompana/core';
import { sql } from 'kysely';
import { PREPARE_SQL } from '../../db/database.ts';
import { audit } from '../audit/events.ts';
import { activeSql, displayNameSql, sortNameSql } from '../shared/sql.ts';
import { totalFigures } from './figures.ts';
import { readModelsState } from './maintain.ts';
import type { ReportDbs } from './reports.ts';

// GET /reports/my-progress («Mi avance»): a coach's own caseload, teacher by teacher (activity
// data of their own teachers: no suppression), from the read models.

interface TeacherRow {
  id: string;
  name: string;
  school: string | null;
  visits_done: string;
  visits_target: string;
  visited: boolean;
  skipped: boolean;
  gia: string;
  taller: string;
  familias: string;
}

export async function myProgress(
  { read: db, write }: ReportDbs,
  actor: Actor,
  query: Pick<ReportQuery, 'year' | 'month'>,
): Promise<MyProgress> {
  const me = actor.personId;
  if (!decide(actor, 'read', { kind: 'my_progress', ownerId: me }).allow) {
    throw new AppError('FORBIDDEN');
  }
  const current = currentSchoolYear();
  const year = query.year ?? current;
  const month =
    query.month ?? (year === current ? Number(limaToday().slice(5, 7)) : year < current ? 12 : 1);
  await audit(write, actor, {
    action: 'report.my_progress.read',
    resourceKind: 'my_progress',
    resourceId: me,
    detail: { year, month },
  });
  const report = {
    year,
    month,
    scope: { level: 'coach' as const, id: me, name: '', code: '', place: {} },
    by: null,
  };
  const state = await readModelsState(db, year);
  const total = await totalFigures(db, report, {}, state.complex);
  // The school's name per row by its key: a join made the planner read every school (hash)
  // for a caseload's hundred rows. Prepared per connection (db/database.ts): its plan is the same
  // for every coach.
  const { rows } = await sql<TeacherRow>`${PREPARE_SQL}
    SELECT r.teacher_id AS id, ${displayNameSql('p')} AS name,
           max((SELECT s.name FROM school s WHERE s.id = r.school_id)) AS school,
           sum(r.visits_done)::text AS visits_done, max(r.visit_target)::text AS visits_target,
           bool_or(r.month = ${month} AND r.visits_done > 0) AS visited,
           bool_or(r.month = ${month} AND r.skipped) AS skipped,
           sum(r.gia)::text AS gia, sum(r.taller)::text AS taller, sum(r.familias)::text AS familias,
           min(${sortNameSql('p')}) AS sort_name
      FROM report_teacher_month r
      JOIN person p ON p.id = r.teacher_id
     WHERE r.school_year = ${year} AND r.month <= ${month} AND r.coach_id = ${me}
       -- Teacher by teacher only the coach's current group: the day a caseload row ends, its
       -- teacher leaves «Mi avance» as she leaves every other screen (docs/PRIVACY.md); the
       -- months they shared still count in the group's total, an aggregate.
       AND EXISTS (SELECT 1 FROM caseload c
                    WHERE c.coach_id = ${me} AND c.teacher_id = r.teacher_id AND ${activeSql('c')})
     GROUP BY r.teacher_id, p.given_names, p.paternal_surname, p.maternal_surname
     ORDER BY sort_name, r.teacher_id`.execute(db);
  const t = total;
  const totalRow: ComplianceRow = {
    id: me,
    name: 'Mi grupo',
    level: 'coach',
    drill: null,
    suppressed: false,
    teachers: t?.teachersMonth ?? 0,
    withCoach: t?.withCoach ?? 0,
    visits: {
      done: t?.visitsDone ?? 0,
      planned: t?.visitsPlanned ?? 0,
      target: t?.visitTargetMonth ?? 0,
    },
    gia: { done: t?.gia ?? 0, target: null },
    ria: { done: t?.ria ?? 0, target: null },
    taller: { done: t?.taller ?? 0, target: null },
    familias: { done: t?.familias ?? 0, target: null },
    monthCoveragePct: t && t.due > 0 ? Math.round((1000 * t.visitedDue) / t.due) / 10 : null,
    cumulative: {
      visits: { done: t?.cumVisits ?? 0, target: t?.targetVisits ?? 0 },
      gia: { done: t?.cumGia ?? 0, target: t?.targetGia ?? 0 },
      ria: { done: t?.cumRia ?? 0, target: t?.targetRia ?? 0 },
      taller: { done: t?.cumTaller ?? 0, target: t?.targetTaller ?? 0 },
      familias: { done: t?.cumFamilias ?? 0, target: t?.targetFamilias ?? 0 },
    },
  };
  return {
    year,
    month,
    asOf: state.asOf,
    total: totalRow,
    teachers: rows.map((r) => ({
      id: r.id,
      name: r.name,
      school: r.school,
      visitsDone: Number(r.visits_done),
      visitsTarget: Number(r.visits_target),
      visitedThisMonth: r.visited,
      skippedThisMonth: r.skipped,
      gia: Number(r.gia),
      taller: Number(r.taller),
      familias: Number(r.familias),
    })),
  };
}
