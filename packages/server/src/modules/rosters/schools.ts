import {
  type Actor,
  AppError,
  currentSchoolYear,
  decide,
  type EnrollmentStatus,
  type Place,
  programmeYear,
  RUNNING_STATUSES,
  reachOf,
  type SchoolDetail,
  type SchoolItem,
  type SchoolListQuery,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { schoolReachSql } from '../../policy/reach-sql.ts';
import { afterSql, countRows, type Page, pageCut, toNumber } from '../shared/sql.ts';
import { decodeCursor } from './cursor.ts';
import { schoolCoaches, schoolPeople } from './school-people.ts';
import { foldedSql, searchMatch } from './search.ts';

// Schools (instituciones educativas): the list with padrón filters and the detail page.

const SCHOOL_SORT = sql<string>`lower(s.name)`;

export function schoolPlace(s: {
  id: string;
  network_id: string | null;
  ugel_id: string;
  region_id: string;
}): Place {
  return { schoolId: s.id, networkId: s.network_id, ugelId: s.ugel_id, regionId: s.region_id };
}

/** SQL: the school `s` is in this intervention now. */
function runningIn(code: string, year: number) {
  return sql<boolean>`EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = s.id AND e.intervention_code = ${code} AND e.status IN ('activa', 'permanece') AND e.cohort_start_year <= ${year})`;
}

export async function listSchools(
  db: Kysely<DB>,
  actor: Actor,
  query: SchoolListQuery,
  year = currentSchoolYear(),
): Promise<Page<SchoolItem>> {
  const reach = reachOf(actor, 'school', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('school as s')
    .innerJoin('ugel as u', 'u.id', 's.ugel_id')
    .leftJoin('network as n', 'n.id', 's.network_id')
    .select([
      's.id',
      's.codigo_modular',
      's.anexo',
      's.name',
      's.level',
      's.characteristic',
      's.area',
      's.active',
      's.network_id',
      's.ugel_id',
      's.region_id',
      'u.name as ugel_name',
      'n.name as network_name',
      SCHOOL_SORT.as('sort_key'),
    ])
    .where((eb) => eb.or(reach.map((r) => schoolReachSql(r))));
  if (query.ugel) q = q.where('s.ugel_id', '=', query.ugel);
  if (query.network) q = q.where('s.network_id', '=', query.network);
  if (query.level) q = q.where('s.level', '=', query.level);
  if (query.characteristic) q = q.where('s.characteristic', '=', query.characteristic);
  if (query.area) q = q.where('s.area', '=', query.area);
  if (query.active !== undefined) q = q.where('s.active', '=', query.active);
  if (query.intervention) q = q.where(runningIn(query.intervention, year));
  if (query.q) {
    q = q.where(searchMatch(query.q, [foldedSql('s.name')], [sql.ref('s.codigo_modular')]));
  }
  // The same filters and reach as the page, before the cursor cuts it.
  const total = query.total ? await countRows(q) : undefined;
  if (after) q = q.where(afterSql(SCHOOL_SORT, sql.ref('s.id'), after));
  const rows = await q
    .orderBy(SCHOOL_SORT)
    .orderBy('s.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const ids = page.map((s) => s.id);
  const running = ids.length
    ? await db
        .selectFrom('enrollment')
        .select(['school_id', 'intervention_code'])
        .where('school_id', 'in', ids)
        .where('status', 'in', RUNNING_STATUSES)
        .where('cohort_start_year', '<=', year)
        .orderBy('intervention_code')
        .execute()
    : [];
  const items = page
    .filter((s) => decide(actor, 'read', { kind: 'school', place: schoolPlace(s) }).allow)
    .map((s) => ({
      id: s.id,
      codigoModular: s.codigo_modular,
      anexo: s.anexo,
      name: s.name,
      level: s.level,
      ugelName: s.ugel_name,
      networkName: s.network_name,
      characteristic: s.characteristic,
      area: s.area,
      active: s.active,
      interventions: [
        ...new Set(running.filter((e) => e.school_id === s.id).map((e) => e.intervention_code)),
      ],
    }));
  return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
}

export async function getSchool(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  year = currentSchoolYear(),
): Promise<SchoolDetail> {
  if (reachOf(actor, 'school', 'read').length === 0) throw new AppError('FORBIDDEN');
  const s = await db
    .selectFrom('school as s')
    .innerJoin('ugel as u', 'u.id', 's.ugel_id')
    .innerJoin('region as r', 'r.id', 's.region_id')
    .leftJoin('network as n', 'n.id', 's.network_id')
    .selectAll('s')
    .select([
      'u.name as ugel_name',
      'u.code as ugel_code',
      'r.name as region_name',
      'n.name as network_name',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  const place = s ? schoolPlace(s) : undefined;
  if (!s || !place || !decide(actor, 'read', { kind: 'school', place }).allow) {
    throw new AppError('NOT_FOUND');
  }

  const enrollments = await db
    .selectFrom('enrollment as e')
    .innerJoin('intervention as i', 'i.code', 'e.intervention_code')
    .select([
      'e.id',
      'e.intervention_code',
      'i.name',
      'e.cohort_start_year',
      'e.status',
      'e.exit_year',
    ])
    .where('e.school_id', '=', id)
    .orderBy('e.cohort_start_year', 'desc')
    .orderBy('e.intervention_code')
    .execute();
  const canEnrollments = decide(actor, 'read', { kind: 'enrollment', place }).allow;
  const people = await schoolPeople(db, actor, s, year);

  return {
    id: s.id,
    codigoModular: s.codigo_modular,
    anexo: s.anexo,
    codlocal: s.codlocal,
    name: s.name,
    level: s.level,
    characteristic: s.characteristic,
    area: s.area,
    ubigeo: s.ubigeo,
    management: s.management,
    language: s.language,
    latitude: toNumber(s.latitude),
    longitude: toNumber(s.longitude),
    active: s.active,
    studentCount: s.students,
    teacherCount: s.teachers,
    region: { id: s.region_id, name: s.region_name },
    ugel: { id: s.ugel_id, name: s.ugel_name, code: s.ugel_code },
    network: s.network_id && s.network_name ? { id: s.network_id, name: s.network_name } : null,
    schoolYear: year,
    enrollments: canEnrollments
      ? enrollments.map((e) => {
          const status = e.status as EnrollmentStatus;
          return {
            id: e.id,
            intervention: { code: e.intervention_code, name: e.name },
            cohortStartYear: e.cohort_start_year,
            programmeYear: programmeYear(e.cohort_start_year, year, status),
            status,
            exitYear: e.exit_year,
          };
        })
      : [],
    directors: people.directors,
    teachers: people.teachers,
    coaches: await schoolCoaches(db, actor, s, year),
  };
}
