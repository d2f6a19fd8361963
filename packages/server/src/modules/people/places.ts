import type { Place, Reach, Role } from '@acompana/core';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { LIMA_TODAY } from '../../db/time.ts';

// Where people work and what they are now, in bulk for a page of the directory: the scopes of
// their current role assignments (resolved by the role_assignment_place view) and their posts
// this school year (a post counts as the role «docente"). The same facts the account pages
// decide on (accounts/target.ts), for many people at once.

const CURRENT = sql<SqlBool>`rap.valid_from <= ${LIMA_TODAY} AND (rap.valid_to IS NULL OR rap.valid_to >= ${LIMA_TODAY})`;

export interface PersonFacts {
  roles: Role[];
  places: Place[];
  schools: { id: string; name: string }[];
}

export async function loadPersonFacts(
  db: Kysely<DB>,
  ids: readonly string[],
  year: number,
): Promise<Map<string, PersonFacts>> {
  const out = new Map<string, PersonFacts>();
  for (const id of ids) out.set(id, { roles: [], places: [], schools: [] });
  if (ids.length === 0) return out;
  const { rows } = await sql<{
    person_id: string;
    role: Role;
    school_id: string | null;
    school_name: string | null;
    network_id: string | null;
    ugel_id: string | null;
    region_id: string | null;
  }>`SELECT rap.person_id, rap.role, rap.school_id, s.name AS school_name, rap.network_id,
            rap.ugel_id, rap.region_id
       FROM role_assignment_place rap LEFT JOIN school s ON s.id = rap.school_id
      WHERE rap.person_id IN (${sql.join(ids)}) AND ${CURRENT}
     UNION ALL
     SELECT tp.person_id, 'docente', s.id, s.name, s.network_id, s.ugel_id, s.region_id
       FROM teacher_post tp JOIN school s ON s.id = tp.school_id
      WHERE tp.person_id IN (${sql.join(ids)}) AND tp.school_year = ${year}`.execute(db);
  for (const r of rows) {
    const facts = out.get(r.person_id);
    if (!facts) continue;
    if (!facts.roles.includes(r.role)) facts.roles.push(r.role);
    facts.places.push({
      schoolId: r.school_id,
      networkId: r.network_id,
      ugelId: r.ugel_id,
      regionId: r.region_id,
    });
    if (r.school_id && r.school_name && !facts.schools.some((s) => s.id === r.school_id)) {
      facts.schools.push({ id: r.school_id, name: r.school_name });
    }
  }
  for (const facts of out.values()) {
    facts.roles.sort();
    facts.schools.sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }
  return out;
}

/** Per scope level: the column of role_assignment_place and of the post's school. */
const COLUMN = {
  region: ['rap.region_id', 's.region_id'],
  ugel: ['rap.ugel_id', 's.ugel_id'],
  network: ['rap.network_id', 's.network_id'],
  school: ['rap.school_id', 's.id'],
} as const;

/** SQL: the person `personId` works now where `column` = `id` (a current role or a post). */
export function worksAtSql(
  personId: Expression<string>,
  level: keyof typeof COLUMN,
  id: string,
  year: number,
): Expression<SqlBool> {
  const [roleColumn, postColumn] = COLUMN[level];
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM role_assignment_place rap WHERE rap.person_id = ${personId} AND ${CURRENT} AND ${sql.ref(roleColumn)} = ${id})
    OR EXISTS (SELECT 1 FROM teacher_post tp JOIN school s ON s.id = tp.school_id WHERE tp.person_id = ${personId} AND tp.school_year = ${year} AND ${sql.ref(postColumn)} = ${id}))`;
}

/** The directory's reach (`person` read is `scope`) as a filter over people. */
export function personReachSql(
  reach: Reach,
  personId: Expression<string>,
  year: number,
): Expression<SqlBool> {
  const { relation, grant } = reach;
  if (relation !== 'scope') throw new Error(`relation ${relation} cannot filter people`);
  const { level, id } = grant.scope;
  if (level === 'national' || id === null) return sql<SqlBool>`${level === 'national'}`;
  return worksAtSql(personId, level, id, year);
}

/** SQL: the person holds `role` now (a post this year counts as docente). */
export function holdsRoleSql(personId: Expression<string>, role: Role, year: number) {
  const post =
    role === 'docente'
      ? sql<SqlBool>` OR EXISTS (SELECT 1 FROM teacher_post tp WHERE tp.person_id = ${personId} AND tp.school_year = ${year})`
      : sql<SqlBool>``;
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM role_assignment_place rap WHERE rap.person_id = ${personId} AND ${CURRENT} AND rap.role = ${role})${post})`;
}
