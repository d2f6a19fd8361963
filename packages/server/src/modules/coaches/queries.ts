import {
  type Actor,
  AppError,
  type CaseloadRange,
  type CoachDetail,
  type CoachItem,
  type CoachKind,
  type CoachListQuery,
  type CoachSpecialty,
  caseloadLimit,
  currentSchoolYear,
  reachOf,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { coachPlacesSql, coachReachSql } from '../../policy/reach-roster.ts';
import { decideAnyPlace, loadCoachFacts } from '../../policy/relations.ts';
import { decodeCursor } from '../rosters/cursor.ts';
import { personSearchSql, searchMatch } from '../rosters/search.ts';
import { loadCaseloadRange } from '../shared/settings.ts';
import {
  activeSql,
  afterSql,
  displayName,
  type Page,
  pageCut,
  sortNameSql,
} from '../shared/sql.ts';
import { currentCaseloadOf } from './caseload.ts';

// Coaches (acompañantes of every kind): the list with caseload size and the above-range flag,
// and the detail with the current caseload and network teams.

const COACH_SORT = sortNameSql('p');

/** Distinct teachers in the current caseload of coach `p`. */
export const CASELOAD_SIZE = sql<string>`(SELECT count(DISTINCT c.teacher_id) FROM caseload c WHERE c.coach_id = p.id AND ${activeSql('c')})`;

/** Whether coach `p` (with profile `cp`) carries more teachers than their limit. */
export function aboveRangeSql(range: CaseloadRange) {
  return sql<boolean>`${CASELOAD_SIZE} > coalesce(cp.max_caseload, ${range.max})`;
}

function placeFilter(year: number, column: string, id: string) {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${coachPlacesSql(year)} AS cp2 WHERE cp2.coach_id = p.id AND ${sql.ref(column)} = ${id})`;
}

export async function listCoaches(
  db: Kysely<DB>,
  actor: Actor,
  query: CoachListQuery,
  year = currentSchoolYear(),
): Promise<Page<CoachItem>> {
  const reach = reachOf(actor, 'coach', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const range = await loadCaseloadRange(db);
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('person as p')
    .innerJoin('coach_profile as cp', 'cp.person_id', 'p.id')
    .select([
      'p.id',
      'p.dni',
      'p.given_names',
      'p.paternal_surname',
      'p.maternal_surname',
      'cp.kind',
      'cp.specialty',
      'cp.max_caseload',
      CASELOAD_SIZE.as('caseload_size'),
      COACH_SORT.as('sort_key'),
    ])
    .where((eb) =>
      eb.or(reach.map((r) => coachReachSql(r, actor.personId, sql.ref('p.id'), year))),
    );
  if (query.kind) q = q.where('cp.kind', '=', query.kind);
  if (query.specialty) q = q.where('cp.specialty', '=', query.specialty);
  if (query.ugel) q = q.where(placeFilter(year, 'cp2.ugel_id', query.ugel));
  if (query.network) q = q.where(placeFilter(year, 'cp2.network_id', query.network));
  if (query.school) q = q.where(placeFilter(year, 'cp2.school_id', query.school));
  if (query.aboveRange !== undefined) {
    const above = aboveRangeSql(range);
    q = q.where(query.aboveRange ? above : sql<boolean>`NOT ${above}`);
  }
  if (query.q) {
    q = q.where(searchMatch(query.q, [personSearchSql('p')], [sql.ref('p.dni')]));
  }
  if (after) q = q.where(afterSql(COACH_SORT, sql.ref('p.id'), after));
  const rows = await q
    .orderBy(COACH_SORT)
    .orderBy('p.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const facts = await loadCoachFacts(
    db,
    page.map((r) => r.id),
    year,
  );
  const items = page
    .filter((row) => {
      const f = facts.get(row.id);
      return (
        f &&
        decideAnyPlace(
          actor,
          'read',
          { kind: 'coach', ownerId: row.id, trainerIds: f.trainerIds },
          f.places,
        ).allow
      );
    })
    .map((row) => {
      const size = Number(row.caseload_size);
      const max = caseloadLimit(range, row.max_caseload);
      return {
        id: row.id,
        dni: row.dni,
        displayName: displayName(row),
        kind: row.kind as CoachKind,
        specialty: row.specialty as CoachSpecialty | null,
        caseloadSize: size,
        caseloadMax: max,
        aboveRange: size > max,
      };
    });
  return { items, nextCursor };
}

export async function getCoach(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  year = currentSchoolYear(),
): Promise<CoachDetail> {
  if (reachOf(actor, 'coach', 'read').length === 0) throw new AppError('FORBIDDEN');
  const row = await db
    .selectFrom('person as p')
    .innerJoin('coach_profile as cp', 'cp.person_id', 'p.id')
    .select([
      'p.id',
      'p.dni',
      'p.given_names',
      'p.paternal_surname',
      'p.maternal_surname',
      'cp.kind',
      'cp.specialty',
      'cp.max_caseload',
      CASELOAD_SIZE.as('caseload_size'),
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  const facts = (await loadCoachFacts(db, [id], year)).get(id);
  if (
    !row ||
    !facts ||
    !decideAnyPlace(
      actor,
      'read',
      { kind: 'coach', ownerId: id, trainerIds: facts.trainerIds },
      facts.places,
    ).allow
  ) {
    throw new AppError('NOT_FOUND');
  }
  const range = await loadCaseloadRange(db);
  const [caseload, teams] = await Promise.all([
    currentCaseloadOf(db, actor, id, year),
    db
      .selectFrom('network_team as nt')
      .innerJoin('network as n', 'n.id', 'nt.network_id')
      .select(['n.id', 'n.name', 'nt.school_year', 'nt.specialty'])
      .where('nt.coach_id', '=', id)
      .orderBy('nt.school_year', 'desc')
      .orderBy('n.name')
      .execute(),
  ]);
  const size = Number(row.caseload_size);
  const max = caseloadLimit(range, row.max_caseload);
  return {
    id: row.id,
    dni: row.dni,
    givenNames: row.given_names,
    paternalSurname: row.paternal_surname,
    maternalSurname: row.maternal_surname,
    displayName: displayName(row),
    kind: row.kind as CoachKind,
    specialty: row.specialty as CoachSpecialty | null,
    maxCaseload: row.max_caseload,
    range,
    caseloadSize: size,
    caseloadMax: max,
    aboveRange: size > max,
    schoolYear: year,
    caseload,
    networkTeams: teams.map((t) => ({
      network: { id: t.id, name: t.name },
      schoolYear: t.school_year,
      specialty: t.specialty,
    })),
  };
}
