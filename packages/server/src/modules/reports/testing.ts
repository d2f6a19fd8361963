import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { YEAR } from '../shared/testing.ts';
import { rebuildReadModels } from './maintain.ts';

// The reports' small fixture, whose figures reports.test.ts computes by hand (docs/REPORTS.md):
// a UGEL of its own with three schools, two coaches and twelve teachers (this school year):
//   A  urbana, polidocente_completo, primaria, SP_URBANO (visits 8/year, 1/month): A1–A6,
//      coach C1 since 1 March. Done visits: A1 in March, April and twice in May; A2 in May (and
//      one cancelled); A3–A6 in April; A3 has one planned (not done) in May.
//   B  rural, unidocente, primaria, MULTIGRADO (visits 9/year, 1/month): B1, B4, B5 coach C2
//      since 1 March; B2 coach C2 since 1 August (joins mid-year); B3 never has a coach.
//      Done visits: B1 and B4 in May; B5's May is «no planificar».
//   C  urbana, polidocente_completo, inicial, SPI: X alone, coach C1 since 1 March, one done
//      visit in May — the teacher a supervisor must not single out.

export interface ReportFixture {
  regionId: string;
  ugelId: string;
  schools: { A: string; B: string; C: string };
  coaches: { C1: string; C2: string };
  teachers: Record<string, string>;
}

export async function addReportFixture(db: Kysely<DB>, tag: string): Promise<ReportFixture> {
  const id = () => randomUUID();
  const regionId = id();
  const ugelId = id();
  await sql`INSERT INTO region (id, code, name) VALUES (${regionId}, ${`R${tag}`}, ${`Región reportes ${tag}`})`.execute(
    db,
  );
  await sql`INSERT INTO ugel (id, region_id, code, name) VALUES (${ugelId}, ${regionId}, ${`U${tag}`}, ${`UGEL reportes ${tag}`})`.execute(
    db,
  );
  const schools = { A: id(), B: id(), C: id() };
  const school = (
    sid: string,
    code: string,
    name: string,
    level: string,
    ch: string,
    area: string,
  ) =>
    sql`INSERT INTO school (id, region_id, ugel_id, codigo_modular, name, level, characteristic, area)
        VALUES (${sid}, ${regionId}, ${ugelId}, ${code}, ${name}, ${level}, ${ch}, ${area})`.execute(
      db,
    );
  await school(schools.A, `97${tag}001`, 'IE A', 'B0', 'polidocente_completo', 'urbana');
  await school(schools.B, `97${tag}002`, 'IE B', 'B0', 'unidocente', 'rural');
  await school(schools.C, `97${tag}003`, 'IE C', 'A2', 'polidocente_completo', 'urbana');
  const enrol = (sid: string, code: string) =>
    sql`INSERT INTO enrollment (school_id, intervention_code, region_id, ugel_id, cohort_start_year)
        VALUES (${sid}, ${code}, ${regionId}, ${ugelId}, ${YEAR - 1})`.execute(db);
  await enrol(schools.A, 'SP_URBANO');
  await enrol(schools.B, 'MULTIGRADO');
  await enrol(schools.C, 'SPI');

  const names = ['C1', 'C2', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'B5', 'X'];
  const people: Record<string, string> = {};
  for (const [i, n] of names.entries()) {
    people[n] = id();
    await sql`INSERT INTO person (id, dni, given_names, paternal_surname)
              VALUES (${people[n]}, ${`6${tag}0${String(i).padStart(4, '0')}`}, ${n}, ${`Reporte${tag}`})`.execute(
      db,
    );
  }
  const p = (n: string) => people[n] as string;
  for (const c of ['C1', 'C2'])
    await sql`INSERT INTO coach_profile (person_id, kind) VALUES (${p(c)}, 'acompanante_pedagogico')`.execute(
      db,
    );
  const post = (n: string, sid: string, level: string, grades: number[]) =>
    sql`INSERT INTO teacher_post (person_id, school_id, region_id, ugel_id, school_year, level, grades)
        VALUES (${p(n)}, ${sid}, ${regionId}, ${ugelId}, ${YEAR}, ${level}, ${grades})`.execute(db);
  for (const n of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6']) await post(n, schools.A, 'B0', [2]);
  for (const n of ['B1', 'B2', 'B3', 'B4', 'B5']) await post(n, schools.B, 'B0', [1, 2, 3]);
  await post('X', schools.C, 'A2', [4]);
  const caseload = (n: string, coach: string, code: string, from: string) =>
    sql`INSERT INTO caseload (coach_id, teacher_id, intervention_code, region_id, ugel_id, valid_from)
        VALUES (${p(coach)}, ${p(n)}, ${code}, ${regionId}, ${ugelId}, ${from})`.execute(db);
  for (const n of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'])
    await caseload(n, 'C1', 'SP_URBANO', `${YEAR}-03-01`);
  for (const n of ['B1', 'B4', 'B5']) await caseload(n, 'C2', 'MULTIGRADO', `${YEAR}-03-01`);
  await caseload('B2', 'C2', 'MULTIGRADO', `${YEAR}-08-01`);
  await caseload('X', 'C1', 'SPI', `${YEAR}-03-01`);

  const schoolOf = (n: string) =>
    n.startsWith('A') ? schools.A : n.startsWith('B') ? schools.B : schools.C;
  const code = (n: string) =>
    n.startsWith('A') ? 'SP_URBANO' : n.startsWith('B') ? 'MULTIGRADO' : 'SPI';
  const visit = (n: string, month: number, status: string, day = 10) =>
    sql`INSERT INTO visit (id, version, teacher_id, school_id, region_id, ugel_id, school_year,
          intervention_code, kind, status, planned_date, created_by, updated_by)
        VALUES (${id()}, 1, ${p(n)}, ${schoolOf(n)}, ${regionId}, ${ugelId}, ${YEAR}, ${code(n)},
          'regular', ${status}, ${`${YEAR}-${String(month).padStart(2, '0')}-${day}`},
          ${p(n.startsWith('B') ? 'C2' : 'C1')}, ${p(n.startsWith('B') ? 'C2' : 'C1')})`.execute(
      db,
    );
  await visit('A1', 3, 'done');
  await visit('A1', 4, 'done');
  await visit('A1', 5, 'done', 5);
  await visit('A1', 5, 'done', 20);
  await visit('A2', 5, 'done');
  await visit('A2', 5, 'cancelled', 12);
  for (const n of ['A3', 'A4', 'A5', 'A6']) await visit(n, 4, 'done');
  await visit('A3', 5, 'planned');
  await visit('B1', 5, 'done');
  await visit('B4', 5, 'done');
  await visit('X', 5, 'done');
  await sql`INSERT INTO coaching_plan (id, version, teacher_id, school_id, region_id, ugel_id,
              school_year, intervention_code, focus, from_month, to_month, skipped_months,
              created_by, updated_by)
            VALUES (${id()}, 1, ${p('B5')}, ${schools.B}, ${regionId}, ${ugelId}, ${YEAR},
              'MULTIGRADO', ${['D1']}, 3, 12, ${JSON.stringify([{ month: 5, reason: 'Licencia' }])},
              ${p('C2')}, ${p('C2')})`.execute(db);
  await rebuildReadModels(db);
  return {
    regionId,
    ugelId,
    schools,
    coaches: { C1: p('C1'), C2: p('C2') },
    teachers: people,
  };
}
