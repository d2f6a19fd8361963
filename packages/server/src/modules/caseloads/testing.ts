import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { addAccount, YEAR } from '../shared/testing.ts';

// Fixtures of the caseload write tests: a new school with teachers and nobody coaching them, and
// a new coach with a login — inside a given UGEL, numbered from what the database holds.

async function nextTag(db: Kysely<DB>): Promise<string> {
  const { n } = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('dni', 'like', '8%')
    .executeTakeFirstOrThrow();
  return String(Number(n) + 1).padStart(4, '0');
}

export interface NewSchool {
  schoolId: string;
  teacherIds: string[];
}

/** A school of the UGEL with `count` teachers holding a post this year, none of them coached. */
export async function addUncoachedSchool(
  db: Kysely<DB>,
  ugelId: string,
  count: number,
): Promise<NewSchool> {
  const ugel = await db
    .selectFrom('ugel')
    .select(['id', 'region_id'])
    .where('id', '=', ugelId)
    .executeTakeFirstOrThrow();
  const tag = await nextTag(db);
  const school = await db
    .insertInto('school')
    .values({
      region_id: ugel.region_id,
      ugel_id: ugel.id,
      network_id: null,
      codigo_modular: `97${tag}0`,
      name: `IE de asignación ${tag}`,
      level: 'B0',
      characteristic: 'polidocente_multigrado',
      area: 'rural',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const people = await db
    .insertInto('person')
    .values(
      Array.from({ length: count }, (_, i) => ({
        dni: `8${tag}${String(i).padStart(3, '0')}`,
        given_names: 'Docente',
        paternal_surname: `Asignable${tag}`,
        maternal_surname: String.fromCharCode(65 + i),
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('teacher_post')
    .values(
      people.map((p) => ({
        person_id: p.id,
        school_id: school.id,
        region_id: ugel.region_id,
        ugel_id: ugel.id,
        school_year: YEAR,
        level: 'B0',
      })),
    )
    .execute();
  return { schoolId: school.id, teacherIds: people.map((p) => p.id) };
}

/** A coach of the UGEL (acompañante role there, password «acompana»), with no caseload yet. */
export async function addCoach(
  db: Kysely<DB>,
  ugelId: string,
): Promise<{ id: string; dni: string }> {
  const tag = await nextTag(db);
  const dni = `8${tag}900`;
  const person = await db
    .insertInto('person')
    .values({ dni, given_names: 'Acompañante', paternal_surname: `Nueva${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('coach_profile')
    .values({ person_id: person.id, kind: 'acompanante_pedagogico' })
    .execute();
  await addAccount(db, person.id, 'acompanante', { level: 'ugel', id: ugelId });
  return { id: person.id, dni };
}
