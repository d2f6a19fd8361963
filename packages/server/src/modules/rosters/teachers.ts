import {
  type Actor,
  AppError,
  type CaseloadPeriod,
  coachChanges,
  currentSchoolYear,
  reachOf,
  type TeacherDetail,
  type TeacherItem,
  type TeacherListQuery,
} from '@acompana/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { teacherReachSql } from '../../policy/reach-sql.ts';
import {
  decideAnyPlace,
  decideCaseloadRow,
  loadTeacherFacts,
  loadTeacherFactsAndSchools,
} from '../../policy/relations.ts';
import {
  activeSql,
  afterSql,
  countRows,
  displayName,
  type Page,
  pageCut,
  sortNameSql,
} from '../shared/sql.ts';
import { decodeCursor } from './cursor.ts';
import { visibleCoachesOf } from './school-people.ts';
import { personSearchSql, searchMatch } from './search.ts';

// Teachers: the list (posts this school year) with filters, and the detail page with posts by
// year and the caseload history (who coached them, when the coach changed).

const TEACHER_SORT = sortNameSql('p');

/** SQL: the teacher `p` has a post this year matching `condition` (aliases tp, s). */
function postWhere(year: number, condition: RawBuilder<boolean>) {
  return sql<boolean>`EXISTS (SELECT 1 FROM teacher_post tp JOIN school s ON s.id = tp.school_id WHERE tp.person_id = p.id AND tp.school_year = ${year} AND ${condition})`;
}

export async function listTeachers(
  db: Kysely<DB>,
  actor: Actor,
  query: TeacherListQuery,
  year = currentSchoolYear(),
): Promise<Page<TeacherItem>> {
  const reach = reachOf(actor, 'teacher', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const after = decodeCursor(query.cursor);
  const teacherId = sql.ref<string>('p.id');

  let q = db
    .selectFrom('person as p')
    .select(['p.id', 'p.dni', 'p.given_names', 'p.paternal_surname', 'p.maternal_surname'])
    .select(TEACHER_SORT.as('sort_key'))
    .where(postWhere(year, sql<boolean>`true`))
    .where((eb) => eb.or(reach.map((r) => teacherReachSql(r, actor.personId, teacherId, year))));
  if (query.ugel) q = q.where(postWhere(year, sql<boolean>`tp.ugel_id = ${query.ugel}`));
  if (query.school) q = q.where(postWhere(year, sql<boolean>`tp.school_id = ${query.school}`));
  if (query.network) q = q.where(postWhere(year, sql<boolean>`s.network_id = ${query.network}`));
  if (query.intervention) {
    q = q.where(
      postWhere(
        year,
        sql<boolean>`EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = tp.school_id AND e.intervention_code = ${query.intervention} AND e.status IN ('activa', 'permanece') AND e.cohort_start_year <= ${year})`,
      ),
    );
  }
  if (query.withoutCoach !== undefined) {
    const coached = sql<boolean>`EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = p.id AND ${activeSql('c')})`;
    q = q.where(query.withoutCoach ? sql<boolean>`NOT ${coached}` : coached);
  }
  if (query.q) {
    q = q.where(searchMatch(query.q, [personSearchSql('p')], [sql.ref('p.dni')]));
  }
  // The same filters and reach as the page, before the cursor cuts it.
  const total = query.total ? await countRows(q) : undefined;
  if (after) q = q.where(afterSql(TEACHER_SORT, teacherId, after));
  const rows = await q
    .orderBy(TEACHER_SORT)
    .orderBy('p.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const ids = page.map((r) => r.id);
  if (ids.length === 0)
    return { items: [], nextCursor: null, ...(total === undefined ? {} : { total }) };

  const { facts, schools, caseloads } = await loadTeacherFactsAndSchools(db, ids, year);
  // Defence in depth: the SQL filter came from the same rules, but every row is decided.
  const visible = page.filter((row) => {
    const f = facts.get(row.id);
    return (
      f &&
      decideAnyPlace(
        actor,
        'read',
        { kind: 'teacher', teacherId: row.id, coachIds: f.coachIds, trainerIds: f.trainerIds },
        f.places,
      ).allow
    );
  });
  const coaches = await visibleCoachesOf(
    db,
    actor,
    new Map([...facts].filter(([id]) => visible.some((row) => row.id === id))),
    caseloads,
  );
  const items = visible.map((row) => ({
    id: row.id,
    dni: row.dni,
    displayName: displayName(row),
    schools: schools.get(row.id) ?? [],
    coaches: coaches.get(row.id) ?? [],
  }));
  return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
}

export async function getTeacher(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  year = currentSchoolYear(),
): Promise<TeacherDetail> {
  if (reachOf(actor, 'teacher', 'read').length === 0) throw new AppError('FORBIDDEN');
  const person = await db
    .selectFrom('person as p')
    .select(['p.id', 'p.dni', 'p.given_names', 'p.paternal_surname', 'p.maternal_surname'])
    .where('p.id', '=', id)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('teacher_post').select('id').where('person_id', '=', id)),
        eb.exists(eb.selectFrom('caseload').select('id').where('teacher_id', '=', id)),
      ]),
    )
    .executeTakeFirst();
  const facts = (await loadTeacherFacts(db, [id], year)).get(id);
  const base = {
    kind: 'teacher' as const,
    teacherId: id,
    coachIds: facts?.coachIds ?? [],
    trainerIds: facts?.trainerIds ?? [],
  };
  if (!person || !facts || !decideAnyPlace(actor, 'read', base, facts.places).allow) {
    throw new AppError('NOT_FOUND');
  }

  const [posts, rows] = await Promise.all([
    db
      .selectFrom('teacher_post as tp')
      .innerJoin('school as s', 's.id', 'tp.school_id')
      .select([
        'tp.school_year',
        'tp.level',
        'tp.grades',
        'tp.subject',
        'tp.acting_director',
        's.id',
        's.name',
        's.codigo_modular',
        's.anexo',
      ])
      .where('tp.person_id', '=', id)
      .orderBy('tp.school_year', 'desc')
      .orderBy('s.name')
      .execute(),
    db
      .selectFrom('caseload as c')
      .innerJoin('person as coach', 'coach.id', 'c.coach_id')
      .select([
        'c.id',
        'c.coach_id',
        'c.intervention_code',
        'c.specialty',
        'c.valid_from',
        'c.valid_to',
        'c.ugel_id',
        'c.region_id',
        'coach.given_names',
        'coach.paternal_surname',
        'coach.maternal_surname',
        sql<boolean>`${activeSql('c')}`.as('current'),
      ])
      .where('c.teacher_id', '=', id)
      .orderBy('c.valid_from', 'desc')
      .orderBy('c.id')
      .execute(),
  ]);
  const caseloads: CaseloadPeriod[] = rows
    .filter((row) => {
      const decision = decideCaseloadRow(actor, id, facts, row);
      return decision.allow && decision.mask === null;
    })
    .map((row) => ({
      id: row.id,
      coach: { id: row.coach_id, displayName: displayName(row) },
      intervention: row.intervention_code,
      specialty: row.specialty,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      current: row.current,
    }));
  return {
    id: person.id,
    dni: person.dni,
    givenNames: person.given_names,
    paternalSurname: person.paternal_surname,
    maternalSurname: person.maternal_surname,
    displayName: displayName(person),
    posts: posts.map((p) => ({
      schoolYear: p.school_year,
      school: { id: p.id, name: p.name, codigoModular: p.codigo_modular, anexo: p.anexo },
      level: p.level,
      grades: [...p.grades].sort((a, b) => a - b),
      subject: p.subject,
      actingDirector: p.acting_director,
    })),
    caseloads,
    coachChanges: coachChanges(caseloads),
  };
}
