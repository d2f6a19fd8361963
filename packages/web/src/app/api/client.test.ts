import { meSchema } from '@acompana/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { ApiError, apiRequest, setUnauthenticatedHandler } from './client.ts';
import { fetchMe, listQueryString } from './endpoints.ts';
import { errorMessage, fieldErrors } from './errorMessage.ts';

// The API client in Node: fetch is replaced by a stub answering like the server.

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function stubFetch(response: Response | Error) {
  const fn = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

const t = i18n.t.bind(i18n);

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(null);
});

describe('apiRequest', () => {
  it('sends JSON with same-origin credentials', async () => {
    const fetch = stubFetch(answer(204));
    await apiRequest('/api/v1/auth/logout', { method: 'POST', body: { a: 1 } });
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/auth/logout',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: '{"a":1}',
        headers: expect.objectContaining({ 'Content-Type': 'application/json' }),
      }),
    );
  });

  it('turns the error body into an ApiError with code, message and details', async () => {
    stubFetch(
      answer(429, {
        error: {
          code: 'ACCOUNT_LOCKED',
          message: 'Bloqueada',
          details: { retryAfterSeconds: 600 },
        },
      }),
    );
    const error = await apiRequest('/api/v1/auth/login', { method: 'POST' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'ACCOUNT_LOCKED', message: 'Bloqueada' });
    expect(errorMessage(t, error)).toBe(
      'Demasiados intentos fallidos: por seguridad, la cuenta está bloqueada en este dispositivo. Si no fuiste tú, pide a tu especialista de UGEL que la desbloquee. Podrás intentarlo de nuevo en 10 minutos.',
    );
    // Doubling locks reach hours.
    const long = new ApiError(429, 'ACCOUNT_LOCKED', '', { retryAfterSeconds: 4 * 3600 - 30 });
    expect(errorMessage(t, long)).toMatch(/Podrás intentarlo de nuevo en 4 horas\.$/);
  });

  it('reports a lost session to the registered handler, but not wrong credentials', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    stubFetch(answer(401, { error: { code: 'INVALID_CREDENTIALS', message: 'x', details: null } }));
    await expect(apiRequest('/api/v1/auth/login', { method: 'POST' })).rejects.toThrow(ApiError);
    expect(handler).not.toHaveBeenCalled();
    stubFetch(answer(401, { error: { code: 'SESSION_EXPIRED', message: 'x', details: null } }));
    await expect(apiRequest('/api/v1/teachers')).rejects.toThrow(ApiError);
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
  });

  it('derives a code when the error has no JSON body', async () => {
    stubFetch(new Response('Bad gateway', { status: 502 }));
    const error = await apiRequest('/api/v1/me').catch((e) => e);
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL' });
  });

  it('reports network failures and unexpected shapes with client codes', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const offline = await apiRequest('/api/v1/me').catch((e) => e);
    expect(offline).toMatchObject({ code: 'NETWORK' });
    expect(errorMessage(t, offline)).toMatch(/No se pudo conectar/);

    stubFetch(answer(200, { person: {} }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const wrong = await apiRequest('/api/v1/me', { schema: meSchema }).catch((e) => e);
    expect(wrong).toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('schemas loaded with the answer', () => {
  const me = {
    person: { id: '0190f4a2-0000-7000-8000-000000000001', displayName: 'Ana Quispe' },
    roles: [],
  };

  it('loads the schema when the answer arrives and checks the answer with it', async () => {
    const load = vi.fn(async () => meSchema);
    stubFetch(answer(200, { person: {} }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const wrong = await apiRequest('/api/v1/me', { schema: load }).catch((e) => e);
    expect(load).toHaveBeenCalledOnce();
    expect(wrong).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports a schema that cannot be downloaded like a lost connection', async () => {
    stubFetch(answer(200, me));
    const error = await apiRequest('/api/v1/me', {
      schema: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it("checks the endpoints' answers with core's schemas", async () => {
    stubFetch(answer(200, { person: { id: 'x' } }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetchMe()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('errorMessage', () => {
  it('prefers the catalog for known codes and the server text for unknown ones', () => {
    expect(errorMessage(t, new ApiError(403, 'FORBIDDEN', 'server text'))).toBe(
      'No tienes permiso para ver esta información.',
    );
    expect(errorMessage(t, new ApiError(418, 'NEW_CODE', 'Mensaje del servidor.'))).toBe(
      'Mensaje del servidor.',
    );
    expect(errorMessage(t, new Error('boom'))).toMatch(/error inesperado/);
  });

  it('extracts the field messages of a validation failure', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'x', {
      fields: [
        { path: 'dni', message: 'El DNI debe tener exactamente 8 dígitos.' },
        { path: 'dni', message: 'second' },
        { path: 'password', message: 'La contraseña es obligatoria.' },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      dni: 'El DNI debe tener exactamente 8 dígitos.',
      password: 'La contraseña es obligatoria.',
    });
    expect(fieldErrors(new ApiError(401, 'INVALID_CREDENTIALS', 'x'))).toEqual({});
  });
});

describe('listQueryString', () => {
  it('omits empty parts and trims the search', () => {
    expect(listQueryString({})).toBe('');
    expect(listQueryString({ q: '  ana ', limit: 50, cursor: 'abc' })).toBe(
      '?cursor=abc&limit=50&q=ana',
    );
    expect(listQueryString({ q: '   ' })).toBe('');
  });

  it('adds the filters that have a value, in a stable order', () => {
    expect(
      listQueryString({ limit: 50, filters: { withoutCoach: 'true', network: 'n1', ugel: '' } }),
    ).toBe('?limit=50&network=n1&withoutCoach=true');
  });
});

describe('uploads', () => {
  it('sends FormData as is, without a JSON content type', async () => {
    const fetch = stubFetch(answer(200, { ok: true }));
    const body = new FormData();
    body.set('file', new Blob(['a;b']), 'padron.csv');
    await apiRequest('/api/v1/imports/schools?dryRun=true', { method: 'POST', body });
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/imports/schools?dryRun=true',
      expect.objectContaining({ body, headers: { Accept: 'application/json' } }),
    );
  });
});
