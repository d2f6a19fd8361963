import {
  type Actor,
  AppError,
  decide,
  type PageQuery,
  type Place,
  reachOf,
  type SchoolItem,
  type TeacherItem,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { schoolReachSql, teacherReachSql } from '../../policy/reach-sql.ts';
import { decodeCursor, encodeCursor, likePattern } from './cursor.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Peru's school year is the calendar year (Lima time). */
export function currentSchoolYear(now = new Date()): number {
  return Number(now.toLocaleString('en-US', { timeZone: 'America/Lima', year: 'numeric' }));
}

const TEACHER_SORT = sql<string>`lower(p.paternal_surname || ' ' || coalesce(p.maternal_surname, '') || ' ' || p.given_names)`;

export async function listTeachers(
  db: Kysely<DB>,
  actor: Actor,
  query: PageQuery,
  year = currentSchoolYear(),
): Promise<Page<TeacherItem>> {
  const reach = reachOf(actor, 'teacher', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const after = decodeCursor(query.cursor);
  const teacherId = sql.ref<string>('p.id');

  let q = db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.dni',
      'p.given_names',
      'p.paternal_surname',
      'p.maternal_surname',
      TEACHER_SORT.as('sort_key'),
    ])
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM teacher_post tp WHERE tp.person_id = p.id AND tp.school_year = ${year})`,
    )
    .where((eb) => eb.or(reach.map((r) => teacherReachSql(r, actor.personId, teacherId, year))));
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) => eb.or([eb(TEACHER_SORT, 'like', pattern), eb('p.dni', 'like', pattern)]));
  }
  if (after) q = q.where(sql<boolean>`(${TEACHER_SORT}, p.id) > (${after.k}, ${after.id}::uuid)`);
  const rows = await q
    .orderBy(TEACHER_SORT)
    .orderBy('p.id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  if (ids.length === 0) return { items: [], nextCursor: null };

  const [posts, coaches] = await Promise.all([
    db
      .selectFrom('teacher_post as tp')
      .innerJoin('school as s', 's.id', 'tp.school_id')
      .select([
        'tp.person_id',
        's.id',
        's.name',
        's.codigo_modular',
        's.network_id',
        's.ugel_id',
        's.region_id',
      ])
      .where('tp.person_id', 'in', ids)
      .where('tp.school_year', '=', year)
      .orderBy('s.name')
      .execute(),
    db
      .selectFrom('caseload as c')
      .leftJoin('coach_training as ct', (j) =>
        j
          .onRef('ct.coach_id', '=', 'c.coach_id')
          .on(
            sql<boolean>`ct.valid_from <= current_date AND (ct.valid_to IS NULL OR ct.valid_to >= current_date)`,
          ),
      )
      .select(['c.teacher_id', 'c.coach_id', 'ct.formador_id'])
      .where('c.teacher_id', 'in', ids)
      .where(
        sql<boolean>`c.valid_from <= current_date AND (c.valid_to IS NULL OR c.valid_to >= current_date)`,
      )
      .execute(),
  ]);

  const items: TeacherItem[] = [];
  for (const row of page) {
    const mine = posts.filter((p) => p.person_id === row.id);
    const links = coaches.filter((c) => c.teacher_id === row.id);
    const base = {
      kind: 'teacher' as const,
      teacherId: row.id,
      coachIds: links.map((l) => l.coach_id),
      trainerIds: links.flatMap((l) => (l.formador_id ? [l.formador_id] : [])),
    };
    const places: Place[] = mine.map((p) => ({
      schoolId: p.id,
      networkId: p.network_id,
      ugelId: p.ugel_id,
      regionId: p.region_id,
    }));
    // Defence in depth: the SQL filter came from the same rules, but every row is decided.
    const allowed = (places.length ? places : [undefined]).some(
      (place) => decide(actor, 'read', place ? { ...base, place } : base).allow,
    );
    if (!allowed) continue;
    items.push({
      id: row.id,
      dni: row.dni,
      displayName: `${row.given_names} ${row.paternal_surname}${row.maternal_surname ? ` ${row.maternal_surname}` : ''}`,
      schools: mine.map((p) => ({ id: p.id, name: p.name, codigoModular: p.codigo_modular })),
    });
  }
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ k: last.sort_key, id: last.id }) : null;
  return { items, nextCursor };
}

const SCHOOL_SORT = sql<string>`lower(s.name)`;

export async function listSchools(
  db: Kysely<DB>,
  actor: Actor,
  query: PageQuery,
): Promise<Page<SchoolItem>> {
  const reach = reachOf(actor, 'school', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('school as s')
    .innerJoin('ugel as u', 'u.id', 's.ugel_id')
    .select([
      's.id',
      's.codigo_modular',
      's.anexo',
      's.name',
      's.level',
      's.network_id',
      's.ugel_id',
      's.region_id',
      'u.name as ugel_name',
      SCHOOL_SORT.as('sort_key'),
    ])
    .where((eb) => eb.or(reach.map((r) => schoolReachSql(r))));
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([eb(SCHOOL_SORT, 'like', pattern), eb('s.codigo_modular', 'like', pattern)]),
    );
  }
  if (after) q = q.where(sql<boolean>`(${SCHOOL_SORT}, s.id) > (${after.k}, ${after.id}::uuid)`);
  const rows = await q
    .orderBy(SCHOOL_SORT)
    .orderBy('s.id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const items = page
    .filter(
      (s) =>
        decide(actor, 'read', {
          kind: 'school',
          place: {
            schoolId: s.id,
            networkId: s.network_id,
            ugelId: s.ugel_id,
            regionId: s.region_id,
          },
        }).allow,
    )
    .map((s) => ({
      id: s.id,
      codigoModular: s.codigo_modular,
      anexo: s.anexo,
      name: s.name,
      level: s.level,
      ugelName: s.ugel_name,
    }));
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ k: last.sort_key, id: last.id }) : null;
  return { items, nextCursor };
}
