import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { ORIGIN } from '../test/http.ts';
import { SYNC_PUSH_MAX_BYTES } from './routes.ts';
import {
  caseloadTeacher,
  count,
  Device,
  othersQuiet,
  type Place,
  pageExact,
  pushOk,
  visitPayload,
} from './testing.ts';

// The push on the wire (docs/SYNC.md, "On the wire"): a gzipped body is expanded and applied
// like a plain one; a body that expands past the push limit (a zip bomb), another encoding or
// a damaged gzip are refused with their stable codes and write nothing.

describe.each(testTargets())('sync push on the wire on $engine', (target) => {
  const h = rosterHarness(target);
  let place: Place;
  const coachPlace = async () => {
    place ??= await caseloadTeacher(
      h.db,
      await idOf(h.db, DNI.coach),
      await idOf(h.db, DNI.docente),
    );
    return place;
  };
  const send = (body: Buffer, encoding: string) =>
    h.client.request('/api/v1/sync/push', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-encoding': encoding,
        origin: ORIGIN,
        cookie: h.cookies.coach,
      },
      body: new Uint8Array(body),
    });

  it('applies a gzipped push like a plain one', async () => {
    const p = await coachPlace();
    const device = new Device();
    const id = randomUUID();
    const m = device.upsert('visit', id, visitPayload(p));
    const body = Buffer.from(JSON.stringify({ deviceId: m.deviceId, mutations: [m] }));
    const res = await send(zlib.gzipSync(body), 'gzip');
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results).toMatchObject([{ mutationId: m.mutationId, status: 'applied', version: 1 }]);
    expect(await count(h.db, 'visit', id)).toBe(1);
  });

  it('refuses a zip bomb once it expands past the push limit, with DECOMPRESSED_TOO_LARGE', async () => {
    // About 17 KB on the wire that would expand past the limit (JSON whitespace).
    const bomb = zlib.gzipSync(Buffer.alloc(SYNC_PUSH_MAX_BYTES + 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await send(bomb, 'gzip');
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('DECOMPRESSED_TOO_LARGE');
    expect(body.error.message).toMatch(/descomprimida es demasiado grande/);
  });

  it('refuses another encoding and a damaged gzip with UNSUPPORTED_CONTENT_ENCODING', async () => {
    const p = await coachPlace();
    const device = new Device();
    const id = randomUUID();
    const m = device.upsert('visit', id, visitPayload(p));
    const body = Buffer.from(JSON.stringify({ deviceId: m.deviceId, mutations: [m] }));
    const brotli = await send(zlib.brotliCompressSync(body), 'br');
    expect(brotli.status).toBe(415);
    expect((await brotli.json()).error.code).toBe('UNSUPPORTED_CONTENT_ENCODING');
    const damaged = zlib.gzipSync(body).subarray(0, 40);
    const cut = await send(damaged, 'gzip');
    expect(cut.status).toBe(415);
    expect((await cut.json()).error.code).toBe('UNSUPPORTED_CONTENT_ENCODING');
    expect(await count(h.db, 'visit', id)).toBe(0);
  });

  it(
    'one round trip: a push with the cursor answers what the device has not seen',
    pageExact(target.engine),
    async () => {
      const p = await coachPlace();
      // The device's seed, page by page.
      let cursor = '';
      let scope = '';
      for (let more = true; more; ) {
        const q = new URLSearchParams({ limit: '500', ...(cursor ? { cursor, scope } : {}) });
        const { status, body } = await h.client.getJson(`/api/v1/sync/pull?${q}`, h.cookies.coach);
        expect(status).toBe(200);
        ({ cursor, scope, more } = body);
      }
      const device = new Device();
      const id = randomUUID();
      const m = device.upsert('visit', id, visitPayload(p));
      const plain = await pushOk(h.client, h.cookies.coach, [m]);
      expect(plain).toHaveLength(1);
      const n = device.upsert('visit', randomUUID(), visitPayload(p));
      await othersQuiet(h.db, target.engine);
      const res = await h.client.post(
        '/api/v1/sync/push',
        { deviceId: n.deviceId, mutations: [n], cursor, scope },
        { cookie: h.cookies.coach },
      );
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.results).toMatchObject([{ mutationId: n.mutationId, status: 'applied' }]);
      // The visit pushed before (without a cursor, no page); not this one, which the device
      // holds as it sent it (echo.test.ts).
      expect(body.pull).toMatchObject({ more: false, reseed: false, scope });
      expect(body.pull.changes.map((c: { id: string }) => c.id)).toEqual([id]);
      expect(body.pull.cursor).not.toBe(cursor);
    },
  );
});
