import type { Reach } from '@acompana/core';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { activeSql } from '../modules/shared/sql.ts';

// Policy relations as SQL filters for the roster kinds (territory, coach, caseload,
// enrollment, roster warnings). Same contract as reach-sql.ts: a list never fetches a row the
// policy would refuse, and every row is still passed through `decide` afterwards.

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** SQL expressions of the territory ids of a row; a missing level cannot match that scope. */
export interface PlaceColumns {
  schoolId?: Expression<string | null>;
  networkId?: Expression<string | null>;
  ugelId?: Expression<string | null>;
  regionId?: Expression<string | null>;
}

function unsupported(relation: string, what: string): never {
  throw new Error(`relation ${relation} cannot filter a list of ${what}`);
}

/** Filter for anything that sits at a place: 'scope' compares the grant's level column. */
export function placeReachSql(
  reach: Reach,
  cols: PlaceColumns,
  what = 'places',
): RawBuilder<SqlBool> {
  const { relation, grant } = reach;
  if (relation === 'any') return TRUE;
  if (relation !== 'scope' && relation !== 'scope_group') unsupported(relation, what);
  const { level, id } = grant.scope;
  if (level === 'national') return TRUE;
  const column = {
    region: cols.regionId,
    ugel: cols.ugelId,
    network: cols.networkId,
    school: cols.schoolId,
  }[level];
  return column ? sql<SqlBool>`${column} = ${id}` : FALSE;
}

/**
 * Where coaches work this school year, one row per (coach, place): the schools of their
 * current caseload (or the caseload's UGEL when the teacher has no post this year), the
 * network of their SPI team and each of its schools, and the scope of their acompañante role.
 */
export function coachPlacesSql(year: number): RawBuilder<unknown> {
  return sql`(
    SELECT c.coach_id, s.id AS school_id, s.network_id, s.ugel_id, s.region_id
      FROM caseload c
      JOIN teacher_post tp ON tp.person_id = c.teacher_id AND tp.school_year = ${year}
      JOIN school s ON s.id = tp.school_id
     WHERE ${activeSql('c')}
    UNION ALL
    SELECT c.coach_id, NULL, NULL, c.ugel_id, c.region_id
      FROM caseload c
     WHERE ${activeSql('c')}
    UNION ALL
    SELECT nt.coach_id, NULL, n.id, n.ugel_id, n.region_id
      FROM network_team nt JOIN network n ON n.id = nt.network_id
     WHERE nt.school_year = ${year}
    UNION ALL
    SELECT nt.coach_id, s.id, s.network_id, s.ugel_id, s.region_id
      FROM network_team nt JOIN school s ON s.network_id = nt.network_id
     WHERE nt.school_year = ${year}
    UNION ALL
    SELECT rp.person_id, rp.school_id, rp.network_id, rp.ugel_id, rp.region_id
      FROM role_assignment_place rp
     WHERE rp.role = 'acompanante' AND ${activeSql('rp')}
  )`;
}

const PLACE_COLUMN = {
  region: 'cp.region_id',
  ugel: 'cp.ugel_id',
  network: 'cp.network_id',
  school: 'cp.school_id',
} as const;

/** Filter over coaches, given the SQL expression of the coach's person id. */
export function coachReachSql(
  reach: Reach,
  me: string,
  coachId: Expression<string>,
  year: number,
): RawBuilder<SqlBool> {
  const { relation, grant } = reach;
  switch (relation) {
    case 'any':
      return TRUE;
    case 'self':
      return sql<SqlBool>`${coachId} = ${me}`;
    case 'trainee':
    case 'trainee_masked':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM coach_training ct WHERE ct.coach_id = ${coachId} AND ct.formador_id = ${me} AND ${activeSql('ct')})`;
    case 'scope':
    case 'scope_group': {
      const { level, id } = grant.scope;
      if (level === 'national') return TRUE;
      return sql<SqlBool>`EXISTS (SELECT 1 FROM ${coachPlacesSql(year)} AS cp WHERE cp.coach_id = ${coachId} AND ${sql.ref(PLACE_COLUMN[level])} = ${id})`;
    }
    default:
      return unsupported(relation, 'coaches');
  }
}

const POST_COLUMN = {
  region: 'tp.region_id',
  ugel: 'tp.ugel_id',
  network: 's.network_id',
  school: 'tp.school_id',
} as const;

/** Whether the teacher has a post this year at a place in the scope `level = id`. */
function postInScope(
  teacherId: Expression<string>,
  year: number,
  level: keyof typeof POST_COLUMN,
  id: string | null,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM teacher_post tp JOIN school s ON s.id = tp.school_id WHERE tp.person_id = ${teacherId} AND tp.school_year = ${year} AND ${sql.ref(POST_COLUMN[level])} = ${id})`;
}

/** Filter over caseload rows of alias `alias` (teacher_id, region_id, ugel_id). */
export function caseloadReachSql(
  reach: Reach,
  me: string,
  alias: string,
  year: number,
): RawBuilder<SqlBool> {
  const { relation, grant } = reach;
  const teacherId = sql.ref<string>(`${alias}.teacher_id`);
  switch (relation) {
    case 'any':
      return TRUE;
    case 'self':
      return sql<SqlBool>`${teacherId} = ${me}`;
    case 'caseload':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM caseload c2 WHERE c2.teacher_id = ${teacherId} AND c2.coach_id = ${me} AND ${activeSql('c2')})`;
    case 'trainee':
    case 'trainee_masked':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM caseload c2 JOIN coach_training ct ON ct.coach_id = c2.coach_id WHERE c2.teacher_id = ${teacherId} AND ct.formador_id = ${me} AND ${activeSql('c2')} AND ${activeSql('ct')})`;
    case 'scope':
    case 'scope_group': {
      const { level, id } = grant.scope;
      if (level === 'national') return TRUE;
      const posts = postInScope(teacherId, year, level, id);
      if (level === 'region')
        return sql<SqlBool>`(${sql.ref(`${alias}.region_id`)} = ${id} OR ${posts})`;
      if (level === 'ugel')
        return sql<SqlBool>`(${sql.ref(`${alias}.ugel_id`)} = ${id} OR ${posts})`;
      return posts;
    }
    default:
      return unsupported(relation, 'caseloads');
  }
}
