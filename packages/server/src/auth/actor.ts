import type { Actor, Me, Role, RoleGrant, RoleView, ScopeLevel } from '@acompana/core';
import { abilitiesOf, currentSchoolYear } from '@acompana/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { LIMA_TODAY } from '../db/time.ts';

// Who is asking: the person and their role assignments valid today, with readable scope names.

/** The role assignments valid today of `personId` (a value or a column reference), with
 *  readable scope names, ordered by role. A teacher's post this school year counts as the role
 *  docente at that school (as for the policy's `manages`, accounts/target.ts): a teacher from
 *  the rosters who activates an account has a role without anyone writing one for them. */
export function roleRowsQuery(
  db: Kysely<DB>,
  personId: string | RawBuilder<string>,
  year = currentSchoolYear(),
) {
  const assigned = db
    .selectFrom('role_assignment as ra')
    .leftJoin('region', (j) =>
      j.onRef('region.id', '=', 'ra.scope_id').on('ra.scope_level', '=', 'region'),
    )
    .leftJoin('ugel', (j) =>
      j.onRef('ugel.id', '=', 'ra.scope_id').on('ra.scope_level', '=', 'ugel'),
    )
    .leftJoin('network', (j) =>
      j.onRef('network.id', '=', 'ra.scope_id').on('ra.scope_level', '=', 'network'),
    )
    .leftJoin('school', (j) =>
      j.onRef('school.id', '=', 'ra.scope_id').on('ra.scope_level', '=', 'school'),
    )
    .select([
      'ra.role',
      'ra.scope_level',
      'ra.scope_id',
      'ra.valid_from',
      'ra.valid_to',
      sql<string>`coalesce(region.name, ugel.name, network.name, school.name, 'Perú')`.as(
        'scope_name',
      ),
    ])
    .where('ra.person_id', '=', personId)
    .where('ra.valid_from', '<=', LIMA_TODAY)
    .where((eb) => eb.or([eb('ra.valid_to', 'is', null), eb('ra.valid_to', '>=', LIMA_TODAY)]));
  const posts = db
    .selectFrom('teacher_post as tp')
    .innerJoin('school as ps', 'ps.id', 'tp.school_id')
    .select([
      sql<string>`'docente'`.as('role'),
      sql<string>`'school'`.as('scope_level'),
      sql<string | null>`tp.school_id`.as('scope_id'),
      sql<string>`make_date(tp.school_year, 1, 1)`.as('valid_from'),
      sql<string | null>`NULL::date`.as('valid_to'),
      'ps.name as scope_name',
    ])
    .where('tp.person_id', '=', personId)
    .where('tp.school_year', '=', year)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('role_assignment as d')
            .select(sql`1`.as('one'))
            .where('d.person_id', '=', personId)
            .where('d.role', '=', 'docente')
            .where('d.scope_id', '=', sql.ref<string>('tp.school_id'))
            .where('d.valid_from', '<=', LIMA_TODAY)
            .where((eb) =>
              eb.or([eb('d.valid_to', 'is', null), eb('d.valid_to', '>=', LIMA_TODAY)]),
            ),
        ),
      ),
    );
  // UNION (not ALL): two posts at one school (two levels) give one grant.
  return assigned.union(posts).orderBy('role');
}

export interface RoleRow {
  role: string;
  scope_level: string;
  scope_id: string | null;
  valid_from: string;
  valid_to: string | null;
  scope_name: string;
}

export function roleViewsOf(rows: RoleRow[]): RoleView[] {
  return rows.map((r) => ({
    role: r.role as Role,
    scope: { level: r.scope_level as ScopeLevel, id: r.scope_id, name: r.scope_name },
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export async function loadRoleViews(db: Kysely<DB>, personId: string): Promise<RoleView[]> {
  return roleViewsOf((await roleRowsQuery(db, personId).execute()) as RoleRow[]);
}

export function actorFrom(personId: string, roles: RoleView[]): Actor {
  const grants: RoleGrant[] = roles.map((r) => ({
    role: r.role,
    scope: { level: r.scope.level, id: r.scope.id },
  }));
  return { personId, grants };
}

/** A person's identity as /me shows it; the session statement brings it along. */
export interface PersonNames {
  dni: string;
  given_names: string;
  paternal_surname: string;
  maternal_surname: string | null;
}

/** The person's /me; `known`: their names already read (the request's session lookup). */
export async function loadMe(
  db: Kysely<DB>,
  personId: string,
  roles: RoleView[],
  expiresAt: Date,
  known?: PersonNames,
): Promise<Me> {
  const p =
    known ??
    (await db
      .selectFrom('person')
      .select(['dni', 'given_names', 'paternal_surname', 'maternal_surname'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow());
  return {
    person: {
      id: personId,
      dni: p.dni,
      givenNames: p.given_names,
      paternalSurname: p.paternal_surname,
      maternalSurname: p.maternal_surname,
      displayName: `${p.given_names} ${p.paternal_surname}`,
    },
    roles,
    abilities: abilitiesOf(actorFrom(personId, roles)),
    session: { expiresAt: expiresAt.toISOString() },
  };
}
