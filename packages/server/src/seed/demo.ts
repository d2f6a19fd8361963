import { currentSchoolYear } from '@acompana/core';
import type { Insertable, Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import type { CaseloadTable, DB } from '../db/schema.ts';
import { rebuildReadModels } from '../modules/reports/maintain.ts';
import { seedDemoActivities } from './demo-activities.ts';
import { seedDemoCoaching } from './demo-coaching.ts';
import { EIB_LANGUAGE, EXIT_NOTE, NETWORKS, REGION, SCHOOLS, UBIGEO, UGEL } from './demo-data.ts';
import { COACHES, DIRECTORS, DOCENTE, type PersonSeed, STAFF } from './demo-people.ts';
import { demoCaseloads, demoTeachers } from './demo-plan.ts';

// Demo data: UGEL Gran Chimú (La Libertad) with 25 schools in four interventions, 120
// teachers and 10 coaches, built so that the roster warnings show (see demo-data.ts).
// Names, DNIs and códigos modulares are synthetic. Every demo account's password is "acompana".

export const DEMO_PASSWORD = 'acompana';

export const DEMO_ACCOUNTS = [
  { dni: '10000001', role: 'minedu', label: 'Equipo MINEDU' },
  { dni: '50000001', role: 'especialista', label: 'Especialista UGEL' },
  { dni: '60000001', role: 'formador', label: 'Formador' },
  { dni: '20000001', role: 'acompanante', label: 'Acompañante pedagógico' },
  { dni: '40000001', role: 'director', label: 'Director(a)' },
  { dni: '30000001', role: 'docente', label: 'Docente' },
] as const;

const FORMADOR = '60000001';

export async function hasDemoData(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('dni', '=', '10000001')
    .executeTakeFirst();
  return row !== undefined;
}

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

const personRow = (p: PersonSeed) => ({
  dni: p.dni,
  given_names: p.given,
  paternal_surname: p.paternal,
  maternal_surname: p.maternal,
});

function lookup<T extends string>(rows: { id: string; key: T }[], what: string) {
  const map = new Map(rows.map((r) => [r.key, r.id]));
  return (key: T): string => {
    const id = map.get(key);
    if (!id) throw new Error(`demo ${what} ${key} missing`);
    return id;
  };
}

export async function seedDemo(db: Kysely<DB>): Promise<void> {
  const year = currentSchoolYear();
  // Assignments start last year so the demo works on any date, including January.
  const from = `${year - 1}-01-01`;
  const teachers = demoTeachers();
  const caseloads = demoCaseloads(teachers, year);
  // Hash outside the transaction: argon2 is deliberately slow and PGlite has one connection.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));

  // One statement per table keeps the seed fast on PGlite (a dozen round trips in all).
  await db.transaction().execute(async (tx) => {
    const region = await tx
      .insertInto('region')
      .values(REGION)
      .returning('id')
      .executeTakeFirstOrThrow();
    const ugel = await tx
      .insertInto('ugel')
      .values({ ...UGEL, region_id: region.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const place = { region_id: region.id, ugel_id: ugel.id };

    const networks = await tx
      .insertInto('network')
      .values(NETWORKS.map((n) => ({ ...place, code: n.code, name: n.name })))
      .returning(['id', 'code as key'])
      .execute();
    const networkId = lookup(networks, 'network');
    const networkCode = (key: string) => NETWORKS.find((n) => n.key === key)?.code ?? '';

    const schools = await tx
      .insertInto('school')
      .values(
        SCHOOLS.map((s) => ({
          ...place,
          network_id: s.network ? networkId(networkCode(s.network)) : null,
          codigo_modular: s.codigo,
          anexo: 0,
          codlocal: s.codlocal,
          name: s.name,
          level: s.level,
          characteristic: s.characteristic,
          area: s.area,
          ubigeo: UBIGEO[s.district],
          management: 'Pública de gestión directa',
          language: s.enrollment?.code === 'SPI' ? EIB_LANGUAGE : null,
          latitude: s.lat,
          longitude: s.lon,
          active: true,
          students: s.students,
          teachers: s.posts.length,
        })),
      )
      .returning(['id', 'codigo_modular as key'])
      .execute();
    const schoolId = lookup(schools, 'school');

    const people = await tx
      .insertInto('person')
      .values([...STAFF, ...COACHES, ...DIRECTORS, ...teachers].map(personRow))
      .returning(['id', 'dni as key'])
      .execute();
    const id = lookup(people, 'person');

    await tx
      .insertInto('user_account')
      .values(
        DEMO_ACCOUNTS.map((a, i) => ({ person_id: id(a.dni), password_hash: hashes[i] as string })),
      )
      .execute();

    await tx
      .insertInto('coach_profile')
      .values(
        // No max_caseload of their own: the UGEL-wide range in app_setting applies.
        COACHES.map((c) => ({ person_id: id(c.dni), kind: c.kind, specialty: c.specialty })),
      )
      .execute();

    const docenteSchool = schoolId(teachers[0]?.school.codigo ?? '');
    await tx
      .insertInto('role_assignment')
      .values(
        [
          { person_id: id('10000001'), role: 'minedu', scope_level: 'national', scope_id: null },
          {
            person_id: id('50000001'),
            role: 'especialista',
            scope_level: 'ugel',
            scope_id: ugel.id,
          },
          { person_id: id(FORMADOR), role: 'formador', scope_level: 'region', scope_id: region.id },
          ...COACHES.map((c) => ({
            person_id: id(c.dni),
            role: 'acompanante',
            scope_level: 'ugel',
            scope_id: ugel.id,
          })),
          ...DIRECTORS.map((d) => ({
            person_id: id(d.dni),
            role: 'director',
            scope_level: 'school',
            scope_id: schoolId(d.school),
          })),
          {
            person_id: id(DOCENTE.dni),
            role: 'docente',
            scope_level: 'school',
            scope_id: docenteSchool,
          },
        ].map((r) => ({ ...r, valid_from: from })),
      )
      .execute();

    await tx
      .insertInto('teacher_post')
      .values(
        teachers.map((t) => ({
          ...place,
          person_id: id(t.dni),
          school_id: schoolId(t.school.codigo),
          school_year: year,
          level: t.school.level,
          grades: t.post.grades,
          subject: t.post.subject ?? null,
          acting_director: t.post.acting === true,
        })),
      )
      .execute();

    await tx
      .insertInto('enrollment')
      .values(
        SCHOOLS.flatMap(({ codigo, enrollment: e }) =>
          e
            ? [
                {
                  ...place,
                  school_id: schoolId(codigo),
                  intervention_code: e.code,
                  cohort_start_year: year + e.cohort,
                  ...(e.exit === undefined
                    ? { status: 'activa' }
                    : {
                        status: 'egresada',
                        exit_year: year + e.exit,
                        exit_teacher_progress: true,
                        exit_director_leadership: true,
                        exit_collaborative_work: true,
                        exit_note: EXIT_NOTE,
                      }),
                },
              ]
            : [],
        ),
      )
      .execute();

    // The SPI network's ASPI team, last year and this one.
    const spi = networkId(networkCode('sayapullo'));
    await tx
      .insertInto('network_team')
      .values(
        [year - 1, year].flatMap((schoolYear) =>
          COACHES.filter((c) => c.kind === 'aspi').map((c) => ({
            network_id: spi,
            coach_id: id(c.dni),
            school_year: schoolYear,
            specialty: c.specialty ?? '',
          })),
        ),
      )
      .execute();

    await tx
      .insertInto('caseload')
      .values(
        caseloads.map(
          (c): Insertable<CaseloadTable> => ({
            ...place,
            coach_id: id(c.coach),
            teacher_id: id(c.teacher),
            intervention_code: c.intervention,
            specialty: c.specialty,
            valid_from: c.from,
            valid_to: c.to,
          }),
        ),
      )
      .execute();

    await tx
      .insertInto('coach_training')
      .values(
        COACHES.filter((c) => c.trained).map((c) => ({
          formador_id: id(FORMADOR),
          coach_id: id(c.dni),
          valid_from: from,
        })),
      )
      .execute();

    // A year of coaching for the demo coach's caseload (demo-coaching.ts).
    await seedDemoCoaching(tx);
    // Its GIA, talleres and family meetings (demo-activities.ts).
    await seedDemoActivities(tx);
  });
  // The monitoring read models of all that (docs/REPORTS.md).
  await rebuildReadModels(db);
}
