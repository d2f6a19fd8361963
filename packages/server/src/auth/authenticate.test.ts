import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { testTargets } from '../test/databases.ts';
import { ORIGIN, TestClient } from '../test/http.ts';

// Authentication in one place (auth/authenticate.ts): every operation the OpenAPI document
// describes answers 401 without a session, except the explicit public list. Walking the
// document means a new module's routes are covered the day they are added.

const [pglite] = testTargets();

/** A plausible value for each path parameter, so the request reaches the route. */
function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'code' ? 'MULTIGRADO' : randomUUID(),
  );
}

describe('authentication of every /api/v1 operation', () => {
  let database: Database;
  let client: TestClient;
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked generically
  let doc: any;
  beforeAll(async () => {
    database = await (pglite as NonNullable<typeof pglite>).open();
    client = new TestClient(database);
    const res = await client.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = await res.json();
  });
  afterAll(async () => {
    await database.close();
  });

  it('answers 401 UNAUTHENTICATED to every operation but the public ones', async () => {
    const operations: string[] = [];
    const publicOnes: string[] = [];
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(item)) {
        const op = `${method.toUpperCase()} ${path}`;
        if (op === 'POST /auth/login' || op === 'POST /auth/activate') {
          publicOnes.push(op);
          continue;
        }
        operations.push(op);
        const res = await client.request(`/api/v1${fill(path)}`, {
          method: method.toUpperCase(),
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
          ...(method === 'get' ? {} : { body: '{}' }),
        });
        expect(res.status, op).toBe(401);
        expect((await res.json()).error.code, op).toBe('UNAUTHENTICATED');
      }
    }
    // The walk really covered the API (a broken document would make this pass vacuously).
    expect(operations.length).toBeGreaterThan(40);
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /me',
        'POST /sync/push',
        'GET /visits/{id}',
        'POST /auth/logout',
      ]),
    );
    expect(publicOnes.sort()).toEqual(['POST /auth/activate', 'POST /auth/login']);
  });

  it('answers 401 to a path no route knows, so nothing is learned without a session', async () => {
    const res = await client.request('/api/v1/nothing-here');
    expect(res.status).toBe(401);
  });

  it('is registered once, for the whole API: no module adds its own authentication', async () => {
    const root = path.resolve(import.meta.dirname, '..');
    const offenders: string[] = [];
    for (const entry of await readdir(root, { recursive: true })) {
      if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
      // The middleware itself, and the session store it asks.
      if (
        [path.join('auth', 'authenticate.ts'), path.join('auth', 'sessions.ts')].includes(entry)
      ) {
        continue;
      }
      const source = await readFile(path.join(root, entry), 'utf8');
      if (/requireAuth|resolveSession\(/.test(source)) offenders.push(entry);
    }
    expect(offenders).toEqual([]);
  });

  it('audits every refusal the policy decides (403, 404) at the same place', async () => {
    const cookie = await client.login('40000001'); // director
    const director = await database.db
      .selectFrom('person')
      .select('id')
      .where('dni', '=', '40000001')
      .executeTakeFirstOrThrow();
    const refused = async () =>
      database.db
        .selectFrom('audit_event')
        .select(['resource_id', 'detail', 'actor_roles'])
        .where('actor_id', '=', director.id)
        .where('action', '=', 'access.refused')
        .orderBy('id')
        .execute();
    const before = (await refused()).length;
    const day = await client.request('/api/v1/me/day', { headers: { cookie } });
    expect(day.status).toBe(403);
    const visitId = randomUUID();
    const visit = await client.request(`/api/v1/visits/${visitId}`, { headers: { cookie } });
    expect(visit.status).toBe(403);
    const school = await client.request(`/api/v1/schools/${randomUUID()}`, { headers: { cookie } });
    expect(school.status).toBe(404);
    const ok = await client.request('/api/v1/me', { headers: { cookie } });
    expect(ok.status).toBe(200);
    const rows = (await refused()).slice(before);
    expect(rows.map((r) => r.resource_id)).toEqual([
      'GET /api/v1/me/day',
      `GET /api/v1/visits/${visitId}`,
      expect.stringMatching(/^GET \/api\/v1\/schools\//),
    ]);
    expect(rows.map((r) => (r.detail as { status: number }).status)).toEqual([403, 403, 404]);
    expect(rows[0]?.actor_roles).toEqual(['director']);
  });

  it('leaves the public routes open: login, the OpenAPI document, health', async () => {
    const login = await client.post('/api/v1/auth/login', { dni: '20000001', password: 'x' });
    expect((await login.json()).error.code).toBe('INVALID_CREDENTIALS');
    expect((await client.request('/api/v1/openapi.json')).status).toBe(200);
    expect((await client.request('/api/health')).status).toBe(200);
  });
});
