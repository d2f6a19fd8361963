import { AppError } from '@acompana/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';

// Guessing protection for one login attempt, in two short transactions around the password
// check: `reserve` (per-address throttle, then the lock of this DNI and source, where the
// attempt is counted as pending: failures and pending attempts together fill the quota) and `settle` (the outcome). Both take a
// transaction-scoped advisory lock per DNI, so concurrent attempts are decided one after the
// other on both engines, without holding a database connection during the (slow) password
// check. Failures are counted per DNI and source: each known device on its own, every other
// device together; each lock in a row doubles (docs/SECURITY.md, "Sessions and login").

/** Devices without a valid device cookie for this DNI share one counter. */
export const UNKNOWN_SOURCE = 'unknown';
const DAY_MS = 86_400_000;
const MAX_LOCK_MINUTES = 24 * 60;
/** Advisory lock key spaces (two-int form; apart from the migrations' single-key lock). */
const DNI_SPACE = 1;
const IP_SPACE = 2;

type Tx = Transaction<DB>;

interface LockState {
  failures: number;
  pending: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  level: number;
}

async function serialise(tx: Tx, space: number, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${space}::int, hashtext(${key}))`.execute(tx);
}

async function readState(tx: Tx, dni: string, source: string, now: Date): Promise<LockState> {
  const row = await tx
    .selectFrom('login_lock')
    .selectAll()
    .where('dni', '=', dni)
    .where('source', '=', source)
    .executeTakeFirst();
  if (!row) return { failures: 0, pending: 0, windowStartedAt: now, lockedUntil: null, level: 0 };
  return {
    failures: row.failures,
    pending: row.pending,
    windowStartedAt: new Date(row.window_started_at),
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
    level: row.lock_level,
  };
}

async function writeState(tx: Tx, dni: string, source: string, s: LockState): Promise<void> {
  const values = {
    failures: s.failures,
    pending: s.pending,
    window_started_at: s.windowStartedAt,
    locked_until: s.lockedUntil,
    lock_level: s.level,
  };
  await tx
    .insertInto('login_lock')
    .values({ dni, source, ...values })
    .onConflict((oc) => oc.columns(['dni', 'source']).doUpdateSet(values))
    .execute();
}

/** How long the `level`-th lock in a row lasts: the configured time, doubled each time. */
export function lockMinutes(config: Config, level: number): number {
  return Math.min(config.loginLockoutMinutes * 2 ** Math.max(0, level - 1), MAX_LOCK_MINUTES);
}

export function lockedError(until: Date, now = new Date()): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait =
    minutes >= 120
      ? `${Math.ceil(minutes / 60)} horas`
      : `${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}`;
  return new AppError(
    'ACCOUNT_LOCKED',
    `Demasiados intentos fallidos. Por seguridad, espera ${wait} antes de volver a intentarlo, o pide a tu especialista de UGEL que desbloquee tu cuenta.`,
    { retryAfterSeconds: seconds },
  );
}

const isLocked = (s: LockState, now: Date) => s.lockedUntil !== null && s.lockedUntil > now;

/** The counting window is over, or the lock that ended it has passed: count from zero. */
function windowOver(s: LockState, config: Config, now: Date): boolean {
  if (now.getTime() - s.windowStartedAt.getTime() >= config.loginLockoutMinutes * 60_000) {
    return true;
  }
  return s.lockedUntil !== null && s.lockedUntil <= now && s.lockedUntil > s.windowStartedAt;
}

export interface AttemptKey {
  dni: string;
  ip: string | null;
  /** UNKNOWN_SOURCE or the token hash of a known device of this DNI. */
  source: string;
}

/** Admits an attempt (its id, to settle) or throws RATE_LIMITED / ACCOUNT_LOCKED. */
export async function reserve(db: Kysely<DB>, config: Config, key: AttemptKey): Promise<string> {
  const attempt = (tx: Tx, outcome: 'checking' | 'locked') =>
    tx
      .insertInto('login_attempt')
      .values({
        dni: key.dni,
        ip: key.ip,
        outcome,
        source: key.source === UNKNOWN_SOURCE ? 'unknown' : 'device',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const result = await db.transaction().execute(async (tx) => {
    if (key.ip) {
      await serialise(tx, IP_SPACE, key.ip);
      const row = await tx
        .selectFrom('login_attempt')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('ip', '=', key.ip)
        .where('at', '>', new Date(Date.now() - 60_000))
        .executeTakeFirstOrThrow();
      if (Number(row.n) >= config.loginMaxPerIpPerMinute) {
        return new AppError('RATE_LIMITED', undefined, { retryAfterSeconds: 60 });
      }
    }
    await serialise(tx, DNI_SPACE, key.dni);
    const now = new Date(); // after waiting for the lock
    const s = await readState(tx, key.dni, key.source, now);
    if (isLocked(s, now)) {
      await attempt(tx, 'locked');
      return lockedError(s.lockedUntil as Date, now);
    }
    if (windowOver(s, config, now)) {
      // (An attempt lost in a crash while pending is forgotten here too.)
      s.failures = 0;
      s.pending = 0;
      s.windowStartedAt = now;
    }
    if (s.failures + s.pending >= config.loginMaxFailures) {
      // The quota is taken by guesses still being checked: refuse as their lock would.
      await attempt(tx, 'locked');
      return lockedError(new Date(now.getTime() + lockMinutes(config, s.level + 1) * 60_000), now);
    }
    s.pending += 1;
    await writeState(tx, key.dni, key.source, s);
    return (await attempt(tx, 'checking')).id;
  });
  if (result instanceof AppError) throw result;
  return result;
}

export interface Settled {
  /** Set when this source is locked now (this failure may have locked it). */
  lockedUntil: Date | null;
  remainingAttempts: number;
}

/** Records the outcome of a reserved attempt; a failure that fills the quota locks. */
export async function settle(
  db: Kysely<DB>,
  config: Config,
  key: AttemptKey & { attemptId: string; ok: boolean },
): Promise<Settled> {
  return db.transaction().execute(async (tx) => {
    await serialise(tx, DNI_SPACE, key.dni);
    const now = new Date();
    const s = await readState(tx, key.dni, key.source, now);
    s.pending = Math.max(0, s.pending - 1);
    if (key.ok) {
      // A known device that proves itself starts afresh; the shared counter of unknown devices
      // is left as it is (an attacker must not profit from the person's own logins).
      if (key.source !== UNKNOWN_SOURCE) {
        s.failures = 0;
        s.level = 0;
      }
    } else {
      s.failures += 1;
      if (s.failures >= config.loginMaxFailures && !isLocked(s, now)) {
        const recent = s.lockedUntil !== null && now.getTime() - s.lockedUntil.getTime() < DAY_MS;
        s.level = recent ? s.level + 1 : 1;
        s.lockedUntil = new Date(now.getTime() + lockMinutes(config, s.level) * 60_000);
      }
    }
    await writeState(tx, key.dni, key.source, s);
    await tx
      .updateTable('login_attempt')
      .set({ outcome: key.ok ? 'success' : 'wrong' })
      .where('id', '=', key.attemptId)
      .execute();
    return {
      lockedUntil: isLocked(s, now) ? s.lockedUntil : null,
      remainingAttempts: Math.max(0, config.loginMaxFailures - s.failures),
    };
  });
}

/** Lifts every lock of a DNI (administrator unlock); says whether one was in force. */
export async function clearLocks(tx: Tx, dni: string): Promise<{ wasLocked: boolean }> {
  await serialise(tx, DNI_SPACE, dni);
  const now = new Date();
  const rows = await tx.deleteFrom('login_lock').where('dni', '=', dni).returningAll().execute();
  return { wasLocked: rows.some((r) => r.locked_until !== null && new Date(r.locked_until) > now) };
}

/** Housekeeping: attempts older than a day, locks and counters idle for a day. */
export async function deleteStaleLoginState(db: Kysely<DB>): Promise<void> {
  const dayAgo = new Date(Date.now() - DAY_MS);
  await db.deleteFrom('login_attempt').where('at', '<', dayAgo).execute();
  await db
    .deleteFrom('login_lock')
    .where('window_started_at', '<', dayAgo)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', dayAgo)]))
    .execute();
}
