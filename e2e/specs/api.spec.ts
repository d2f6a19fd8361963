import { describe, expect, inject, test } from 'vitest';

// HTTP-level guarantees of the running server, with plain fetch (no browser).

interface ErrorBody {
  error: { code: string; message: string };
}
interface MeBody {
  person: { dni: string };
}

const base = inject('baseURL');
const credentials = JSON.stringify({ dni: '20000001', password: 'acompana' });

function login(headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: credentials,
  });
}

describe('API y cabeceras', () => {
  test('la aplicación web se sirve con cabeceras de seguridad', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toEqual(expect.any(String));
    expect(res.headers.get('referrer-policy')).not.toBe('unsafe-url');
  });

  test('el ingreso sin cabecera Origin se rechaza con 403 CSRF_REJECTED', async () => {
    const res = await login({});
    expect(res.status).toBe(403);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('CSRF_REJECTED');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  test('el ingreso desde otro origen se rechaza con 403 CSRF_REJECTED', async () => {
    const res = await login({ origin: 'https://sitio-ajeno.example' });
    expect(res.status).toBe(403);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('CSRF_REJECTED');
  });

  test('el ingreso con el Origin correcto abre una sesión con cookie HttpOnly y SameSite', async () => {
    const res = await login({ origin: base });
    expect(res.status).toBe(200);
    const body = (await res.json()) as MeBody;
    expect(body.person.dni).toBe('20000001');

    const cookies = res.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
      expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)(;|$)/i);
    }

    const jar = cookies.map((cookie) => cookie.split(';')[0]).join('; ');
    const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: jar } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as MeBody).person.dni).toBe('20000001');

    const anonymous = await fetch(`${base}/api/v1/me`);
    expect(anonymous.status).toBe(401);
  });
});
