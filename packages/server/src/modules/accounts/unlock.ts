import { type AccountUnlock, type Actor, AppError, reachOf } from '@acompana/core';
import type { Kysely } from 'kysely';
import { clearLocks } from '../../auth/login-guard.ts';
import type { DB } from '../../db/schema.ts';
import { decideAnyPlace } from '../../policy/relations.ts';
import { personPlaces } from './target.ts';

// Lifting a person's login locks (every source: unknown devices and each known device), asked
// for by an administrator through the API (the policy's `account` update: equipo MINEDU, the
// especialista for people of their UGEL) or by the operator on the server (`acompana users
// unlock`, actor null). Audited either way.

export async function unlockAccount(
  db: Kysely<DB>,
  actor: Actor | null,
  personId: string,
): Promise<AccountUnlock> {
  if (actor && reachOf(actor, 'account', 'update').length === 0) throw new AppError('FORBIDDEN');
  const person = await db
    .selectFrom('person')
    .select(['id', 'dni'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new AppError('NOT_FOUND');
  if (actor?.personId === personId) {
    // A stolen session must not buy unlimited guesses at its owner's password.
    throw new AppError(
      'FORBIDDEN',
      'No puedes desbloquear tu propia cuenta. Pide a tu especialista de UGEL o al equipo MINEDU que lo haga.',
    );
  }
  if (actor) {
    const places = await personPlaces(db, personId);
    const decision = decideAnyPlace(
      actor,
      'update',
      { kind: 'account', ownerId: personId },
      places,
    );
    // Outside the actor's reach the account is as good as absent.
    if (!decision.allow) throw new AppError('NOT_FOUND');
  }
  return db.transaction().execute(async (tx) => {
    const { wasLocked } = await clearLocks(tx, person.dni);
    await tx
      .insertInto('audit_event')
      .values({
        actor_id: actor?.personId ?? null,
        action: 'account.unlock',
        resource_kind: 'account',
        resource_id: personId,
        detail: JSON.stringify({ wasLocked, via: actor ? 'api' : 'cli' }),
      })
      .execute();
    return { personId, dni: person.dni, wasLocked };
  });
}

/** The CLI names people by DNI. */
export async function personIdByDni(db: Kysely<DB>, dni: string): Promise<string> {
  const row = await db.selectFrom('person').select('id').where('dni', '=', dni).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No hay ninguna persona con DNI ${dni}.`);
  return row.id;
}
