import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { LIMA_TODAY } from '../db/time.ts';
import { testTargets } from '../test/databases.ts';
import { TestClient, testConfig } from '../test/http.ts';
import { hashToken, touchEveryMs } from './sessions.ts';

// Idle expiry with a short limit: a session in use must not expire because "last seen" was
// written too rarely (it used to be refreshed at most once a minute, whatever the limit).

describe.each(testTargets())('session idle limit on $engine', (target) => {
  let database: Database;
  let client: TestClient;
  beforeAll(async () => {
    database = await target.open();
    client = new TestClient(database, testConfig({ sessionIdleMinutes: 1 }));
  });
  afterAll(async () => {
    await database.close();
  });

  const lastSeen = async (cookie: string) => {
    const row = await database.db
      .selectFrom('session')
      .select('last_seen_at')
      .where('token_hash', '=', hashToken(cookie.split('=')[1] ?? ''))
      .executeTakeFirstOrThrow();
    return new Date(row.last_seen_at).getTime();
  };
  /** Moves the session's clock back, as if `seconds` had passed since its last request. */
  const elapse = (cookie: string, seconds: number) =>
    database.db
      .updateTable('session')
      .set({ last_seen_at: sql`last_seen_at - make_interval(secs => ${seconds})` })
      .where('token_hash', '=', hashToken(cookie.split('=')[1] ?? ''))
      .execute();

  it('keeps a 1-minute session alive while it is used every 50 seconds', async () => {
    const cookie = await client.login('20000001');
    for (let i = 0; i < 3; i++) {
      await elapse(cookie, 50);
      const res = await client.getJson('/api/v1/me', cookie);
      expect(res.status, `request ${i + 1}`).toBe(200);
      // The answer's expiry is a full idle minute from now.
      const expires = new Date(res.body.session.expiresAt).getTime();
      expect(expires - Date.now()).toBeGreaterThan(50_000);
    }
    expect(Date.now() - (await lastSeen(cookie))).toBeLessThan(10_000);
  });

  it('still ends it after a minute without requests', async () => {
    const cookie = await client.login('20000001');
    await elapse(cookie, 61);
    const res = await client.getJson('/api/v1/me', cookie);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('touches at most once per tenth of the idle limit, and at most once a minute', () => {
    expect(touchEveryMs(testConfig({ sessionIdleMinutes: 1 }))).toBe(6_000);
    expect(touchEveryMs(testConfig({ sessionIdleMinutes: 480 }))).toBe(60_000);
  });

  it('answers each request of a burst as its own session, looked up together', async () => {
    // Requests arriving while a lookup runs are looked up in one statement (SessionLookups):
    // each must still be answered as its own person, and a bad cookie only refused itself.
    const dnis = ['20000001', '30000001', '40000001', '50000001', '10000001', '60000001'];
    const cookies = await Promise.all(dnis.map((dni) => client.login(dni)));
    const expired = await client.login('20000001');
    await elapse(expired, 61);
    const burst = [...cookies, ...cookies, 'acompana_session=nada', expired];
    const answers = await Promise.all(burst.map((cookie) => client.getJson('/api/v1/me', cookie)));
    answers.slice(0, 12).forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.body.person.dni).toBe(dnis[i % dnis.length]);
    });
    expect(answers[12]?.body.error.code).toBe('UNAUTHENTICATED');
    expect(answers[13]?.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('a role given after a session was first looked up counts at its next request', async () => {
    // The session statement is built once and kept (sessions.ts): its answer never is.
    const cookie = await client.login('10000001');
    const before = await client.getJson('/api/v1/me', cookie);
    expect(before.status).toBe(200);
    const personId = before.body.person.id as string;
    const { rows } = await sql<{ id: string }>`SELECT id FROM ugel ORDER BY code LIMIT 1`.execute(
      database.db,
    );
    const ugelId = rows[0]?.id as string;
    const given = await sql<{ id: string }>`
      INSERT INTO role_assignment (person_id, role, scope_level, scope_id, valid_from)
      VALUES (${personId}, 'especialista', 'ugel', ${ugelId}, ${LIMA_TODAY} - 1) RETURNING id`.execute(
      database.db,
    );
    try {
      const after = await client.getJson('/api/v1/me', cookie);
      const roleKeys = (body: { roles: { role: string; scope: { id: string | null } }[] }) =>
        body.roles.map((r) => `${r.role}:${r.scope.id}`);
      expect(roleKeys(after.body)).toEqual(
        [...roleKeys(before.body), `especialista:${ugelId}`].sort(),
      );
    } finally {
      await sql`DELETE FROM role_assignment WHERE id = ${given.rows[0]?.id}`.execute(database.db);
    }
  });
});
