import {
  type AccountChange,
  type Action,
  type Actor,
  AppError,
  type IssuedCode,
  type ResourceKind,
} from '@acompana/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { StoredAccountStatus } from '../../db/schema-auth.ts';
import { decideAnyPlace } from '../../policy/relations.ts';
import { type NewCode, prepareCode, retireCodes, storeCode } from './codes.ts';
import { loadTarget, type Target } from './target.ts';

// What supervisors do to someone else's account (issue 14): issue an activation code, reset
// (new code, password and sessions gone), deactivate, reactivate. Decided by the policy
// (`activation_code` create; `account_admin` update), audited with before/after in the same
// transaction as the change. `actor` null is the operator on the server (the CLI).

type Tx = Transaction<DB>;

export async function authorize(
  db: Kysely<DB>,
  actor: Actor | null,
  personId: string,
  kind: ResourceKind,
  action: Action,
): Promise<Target> {
  const target = await loadTarget(db, personId);
  if (!actor) return target;
  const base = { ownerId: target.id, targetRoles: target.roles };
  if (decideAnyPlace(actor, action, { kind, ...base }, target.places).allow) return target;
  if (actor.personId === personId) {
    throw new AppError(
      'FORBIDDEN',
      'No puedes administrar tu propia cuenta. Para cambiar tu contraseña, usa «Mi cuenta».',
    );
  }
  // Someone the actor may see but not administer (a higher role, or only codes for a director):
  // say so; anyone else is as good as absent.
  const sees =
    decideAnyPlace(actor, 'read', { kind: 'account_admin', ...base }, target.places).allow ||
    decideAnyPlace(actor, 'read', { kind: 'teacher', teacherId: target.id }, target.places).allow;
  if (sees) {
    throw new AppError(
      'FORBIDDEN',
      'No puedes administrar la cuenta de esta persona: le corresponde a quien supervisa su rol (equipo MINEDU para especialistas y formadores; especialista de UGEL para acompañantes, directores y docentes).',
    );
  }
  throw new AppError('NOT_FOUND');
}

export async function recordAccountChange(
  tx: Tx,
  actor: Actor | null,
  personId: string,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx
    .insertInto('audit_event')
    .values({
      actor_id: actor?.personId ?? null,
      actor_roles: actor ? [...new Set(actor.grants.map((g) => g.role))].sort() : [],
      action,
      resource_kind: 'account',
      resource_id: personId,
      subject_ids: [personId],
      detail: JSON.stringify({ ...detail, via: actor ? 'api' : 'cli' }),
    })
    .execute();
}

async function endSessions(tx: Tx, personId: string): Promise<number> {
  const rows = await tx
    .deleteFrom('session')
    .where('person_id', '=', personId)
    .returning('token_hash')
    .execute();
  return rows.length;
}

/** Writes the new status only if nobody changed it meanwhile (else CONFLICT: try again). */
async function setStatus(
  tx: Tx,
  target: Target,
  status: StoredAccountStatus,
  clearPassword = false,
): Promise<void> {
  if (target.status === null) {
    await tx.insertInto('user_account').values({ person_id: target.id, status }).execute();
    return;
  }
  const res = await tx
    .updateTable('user_account')
    .set(clearPassword ? { status, password_hash: null } : { status })
    .where('person_id', '=', target.id)
    .where('status', '=', target.status)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
}

const issued = (target: Target, code: NewCode): IssuedCode => ({
  personId: target.id,
  dni: target.dni,
  code: code.code,
  expiresAt: code.expiresAt.toISOString(),
  replacedCode: code.replacedCode,
});

const nameOf = (t: Target) => `${t.givenNames} ${t.paternalSurname}`;

function conflict(message: string): AppError {
  return new AppError('ACCOUNT_STATUS_CONFLICT', message);
}

/** An activation code for someone without an account or still waiting to activate it. */
export async function issueCode(
  db: Kysely<DB>,
  actor: Actor | null,
  personId: string,
): Promise<IssuedCode> {
  const target = await authorize(db, actor, personId, 'activation_code', 'create');
  if (target.status === 'active') {
    throw conflict(
      `La cuenta de ${nameOf(target)} ya está activa. Si olvidó su contraseña, su especialista puede restablecerla.`,
    );
  }
  if (target.status === 'deactivated') {
    throw conflict(`La cuenta de ${nameOf(target)} está desactivada. Reactívala primero.`);
  }
  const prepared = await prepareCode();
  return db.transaction().execute(async (tx) => {
    await setStatus(tx, target, 'pending');
    const code = await storeCode(tx, target.id, actor?.personId ?? null, prepared);
    await recordAccountChange(tx, actor, target.id, 'account.code_issued', {
      before: { status: target.status ?? 'none' },
      after: { status: 'pending' },
      replacedCode: code.replacedCode,
      expiresAt: code.expiresAt.toISOString(),
    });
    return issued(target, code);
  });
}

/** Reset: the password stops working, every session ends, a new code is issued. */
export async function resetAccount(
  db: Kysely<DB>,
  actor: Actor | null,
  personId: string,
): Promise<AccountChange> {
  const target = await authorize(db, actor, personId, 'account_admin', 'update');
  if (target.status === null) {
    throw conflict(`${nameOf(target)} todavía no tiene cuenta: emite un código de activación.`);
  }
  if (target.status === 'deactivated') {
    throw conflict(`La cuenta de ${nameOf(target)} está desactivada. Reactívala primero.`);
  }
  const prepared = await prepareCode();
  return db.transaction().execute(async (tx) => {
    await setStatus(tx, target, 'pending', true);
    const sessionsEnded = await endSessions(tx, target.id);
    const code = await storeCode(tx, target.id, actor?.personId ?? null, prepared);
    await recordAccountChange(tx, actor, target.id, 'account.reset', {
      before: { status: target.status },
      after: { status: 'pending' },
      sessionsEnded,
      replacedCode: code.replacedCode,
      expiresAt: code.expiresAt.toISOString(),
    });
    return { personId: target.id, status: 'pending', sessionsEnded, issued: issued(target, code) };
  });
}

export async function deactivateAccount(
  db: Kysely<DB>,
  actor: Actor | null,
  personId: string,
): Promise<AccountChange> {
  const target = await authorize(db, actor, personId, 'account_admin', 'update');
  if (target.status === null || target.status === 'deactivated') {
    throw conflict(
      target.status === null
        ? `${nameOf(target)} no tiene cuenta.`
        : `La cuenta de ${nameOf(target)} ya está desactivada.`,
    );
  }
  return db.transaction().execute(async (tx) => {
    await setStatus(tx, target, 'deactivated');
    const sessionsEnded = await endSessions(tx, target.id);
    const retiredCode = await retireCodes(tx, target.id);
    await recordAccountChange(tx, actor, target.id, 'account.deactivate', {
      before: { status: target.status },
      after: { status: 'deactivated' },
      sessionsEnded,
      retiredCode,
    });
    return { personId: target.id, status: 'deactivated', sessionsEnded, issued: null };
  });
}

/** Back to active with the same password, or to pending if it never had one (a new code is
 *  then needed: the old ones were retired on deactivation). */
export async function reactivateAccount(
  db: Kysely<DB>,
  actor: Actor | null,
  personId: string,
): Promise<AccountChange> {
  const target = await authorize(db, actor, personId, 'account_admin', 'update');
  if (target.status !== 'deactivated') {
    throw conflict(
      target.status === null
        ? `${nameOf(target)} no tiene cuenta.`
        : `La cuenta de ${nameOf(target)} no está desactivada.`,
    );
  }
  const status = target.hasPassword ? 'active' : 'pending';
  return db.transaction().execute(async (tx) => {
    await setStatus(tx, target, status);
    await recordAccountChange(tx, actor, target.id, 'account.reactivate', {
      before: { status: 'deactivated' },
      after: { status },
    });
    return { personId: target.id, status, sessionsEnded: 0, issued: null };
  });
}
