import { AppError, type LoginRequest } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { burnVerification, verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';

// Login with DNI + password, throttled per address and locked temporarily per DNI after
// repeated failures. Attempts live in the database so every API process sees them.

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
}

async function record(db: Kysely<DB>, dni: string, ip: string | null, succeeded: boolean) {
  await db.insertInto('login_attempt').values({ dni, ip, succeeded }).execute();
}

async function checkIpRate(db: Kysely<DB>, config: Config, ip: string | null): Promise<void> {
  if (!ip) return;
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('ip', '=', ip)
    .where('at', '>', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= config.loginMaxPerIpPerMinute) {
    throw new AppError('RATE_LIMITED', undefined, { retryAfterSeconds: 60 });
  }
}

/** Failures since the last success within the lockout window, and when the lock would end. */
async function lockState(db: Kysely<DB>, config: Config, dni: string) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<string>().as('failures'), eb.fn.max('at').as('last')])
    .where('dni', '=', dni)
    .where('succeeded', '=', false)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${config.loginLockoutMinutes})`)
    .where(({ eb, selectFrom }) =>
      eb(
        'at',
        '>',
        selectFrom('login_attempt as s')
          .select(sql<Date>`coalesce(max(s.at), '-infinity'::timestamptz)`.as('m'))
          .where('s.dni', '=', dni)
          .where('s.succeeded', '=', true),
      ),
    )
    .executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  const last = row.last ? new Date(row.last) : null;
  const until = last ? new Date(last.getTime() + config.loginLockoutMinutes * 60_000) : null;
  return { failures, until };
}

function lockedError(until: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'ACCOUNT_LOCKED',
    `Demasiados intentos fallidos. Por seguridad, espera ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'} antes de volver a intentarlo.`,
    { retryAfterSeconds: seconds },
  );
}

export async function login(
  db: Kysely<DB>,
  config: Config,
  input: LoginRequest,
  meta: LoginMeta,
): Promise<{ personId: string; session: NewSession }> {
  await checkIpRate(db, config, meta.ip);
  const before = await lockState(db, config, input.dni);
  if (before.failures >= config.loginMaxFailures && before.until && before.until > new Date()) {
    await record(db, input.dni, meta.ip, false);
    throw lockedError(before.until);
  }

  const account = await db
    .selectFrom('person')
    .innerJoin('user_account', 'user_account.person_id', 'person.id')
    .select(['person.id', 'user_account.password_hash', 'user_account.active'])
    .where('person.dni', '=', input.dni)
    .executeTakeFirst();

  let ok = false;
  if (account?.active) ok = await verifyPassword(account.password_hash, input.password);
  else await burnVerification(input.password);

  if (!ok || !account) {
    await record(db, input.dni, meta.ip, false);
    const failures = before.failures + 1;
    if (failures >= config.loginMaxFailures) {
      throw lockedError(new Date(Date.now() + config.loginLockoutMinutes * 60_000));
    }
    throw new AppError('INVALID_CREDENTIALS', undefined, {
      remainingAttempts: config.loginMaxFailures - failures,
    });
  }

  await record(db, input.dni, meta.ip, true);
  // Old attempts are only needed for the lockout window; keep the table small.
  await db
    .deleteFrom('login_attempt')
    .where('at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  const session = await createSession(db, config, account.id, meta);
  return { personId: account.id, session };
}
