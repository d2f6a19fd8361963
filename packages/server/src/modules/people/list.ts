import {
  type Actor,
  AppError,
  currentSchoolYear,
  type PersonItem,
  type PersonListQuery,
  reachOf,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decideAnyPlace } from '../../policy/relations.ts';
import { decodeCursor } from '../rosters/cursor.ts';
import { personSearchSql, searchMatch } from '../rosters/search.ts';
import {
  afterSql,
  countRows,
  displayName,
  type Page,
  pageCut,
  sortNameSql,
} from '../shared/sql.ts';
import { holdsRoleSql, loadPersonFacts, personReachSql, worksAtSql } from './places.ts';

// «Personas»: everyone who works in the asker's territory now (a current role or a post this
// school year), searched by name or DNI and filtered by role, school and account status. The
// policy's `person` read decides: the director their school, the especialista their UGEL,
// equipo MINEDU everyone (also people with no current role: only the nation reaches them).

const SORT = sortNameSql('p');

export async function listPeople(
  db: Kysely<DB>,
  actor: Actor,
  query: PersonListQuery,
  year = currentSchoolYear(),
): Promise<Page<PersonItem>> {
  const reach = reachOf(actor, 'person', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const after = decodeCursor(query.cursor);
  const personId = sql.ref<string>('p.id');

  let q = db
    .selectFrom('person as p')
    .leftJoin('user_account as ua', 'ua.person_id', 'p.id')
    .select(['p.id', 'p.dni', 'p.given_names', 'p.paternal_surname', 'p.maternal_surname'])
    .select(['ua.status'])
    .select(SORT.as('sort_key'))
    .where((eb) => eb.or(reach.map((r) => personReachSql(r, personId, year))));
  if (query.role) q = q.where(holdsRoleSql(personId, query.role, year));
  if (query.school) q = q.where(worksAtSql(personId, 'school', query.school, year));
  if (query.status === 'none') q = q.where('ua.person_id', 'is', null);
  else if (query.status) q = q.where('ua.status', '=', query.status);
  if (query.q) q = q.where(searchMatch(query.q, [personSearchSql('p')], [sql.ref('p.dni')]));

  const total = query.total ? await countRows(q) : undefined;
  if (after) q = q.where(afterSql(SORT, personId, after));
  const rows = await q
    .orderBy(SORT)
    .orderBy('p.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const facts = await loadPersonFacts(
    db,
    page.map((r) => r.id),
    year,
  );
  // Defence in depth: the SQL came from the same rule, but every row is decided.
  const items: PersonItem[] = [];
  for (const row of page) {
    const f = facts.get(row.id);
    if (!f) continue;
    if (!decideAnyPlace(actor, 'read', { kind: 'person', ownerId: row.id }, f.places).allow) {
      continue;
    }
    items.push({
      id: row.id,
      dni: row.dni,
      displayName: displayName(row),
      roles: f.roles,
      schools: f.schools,
      status: row.status ?? 'none',
    });
  }
  return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
}
