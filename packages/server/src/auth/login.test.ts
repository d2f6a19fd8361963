import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { type TestTarget, testTargets } from '../test/databases.ts';
import { TestClient, type TestResponse, testConfig } from '../test/http.ts';
import { lockedError } from './login-guard.ts';
import { hashPassword } from './passwords.ts';

// Guessing protection of POST /auth/login (issue 11, items 6–8): concurrent guesses, the
// client address behind a proxy, and the lock as a denial of service (device cookie,
// progressive locks). One database per engine; each test logs in as two people of its own
// (fresh DNIs), so counters, locks and device tokens never leak between tests. In-process
// requests carry no client address, and the proxy tests each use addresses of their own.

const LOGIN = '/api/v1/auth/login';

interface Attempt {
  status: number;
  code: string;
  retryAfterSeconds?: number;
  remainingAttempts?: number;
  deviceCookie: string | null;
}

async function read(res: TestResponse): Promise<Attempt> {
  const device = res.headers.getSetCookie().find((c) => /^(__Secure-)?acompana_device=/.test(c));
  if (res.status === 200) return { status: 200, code: 'OK', deviceCookie: device ?? null };
  const { error } = await res.json();
  return { status: res.status, code: error.code, ...error.details, deviceCookie: null };
}

/** The Cookie header a browser sends to the login with this Set-Cookie. */
const cookieOf = (setCookie: string | null) => (setCookie ?? '').split(';')[0] ?? '';

/** A person with an active account, password "acompana", and a DNI no other test uses. */
async function newAccount(db: Kysely<DB>, dni: string): Promise<void> {
  const person = await db
    .insertInto('person')
    .values({ dni, given_names: 'Prueba', paternal_surname: `Login${dni}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_account')
    .values({ person_id: person.id, password_hash: await hashPassword('acompana') })
    .execute();
}

describe.each(testTargets())('login protection on $engine', (target: TestTarget) => {
  let database: Database;
  let serial = 0;
  // The two people of the current test (set in beforeEach).
  let DNI = '';
  let OTHER = '';
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    serial += 1;
    DNI = `8800${String(serial).padStart(2, '0')}01`;
    OTHER = `8800${String(serial).padStart(2, '0')}02`;
    await newAccount(database.db, DNI);
    await newAccount(database.db, OTHER);
  });
  const open = async (overrides = {}) => ({
    db: database.db,
    client: new TestClient(database, testConfig(overrides)),
  });

  const attempt = async (
    client: TestClient,
    password: string,
    headers: Record<string, string> = {},
    dni?: string,
  ) => read(await client.post(LOGIN, { dni: dni ?? DNI, password }, headers));

  it('checks at most five guesses when 24 wrong and 1 right password arrive at once', async () => {
    const { db, client } = await open();
    const passwords = [...Array.from({ length: 24 }, (_, i) => `mala-${i}`), 'acompana'];
    const results = await Promise.all(passwords.map((p) => attempt(client, p)));
    const wrong = results.slice(0, 24).map((r) => r.code);
    // Whatever the order, exactly five wrong guesses are checked: four say "wrong", the fifth
    // locks, and every other one is refused without checking the password.
    expect(wrong.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4);
    expect(wrong.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(20);
    const outcomes = await db
      .selectFrom('login_attempt')
      .select('outcome')
      .where('dni', '=', DNI)
      .orderBy('id')
      .execute();
    const counts = (o: string) => outcomes.filter((r) => r.outcome === o).length;
    expect(outcomes).toHaveLength(25);
    expect(counts('wrong')).toBeLessThanOrEqual(5);
    expect(counts('checking')).toBe(0);
    // The right password got in only if it was among the guesses checked before the lock.
    expect(results[24]?.code).toBe(counts('success') === 1 ? 'OK' : 'ACCOUNT_LOCKED');
  });

  it('throttles the address the trusted proxy appended, not the one the client wrote', async () => {
    const { client } = await open({ trustProxy: true, loginMaxPerIpPerMinute: 3 });
    // The attacker writes a new leftmost address every time; the proxy appends the real one.
    for (let i = 0; i < 3; i++) {
      const r = await attempt(
        client,
        'x',
        { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` },
        '99999998',
      );
      expect(r.code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await attempt(client, 'acompana', {
      'x-forwarded-for': '10.0.0.99, 203.0.113.7',
    });
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(
      (await attempt(client, 'acompana', { 'x-forwarded-for': '10.0.0.1, 203.0.113.8' })).code,
    ).toBe('OK');
  });

  it('counts TRUST_PROXY_HOPS entries from the right behind two proxies', async () => {
    const { client } = await open({
      trustProxy: true,
      trustProxyHops: 2,
      loginMaxPerIpPerMinute: 2,
    });
    // client-forged, real client (appended by the CDN), CDN (appended by the reverse proxy)
    const via = (forged: string, real: string) => ({
      'x-forwarded-for': `${forged}, ${real}, 198.51.100.1`,
    });
    await attempt(client, 'x', via('1.1.1.1', '203.0.113.9'), '99999997');
    await attempt(client, 'x', via('2.2.2.2', '203.0.113.9'), '99999997');
    expect((await attempt(client, 'acompana', via('3.3.3.3', '203.0.113.9'))).code).toBe(
      'RATE_LIMITED',
    );
    expect((await attempt(client, 'acompana', via('3.3.3.3', '203.0.113.10'))).code).toBe('OK');
  });

  it('holds the per-address limit when the attempts arrive at once', async () => {
    const { client } = await open({ trustProxy: true, loginMaxPerIpPerMinute: 3 });
    const from = { 'x-forwarded-for': '203.0.113.50' };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(client, 'x', from, `9999990${i}`)),
    );
    expect(results.filter((r) => r.code === 'INVALID_CREDENTIALS')).toHaveLength(3);
    expect(results.filter((r) => r.code === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('never locks the person out of a device they logged in from before', async () => {
    const { client } = await open();
    const first = await attempt(client, 'acompana');
    expect(first.deviceCookie).toMatch(
      /^acompana_device=[A-Za-z0-9_-]{43}; Max-Age=15552000; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict$/,
    );
    const phone = { cookie: cookieOf(first.deviceCookie) };

    // Someone elsewhere guesses until the DNI is locked for every unknown device.
    for (let i = 0; i < 4; i++)
      expect((await attempt(client, `x${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt(client, 'x4')).code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(client, 'acompana')).code).toBe('ACCOUNT_LOCKED');

    // The person's phone still gets in, and keeps its cookie (no new token needed).
    const own = await attempt(client, 'acompana', phone);
    expect(own.code).toBe('OK');
    expect(own.deviceCookie).toBeNull();
    // A typo on the phone counts against the phone alone.
    const typo = await attempt(client, 'acompana-typo', phone);
    expect(typo).toMatchObject({ code: 'INVALID_CREDENTIALS', remainingAttempts: 4 });
    // A made-up token, or the token presented with another DNI, is just an unknown device.
    const forged = { cookie: `acompana_device=${'A'.repeat(43)}` };
    expect((await attempt(client, 'acompana', forged)).code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(client, 'x', phone, OTHER)).remainingAttempts).toBe(4);
  });

  it('locks a known device on its own when the guesses come from it', async () => {
    const { client } = await open();
    const phone = { cookie: cookieOf((await attempt(client, 'acompana')).deviceCookie) };
    for (let i = 0; i < 4; i++) await attempt(client, `x${i}`, phone);
    expect((await attempt(client, 'x4', phone)).code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(client, 'acompana', phone)).code).toBe('ACCOUNT_LOCKED');
    // Another device (unknown) is not locked by the phone's guesses.
    expect((await attempt(client, 'acompana')).code).toBe('OK');
  });

  it('keeps one token per person on a shared phone', async () => {
    const { client } = await open();
    const a = await attempt(client, 'acompana');
    const b = await attempt(client, 'acompana', { cookie: cookieOf(a.deviceCookie) }, OTHER);
    const both = cookieOf(b.deviceCookie);
    expect(both).toMatch(/^acompana_device=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    // Lock both DNIs for unknown devices; the shared phone still lets both people in.
    for (const dni of [DNI, OTHER]) {
      for (let i = 0; i < 5; i++) await attempt(client, `x${i}`, {}, dni);
      expect((await attempt(client, 'acompana', {}, dni)).code).toBe('ACCOUNT_LOCKED');
      expect((await attempt(client, 'acompana', { cookie: both }, dni)).code).toBe('OK');
    }
  });

  it('doubles each lock in a row, and starts over after a day without one', async () => {
    const { db, client } = await open();
    const lockOnce = async () => {
      for (let i = 0; i < 4; i++) await attempt(client, `x${i}`);
      return (await attempt(client, 'x4')).retryAfterSeconds ?? 0;
    };
    // As if the lock (and the window it ended) had passed `ms` ago.
    const passLock = (ms: number) =>
      db
        .updateTable('login_lock')
        .set({
          locked_until: new Date(Date.now() - ms),
          window_started_at: new Date(Date.now() - ms - 3_600_000),
        })
        .where('dni', '=', DNI)
        .execute();
    const minutes = async () => Math.round((await lockOnce()) / 60);
    expect(await minutes()).toBe(15);
    await passLock(1000);
    expect(await minutes()).toBe(30);
    await passLock(1000);
    expect(await minutes()).toBe(60);
    // Still locked: the right password from an unknown device waits.
    expect((await attempt(client, 'acompana')).code).toBe('ACCOUNT_LOCKED');
    await passLock(25 * 3_600_000);
    expect(await minutes()).toBe(15);
  });

  it('uses a __Secure- device cookie behind HTTPS', async () => {
    const { client } = await open({ publicOrigin: 'https://acompana.example.pe' });
    const res = await client.post(
      LOGIN,
      { dni: DNI, password: 'acompana' },
      { origin: 'https://acompana.example.pe' },
    );
    const device = (await read(res)).deviceCookie ?? '';
    expect(device).toMatch(/^__Secure-acompana_device=/);
    expect(device).toContain('Secure');
  });
});

describe('lock message', () => {
  it('speaks in minutes, then hours, and points to the administrator', () => {
    const now = new Date('2026-05-12T10:00:00Z');
    expect(lockedError(new Date(now.getTime() + 60_000), now).message).toContain(
      'espera 1 minuto ',
    );
    expect(lockedError(new Date(now.getTime() + 15 * 60_000), now).message).toContain(
      'espera 15 minutos',
    );
    const long = lockedError(new Date(now.getTime() + 4 * 3_600_000), now);
    expect(long.message).toContain('espera 4 horas');
    expect(long.message).toContain('desbloquee tu cuenta');
    expect(long.details).toEqual({ retryAfterSeconds: 4 * 3600 });
  });
});
