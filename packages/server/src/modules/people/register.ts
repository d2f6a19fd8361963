import {
  type Actor,
  AppError,
  MANAGES,
  type PersonRegistered,
  type PersonRegistration,
  type Place,
  type RegistrableRole,
  type ScopeLevel,
  schoolYearOf,
} from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { personRoles } from '../accounts/target.ts';
import { insertPerson } from './insert.ts';
import {
  audit,
  authorizeRole,
  datesInOrder,
  field,
  overlapping,
  personForRegistration,
} from './roles.ts';

// Registering someone other than a coach from «Personas» (issue 14): equipo MINEDU gives the
// roles especialista, formador and MINEDU; the especialista director and docente in their UGEL.
// The same steps as registering a coach (roles.ts): the person by DNI from the rosters or new,
// the policy's `role_assignment` create (`manages`) before anything is written, a dated role,
// the audit — in the caller's one transaction. A teacher also gets their post in the school
// year of the start date (that is what puts them in the rosters, assignable to a coach).

type Db = Kysely<DB>;

const LEVEL: Record<RegistrableRole, ScopeLevel> = {
  minedu: 'national',
  especialista: 'ugel',
  formador: 'region',
  director: 'school',
  docente: 'school',
};

const ROLE_NAME: Record<RegistrableRole, string> = {
  minedu: 'equipo MINEDU',
  especialista: 'especialistas',
  formador: 'formadores',
  director: 'directores',
  docente: 'docentes',
};

const WHERE: Record<Exclude<ScopeLevel, 'national' | 'network'>, string> = {
  region: 'Elige la región.',
  ugel: 'Elige la UGEL.',
  school: 'Elige la institución educativa.',
};

interface Where {
  place: Place;
  scopeId: string | null;
  school: { id: string; level: string; ugelId: string; regionId: string } | null;
}

/** The place the role is held, from `scopeId` read as the table its level names. */
async function placeOf(db: Db, level: ScopeLevel, scopeId: string | undefined): Promise<Where> {
  if (level === 'national') {
    if (scopeId) throw field('scopeId', 'El equipo MINEDU trabaja en todo el país: sin ámbito.');
    return { place: {}, scopeId: null, school: null };
  }
  if (level === 'network') throw new AppError('VALIDATION_FAILED');
  if (!scopeId) throw field('scopeId', WHERE[level]);
  const missing = () => field('scopeId', `${WHERE[level]} La elegida no está en Acompaña.`);
  if (level === 'region') {
    const row = await db
      .selectFrom('region')
      .select('id')
      .where('id', '=', scopeId)
      .executeTakeFirst();
    if (!row) throw missing();
    return { place: { regionId: row.id }, scopeId, school: null };
  }
  if (level === 'ugel') {
    const row = await db
      .selectFrom('ugel')
      .select(['id', 'region_id'])
      .where('id', '=', scopeId)
      .executeTakeFirst();
    if (!row) throw missing();
    return { place: { ugelId: row.id, regionId: row.region_id }, scopeId, school: null };
  }
  const row = await db
    .selectFrom('school')
    .select(['id', 'level', 'network_id', 'ugel_id', 'region_id'])
    .where('id', '=', scopeId)
    .executeTakeFirst();
  if (!row) throw missing();
  return {
    place: {
      schoolId: row.id,
      networkId: row.network_id,
      ugelId: row.ugel_id,
      regionId: row.region_id,
    },
    scopeId,
    school: { id: row.id, level: row.level, ugelId: row.ugel_id, regionId: row.region_id },
  };
}

export async function registerPerson(
  db: Db,
  actor: Actor | null,
  input: PersonRegistration,
): Promise<PersonRegistered> {
  datesInOrder(input.validFrom, input.validTo);
  // A role the actor administers nowhere: say so, rather than that the place is out of reach.
  if (actor && !actor.grants.some((g) => MANAGES[g.role].includes(input.role))) {
    throw new AppError(
      'FORBIDDEN',
      `Tu rol no registra ${ROLE_NAME[input.role]}: lo hace quien supervisa ese rol (equipo MINEDU para especialistas y formadores; el especialista de la UGEL para directores y docentes).`,
    );
  }
  const level = LEVEL[input.role];
  const where = await placeOf(db, level, input.scopeId);
  const person = await personForRegistration(
    db,
    input,
    'darle el rol a la persona que ya está en las listas',
  );
  const roles = person ? await personRoles(db, person.id) : [];
  try {
    authorizeRole(
      actor,
      'create',
      person?.id ?? 'persona-nueva',
      [...roles, input.role],
      where.place,
    );
  } catch (error) {
    // The place is a UGEL, a region or a school here: name the field the form shows.
    if (error instanceof AppError && error.code === 'OUTSIDE_SCOPE') {
      throw new AppError('OUTSIDE_SCOPE', undefined, {
        fields: [{ path: 'scopeId', message: 'Este lugar no está en tu ámbito.' }],
      });
    }
    throw error;
  }
  if (person && (await overlapping(db, person.id, input.role, input.validFrom, input.validTo))) {
    throw new AppError('ROLE_OVERLAP');
  }

  const personId =
    person?.id ??
    (await insertPerson(db, {
      dni: input.dni,
      given_names: input.givenNames as string,
      paternal_surname: input.paternalSurname as string,
      maternal_surname: input.maternalSurname ?? null,
    }));
  const assignment = await db
    .insertInto('role_assignment')
    .values({
      person_id: personId,
      role: input.role,
      scope_level: level,
      scope_id: where.scopeId,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const post = where.school && input.role === 'docente' ? where.school : null;
  if (post) {
    await db
      .insertInto('teacher_post')
      .values({
        person_id: personId,
        school_id: post.id,
        region_id: post.regionId,
        ugel_id: post.ugelId,
        school_year: schoolYearOf(input.validFrom),
        level: post.level,
      })
      .onConflict((oc) => oc.columns(['person_id', 'school_id', 'school_year']).doNothing())
      .execute();
  }
  if (!person) await audit(db, actor, personId, 'person.create', { after: { dni: input.dni } });
  await audit(db, actor, personId, 'role.assign', {
    assignmentId: assignment.id,
    after: {
      role: input.role,
      scopeLevel: level,
      scopeId: where.scopeId,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      ...(post ? { schoolYear: schoolYearOf(input.validFrom) } : {}),
    },
  });
  return { personId, assignmentId: assignment.id, created: !person };
}
