import { randomUUID } from 'node:crypto';
import { ERROR_CODES, type ErrorCode } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  Device,
  pushOk,
  visitPayload,
} from '../sync/testing.ts';
import { testTargets } from '../test/databases.ts';
import { ORIGIN } from '../test/http.ts';

// Input PostgreSQL cannot store (U+0000) and bodies of the wrong media type are refused at the
// door with our error body, on every route of the OpenAPI document: never a 500.

interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string }[];
  bodyTypes: string[];
}

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const nextYear = new Date().getFullYear() + 1;

function operations(doc: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { in: string; name: string }[]; requestBody?: { content: object } }
    >
  >;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      bodyTypes: Object.keys(op.requestBody?.content ?? {}),
    })),
  );
}

/** The operation's URL with sample path parameters, one of them replaced by `override`. */
function urlOf(op: Operation, override?: { name: string; value: string }): string {
  return `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    override?.name === name ? override.value : name === 'code' ? 'PELA' : SAMPLE_ID,
  )}`;
}

describe.each(testTargets())('bad input on $engine', (target) => {
  const h = rosterHarness(target);
  let ops: Operation[] = [];
  const headers = (extra: Record<string, string> = {}) => ({
    cookie: h.cookies.minedu,
    origin: ORIGIN,
    ...extra,
  });

  async function expectError(res: Response, status: number, code: string, where: string) {
    const text = await res.text();
    expect(res.status, `${where}: ${text}`).toBe(status);
    const body = JSON.parse(text);
    expect(body.error.code, where).toBe(code);
    // The Spanish text of the code, or for a field error the field named in Spanish.
    if (code === 'VALIDATION_FAILED') {
      expect(body.error.message, where).toMatch(/^Revisa el campo «.+»: /);
    } else {
      expect(body.error.message, where).toBe(ERROR_CODES[code as ErrorCode].message);
    }
    return body;
  }

  it('walks the whole OpenAPI document', async () => {
    const doc = await (await h.client.request('/api/v1/openapi.json')).json();
    ops = operations(doc);
    // Sanity: the walk covers the API, not an empty list.
    expect(ops.length).toBeGreaterThan(40);
  });

  it('answers 400 for a NUL byte in any query parameter of any operation', async () => {
    for (const op of ops) {
      const names = op.params.filter((p) => p.in === 'query').map((p) => p.name);
      for (const name of names.length ? names : ['q']) {
        const url = `${urlOf(op)}?${name}=a%00b`;
        const res = await h.client.request(url, { method: op.method, headers: headers() });
        const body = await expectError(res, 400, 'VALIDATION_FAILED', `${op.method} ${url}`);
        expect(body.error.details.fields[0].path).toBe(name);
        expect(body.error.message).toContain('U+0000');
      }
    }
  });

  it('answers 400 for a NUL byte in any path parameter', async () => {
    for (const op of ops) {
      for (const p of op.params.filter((x) => x.in === 'path')) {
        const url = urlOf(op, { name: p.name, value: 'x%00y' });
        const res = await h.client.request(url, { method: op.method, headers: headers() });
        await expectError(res, 400, 'VALIDATION_FAILED', `${op.method} ${url}`);
      }
    }
  });

  it('answers 400 for a NUL in any text of a JSON body, naming the field', async () => {
    const json = ops.filter((op) => op.bodyTypes.includes('application/json'));
    expect(json.length).toBeGreaterThan(5);
    for (const op of json) {
      const url = urlOf(op);
      const res = await h.client.request(url, {
        method: op.method,
        headers: headers({ 'content-type': 'application/json' }),
        body: '{"name":"Rúbrica\\u0000", "rules": [{"note": "ok"}]}',
      });
      const where = `${op.method} ${url}`;
      const body = await expectError(res, 400, 'VALIDATION_FAILED', where);
      if (op.path !== '/sync/push') expect(body.error.details.fields[0].path, where).toBe('name');
    }
  });

  it('answers 415 with our error body for a non-JSON body on every JSON route', async () => {
    const json = ops.filter((op) => op.bodyTypes.includes('application/json'));
    for (const op of json) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', null]) {
        // Required query parameters are valid, so only the body's media type is at fault.
        const year = op.params.some((p) => p.name === 'year') ? `?year=${nextYear}` : '';
        const url = `${urlOf(op)}${year}`;
        const res = await h.client.request(url, {
          method: op.method,
          headers: headers(type ? { 'content-type': type } : {}),
          body: type === 'application/x-www-form-urlencoded' ? 'a=1' : '{"a":1}',
        });
        await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `${op.method} ${url} ${type}`);
      }
    }
  });

  it('keeps a real name with a NUL out of the database and says which field', async () => {
    const res = await h.client.request('/api/v1/instruments', {
      method: 'POST',
      headers: headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ code: 'NUL_TEST', name: 'Rúbrica\u0000 nueva', definition: {} }),
    });
    const body = await expectError(res, 400, 'VALIDATION_FAILED', 'POST /instruments');
    expect(body.error.message).toBe(
      'Revisa el campo «nombre»: contiene un carácter no permitido (U+0000). Bórralo y vuelve a intentarlo.',
    );
    // An escaped backslash before "u0000" is ordinary text, not a NUL.
    const login = await h.client.post('/api/v1/auth/login', {
      dni: DNI.docente,
      password: 'x\\u0000',
    });
    expect(login.status).toBe(401);
  });

  it('rejects only the sync mutation that carries a NUL; the rest of the batch applies', async () => {
    const place = await caseloadTeacher(
      h.db,
      await idOf(h.db, DNI.coach),
      await idOf(h.db, DNI.docente),
    );
    const device = new Device();
    const visitId = randomUUID();
    const visit = device.upsert('visit', visitId, visitPayload(place));
    const bad = device.upsert(
      'commitment',
      randomUUID(),
      commitmentPayload(place, visitId, { text: 'Leer\u0000 cada día' }),
    );
    const good = device.upsert('commitment', randomUUID(), commitmentPayload(place, visitId));
    const results = await pushOk(h.client, h.cookies.coach, [visit, bad, good]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1].error.code).toBe('VALIDATION_FAILED');
    expect(results[1].error.details.fields[0].path).toBe('payload.text');
    expect(results[1].error.message).toContain('U+0000');
  });
});
