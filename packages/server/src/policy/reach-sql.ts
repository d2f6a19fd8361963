import type { Reach } from '@acompana/core';
import { type Expression, type SqlBool, sql } from 'kysely';
import { LIMA_TODAY } from '../db/time.ts';

// Translates the policy's relations into SQL filters for lists, so a list never fetches rows
// the policy would refuse. Rows are still passed through `decide` afterwards.

const ACTIVE = (alias: string) =>
  sql<SqlBool>`${sql.ref(`${alias}.valid_from`)} <= ${LIMA_TODAY} AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} >= ${LIMA_TODAY})`;

/** Filter over teachers, given the SQL expression of the teacher's person id and the school year. */
export function teacherReachSql(
  reach: Reach,
  me: string,
  teacherId: Expression<string>,
  year: number,
): Expression<SqlBool> {
  const { relation, grant } = reach;
  switch (relation) {
    case 'any':
      return sql<SqlBool>`true`;
    case 'self':
      return sql<SqlBool>`${teacherId} = ${me}`;
    case 'caseload':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = ${teacherId} AND c.coach_id = ${me} AND ${ACTIVE('c')})`;
    case 'trainee':
    case 'trainee_masked':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM caseload c JOIN coach_training ct ON ct.coach_id = c.coach_id WHERE c.teacher_id = ${teacherId} AND ct.formador_id = ${me} AND ${ACTIVE('c')} AND ${ACTIVE('ct')})`;
    case 'scope':
    case 'scope_group': {
      const { level, id } = grant.scope;
      if (level === 'national') return sql<SqlBool>`true`;
      const column = {
        region: 'tp.region_id',
        ugel: 'tp.ugel_id',
        network: 's.network_id',
        school: 'tp.school_id',
      }[level];
      return sql<SqlBool>`EXISTS (SELECT 1 FROM teacher_post tp JOIN school s ON s.id = tp.school_id WHERE tp.person_id = ${teacherId} AND tp.school_year = ${year} AND ${sql.ref(column)} = ${id})`;
    }
    case 'optin':
    case 'manages':
    case 'organiser':
      throw new Error(`relation ${relation} cannot filter a list of teachers`);
  }
}

/** Filter over schools (alias `s`). */
export function schoolReachSql(reach: Reach): Expression<SqlBool> {
  const { relation, grant } = reach;
  if (relation === 'any') return sql<SqlBool>`true`;
  if (relation !== 'scope' && relation !== 'scope_group') {
    throw new Error(`relation ${relation} cannot filter a list of schools`);
  }
  const { level, id } = grant.scope;
  if (level === 'national') return sql<SqlBool>`true`;
  const column = {
    region: 's.region_id',
    ugel: 's.ugel_id',
    network: 's.network_id',
    school: 's.id',
  }[level];
  return sql<SqlBool>`${sql.ref(column)} = ${id}`;
}
