import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { testTargets } from '../test/databases.ts';
import { TestClient, testConfig } from '../test/http.ts';

// DNS rebinding: a page served from evil.example, whose name is then re-pointed at this
// server, is same-origin with it for the browser (Origin http://evil.example:3000 equals the
// origin computed from its Host), so the CSRF check alone let it log in and read the API.
// Only our own host names are answered. The Host check does no database work: PGlite only.

const [pglite] = testTargets();

describe('Host header', () => {
  let database: Database;
  beforeAll(async () => {
    database = await (pglite as NonNullable<typeof pglite>).open();
  });
  afterAll(async () => {
    await database.close();
  });

  /** A request as the browser sends it to `origin`: Host and Origin both from the page's URL. */
  function fromPage(client: TestClient, origin: string, path: string, login = false) {
    return client.request(`${origin}${path}`, {
      method: login ? 'POST' : 'GET',
      headers: login ? { 'content-type': 'application/json', origin } : {},
      body: login ? JSON.stringify({ dni: '20000001', password: 'acompana' }) : undefined,
    });
  }

  it('refuses a rebound name in development, for the API and the web app alike', async () => {
    const client = new TestClient(database);
    for (const [path, login] of [
      ['/api/v1/auth/login', true],
      ['/api/v1/openapi.json', false],
      ['/api/v1/me', false],
      ['/', false],
    ] as const) {
      const res = await fromPage(client, 'http://evil.example:3000', path, login);
      expect(res.status, path).toBe(421);
      const body = await res.json();
      expect(body.error.code).toBe('HOST_NOT_ALLOWED');
      expect(body.error.message).toBe(
        'Esta dirección no corresponde a este servidor de Acompaña. Ábrelo con su dirección oficial.',
      );
    }
    // Liveness reveals nothing and load balancers probe it by any name.
    expect((await fromPage(client, 'http://evil.example:3000', '/api/health')).status).toBe(200);
  });

  it('accepts localhost forms and IP addresses in development (a phone on the LAN)', async () => {
    const client = new TestClient(database);
    for (const origin of [
      'http://localhost:3000',
      'http://app.localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://192.168.1.20:3000',
    ]) {
      const res = await fromPage(client, origin, '/api/v1/auth/login', true);
      expect(res.status, origin).toBe(200);
    }
  });

  it('accepts only the public origin’s host (and loopback) when one is configured', async () => {
    const client = new TestClient(
      database,
      testConfig({ publicOrigin: 'https://acompana.example.pe' }),
    );
    const ok = await client.request('https://acompana.example.pe/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://acompana.example.pe' },
      body: JSON.stringify({ dni: '20000001', password: 'acompana' }),
    });
    expect(ok.status).toBe(200);
    // A proxy on the same machine that does not forward Host, and the machine itself.
    expect((await client.request('http://127.0.0.1:3000/api/v1/openapi.json')).status).not.toBe(
      421,
    );
    for (const origin of ['http://evil.example', 'http://192.168.1.20:3000']) {
      const res = await fromPage(client, origin, '/api/v1/openapi.json');
      expect(res.status, origin).toBe(421);
    }
  });
});
