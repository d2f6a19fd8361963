import { type ActivationRequest, AppError } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { CODE_MAX_FAILURES, latestCode } from '../modules/accounts/codes.ts';
import { knownDevice, registerDevice, touchDevice } from './device-cookie.ts';
import type { LoginMeta, LoginResult } from './login.ts';
import { lockedError, reserve, settle, UNKNOWN_SOURCE } from './login-guard.ts';
import { checkPassword } from './password-rules.ts';
import { burnVerification, hashPassword, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

// Activation (issue 14): DNI + one-time code + the password the person chooses; it logs them
// in. It shares the login's guessing protection (login-guard.ts: per-address throttle, per-DNI
// and source locks), and never reveals whether a DNI exists: an unknown DNI, a DNI without an
// account and a wrong code get the same answer after the same work (one argon2 verification).
// Only someone who typed the right code learns that it expired, was used or was exhausted.

type Code = NonNullable<Awaited<ReturnType<typeof latestCode>>>;

const isLive = (c: Code, now: Date) =>
  c.used_at === null &&
  c.retired_at === null &&
  new Date(c.expires_at) > now &&
  c.failed_attempts < CODE_MAX_FAILURES;

/** Why a correct code cannot be used (null: it can). */
function refusal(c: Code, status: string, now: Date): AppError | null {
  if (c.used_at !== null) return new AppError('ACTIVATION_CODE_USED');
  if (c.retired_at !== null || status !== 'pending') return new AppError('ACTIVATION_INVALID');
  if (c.failed_attempts >= CODE_MAX_FAILURES) return new AppError('ACTIVATION_CODE_EXHAUSTED');
  if (new Date(c.expires_at) <= now) return new AppError('ACTIVATION_CODE_EXPIRED');
  return null;
}

export async function activate(
  db: Kysely<DB>,
  config: Config,
  input: ActivationRequest,
  meta: LoginMeta,
): Promise<LoginResult> {
  // The rules that need nobody's names are checked first: they reveal nothing and cost no try.
  checkPassword(input.password, { dni: input.dni, names: [] });

  const device = await knownDevice(db, input.dni, meta.deviceTokens);
  const key = { dni: input.dni, ip: meta.ip, source: device ?? UNKNOWN_SOURCE };
  const attemptId = await reserve(db, config, key);

  const person = await db
    .selectFrom('person')
    .innerJoin('user_account as ua', 'ua.person_id', 'person.id')
    .select([
      'person.id',
      'person.given_names',
      'person.paternal_surname',
      'person.maternal_surname',
      'ua.status',
    ])
    .where('person.dni', '=', input.dni)
    .where('ua.status', 'in', ['pending', 'active'])
    .executeTakeFirst();
  const code = person ? await latestCode(db, person.id) : undefined;
  const now = new Date();
  let matches = false;
  if (code) matches = await verifyPassword(code.code_hash, input.code);
  else await burnVerification(input.code); // same work whether or not the DNI has a code
  if (code && !matches && isLive(code, now)) {
    await db
      .updateTable('activation_code')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', code.id)
      .execute();
  }

  // A correct code, even one that can no longer be used, is not a guess.
  const settled = await settle(db, config, { ...key, attemptId, ok: matches });
  if (!matches || !person || !code) {
    if (settled.lockedUntil) throw lockedError(settled.lockedUntil);
    throw new AppError('ACTIVATION_INVALID', undefined, {
      remainingAttempts: settled.remainingAttempts,
    });
  }
  const refused = refusal(code, person.status, now);
  if (refused) throw refused;

  // The person proved they hold the code: their names may now be checked against.
  checkPassword(input.password, {
    dni: input.dni,
    names: [person.given_names, person.paternal_surname, person.maternal_surname],
  });
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    const used = await tx
      .updateTable('activation_code')
      .set({ used_at: new Date() })
      .where('id', '=', code.id)
      .where('used_at', 'is', null)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    // Used at the same moment by another request, or replaced meanwhile.
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('ACTIVATION_CODE_USED');
    await tx
      .updateTable('user_account')
      .set({ status: 'active', password_hash: passwordHash, password_changed_at: new Date() })
      .where('person_id', '=', person.id)
      .where('status', '=', 'pending')
      .execute();
    await tx
      .insertInto('audit_event')
      .values({
        actor_id: person.id,
        action: 'account.activate',
        resource_kind: 'account',
        resource_id: person.id,
        detail: JSON.stringify({ before: { status: 'pending' }, after: { status: 'active' } }),
      })
      .execute();
  });

  let deviceToken: string | null = null;
  if (device) await touchDevice(db, device);
  else deviceToken = await registerDevice(db, input.dni);
  const session = await createSession(db, config, person.id, meta);
  return { personId: person.id, session, deviceToken };
}
