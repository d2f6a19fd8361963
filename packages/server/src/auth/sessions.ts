import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';

// Server-side sessions. The cookie holds a random token; the database holds only its SHA-256,
// so a leaked database cannot be replayed as cookies. Idle and absolute expiry both apply.

/**
 * How stale `last_seen_at` may get before a request writes it again. Writing on every request
 * would not scale; but the lag must stay small against the idle limit, or a session in use
 * expires (with a 1-minute limit and a once-a-minute touch, a request at 0:59 left the session
 * to die at 1:00). A tenth of the idle limit, at most a minute: idle expiry is then exact to
 * within that tenth.
 */
export function touchEveryMs(config: Config): number {
  return Math.min(60_000, (config.sessionIdleMinutes * 60_000) / 10);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<DB>,
  config: Config,
  personId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const absolute = new Date(now.getTime() + config.sessionMaxHours * 3_600_000);
  await db
    .insertInto('session')
    .values({
      token_hash: hashToken(token),
      person_id: personId,
      last_seen_at: now,
      expires_at: absolute,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt: effectiveExpiry(config, now, absolute) };
}

function effectiveExpiry(config: Config, lastSeen: Date, absolute: Date): Date {
  const idle = new Date(lastSeen.getTime() + config.sessionIdleMinutes * 60_000);
  return idle < absolute ? idle : absolute;
}

export type SessionLookup =
  | { state: 'valid'; personId: string; tokenHash: string; expiresAt: Date }
  | { state: 'expired' }
  | { state: 'missing' };

export async function resolveSession(
  db: Kysely<DB>,
  config: Config,
  token: string,
): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('session')
    .select(['person_id', 'last_seen_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { state: 'missing' };
  const now = new Date();
  if (effectiveExpiry(config, row.last_seen_at, row.expires_at) <= now) {
    await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
    return { state: 'expired' };
  }
  let lastSeen = row.last_seen_at;
  if (now.getTime() - lastSeen.getTime() >= touchEveryMs(config)) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('token_hash', '=', tokenHash)
      .execute();
    lastSeen = now;
  }
  return {
    state: 'valid',
    personId: row.person_id,
    tokenHash,
    expiresAt: effectiveExpiry(config, lastSeen, row.expires_at),
  };
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, config: Config): Promise<void> {
  const idleCutoff = new Date(Date.now() - config.sessionIdleMinutes * 60_000);
  await db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<=', idleCutoff)]),
    )
    .execute();
}
