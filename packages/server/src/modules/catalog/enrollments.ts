import {
  type Actor,
  AppError,
  currentSchoolYear,
  decide,
  type EnrollmentItem,
  type EnrollmentListQuery,
  type EnrollmentStatus,
  programmeYear,
  reachOf,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { placeReachSql } from '../../policy/reach-roster.ts';
import { decodeCursor } from '../rosters/cursor.ts';
import { foldedSql, searchMatch } from '../rosters/search.ts';
import { afterSql, type Page, pageCut } from '../shared/sql.ts';

// Enrollment of schools in interventions: cohort start year, the derived programme year
// (1, 2, 3), status and the exit decision with its three criteria.

const SORT = sql<string>`lower(s.name) || ' ' || e.intervention_code || ' ' || e.cohort_start_year`;

export async function listEnrollments(
  db: Kysely<DB>,
  actor: Actor,
  query: EnrollmentListQuery,
  year = currentSchoolYear(),
): Promise<Page<EnrollmentItem>> {
  const reach = reachOf(actor, 'enrollment', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('enrollment as e')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .innerJoin('intervention as i', 'i.code', 'e.intervention_code')
    .selectAll('e')
    .select([
      's.name as school_name',
      's.codigo_modular',
      's.anexo',
      's.network_id',
      'i.name as intervention_name',
      SORT.as('sort_key'),
    ])
    .where((eb) =>
      eb.or(
        reach.map((r) =>
          placeReachSql(
            r,
            {
              schoolId: sql.ref('e.school_id'),
              networkId: sql.ref('s.network_id'),
              ugelId: sql.ref('e.ugel_id'),
              regionId: sql.ref('e.region_id'),
            },
            'enrollments',
          ),
        ),
      ),
    );
  if (query.intervention) q = q.where('e.intervention_code', '=', query.intervention);
  if (query.cohortYear) q = q.where('e.cohort_start_year', '=', query.cohortYear);
  if (query.status) q = q.where('e.status', '=', query.status);
  if (query.ugel) q = q.where('e.ugel_id', '=', query.ugel);
  if (query.school) q = q.where('e.school_id', '=', query.school);
  if (query.q) {
    q = q.where(searchMatch(query.q, [foldedSql('s.name')], [sql.ref('s.codigo_modular')]));
  }
  if (after) q = q.where(afterSql(SORT, sql.ref('e.id'), after));
  const rows = await q
    .orderBy(SORT)
    .orderBy('e.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const items = page
    .filter(
      (e) =>
        decide(actor, 'read', {
          kind: 'enrollment',
          place: {
            schoolId: e.school_id,
            networkId: e.network_id,
            ugelId: e.ugel_id,
            regionId: e.region_id,
          },
        }).allow,
    )
    .map((e) => {
      const status = e.status as EnrollmentStatus;
      return {
        id: e.id,
        school: {
          id: e.school_id,
          name: e.school_name,
          codigoModular: e.codigo_modular,
          anexo: e.anexo,
        },
        intervention: { code: e.intervention_code, name: e.intervention_name },
        cohortStartYear: e.cohort_start_year,
        programmeYear: programmeYear(e.cohort_start_year, year, status),
        status,
        exitYear: e.exit_year,
        exitCriteria: {
          teacherProgress: e.exit_teacher_progress,
          directorLeadership: e.exit_director_leadership,
          collaborativeWork: e.exit_collaborative_work,
        },
        exitNote: e.exit_note,
      };
    });
  return { items, nextCursor };
}
