import {
  type Actor,
  type CoachKind,
  type CoachSpecialty,
  decide,
  type PersonRef,
  reachOf,
  type SchoolCoach,
  type SchoolTeacher,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  type CoachOfTeacherRow,
  decideAnyPlace,
  decideCaseloadRow,
  loadCoachFacts,
  loadTeacherFacts,
  type TeacherFacts,
} from '../../policy/relations.ts';
import { activeSql, displayName, sortNameSql } from '../shared/sql.ts';

// The people of a school's detail page: directors, this year's teachers with their coaches,
// and the coaches working there. Each person is shown only if the policy lets the asker see
// them; a whole section is null when the asker's role may not see that kind at all.

interface SchoolRow {
  id: string;
  network_id: string | null;
  ugel_id: string;
  region_id: string;
}

/** Current coaches of these teachers that the asker may see (caseload kind, unmasked). */
export async function visibleCoachesOf(
  db: Kysely<DB>,
  actor: Actor,
  facts: Map<string, TeacherFacts>,
  /** The teachers' caseload rows when already read (loadTeacherFactsAndSchools). */
  caseloads?: readonly CoachOfTeacherRow[],
): Promise<Map<string, PersonRef[]>> {
  const out = new Map<string, PersonRef[]>();
  const ids = [...facts.keys()];
  if (ids.length === 0 || reachOf(actor, 'caseload', 'read').length === 0) return out;
  const rows: readonly CoachOfTeacherRow[] =
    caseloads ??
    (await db
      .selectFrom('caseload as c')
      .innerJoin('person as p', 'p.id', 'c.coach_id')
      .select([
        'c.teacher_id',
        'c.coach_id',
        'c.ugel_id',
        'c.region_id',
        'p.given_names',
        'p.paternal_surname',
        'p.maternal_surname',
      ])
      .where('c.teacher_id', 'in', ids)
      .where(activeSql('c'))
      .orderBy(sortNameSql('p'))
      .execute());
  for (const row of rows) {
    const f = facts.get(row.teacher_id);
    if (!f) continue;
    const decision = decideCaseloadRow(actor, row.teacher_id, f, row);
    if (!decision.allow || decision.mask !== null) continue;
    const list = out.get(row.teacher_id) ?? [];
    if (!list.some((c) => c.id === row.coach_id)) {
      list.push({ id: row.coach_id, displayName: displayName(row) });
    }
    out.set(row.teacher_id, list);
  }
  return out;
}

export async function schoolPeople(
  db: Kysely<DB>,
  actor: Actor,
  school: SchoolRow,
  year: number,
): Promise<{
  directors: (PersonRef & { acting: boolean })[];
  teachers: SchoolTeacher[] | null;
}> {
  const appointed = await db
    .selectFrom('role_assignment as ra')
    .innerJoin('person as p', 'p.id', 'ra.person_id')
    .select(['p.id', 'p.given_names', 'p.paternal_surname', 'p.maternal_surname'])
    .where('ra.role', '=', 'director')
    .where('ra.scope_level', '=', 'school')
    .where('ra.scope_id', '=', school.id)
    .where(activeSql('ra'))
    .orderBy(sortNameSql('p'))
    .execute();
  const directors = appointed.map((p) => ({
    id: p.id,
    displayName: displayName(p),
    acting: false,
  }));

  if (reachOf(actor, 'teacher', 'read').length === 0) return { directors, teachers: null };
  const posts = await db
    .selectFrom('teacher_post as tp')
    .innerJoin('person as p', 'p.id', 'tp.person_id')
    .select([
      'p.id',
      'p.dni',
      'p.given_names',
      'p.paternal_surname',
      'p.maternal_surname',
      'tp.level',
      'tp.grades',
      'tp.subject',
      'tp.acting_director',
    ])
    .where('tp.school_id', '=', school.id)
    .where('tp.school_year', '=', year)
    .orderBy(sortNameSql('p'))
    .orderBy('p.id')
    .execute();
  const facts = await loadTeacherFacts(
    db,
    posts.map((p) => p.id),
    year,
  );
  const visible = posts.filter((p) => {
    const f = facts.get(p.id);
    return (
      f &&
      decideAnyPlace(
        actor,
        'read',
        { kind: 'teacher', teacherId: p.id, coachIds: f.coachIds, trainerIds: f.trainerIds },
        f.places,
      ).allow
    );
  });
  const visibleFacts = new Map([...facts].filter(([id]) => visible.some((p) => p.id === id)));
  const coaches = await visibleCoachesOf(db, actor, visibleFacts);
  for (const p of visible) {
    if (p.acting_director && !directors.some((d) => d.id === p.id)) {
      directors.push({ id: p.id, displayName: displayName(p), acting: true });
    }
  }
  return {
    directors,
    teachers: visible.map((p) => ({
      id: p.id,
      dni: p.dni,
      displayName: displayName(p),
      level: p.level,
      grades: [...p.grades].sort((a, b) => a - b),
      subject: p.subject,
      actingDirector: p.acting_director,
      coaches: coaches.get(p.id) ?? [],
    })),
  };
}

export async function schoolCoaches(
  db: Kysely<DB>,
  actor: Actor,
  school: SchoolRow,
  year: number,
): Promise<SchoolCoach[] | null> {
  if (reachOf(actor, 'coach', 'read').length === 0) return null;
  const [byCaseload, byTeam] = await Promise.all([
    db
      .selectFrom('caseload as c')
      .innerJoin('teacher_post as tp', (j) =>
        j
          .onRef('tp.person_id', '=', 'c.teacher_id')
          .on('tp.school_year', '=', year)
          .on('tp.school_id', '=', school.id),
      )
      .select(['c.coach_id', sql<string>`count(DISTINCT c.teacher_id)`.as('teachers_here')])
      .where(activeSql('c'))
      .groupBy('c.coach_id')
      .execute(),
    school.network_id
      ? db
          .selectFrom('network_team as nt')
          .select('nt.coach_id')
          .where('nt.network_id', '=', school.network_id)
          .where('nt.school_year', '=', year)
          .execute()
      : Promise.resolve([]),
  ]);
  const ids = [...new Set([...byCaseload, ...byTeam].map((r) => r.coach_id))];
  if (ids.length === 0) return [];
  const [people, facts] = await Promise.all([
    db
      .selectFrom('person as p')
      .leftJoin('coach_profile as cp', 'cp.person_id', 'p.id')
      .select([
        'p.id',
        'p.given_names',
        'p.paternal_surname',
        'p.maternal_surname',
        'cp.kind',
        'cp.specialty',
      ])
      .where('p.id', 'in', ids)
      .orderBy(sortNameSql('p'))
      .execute(),
    loadCoachFacts(db, ids, year),
  ]);
  const here = {
    schoolId: school.id,
    networkId: school.network_id,
    ugelId: school.ugel_id,
    regionId: school.region_id,
  };
  const out: SchoolCoach[] = [];
  for (const p of people) {
    const f = facts.get(p.id);
    const coach = { kind: 'coach' as const, ownerId: p.id, trainerIds: f?.trainerIds ?? [] };
    if (!f || !decideAnyPlace(actor, 'read', coach, f.places).allow) continue;
    // That the coach has teachers here is caseload data: shown only to who may read this
    // school's caseload rows unmasked. The formador (masked) sees the coaches they train only
    // through their network team, which their profile shows anyway, and no count.
    const caseload = decide(actor, 'read', {
      kind: 'caseload',
      coachIds: [p.id],
      trainerIds: f.trainerIds,
      place: here,
    });
    const caseloadShown = caseload.allow && caseload.mask === null;
    const networkTeam = byTeam.some((r) => r.coach_id === p.id);
    if (!caseloadShown && !networkTeam) continue;
    out.push({
      id: p.id,
      displayName: displayName(p),
      kind: (p.kind ?? 'acompanante_pedagogico') as CoachKind,
      specialty: (p.specialty ?? null) as CoachSpecialty | null,
      teachersHere: caseloadShown
        ? Number(byCaseload.find((r) => r.coach_id === p.id)?.teachers_here ?? 0)
        : null,
      networkTeam,
    });
  }
  return out;
}
