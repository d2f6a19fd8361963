import {
  type Actor,
  AppError,
  type CaseloadItem,
  type CaseloadListQuery,
  currentSchoolYear,
  reachOf,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { LIMA_TODAY } from '../../db/time.ts';
import { caseloadReachSql } from '../../policy/reach-roster.ts';
import { decideCaseloadRow, loadTeacherFacts } from '../../policy/relations.ts';
import { schoolsOf } from '../coaches/caseload.ts';
import { decodeCursor } from '../rosters/cursor.ts';
import { likePattern, personSearchSql, searchMatch } from '../rosters/search.ts';
import {
  activeSql,
  afterSql,
  displayName,
  type Page,
  pageCut,
  sortNameSql,
} from '../shared/sql.ts';

// Caseloads: who coaches whom, with dates. Sorted by coach, teacher and start date. A formador sees the
// rows of the coaches they train without the teacher (nor the school), and cannot use
// teacher, school or a search on teacher names to find out who is behind a masked row.

/** Coach (surnames first), then the teacher (surnames first), then the start date. Someone who
 *  may get masked rows (a formador) sorts without the teacher, so the order of hidden rows
 *  says nothing about who is behind them. */
function sortOf(teacherOrdered: boolean) {
  return teacherOrdered
    ? sql<string>`${sortNameSql('coach')} || ' ' || ${sortNameSql('t')} || ' ' || to_char(c.valid_from, 'YYYY-MM-DD')`
    : sql<string>`${sortNameSql('coach')} || ' ' || to_char(c.valid_from, 'YYYY-MM-DD')`;
}

export async function listCaseloads(
  db: Kysely<DB>,
  actor: Actor,
  query: CaseloadListQuery,
  year = currentSchoolYear(),
): Promise<Page<CaseloadItem>> {
  const reach = reachOf(actor, 'caseload', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const SORT = sortOf(!reach.some((r) => r.relation === 'trainee_masked'));
  const after = decodeCursor(query.cursor);
  const pattern = query.q ? likePattern(query.q) : null;
  let q = db
    .selectFrom('caseload as c')
    .innerJoin('person as coach', 'coach.id', 'c.coach_id')
    .innerJoin('person as t', 't.id', 'c.teacher_id')
    .select([
      'c.id',
      'c.coach_id',
      'c.teacher_id',
      'c.intervention_code',
      'c.specialty',
      'c.valid_from',
      'c.valid_to',
      'c.ugel_id',
      'c.region_id',
      'coach.given_names as coach_given',
      'coach.paternal_surname as coach_paternal',
      'coach.maternal_surname as coach_maternal',
      't.dni',
      't.given_names',
      't.paternal_surname',
      't.maternal_surname',
      sql<boolean>`${activeSql('c')}`.as('current'),
      sql<boolean>`${pattern === null ? sql`true` : sql`${personSearchSql('coach')} LIKE ${pattern}`}`.as(
        'coach_matches',
      ),
      SORT.as('sort_key'),
    ])
    .where((eb) => eb.or(reach.map((r) => caseloadReachSql(r, actor.personId, 'c', year))));
  if (query.status === 'current') q = q.where(activeSql('c'));
  if (query.status === 'ended') q = q.where(sql<boolean>`c.valid_to < ${LIMA_TODAY}`);
  if (query.coach) q = q.where('c.coach_id', '=', query.coach);
  if (query.teacher) q = q.where('c.teacher_id', '=', query.teacher);
  if (query.ugel) q = q.where('c.ugel_id', '=', query.ugel);
  if (query.intervention) q = q.where('c.intervention_code', '=', query.intervention);
  if (query.school) {
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 FROM teacher_post tp WHERE tp.person_id = c.teacher_id AND tp.school_year = ${year} AND tp.school_id = ${query.school})`,
    );
  }
  if (query.q) {
    q = q.where(
      searchMatch(query.q, [personSearchSql('coach'), personSearchSql('t')], [sql.ref('t.dni')]),
    );
  }
  if (after) q = q.where(afterSql(SORT, sql.ref('c.id'), after));
  const rows = await q
    .orderBy(SORT)
    .orderBy('c.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const teacherIds = page.map((r) => r.teacher_id);
  const [facts, schools] = await Promise.all([
    loadTeacherFacts(db, teacherIds, year),
    schoolsOf(db, teacherIds, year),
  ]);
  const searchedByTeacher = Boolean(query.teacher || query.school);

  const items: CaseloadItem[] = [];
  for (const row of page) {
    const f = facts.get(row.teacher_id);
    if (!f) continue;
    const decision = decideCaseloadRow(actor, row.teacher_id, f, row);
    if (!decision.allow) continue;
    const masked = decision.mask !== null;
    // A masked row found through the teacher's identity would reveal it: leave it out.
    if (masked && (searchedByTeacher || !row.coach_matches)) continue;
    items.push({
      id: row.id,
      coach: {
        id: row.coach_id,
        displayName: displayName({
          given_names: row.coach_given,
          paternal_surname: row.coach_paternal,
          maternal_surname: row.coach_maternal,
        }),
      },
      teacher: masked ? null : { id: row.teacher_id, displayName: displayName(row), dni: row.dni },
      schools: masked ? [] : (schools.get(row.teacher_id) ?? []),
      masked,
      intervention: row.intervention_code,
      specialty: row.specialty,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      current: row.current,
    });
  }
  return { items, nextCursor };
}
