import { AppError, type PasswordChange, type SessionList } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { knownDevice } from './device-cookie.ts';
import type { LoginMeta } from './login.ts';
import { lockedError, reserve, settle, UNKNOWN_SOURCE } from './login-guard.ts';
import { checkPassword } from './password-rules.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

// "Mi cuenta" (issue 14): change one's password (the current one is asked again, under the
// login's guessing protection, so a borrowed session cannot take the account over; every
// other session ends), list one's sessions and end the others.

export interface CurrentSession {
  personId: string;
  tokenHash: string;
}

export async function changePassword(
  db: Kysely<DB>,
  config: Config,
  current: CurrentSession,
  input: PasswordChange,
  meta: LoginMeta,
): Promise<{ ended: number }> {
  const person = await db
    .selectFrom('person')
    .innerJoin('user_account as ua', 'ua.person_id', 'person.id')
    .select([
      'person.dni',
      'person.given_names',
      'person.paternal_surname',
      'person.maternal_surname',
      'ua.password_hash',
    ])
    .where('person.id', '=', current.personId)
    .where('ua.status', '=', 'active')
    .executeTakeFirst();
  if (!person?.password_hash) throw new AppError('FORBIDDEN');
  checkPassword(input.newPassword, {
    dni: person.dni,
    names: [person.given_names, person.paternal_surname, person.maternal_surname],
  });

  const device = await knownDevice(db, person.dni, meta.deviceTokens);
  const key = { dni: person.dni, ip: meta.ip, source: device ?? UNKNOWN_SOURCE };
  const attemptId = await reserve(db, config, key);
  const ok = await verifyPassword(person.password_hash, input.currentPassword);
  const settled = await settle(db, config, { ...key, attemptId, ok });
  if (!ok) {
    if (settled.lockedUntil) throw lockedError(settled.lockedUntil);
    throw new AppError('PASSWORD_WRONG', undefined, {
      remainingAttempts: settled.remainingAttempts,
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('user_account')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('person_id', '=', current.personId)
      .execute();
    const ended = await endOtherSessions(tx, current);
    await tx
      .insertInto('audit_event')
      .values({
        actor_id: current.personId,
        action: 'account.password_changed',
        resource_kind: 'account',
        resource_id: current.personId,
        detail: JSON.stringify({ sessionsEnded: ended }),
      })
      .execute();
    return { ended };
  });
}

export async function endOtherSessions(db: Kysely<DB>, current: CurrentSession): Promise<number> {
  const rows = await db
    .deleteFrom('session')
    .where('person_id', '=', current.personId)
    .where('token_hash', '<>', current.tokenHash)
    .returning('token_hash')
    .execute();
  return rows.length;
}

/** The person's sessions still in force, newest first (no token or hash leaves the server). */
export async function listSessions(
  db: Kysely<DB>,
  config: Config,
  current: CurrentSession,
): Promise<SessionList> {
  const now = Date.now();
  // Idle expiry as the session lookup (sessions.ts) applies it.
  const idleCutoff = new Date(now - config.sessionIdleMinutes * 60_000);
  const rows = await db
    .selectFrom('session')
    .select(['token_hash', 'created_at', 'last_seen_at', 'user_agent'])
    .where('person_id', '=', current.personId)
    .where('expires_at', '>', new Date(now))
    .where('last_seen_at', '>', idleCutoff)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      userAgent: r.user_agent,
      current: r.token_hash === current.tokenHash,
    })),
  };
}
