import { limaToday } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { LIMA_TODAY } from '../db/time.ts';
import { type DemoRows, type DemoTeacher, demoYear } from './demo-coaching-plan.ts';

// A full school year of coaching for the demo coach (DNI 20000001) and their current caseload,
// written through SQL into the sync tables (one statement per table), so the change_log
// triggers stamp every row and a pull delivers them to the coach's and teachers' phones.

export const DEMO_COACH_DNI = '20000001';

/** Tables in write order; all rows of a table share the same keys. */
const TABLES: (keyof DemoRows)[] = [
  'visit',
  'commitment',
  'reflection',
  'instrument_response',
  'diagnosis',
  'coaching_plan',
  'modelling',
  'stage_record',
];

/** The school year the demo shows: this one from April on; before April, last year's, up to
 *  the end of its classes. */
export function demoSchoolYear(today: string): { year: number; until: string } {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 4
    ? { year, until: today }
    : { year: year - 1, until: `${year - 1}-12-15` };
}

export async function seedDemoCoaching(db: Kysely<DB>, now = new Date()): Promise<DemoRows> {
  const { year, until } = demoSchoolYear(limaToday(now));
  const { rows } = await sql<{
    coach_id: string;
    teacher_id: string;
    dni: string;
    school_id: string;
    region_id: string;
    ugel_id: string;
    intervention_code: string;
    grades: number[];
    students_per_grade: number;
  }>`SELECT DISTINCT ON (c.teacher_id) co.id AS coach_id, c.teacher_id, p.dni, s.id AS school_id,
            s.region_id, s.ugel_id, c.intervention_code, tp.grades,
            -- The school's students shared over the grades its teachers teach (two sections of
            -- a grade are two shares).
            (s.students / (SELECT sum(cardinality(o.grades)) FROM teacher_post o
                            WHERE o.school_id = s.id AND o.school_year = tp.school_year))::int
              AS students_per_grade
       FROM person co
       JOIN caseload c ON c.coach_id = co.id AND c.valid_from <= ${LIMA_TODAY}
        AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})
       JOIN person p ON p.id = c.teacher_id
       JOIN teacher_post tp ON tp.person_id = c.teacher_id
       JOIN school s ON s.id = tp.school_id
      WHERE co.dni = ${DEMO_COACH_DNI}
      ORDER BY c.teacher_id, tp.school_year DESC, c.valid_from DESC`.execute(db);
  const all: DemoRows = {
    visit: [],
    commitment: [],
    reflection: [],
    instrument_response: [],
    diagnosis: [],
    coaching_plan: [],
    modelling: [],
    stage_record: [],
  };
  for (const row of [...rows].sort((a, b) => a.dni.localeCompare(b.dni))) {
    const teacher: DemoTeacher = {
      teacherId: row.teacher_id,
      schoolId: row.school_id,
      regionId: row.region_id,
      ugelId: row.ugel_id,
      interventionCode: row.intervention_code,
      seed: Number(row.dni),
      grades: row.grades,
      studentsPerGrade: row.students_per_grade,
    };
    const year_ = demoYear(teacher, row.coach_id, year, until);
    for (const table of TABLES) all[table].push(...year_[table]);
  }
  for (const table of TABLES) {
    const list = all[table];
    const first = list[0];
    if (!first) continue;
    const columns = Object.keys(first).join(', ');
    await sql`INSERT INTO ${sql.table(table)} (${sql.raw(columns)})
      SELECT ${sql.raw(columns)}
        FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(list)}::jsonb)`.execute(
      db,
    );
  }
  return all;
}
