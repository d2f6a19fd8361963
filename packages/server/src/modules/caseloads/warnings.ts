import {
  type Actor,
  AppError,
  currentSchoolYear,
  RUNNING_STATUSES,
  reachOf,
  type Warnings,
  type WarningsQuery,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { LIMA_TODAY } from '../../db/time.ts';
import { caseloadReachSql, coachReachSql, placeReachSql } from '../../policy/reach-roster.ts';
import { decideAnyPlace, loadCoachFacts, loadTeacherFacts } from '../../policy/relations.ts';
import { aboveRangeSql, CASELOAD_SIZE } from '../coaches/queries.ts';
import { loadCaseloadRange } from '../shared/settings.ts';
import { activeSql, displayName, sortNameSql } from '../shared/sql.ts';

// Roster warnings (policy kind `roster_warning`, supervisors in scope): teachers of schools in
// an intervention without a current coach, coaches carrying more teachers than their limit,
// and changes of coach since a date. Counts cover the whole scope; items are the first ones.

/** Changes are "recent" from the start of the previous school year, unless asked otherwise. */
export function defaultSince(year: number): string {
  return `${year - 1}-01-01`;
}

export async function rosterWarnings(
  db: Kysely<DB>,
  actor: Actor,
  query: WarningsQuery,
  year = currentSchoolYear(),
): Promise<Warnings> {
  const reach = reachOf(actor, 'roster_warning', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const range = await loadCaseloadRange(db);
  const since = query.since ?? defaultSince(year);
  const [withoutCoach, aboveRange, coachChanges] = await Promise.all([
    teachersWithoutCoach(db, actor, reach, query.limit, year),
    coachesAboveRange(db, actor, reach, query.limit, year, range),
    recentCoachChanges(db, actor, reach, query.limit, year, since),
  ]);
  return { schoolYear: year, range, since, withoutCoach, aboveRange, coachChanges };
}

type Reach = ReturnType<typeof reachOf>;

async function teachersWithoutCoach(
  db: Kysely<DB>,
  actor: Actor,
  reach: Reach,
  limit: number,
  year: number,
): Promise<Warnings['withoutCoach']> {
  // Posts this year in schools running an intervention, whose teacher has no current coach.
  const base = db
    .selectFrom('teacher_post as tp')
    .innerJoin('school as s', 's.id', 'tp.school_id')
    .innerJoin('person as p', 'p.id', 'tp.person_id')
    .where('tp.school_year', '=', year)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = tp.school_id AND e.status IN (${sql.join([...RUNNING_STATUSES])}) AND e.cohort_start_year <= ${year})`,
    )
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = tp.person_id AND ${activeSql('c')})`,
    )
    .where((eb) =>
      eb.or(
        reach.map((r) =>
          placeReachSql(r, {
            schoolId: sql.ref('tp.school_id'),
            networkId: sql.ref('s.network_id'),
            ugelId: sql.ref('tp.ugel_id'),
            regionId: sql.ref('tp.region_id'),
          }),
        ),
      ),
    );
  const [total, rows] = await Promise.all([
    base.select(sql<string>`count(DISTINCT tp.person_id)`.as('n')).executeTakeFirst(),
    base
      .select(['p.id', 'p.dni', 'p.given_names', 'p.paternal_surname', 'p.maternal_surname'])
      .select(sortNameSql('p').as('sort_key'))
      .distinct()
      .orderBy('sort_key')
      .orderBy('p.id')
      .limit(limit)
      .execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const [facts, details] = await Promise.all([
    loadTeacherFacts(db, ids, year),
    ids.length
      ? db
          .selectFrom('teacher_post as tp')
          .innerJoin('school as s', 's.id', 'tp.school_id')
          .leftJoin('enrollment as e', (j) =>
            j
              .onRef('e.school_id', '=', 'tp.school_id')
              .on('e.status', 'in', RUNNING_STATUSES)
              .on('e.cohort_start_year', '<=', year),
          )
          .select(['tp.person_id', 's.id', 's.name', 'e.intervention_code'])
          .where('tp.person_id', 'in', ids)
          .where('tp.school_year', '=', year)
          .orderBy('s.name')
          .execute()
      : Promise.resolve([]),
  ]);
  const items = rows
    .filter((r) => {
      const f = facts.get(r.id);
      return (
        f &&
        decideAnyPlace(actor, 'read', { kind: 'roster_warning', teacherId: r.id }, f.places).allow
      );
    })
    .map((r) => {
      const mine = details.filter((d) => d.person_id === r.id);
      const schools = new Map(mine.map((d) => [d.id, { id: d.id, name: d.name }]));
      return {
        teacher: { id: r.id, displayName: displayName(r), dni: r.dni },
        schools: [...schools.values()],
        interventions: [
          ...new Set(mine.flatMap((d) => (d.intervention_code ? [d.intervention_code] : []))),
        ],
      };
    });
  return { count: Number(total?.n ?? 0), items };
}

async function coachesAboveRange(
  db: Kysely<DB>,
  actor: Actor,
  reach: Reach,
  limit: number,
  year: number,
  range: Awaited<ReturnType<typeof loadCaseloadRange>>,
): Promise<Warnings['aboveRange']> {
  const base = db
    .selectFrom('person as p')
    .innerJoin('coach_profile as cp', 'cp.person_id', 'p.id')
    .where(aboveRangeSql(range))
    .where((eb) =>
      eb.or(reach.map((r) => coachReachSql(r, actor.personId, sql.ref('p.id'), year))),
    );
  const [total, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirst(),
    base
      .select([
        'p.id',
        'p.given_names',
        'p.paternal_surname',
        'p.maternal_surname',
        'cp.kind',
        'cp.max_caseload',
        CASELOAD_SIZE.as('size'),
      ])
      .orderBy(sql`${CASELOAD_SIZE} DESC`)
      .orderBy(sortNameSql('p'))
      .orderBy('p.id')
      .limit(limit)
      .execute(),
  ]);
  const facts = await loadCoachFacts(
    db,
    rows.map((r) => r.id),
    year,
  );
  const items = rows
    .filter((r) => {
      const f = facts.get(r.id);
      return (
        f &&
        decideAnyPlace(actor, 'read', { kind: 'roster_warning', ownerId: r.id }, f.places).allow
      );
    })
    .map((r) => ({
      coach: { id: r.id, displayName: displayName(r) },
      kind: r.kind,
      caseloadSize: Number(r.size),
      caseloadMax: r.max_caseload ?? range.max,
    }));
  return { count: Number(total?.n ?? 0), items };
}

async function recentCoachChanges(
  db: Kysely<DB>,
  actor: Actor,
  reach: Reach,
  limit: number,
  year: number,
  since: string,
): Promise<Warnings['coachChanges']> {
  // n: the new row; o: the row just before it (same teacher, intervention and specialty),
  // ended, with another coach.
  const base = db
    .selectFrom('caseload as n')
    .innerJoin('caseload as o', (j) =>
      j
        .onRef('o.teacher_id', '=', 'n.teacher_id')
        .onRef('o.intervention_code', '=', 'n.intervention_code')
        .on(sql<boolean>`o.specialty IS NOT DISTINCT FROM n.specialty`)
        .onRef('o.coach_id', '<>', 'n.coach_id')
        .onRef('o.valid_from', '<', 'n.valid_from')
        .on('o.valid_to', 'is not', null),
    )
    .where('n.valid_from', '>=', since)
    .where('n.valid_from', '<=', LIMA_TODAY)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM caseload m WHERE m.teacher_id = n.teacher_id AND m.intervention_code = n.intervention_code AND m.specialty IS NOT DISTINCT FROM n.specialty AND m.valid_from > o.valid_from AND m.valid_from < n.valid_from)`,
    )
    .where((eb) => eb.or(reach.map((r) => caseloadReachSql(r, actor.personId, 'n', year))));
  const [total, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirst(),
    base
      .innerJoin('person as t', 't.id', 'n.teacher_id')
      .innerJoin('person as a', 'a.id', 'o.coach_id')
      .innerJoin('person as b', 'b.id', 'n.coach_id')
      .select([
        'n.id',
        'n.teacher_id',
        'n.intervention_code',
        'n.specialty',
        'n.valid_from',
        'n.ugel_id',
        'n.region_id',
        'n.reason',
        't.given_names',
        't.paternal_surname',
        't.maternal_surname',
        'o.coach_id as from_id',
        sql<string>`a.given_names || ' ' || a.paternal_surname || coalesce(' ' || a.maternal_surname, '')`.as(
          'from_name',
        ),
        'n.coach_id as to_id',
        sql<string>`b.given_names || ' ' || b.paternal_surname || coalesce(' ' || b.maternal_surname, '')`.as(
          'to_name',
        ),
      ])
      .orderBy('n.valid_from', 'desc')
      .orderBy('n.id')
      .limit(limit)
      .execute(),
  ]);
  const facts = await loadTeacherFacts(
    db,
    rows.map((r) => r.teacher_id),
    year,
  );
  const items = rows
    .filter((r) => {
      const f = facts.get(r.teacher_id);
      return (
        f &&
        decideAnyPlace(actor, 'read', { kind: 'roster_warning', teacherId: r.teacher_id }, [
          ...f.places,
          { ugelId: r.ugel_id, regionId: r.region_id },
        ]).allow
      );
    })
    .map((r) => ({
      id: r.id,
      teacher: { id: r.teacher_id, displayName: displayName(r) },
      intervention: r.intervention_code,
      specialty: r.specialty,
      date: r.valid_from,
      from: { id: r.from_id, displayName: r.from_name },
      to: { id: r.to_id, displayName: r.to_name },
      reason: r.reason,
    }));
  return { count: Number(total?.n ?? 0), items };
}
