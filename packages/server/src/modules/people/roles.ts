import {
  type Actor,
  AppError,
  type CoachRegistered,
  type CoachRegistration,
  decide,
  limaToday,
  type Place,
  type RoleEnd,
  reachOf,
  scopeContains,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { personRoles } from '../accounts/target.ts';
import { searchFold } from '../rosters/search.ts';
import { dateText } from './detail.ts';
import { insertPerson } from './insert.ts';

// Dated roles (issue 14): registering a coach (a person from the rosters by DNI, or a new one,
// + the role «acompañante» in a UGEL from a date, + their coach profile) and ending a role
// (its end date; the row and its history stay). Decided by the policy's `role_assignment`
// (`manages`: the especialista for their UGEL, equipo MINEDU for the roles it administers),
// checked before anything is written, audited in the same transaction. `actor` null is the
// operator on the server (the CLI import). Callers run these inside one transaction.

type Db = Kysely<DB>;

export const field = (path: string, message: string) => AppError.validation([{ path, message }]);

export function sameName(stored: string, given: string | undefined): boolean {
  return given === undefined || searchFold(stored.trim()) === searchFold(given.trim());
}

export interface PersonNames {
  dni: string;
  givenNames?: string | undefined;
  paternalSurname?: string | undefined;
  maternalSurname?: string | undefined;
}

/**
 * The person a registration is about: the one in the lists with that DNI (whose names, when
 * given, must match), or nobody — then the names are required to create them. `what` ends the
 * DNI_TAKEN message: what leaving the names blank does.
 */
export async function personForRegistration(db: Db, input: PersonNames, what: string) {
  const person = await db
    .selectFrom('person')
    .select(['id', 'given_names', 'paternal_surname', 'maternal_surname'])
    .where('dni', '=', input.dni)
    .executeTakeFirst();
  if (
    person &&
    !(
      sameName(person.given_names, input.givenNames) &&
      sameName(person.paternal_surname, input.paternalSurname) &&
      sameName(person.maternal_surname ?? '', input.maternalSurname)
    )
  ) {
    throw new AppError(
      'DNI_TAKEN',
      `Ya existe una persona con el DNI ${input.dni} y otros nombres. Revisa el DNI, o deja los nombres en blanco para ${what}.`,
    );
  }
  if (!person && (!input.givenNames || !input.paternalSurname)) {
    throw field(
      input.givenNames ? 'paternalSurname' : 'givenNames',
      `No hay nadie con el DNI ${input.dni} en las listas: escribe sus nombres y apellidos para registrarla.`,
    );
  }
  return person ?? null;
}

/** Refuses a role the actor may not give: outside their territory, or to a higher role. */
export function authorizeRole(
  actor: Actor | null,
  action: 'create' | 'update',
  ownerId: string,
  targetRoles: Parameters<typeof decide>[2]['targetRoles'],
  place: Place,
): void {
  if (!actor) return;
  if (decide(actor, action, { kind: 'role_assignment', ownerId, targetRoles, place }).allow) return;
  const reach = reachOf(actor, 'role_assignment', action);
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  if (ownerId === actor.personId) {
    throw new AppError('FORBIDDEN', 'No puedes darte ni quitarte un rol a ti mismo.');
  }
  if (!reach.some((r) => scopeContains(r.grant.scope, place))) {
    throw new AppError('OUTSIDE_SCOPE', undefined, {
      fields: [{ path: 'ugelId', message: 'Esta UGEL no está en tu ámbito.' }],
    });
  }
  throw new AppError(
    'FORBIDDEN',
    'No puedes cambiar los roles de esta persona: le corresponde a quien supervisa su rol (equipo MINEDU para especialistas y formadores).',
  );
}

/** Another assignment of the same role for the person whose dates meet [from, to]. */
export async function overlapping(
  db: Db,
  personId: string,
  role: string,
  from: string,
  to?: string,
) {
  const row = await db
    .selectFrom('role_assignment')
    .select(['id', 'valid_from', 'valid_to'])
    .where('person_id', '=', personId)
    .where('role', '=', role)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
    .where((eb) => (to ? eb('valid_from', '<=', to) : sql<boolean>`true`))
    .executeTakeFirst();
  return row ?? null;
}

export function datesInOrder(from: string, to: string | undefined | null): void {
  if (to && to < from) {
    throw new AppError(
      'ROLE_DATES_INVALID',
      `La fecha de fin no puede ser anterior a la fecha de inicio (${from}).`,
      {
        fields: [{ path: 'validTo', message: 'Debe ser igual o posterior a la fecha de inicio.' }],
      },
    );
  }
}

export async function registerCoach(
  db: Db,
  actor: Actor | null,
  input: CoachRegistration,
): Promise<CoachRegistered> {
  datesInOrder(input.validFrom, input.validTo);
  const ugel = await db
    .selectFrom('ugel')
    .select(['id', 'region_id'])
    .where('id', '=', input.ugelId)
    .executeTakeFirst();
  if (!ugel) throw field('ugelId', 'Esa UGEL no está registrada en Acompaña.');
  const intervention = await db
    .selectFrom('intervention')
    .select('code')
    .where('code', '=', input.interventionCode)
    .executeTakeFirst();
  if (!intervention) {
    throw field('interventionCode', `La intervención ${input.interventionCode} no existe.`);
  }
  const person = await personForRegistration(
    db,
    input,
    'registrar como acompañante a la persona que ya está en las listas',
  );
  const roles = person ? await personRoles(db, person.id) : [];
  const place: Place = { ugelId: ugel.id, regionId: ugel.region_id };
  authorizeRole(actor, 'create', person?.id ?? 'persona-nueva', [...roles, 'acompanante'], place);
  if (person && (await overlapping(db, person.id, 'acompanante', input.validFrom, input.validTo))) {
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
      role: 'acompanante',
      scope_level: 'ugel',
      scope_id: ugel.id,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kind = input.kind ?? 'acompanante_pedagogico';
  await db
    .insertInto('coach_profile')
    .values({
      person_id: personId,
      kind,
      specialty: input.specialty ?? null,
      intervention_code: input.interventionCode,
    })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        intervention_code: input.interventionCode,
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.specialty ? { specialty: input.specialty } : {}),
      }),
    )
    .execute();
  if (!person) await audit(db, actor, personId, 'person.create', { after: { dni: input.dni } });
  await audit(db, actor, personId, 'role.assign', {
    assignmentId: assignment.id,
    after: {
      role: 'acompanante',
      ugelId: ugel.id,
      interventionCode: input.interventionCode,
      kind,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    },
  });
  return { personId, assignmentId: assignment.id, created: !person };
}

/** Ends a role on `validTo` (≥ its start). The row stays: ending keeps the history. */
export async function endRole(
  db: Db,
  actor: Actor | null,
  personId: string,
  assignmentId: string,
  input: RoleEnd,
): Promise<{ assignmentId: string; validTo: string }> {
  const row = await db
    .selectFrom('role_assignment_place')
    .selectAll()
    .where('id', '=', assignmentId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const place: Place = {
    schoolId: row.school_id,
    networkId: row.network_id,
    ugelId: row.ugel_id,
    regionId: row.region_id,
  };
  if (actor && !decide(actor, 'read', { kind: 'person', ownerId: personId, place }).allow) {
    throw new AppError('NOT_FOUND');
  }
  authorizeRole(actor, 'update', personId, await personRoles(db, personId), place);
  const from = dateText(row.valid_from);
  const before = row.valid_to === null ? null : dateText(row.valid_to);
  if (before !== null && before < limaToday()) throw new AppError('ROLE_ALREADY_ENDED');
  datesInOrder(from, input.validTo);
  await db
    .updateTable('role_assignment')
    .set({ valid_to: input.validTo })
    .where('id', '=', assignmentId)
    .execute();
  await audit(db, actor, personId, 'role.end', {
    assignmentId,
    role: row.role,
    before: { validTo: before },
    after: { validTo: input.validTo },
  });
  return { assignmentId, validTo: input.validTo };
}

export async function audit(
  db: Db,
  actor: Actor | null,
  personId: string,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_id: actor?.personId ?? null,
      actor_roles: actor ? [...new Set(actor.grants.map((g) => g.role))].sort() : [],
      action,
      resource_kind: 'person',
      resource_id: personId,
      subject_ids: [personId],
      detail: JSON.stringify({ ...detail, via: actor ? 'api' : 'cli' }),
    })
    .execute();
}
