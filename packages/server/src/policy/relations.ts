import {
  type Action,
  type Actor,
  type Decision,
  decide,
  type Place,
  type Resource,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { activeSql, sortNameSql } from '../modules/shared/sql.ts';
import { coachPlacesSql } from './reach-roster.ts';

// The relationship facts the policy needs (docs/PRIVACY.md): where a teacher or coach is, who
// coaches a teacher now, who trains a coach. Looked up here in bulk for a page of rows, then
// handed to `decide`, which does no I/O.

export interface TeacherFacts {
  places: Place[];
  /** Coaches with a current caseload row for the teacher. */
  coachIds: string[];
  /** Formadores currently training those coaches. */
  trainerIds: string[];
}

export interface CoachFacts {
  places: Place[];
  trainerIds: string[];
}

const unique = (values: string[]) => [...new Set(values)];

export async function loadTeacherFacts(
  db: Kysely<DB>,
  teacherIds: readonly string[],
  year: number,
): Promise<Map<string, TeacherFacts>> {
  return (await loadTeacherFactsAndSchools(db, teacherIds, year)).facts;
}

/** A teacher's current caseload row with the coach's names (sorted by the coach's name). */
export interface CoachOfTeacherRow {
  teacher_id: string;
  coach_id: string;
  ugel_id: string;
  region_id: string;
  given_names: string;
  paternal_surname: string;
  maternal_surname: string | null;
}

interface PostRow {
  person_id: string;
  id: string;
  network_id: string | null;
  ugel_id: string;
  region_id: string;
  name: string;
  codigo_modular: string;
}

type LinkRow = CoachOfTeacherRow & { formador_id: string | null };

/** A school where a teacher holds a post this year, as a list of teachers shows it. */
export interface PostSchool {
  id: string;
  name: string;
  codigoModular: string;
}

/** The teachers' facts and, from the same query, the schools of their posts (ordered by name):
 *  a page of teachers needs both, and each query is a round trip under load (bench:load). */
export async function loadTeacherFactsAndSchools(
  db: Kysely<DB>,
  teacherIds: readonly string[],
  year: number,
): Promise<{
  facts: Map<string, TeacherFacts>;
  schools: Map<string, PostSchool[]>;
  caseloads: CoachOfTeacherRow[];
}> {
  const out = new Map<string, TeacherFacts>();
  const schools = new Map<string, PostSchool[]>();
  const ids = unique([...teacherIds]);
  for (const id of ids) {
    out.set(id, { places: [], coachIds: [], trainerIds: [] });
    schools.set(id, []);
  }
  if (ids.length === 0) return { facts: out, schools, caseloads: [] };
  // One statement, two lists: each statement is a round trip the server pays for under load.
  const { rows } = await sql<{ posts: PostRow[] | null; links: LinkRow[] | null }>`
    SELECT
      (SELECT jsonb_agg(jsonb_build_object('person_id', tp.person_id, 'id', s.id,
                'network_id', s.network_id, 'ugel_id', s.ugel_id, 'region_id', s.region_id,
                'name', s.name, 'codigo_modular', s.codigo_modular) ORDER BY s.name)
         FROM teacher_post tp JOIN school s ON s.id = tp.school_id
        WHERE tp.person_id = ANY(${ids}::uuid[]) AND tp.school_year = ${year}) AS posts,
      (SELECT jsonb_agg(jsonb_build_object('teacher_id', c.teacher_id, 'coach_id', c.coach_id,
                'formador_id', ct.formador_id, 'ugel_id', c.ugel_id, 'region_id', c.region_id,
                'given_names', p.given_names, 'paternal_surname', p.paternal_surname,
                'maternal_surname', p.maternal_surname) ORDER BY ${sortNameSql('p')})
         FROM caseload c JOIN person p ON p.id = c.coach_id
         LEFT JOIN coach_training ct ON ct.coach_id = c.coach_id AND ${activeSql('ct')}
        WHERE c.teacher_id = ANY(${ids}::uuid[]) AND ${activeSql('c')}) AS links`.execute(db);
  const posts = rows[0]?.posts ?? [];
  const links = rows[0]?.links ?? [];
  for (const p of posts) {
    out.get(p.person_id)?.places.push({
      schoolId: p.id,
      networkId: p.network_id,
      ugelId: p.ugel_id,
      regionId: p.region_id,
    });
    schools.get(p.person_id)?.push({ id: p.id, name: p.name, codigoModular: p.codigo_modular });
  }
  for (const link of links) {
    const facts = out.get(link.teacher_id);
    if (!facts) continue;
    if (!facts.coachIds.includes(link.coach_id)) facts.coachIds.push(link.coach_id);
    if (link.formador_id && !facts.trainerIds.includes(link.formador_id)) {
      facts.trainerIds.push(link.formador_id);
    }
  }
  return { facts: out, schools, caseloads: links };
}

interface CoachPlaceRow {
  coach_id: string;
  school_id: string | null;
  network_id: string | null;
  ugel_id: string | null;
  region_id: string | null;
}

export async function loadCoachFacts(
  db: Kysely<DB>,
  coachIds: readonly string[],
  year: number,
): Promise<Map<string, CoachFacts>> {
  const out = new Map<string, CoachFacts>();
  const ids = unique([...coachIds]);
  for (const id of ids) out.set(id, { places: [], trainerIds: [] });
  if (ids.length === 0) return out;
  const [places, trainers] = await Promise.all([
    sql<CoachPlaceRow>`SELECT DISTINCT cp.coach_id, cp.school_id, cp.network_id, cp.ugel_id, cp.region_id
      FROM ${coachPlacesSql(year)} AS cp
     WHERE cp.coach_id IN (${sql.join(ids)})`.execute(db),
    db
      .selectFrom('coach_training as ct')
      .select(['ct.coach_id', 'ct.formador_id'])
      .where('ct.coach_id', 'in', ids)
      .where(activeSql('ct'))
      .execute(),
  ]);
  for (const p of places.rows) {
    out.get(p.coach_id)?.places.push({
      schoolId: p.school_id,
      networkId: p.network_id,
      ugelId: p.ugel_id,
      regionId: p.region_id,
    });
  }
  for (const t of trainers) out.get(t.coach_id)?.trainerIds.push(t.formador_id);
  return out;
}

/**
 * `decide` for a resource that sits at several places (a teacher with posts in two schools,
 * a coach working in several): allowed if any place allows, unmasked preferred.
 */
export function decideAnyPlace(
  actor: Actor,
  action: Action,
  base: Omit<Resource, 'place'>,
  places: readonly Place[],
): Decision {
  const candidates: (Place | undefined)[] = places.length ? [...places] : [undefined];
  let best: Decision = { allow: false, reason: 'no_relation' };
  for (const place of candidates) {
    const decision = decide(actor, action, place ? { ...base, place } : base);
    if (decision.allow && decision.mask === null) return decision;
    if (decision.allow) best = decision;
    else if (!best.allow) best = decision;
  }
  return best;
}

/**
 * May the actor read a caseload row (who coaches this teacher)? The row sits at the teacher's
 * posts and at its own UGEL and region; the answer may mask the teacher (the formador).
 * One check for every list and detail that shows caseload rows.
 */
export function decideCaseloadRow(
  actor: Actor,
  teacherId: string,
  facts: TeacherFacts,
  row: { ugel_id: string; region_id: string },
): Decision {
  return decideAnyPlace(
    actor,
    'read',
    { kind: 'caseload', teacherId, coachIds: facts.coachIds, trainerIds: facts.trainerIds },
    [...facts.places, { ugelId: row.ugel_id, regionId: row.region_id }],
  );
}
