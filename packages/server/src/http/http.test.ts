import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { testTargets } from '../test/databases.ts';
import { ORIGIN, TestClient } from '../test/http.ts';
import { onError } from './errors.ts';

describe('errors never leak internals', () => {
  it('turns an unexpected error into a generic Spanish 500', async () => {
    const app = new Hono();
    app.onError(onError);
    app.get('/boom', () => {
      throw new Error('password_hash column exploded at /srv/secret.ts:12');
    });
    const original = console.error;
    console.error = () => undefined; // the error is logged on purpose; keep test output clean
    try {
      const res = await app.request('/boom');
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/password_hash|secret|exploded/);
      expect(JSON.parse(text)).toEqual({
        error: {
          code: 'INTERNAL',
          message: 'Ocurrió un error inesperado. Inténtalo de nuevo; si continúa, avisa a soporte.',
          details: null,
        },
      });
    } finally {
      console.error = original;
    }
  });
});

describe.each(testTargets())('HTTP surface on $engine', (target) => {
  let database: Database;
  let client: TestClient;
  beforeAll(async () => {
    database = await target.open();
    client = new TestClient(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('sends standard security headers', async () => {
    const res = await client.request('/api/health');
    expect(await res.json()).toEqual({ status: 'ok' });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('answers unknown API paths with a JSON 404 (401 first under /api/v1 without a session)', async () => {
    // Every /api/v1 path needs a session first (auth/authenticate.ts): nothing is learned
    // about which paths exist without one.
    const anonymous = await client.request('/api/v1/nothing-here');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');
    const cookie = await client.login('30000001');
    const res = await client.request('/api/v1/nothing-here', { headers: { cookie } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
    const outside = await client.request('/api/nothing-here');
    expect(outside.status).toBe(404);
    expect((await outside.json()).error.code).toBe('NOT_FOUND');
  });

  it('explains malformed JSON and oversized bodies', async () => {
    const bad = await client.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: '{"dni": ',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('MALFORMED_JSON');

    const big = await client.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ dni: '20000001', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('publishes the OpenAPI document of the stable paths', async () => {
    const res = await client.request('/api/v1/openapi.json');
    const doc = await res.json();
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/auth/login', '/auth/logout', '/me', '/teachers', '/schools']),
    );
  });
});
