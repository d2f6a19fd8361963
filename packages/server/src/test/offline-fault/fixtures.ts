import { currentSchoolYear, limaToday } from '@acompana/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hashPassword } from '../../auth/passwords.ts';
import type { DB } from '../../db/schema.ts';

// Accounts and caseloads the fault-injection test's devices log in with, taken from the
// demo data: coaches with a current caseload, some of their teachers as docentes, and for each
// coach a teacher outside their caseload (their writes about that teacher must be rejected).

export interface CaseloadEntry {
  teacherId: string;
  schoolId: string;
  interventionCode: string;
}

export interface CoachFixture {
  personId: string;
  dni: string;
  caseload: CaseloadEntry[];
  outsider: CaseloadEntry;
}

export interface TeacherFixture {
  personId: string;
  dni: string;
  coach: CoachFixture;
  entry: CaseloadEntry;
}

export async function prepareFieldAccounts(
  db: Kysely<DB>,
  teacherCount: number,
): Promise<{ coaches: CoachFixture[]; teachers: TeacherFixture[] }> {
  const year = currentSchoolYear();
  const today = limaToday();
  const rows = await db
    .selectFrom('caseload as c')
    .innerJoin('person as coach', 'coach.id', 'c.coach_id')
    .innerJoin('person as teacher', 'teacher.id', 'c.teacher_id')
    .innerJoin('teacher_post as tp', (join) =>
      join.onRef('tp.person_id', '=', 'c.teacher_id').on('tp.school_year', '=', year),
    )
    .select([
      'c.coach_id',
      'coach.dni as coach_dni',
      'c.teacher_id',
      'teacher.dni as teacher_dni',
      'tp.school_id',
      'c.intervention_code',
    ])
    .where('c.valid_from', '<=', sql<string>`${today}::date`)
    .where((eb) =>
      eb.or([eb('c.valid_to', 'is', null), eb('c.valid_to', '>=', sql<string>`${today}::date`)]),
    )
    .orderBy('coach.dni')
    .orderBy('teacher.dni')
    .execute();

  const byCoach = new Map<string, CoachFixture>();
  const teacherDni = new Map<string, string>();
  for (const row of rows) {
    let coach = byCoach.get(row.coach_id);
    if (!coach) {
      coach = { personId: row.coach_id, dni: row.coach_dni, caseload: [], outsider: null as never };
      byCoach.set(row.coach_id, coach);
    }
    // One school per teacher is enough for the test (the first post of the year).
    if (!coach.caseload.some((entry) => entry.teacherId === row.teacher_id)) {
      coach.caseload.push({
        teacherId: row.teacher_id,
        schoolId: row.school_id,
        interventionCode: row.intervention_code,
      });
    }
    teacherDni.set(row.teacher_id, row.teacher_dni);
  }
  const coaches = [...byCoach.values()];
  for (const coach of coaches) {
    const other = coaches
      .find((c) => c !== coach)
      ?.caseload.find(
        (entry) => !coach.caseload.some((mine) => mine.teacherId === entry.teacherId),
      );
    if (!other) throw new Error('the demo needs two coaches with different teachers');
    coach.outsider = other;
  }

  const teachers: TeacherFixture[] = [];
  for (const coach of coaches) {
    if (teachers.length >= teacherCount) break;
    const entry = coach.caseload[0];
    if (!entry || teachers.some((t) => t.personId === entry.teacherId)) continue;
    teachers.push({
      personId: entry.teacherId,
      dni: teacherDni.get(entry.teacherId) ?? '',
      coach,
      entry,
    });
  }

  const hash = await hashPassword('acompana');
  const people = [...coaches.map((c) => c.personId), ...teachers.map((t) => t.personId)];
  await db
    .insertInto('user_account')
    .values(people.map((person_id) => ({ person_id, password_hash: hash })))
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
  for (const teacher of teachers) {
    const has = await db
      .selectFrom('role_assignment')
      .select('person_id')
      .where('person_id', '=', teacher.personId)
      .where('role', '=', 'docente')
      .executeTakeFirst();
    if (has) continue;
    await db
      .insertInto('role_assignment')
      .values({
        person_id: teacher.personId,
        role: 'docente',
        scope_level: 'school',
        scope_id: teacher.entry.schoolId,
        valid_from: `${year - 1}-01-01`,
      })
      .execute();
  }
  return { coaches, teachers };
}
