import { createHash, randomBytes } from 'node:crypto';
import { currentSchoolYear, type RoleView } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../config.ts';
import { PREPARE_SQL } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { type PersonNames, type RoleRow, roleRowsQuery, roleViewsOf } from './actor.ts';

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
  | {
      state: 'valid';
      personId: string;
      tokenHash: string;
      expiresAt: Date;
      /** The person's role assignments valid today. */
      roles: RoleView[];
      person: PersonNames;
    }
  | { state: 'expired' }
  | { state: 'missing' };

/** The roles sub-select of the session statement, built once per database and school year:
 *  every request runs that statement, and building the query was ~3 % of a request's CPU
 *  (a profile of bench:reports). A builder is immutable; only its SQL is taken here. */
const rolesOf = new WeakMap<
  Kysely<DB>,
  { year: number; query: ReturnType<typeof roleRowsQuery> }
>();

function sessionRoles(db: Kysely<DB>) {
  const year = currentSchoolYear();
  let kept = rolesOf.get(db);
  if (kept?.year !== year) {
    kept = { year, query: roleRowsQuery(db, sql.ref<string>('s.person_id'), year) };
    rolesOf.set(db, kept);
  }
  return kept.query;
}

/**
 * The sessions of several cookies' tokens and their people's roles, in ONE statement (every
 * request pays for it, docs/SYNC.md "Benchmark"): each row is read, refreshed when
 * `last_seen_at` is older than `touchEveryMs`, or deleted when it has expired, and the roles
 * valid today come along. Times are the server's clock, as when the session was created.
 */
async function resolveSessions(
  db: Kysely<DB>,
  config: Config,
  tokenHashes: string[],
): Promise<Map<string, SessionLookup>> {
  const now = new Date();
  const idleCutoff = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
  const touchCutoff = new Date(now.getTime() - touchEveryMs(config));
  const roles = sessionRoles(db);
  // The tokens as a sub-select, not a parameter array: a custom plan would count the array's
  // elements and a generic one cannot, so PostgreSQL kept planning this statement at every
  // request (1-2 ms, more than running it). Both now estimate alike and the generic plan,
  // made once per connection, is kept; the lookups stay by the primary key.
  const tokens = sql`ARRAY(SELECT unnest(${tokenHashes}::text[]))`;
  const { rows } = await sql<
    {
      token_hash: string;
      person_id: string;
      last_seen_at: Date;
      expires_at: Date;
      touched: boolean;
      roles: RoleRow[];
    } & PersonNames
  >`${PREPARE_SQL}WITH s AS (
      SELECT token_hash, person_id, last_seen_at, expires_at FROM session
       WHERE token_hash = ANY(${tokens})
    ),
    gone AS (
      DELETE FROM session
       WHERE token_hash = ANY(${tokens})
         AND (last_seen_at <= ${idleCutoff} OR expires_at <= ${now})
      RETURNING 1
    ),
    touched AS (
      UPDATE session SET last_seen_at = ${now}
       WHERE token_hash = ANY(${tokens}) AND last_seen_at <= ${touchCutoff}
         AND last_seen_at > ${idleCutoff} AND expires_at > ${now}
      RETURNING token_hash
    )
    SELECT s.token_hash, s.person_id, s.last_seen_at, s.expires_at,
           EXISTS (SELECT 1 FROM touched t WHERE t.token_hash = s.token_hash) AS touched,
           (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.role), '[]'::jsonb) FROM (${roles}) r) AS roles,
           p.dni, p.given_names, p.paternal_surname, p.maternal_surname
      FROM s JOIN person p ON p.id = s.person_id`.execute(db);
  const out = new Map<string, SessionLookup>();
  for (const row of rows) {
    const lastSeen = row.touched ? now : new Date(row.last_seen_at);
    const expiresAt = new Date(row.expires_at);
    if (effectiveExpiry(config, new Date(row.last_seen_at), expiresAt) <= now) {
      out.set(row.token_hash, { state: 'expired' });
      continue;
    }
    out.set(row.token_hash, {
      state: 'valid',
      personId: row.person_id,
      tokenHash: row.token_hash,
      expiresAt: effectiveExpiry(config, lastSeen, expiresAt),
      roles: roleViewsOf(row.roles),
      person: {
        dni: row.dni,
        given_names: row.given_names,
        paternal_surname: row.paternal_surname,
        maternal_surname: row.maternal_surname,
      },
    });
  }
  return out;
}

/**
 * Looks sessions up for the authentication middleware. Requests that arrive while a lookup is
 * running wait for it and are then looked up together, in one statement: under load (a
 * hundred phones syncing) every request no longer pays its own round trip, and a lone
 * request waits for nobody. Nothing is cached: every request sees the session as it is.
 */
export class SessionLookups {
  #waiting = new Map<string, ((lookup: SessionLookup) => void)[]>();
  #failing = new Map<string, ((error: unknown) => void)[]>();
  #running = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
  ) {}

  resolve(token: string): Promise<SessionLookup> {
    const tokenHash = hashToken(token);
    return new Promise((resolve, reject) => {
      this.#waiting.set(tokenHash, [...(this.#waiting.get(tokenHash) ?? []), resolve]);
      this.#failing.set(tokenHash, [...(this.#failing.get(tokenHash) ?? []), reject]);
      void this.#run();
    });
  }

  async #run() {
    if (this.#running || this.#waiting.size === 0) return;
    this.#running = true;
    const waiting = this.#waiting;
    const failing = this.#failing;
    this.#waiting = new Map();
    this.#failing = new Map();
    try {
      const found = await resolveSessions(this.db, this.config, [...waiting.keys()]);
      for (const [hash, resolvers] of waiting) {
        for (const resolve of resolvers) resolve(found.get(hash) ?? { state: 'missing' });
      }
    } catch (error) {
      for (const rejecters of failing.values()) for (const reject of rejecters) reject(error);
    } finally {
      this.#running = false;
      void this.#run();
    }
  }
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
