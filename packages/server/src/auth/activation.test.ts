import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { issueCode } from '../modules/accounts/admin.ts';
import { testTargets } from '../test/databases.ts';
import { ORIGIN, TestClient, testConfig } from '../test/http.ts';

// Activation with a one-time code, "Mi cuenta" (password change, sessions) — issue 14.
// Each test makes its own people (DNIs 8xxxxxxx, unused by the demo) with codes issued by the
// operator (actor null, as `acompana users create` does).

const STRONG = 'lluvia sobre el lago Titicaca';
let seq = 0;

describe.each(testTargets())('activation and my account on $engine', (target) => {
  let database: Database;
  let db: Kysely<DB>;
  let client: TestClient;
  // A higher failure quota, to reach a code's own limit of 5 wrong tries before the DNI locks.
  let lenient: TestClient;

  beforeAll(async () => {
    database = await target.open();
    db = database.db;
    client = new TestClient(database);
    lenient = new TestClient(database, testConfig({ loginMaxFailures: 20 }));
  });
  afterAll(async () => {
    await database.close();
  });

  async function person(given = 'Rosa Amelia', surname = 'Ccori') {
    seq += 1;
    const dni = `8${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`;
    const row = await db
      .insertInto('person')
      .values({ dni, given_names: given, paternal_surname: surname, maternal_surname: 'Layme' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, dni };
  }
  async function withCode(given?: string, surname?: string) {
    const p = await person(given, surname);
    const issued = await issueCode(db, null, p.id);
    return { ...p, code: issued.code };
  }
  const activate = (body: object, via = client) => via.post('/api/v1/auth/activate', body);
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  it('activates with the code, logs the person in, and the code works only once', async () => {
    const p = await withCode();
    const res = await activate({ dni: p.dni, code: p.code, password: STRONG });
    expect(res.status).toBe(200);
    expect((await res.json()).person.dni).toBe(p.dni);
    const me = await client.getJson('/api/v1/me', cookieOf(res));
    expect(me.status).toBe(200);
    expect((await client.post('/api/v1/auth/login', { dni: p.dni, password: STRONG })).status).toBe(
      200,
    );
    const again = await activate({ dni: p.dni, code: p.code, password: `${STRONG} 2` });
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe('ACTIVATION_CODE_USED');
    const account = await db
      .selectFrom('user_account')
      .select(['status', 'password_hash'])
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(account.status).toBe('active');
    expect(account.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('keeps only a hash of the code, and accepts it typed in lowercase with a dash', async () => {
    const p = await withCode();
    expect(p.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    const stored = await db
      .selectFrom('activation_code')
      .select(['code_hash', 'expires_at', 'issued_at'])
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).toMatch(/^\$argon2id\$/);
    expect(stored.code_hash).not.toContain(p.code);
    const days = (+new Date(stored.expires_at) - +new Date(stored.issued_at)) / 86_400_000;
    expect(Math.round(days)).toBe(14);
    const typed = `${p.code.slice(0, 4).toLowerCase()}-${p.code.slice(4).toLowerCase()}`;
    expect((await activate({ dni: p.dni, code: typed, password: STRONG })).status).toBe(200);
  });

  it('gives the same answer for an unknown DNI, a DNI without account and a wrong code', async () => {
    const noAccount = await person();
    const withOne = await withCode();
    const bodies = [];
    for (const dni of ['89999999', noAccount.dni, withOne.dni]) {
      const res = await activate({ dni, code: 'ABCD2345', password: STRONG });
      bodies.push({ status: res.status, body: await res.json() });
    }
    expect(bodies[0]?.status).toBe(401);
    expect(bodies[0]?.body.error.code).toBe('ACTIVATION_INVALID');
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it('refuses an expired code only to whoever holds it', async () => {
    const p = await withCode();
    await db
      .updateTable('activation_code')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('person_id', '=', p.id)
      .execute();
    const wrong = await activate({ dni: p.dni, code: 'ZZZZ2222', password: STRONG });
    expect((await wrong.json()).error.code).toBe('ACTIVATION_INVALID');
    const right = await activate({ dni: p.dni, code: p.code, password: STRONG });
    expect(right.status).toBe(410);
    expect((await right.json()).error.code).toBe('ACTIVATION_CODE_EXPIRED');
  });

  it('kills a code after 5 wrong tries', async () => {
    const p = await withCode();
    for (let i = 0; i < 5; i++) {
      const res = await activate({ dni: p.dni, code: 'WRNG2345', password: STRONG }, lenient);
      expect(res.status).toBe(401);
    }
    const right = await activate({ dni: p.dni, code: p.code, password: STRONG }, lenient);
    expect(right.status).toBe(410);
    expect((await right.json()).error.code).toBe('ACTIVATION_CODE_EXHAUSTED');
    const row = await db
      .selectFrom('user_account')
      .select('status')
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('shares the login’s lock: wrong logins and wrong codes add up', async () => {
    const p = await withCode();
    for (let i = 0; i < 3; i++) {
      await client.post('/api/v1/auth/login', { dni: p.dni, password: `mala-${i}` });
    }
    const fourth = await activate({ dni: p.dni, code: 'WRNG2345', password: STRONG });
    expect(fourth.status).toBe(401);
    expect((await fourth.json()).error.details).toEqual({ remainingAttempts: 1 });
    // The fifth failure locks the DNI, for activation and login alike.
    const fifth = await activate({ dni: p.dni, code: 'WRNG2345', password: STRONG });
    expect(fifth.status).toBe(429);
    const locked = await activate({ dni: p.dni, code: p.code, password: STRONG });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe('ACCOUNT_LOCKED');
  });

  it('checks the password rules; a refused password does not use up the code', async () => {
    const p = await withCode('Wilfredo', 'Mamani');
    const cases: [string, string][] = [
      ['corta1', 'PASSWORD_TOO_SHORT'],
      ['1234567890', 'PASSWORD_TOO_COMMON'],
      [`clave${p.dni}`, 'PASSWORD_PERSONAL'],
      ['wilfredo sobre el lago', 'PASSWORD_PERSONAL'],
      ['MAMANÍ sobre el lago', 'PASSWORD_PERSONAL'],
    ];
    for (const [password, code] of cases) {
      const res = await activate({ dni: p.dni, code: p.code, password });
      expect(res.status, password).toBe(422);
      expect((await res.json()).error.code, password).toBe(code);
    }
    expect((await activate({ dni: p.dni, code: p.code, password: STRONG })).status).toBe(200);
  });

  it('refuses a malformed DNI or code with a Spanish message', async () => {
    const bad = await activate({ dni: '123', code: 'ABCD2345', password: STRONG });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/DNI/);
    const short = await activate({ dni: '80000001', code: 'ABC', password: STRONG });
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toMatch(/código de activación/);
  });

  it('changes the password: the current one is asked, every other session ends', async () => {
    const p = await withCode('Eusebia', 'Huamán');
    const first = await activate({ dni: p.dni, code: p.code, password: STRONG });
    const mine = cookieOf(first);
    const other = await client.login(p.dni, STRONG);
    const change = (body: object) => client.post('/api/v1/me/password', body, { cookie: mine });

    const wrong = await change({
      currentPassword: 'no-es-esta',
      newPassword: 'otra frase muy larga',
    });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe('PASSWORD_WRONG');
    const weak = await change({ currentPassword: STRONG, newPassword: 'eusebia1234567' });
    expect((await weak.json()).error.code).toBe('PASSWORD_PERSONAL');

    const sessions = await client.getJson('/api/v1/me/sessions', mine);
    expect(sessions.body.items.map((s: { current: boolean }) => s.current).sort()).toEqual([
      false,
      true,
    ]);

    const ok = await change({ currentPassword: STRONG, newPassword: 'cinco gatos en el tejado' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ended: 1 });
    expect((await client.getJson('/api/v1/me', other)).status).toBe(401);
    expect((await client.getJson('/api/v1/me', mine)).status).toBe(200);
    const old = await client.post('/api/v1/auth/login', { dni: p.dni, password: STRONG });
    expect(old.status).toBe(401);
    await client.login(p.dni, 'cinco gatos en el tejado');
  });

  it('ends the other sessions on request and keeps this one', async () => {
    const p = await withCode();
    const mine = cookieOf(await activate({ dni: p.dni, code: p.code, password: STRONG }));
    const others = [await client.login(p.dni, STRONG), await client.login(p.dni, STRONG)];
    const res = await client.request('/api/v1/me/sessions', {
      method: 'DELETE',
      headers: { cookie: mine, origin: ORIGIN },
    });
    expect(await res.json()).toEqual({ ended: 2 });
    for (const cookie of others) {
      expect((await client.getJson('/api/v1/me', cookie)).status).toBe(401);
    }
    const left = await client.getJson('/api/v1/me/sessions', mine);
    expect(left.body.items).toHaveLength(1);
    expect(left.body.items[0].current).toBe(true);
  });
});
