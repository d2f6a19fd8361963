import { AppError, type LoginRequest } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { knownDevice, registerDevice, touchDevice } from './device-cookie.ts';
import { lockedError, reserve, settle, UNKNOWN_SOURCE } from './login-guard.ts';
import { burnVerification, verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';

// Login with DNI + password: throttled per client address, locked progressively per DNI and
// source (login-guard.ts), remembered per device (device-cookie.ts). Everything lives in the
// database, so every API process sees the same counters.

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  /** Device tokens the browser presented (the device cookie). */
  deviceTokens: readonly string[];
}

export interface LoginResult {
  personId: string;
  session: NewSession;
  /** A new device token to add to the device cookie (null: the device was already known). */
  deviceToken: string | null;
}

export async function login(
  db: Kysely<DB>,
  config: Config,
  input: LoginRequest,
  meta: LoginMeta,
): Promise<LoginResult> {
  const device = await knownDevice(db, input.dni, meta.deviceTokens);
  const key = { dni: input.dni, ip: meta.ip, source: device ?? UNKNOWN_SOURCE };
  const attemptId = await reserve(db, config, key);

  const account = await db
    .selectFrom('person')
    .innerJoin('user_account', 'user_account.person_id', 'person.id')
    .select(['person.id', 'user_account.password_hash', 'user_account.status'])
    .where('person.dni', '=', input.dni)
    .executeTakeFirst();
  let ok = false;
  // A pending account has no password yet (it is activated with a code: auth/activation.ts).
  if (account?.status === 'active' && account.password_hash) {
    ok = await verifyPassword(account.password_hash, input.password);
  } else await burnVerification(input.password); // same time whether or not the DNI has an account

  const settled = await settle(db, config, { ...key, attemptId, ok });
  if (!ok || !account) {
    if (settled.lockedUntil) throw lockedError(settled.lockedUntil);
    throw new AppError('INVALID_CREDENTIALS', undefined, {
      remainingAttempts: settled.remainingAttempts,
    });
  }

  let deviceToken: string | null = null;
  if (device) await touchDevice(db, device);
  else deviceToken = await registerDevice(db, input.dni);
  const session = await createSession(db, config, account.id, meta);
  return { personId: account.id, session, deviceToken };
}
