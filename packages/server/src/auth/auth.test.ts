import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { testTargets } from '../test/databases.ts';
import { ORIGIN, TestClient, testConfig } from '../test/http.ts';
import { hashToken } from './sessions.ts';

describe.each(testTargets())('auth and sessions on $engine', (target) => {
  let database: Database;
  let client: TestClient;
  beforeAll(async () => {
    database = await target.open();
    client = new TestClient(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('logs in with DNI and password, sets a hardened cookie and returns /me', async () => {
    const res = await client.post('/api/v1/auth/login', { dni: '20000001', password: 'acompana' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^acompana_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const me = await res.json();
    expect(me.person).toMatchObject({ dni: '20000001', displayName: 'Miguel Ángel Rodríguez' });
    expect(me.roles).toEqual([
      expect.objectContaining({
        role: 'acompanante',
        scope: expect.objectContaining({ level: 'ugel', name: 'UGEL Gran Chimú' }),
      }),
    ]);
    expect(me.abilities).toContain('formative_record:read');
    expect(me.abilities).not.toContain('audit_event:read');

    const again = await client.getJson('/api/v1/me', cookie.split(';')[0] ?? '');
    expect(again.status).toBe(200);
    expect(again.body.person.dni).toBe('20000001');
  });

  it.each([
    ['10000001', 'minedu', 'Perú'],
    ['50000001', 'especialista', 'UGEL Gran Chimú'],
    ['60000001', 'formador', 'La Libertad'],
    ['40000001', 'director', 'IE N° 80412 Cascas'],
    ['30000001', 'docente', 'IE N° 80412 Cascas'],
  ])('demo account %s is %s in %s', async (dni, role, scopeName) => {
    const cookie = await client.login(dni);
    const { body } = await client.getJson('/api/v1/me', cookie);
    expect(body.roles.map((r: { role: string }) => r.role)).toEqual([role]);
    expect(body.roles[0].scope.name).toBe(scopeName);
  });

  it('/me shows the person as stored now: a corrected name appears at the next request', async () => {
    const cookie = await client.login('30000001');
    const before = await client.getJson('/api/v1/me', cookie);
    const id = before.body.person.id as string;
    const { rows } = await sql<{ given_names: string }>`
      SELECT given_names FROM person WHERE id = ${id}`.execute(database.db);
    const original = rows[0]?.given_names as string;
    try {
      await sql`UPDATE person SET given_names = 'Nombre Corregido', maternal_surname = NULL
                 WHERE id = ${id}`.execute(database.db);
      const after = await client.getJson('/api/v1/me', cookie);
      expect(after.body.person).toMatchObject({
        id,
        dni: '30000001',
        givenNames: 'Nombre Corregido',
        maternalSurname: null,
      });
      expect(after.body.person.displayName).toMatch(/^Nombre Corregido /);
    } finally {
      await sql`UPDATE person SET given_names = ${original},
                 maternal_surname = ${before.body.person.maternalSurname}
                 WHERE id = ${id}`.execute(database.db);
    }
  });

  it('answers 401 without a session and after logout', async () => {
    const anonymous = await client.request('/api/v1/me');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');

    const cookie = await client.login('30000001');
    const out = await client.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN },
    });
    expect(out.status).toBe(204);
    const after = await client.getJson('/api/v1/me', cookie);
    expect(after.status).toBe(401);
  });

  it('refuses a wrong password with a Spanish message and the attempts left', async () => {
    const res = await client.post('/api/v1/auth/login', { dni: '40000001', password: 'nope' });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('INVALID_CREDENTIALS');
    expect(body.error.message).toBe('El DNI o la contraseña no son correctos.');
    expect(body.error.details.remainingAttempts).toBe(4);
    // An unknown DNI looks exactly the same from outside.
    const unknown = await client.post('/api/v1/auth/login', { dni: '99999999', password: 'x' });
    expect((await unknown.json()).error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks a DNI after five failures, even for the right password, and not others', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await client.post('/api/v1/auth/login', { dni: '60000001', password: `bad${i}` });
      expect(r.status).toBe(401);
    }
    const fifth = await client.post('/api/v1/auth/login', { dni: '60000001', password: 'bad5' });
    expect(fifth.status).toBe(429);
    const locked = await client.post('/api/v1/auth/login', {
      dni: '60000001',
      password: 'acompana',
    });
    expect(locked.status).toBe(429);
    const body = await locked.json();
    expect(body.error.code).toBe('ACCOUNT_LOCKED');
    expect(body.error.message).toMatch(/espera 15 minutos/);
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(800);
    // Another person is unaffected.
    expect(
      (await client.post('/api/v1/auth/login', { dni: '50000001', password: 'acompana' })).status,
    ).toBe(200);
    // When the lock has passed, the right password works again.
    await database.db
      .updateTable('login_lock')
      // As if 20 minutes had gone by: the window began before the lock, which has ended.
      .set({
        window_started_at: new Date(Date.now() - 20 * 60_000),
        locked_until: new Date(Date.now() - 1000),
      })
      .where('dni', '=', '60000001')
      .execute();
    expect(
      (await client.post('/api/v1/auth/login', { dni: '60000001', password: 'acompana' })).status,
    ).toBe(200);
  });

  it('rate-limits logins per client address', async () => {
    const limited = new TestClient(
      database,
      testConfig({ trustProxy: true, loginMaxPerIpPerMinute: 3 }),
    );
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 3; i++) {
      const r = await limited.post('/api/v1/auth/login', { dni: '99999998', password: 'x' }, from);
      expect(r.status).toBe(401);
    }
    const blocked = await limited.post(
      '/api/v1/auth/login',
      { dni: '20000001', password: 'acompana' },
      from,
    );
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('RATE_LIMITED');
    const other = await limited.post(
      '/api/v1/auth/login',
      { dni: '20000001', password: 'acompana' },
      {
        'x-forwarded-for': '203.0.113.8',
      },
    );
    expect(other.status).toBe(200);
  });

  it('names the fields at fault in Spanish', async () => {
    const res = await client.post('/api/v1/auth/login', { dni: '123', password: '' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fields.map((f: { path: string }) => f.path)).toEqual(['dni', 'password']);
    expect(error.message).toBe('Revisa el campo «DNI»: El DNI debe tener exactamente 8 dígitos.');
    expect(error.details.fields[1].message).toBe(
      'Revisa el campo «contraseña»: La contraseña es obligatoria.',
    );
  });

  it('expires sessions after the idle time and after the absolute lifetime', async () => {
    const idle = await client.login('30000001');
    await database.db
      .updateTable('session')
      .set({ last_seen_at: new Date(Date.now() - 9 * 3_600_000) })
      .execute();
    const r1 = await client.getJson('/api/v1/me', idle);
    expect(r1.status).toBe(401);
    expect(r1.body.error.code).toBe('SESSION_EXPIRED');

    const old = await client.login('30000001');
    await database.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const r2 = await client.getJson('/api/v1/me', old);
    expect(r2.body.error.code).toBe('SESSION_EXPIRED');
    // The expired session is deleted, not just refused.
    const token = old.split('=')[1] ?? '';
    const left = await database.db
      .selectFrom('session')
      .select('token_hash')
      .where('token_hash', '=', hashToken(token))
      .execute();
    expect(left).toEqual([]);
  });

  it('uses a Secure __Host- cookie behind HTTPS', async () => {
    const secure = new TestClient(
      database,
      testConfig({ publicOrigin: 'https://acompana.example.pe' }),
    );
    const res = await secure.post(
      '/api/v1/auth/login',
      { dni: '30000001', password: 'acompana' },
      { origin: 'https://acompana.example.pe' },
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-acompana_session=/);
    expect(cookie).toContain('Secure');
  });

  describe('CSRF', () => {
    const body = JSON.stringify({ dni: '20000001', password: 'acompana' });
    const json = { 'content-type': 'application/json' };

    it('rejects writes without Origin or from another origin', async () => {
      for (const headers of [
        json,
        { ...json, origin: 'https://evil.example' },
        { ...json, 'sec-fetch-site': 'cross-site' },
      ]) {
        const res = await client.request('/api/v1/auth/login', { method: 'POST', headers, body });
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe('CSRF_REJECTED');
      }
      const cookie = await client.login('20000001');
      const logout = await client.request('/api/v1/auth/logout', {
        method: 'POST',
        headers: { cookie },
      });
      expect(logout.status).toBe(403);
      expect((await client.getJson('/api/v1/me', cookie)).status).toBe(200);
    });

    it('accepts a programmatic client that sends the server origin, and same-origin fetches', async () => {
      const withOrigin = await client.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { ...json, origin: ORIGIN },
        body,
      });
      expect(withOrigin.status).toBe(200);
      const sameSite = await client.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { ...json, 'sec-fetch-site': 'same-origin' },
        body,
      });
      expect(sameSite.status).toBe(200);
    });
  });
});
