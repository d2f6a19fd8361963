import { AppError, currentSchoolYear, type Place, type Role } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { StoredAccountStatus } from '../../db/schema-auth.ts';
import { LIMA_TODAY } from '../../db/time.ts';

// The facts the policy needs about a person whose account is administered: their current
// roles (a post this school year counts as "docente") and where they work.

/** Where a person works: the scopes of their current roles and their schools this year. */
export async function personPlaces(db: Kysely<DB>, personId: string): Promise<Place[]> {
  const { rows } = await sql<{
    school_id: string | null;
    network_id: string | null;
    ugel_id: string | null;
    region_id: string | null;
  }>`SELECT rap.school_id, rap.network_id, rap.ugel_id, rap.region_id
       FROM role_assignment_place rap
      WHERE rap.person_id = ${personId}
        AND rap.valid_from <= ${LIMA_TODAY}
        AND (rap.valid_to IS NULL OR rap.valid_to >= ${LIMA_TODAY})
     UNION
     SELECT s.id, s.network_id, s.ugel_id, s.region_id
       FROM teacher_post tp JOIN school s ON s.id = tp.school_id
      WHERE tp.person_id = ${personId} AND tp.school_year = ${currentSchoolYear()}`.execute(db);
  return rows.map((r) => ({
    schoolId: r.school_id,
    networkId: r.network_id,
    ugelId: r.ugel_id,
    regionId: r.region_id,
  }));
}

export async function personRoles(db: Kysely<DB>, personId: string): Promise<Role[]> {
  const { rows } = await sql<{ role: Role }>`
    SELECT DISTINCT role FROM role_assignment
     WHERE person_id = ${personId} AND valid_from <= ${LIMA_TODAY}
       AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})
    UNION
    SELECT 'docente' FROM teacher_post
     WHERE person_id = ${personId} AND school_year = ${currentSchoolYear()}`.execute(db);
  return rows.map((r) => r.role).sort();
}

export interface Target {
  id: string;
  dni: string;
  givenNames: string;
  paternalSurname: string;
  maternalSurname: string | null;
  /** null: the person has no account yet. */
  status: StoredAccountStatus | null;
  hasPassword: boolean;
  roles: Role[];
  places: Place[];
}

export async function loadTarget(db: Kysely<DB>, personId: string): Promise<Target> {
  const p = await db
    .selectFrom('person')
    .leftJoin('user_account as ua', 'ua.person_id', 'person.id')
    .select([
      'person.id',
      'person.dni',
      'person.given_names',
      'person.paternal_surname',
      'person.maternal_surname',
      'ua.status',
      'ua.password_hash',
    ])
    .where('person.id', '=', personId)
    .executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND');
  const [roles, places] = await Promise.all([
    personRoles(db, personId),
    personPlaces(db, personId),
  ]);
  return {
    id: p.id,
    dni: p.dni,
    givenNames: p.given_names,
    paternalSurname: p.paternal_surname,
    maternalSurname: p.maternal_surname,
    status: p.status ?? null,
    hasPassword: p.password_hash !== null && p.password_hash !== undefined,
    roles,
    places,
  };
}
