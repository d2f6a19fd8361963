import { randomUUID } from 'node:crypto';
import type { Change, Mutation } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import {
  caseloadTeacher,
  Device,
  othersQuiet,
  type Place,
  pageExact,
  pushOk,
  visitPayload,
} from './testing.ts';

// The folded pull of a push does not echo the device's own writes (docs/SYNC.md, "One round
// trip"): the device already holds them. Its cursor still moves past them, another device's
// write made in between still reaches it, and a record the server merged with someone else's
// change comes back.

describe.each(testTargets())('sync echo on $engine', (target) => {
  const PAGE_EXACT = pageExact(target.engine);
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

  /** The device's whole pull from the start (its seed), page by page. */
  const seed = async () => {
    let cursor = '';
    let scope = '';
    for (let more = true; more; ) {
      const q = new URLSearchParams({ limit: '500', ...(cursor ? { cursor, scope } : {}) });
      const { status, body } = await h.client.getJson(`/api/v1/sync/pull?${q}`, h.cookies.coach);
      expect(status).toBe(200);
      ({ cursor, scope, more } = body);
    }
    return { cursor, scope };
  };

  const pushWithCursor = async (mutations: Mutation[], from: { cursor: string; scope: string }) => {
    const res = await h.client.post(
      '/api/v1/sync/push',
      { deviceId: mutations[0]?.deviceId, mutations, ...from },
      { cookie: h.cookies.coach },
    );
    expect(res.status).toBe(200);
    return (await res.json()) as {
      results: { status: string; version: number | null }[];
      pull: { changes: Change[]; cursor: string; scope: string; more: boolean };
    };
  };

  it(
    'leaves the device’s own writes out, moves its cursor past them, and brings another device’s write',
    PAGE_EXACT,
    async () => {
      const p = await coachPlace();
      const phone = new Device();
      const tablet = new Device();
      const kept = randomUUID();
      await pushOk(h.client, h.cookies.coach, [phone.upsert('visit', kept, visitPayload(p))]);
      const from = await seed();
      // Another device of the same coach writes after the phone's cursor.
      const theirs = randomUUID();
      await pushOk(h.client, h.cookies.coach, [tablet.upsert('visit', theirs, visitPayload(p))]);

      const mine = randomUUID();
      await othersQuiet(h.db, target.engine);
      const body = await pushWithCursor(
        [
          phone.upsert('visit', mine, visitPayload(p, { plannedDate: '2026-05-20' })),
          phone.remove('visit', kept, 1),
        ],
        from,
      );
      expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const ids = body.pull.changes.map((c) => c.id);
      expect(ids).toContain(theirs);
      expect(ids).not.toContain(mine);
      expect(ids).not.toContain(kept);
      expect(body.pull.cursor).not.toBe(from.cursor);

      // The cursor is past the phone's own writes: a pull from it brings none of them again.
      const q = new URLSearchParams({ cursor: body.pull.cursor, scope: body.pull.scope });
      const after = await h.client.getJson(`/api/v1/sync/pull?${q}`, h.cookies.coach);
      expect(after.status).toBe(200);
      expect(after.body.changes.map((c: Change) => c.id)).toEqual([]);
      // A plain pull from the old cursor does send them (nothing is lost for another device).
      const plain = await h.client.getJson(
        `/api/v1/sync/pull?${new URLSearchParams(from)}`,
        h.cookies.coach,
      );
      expect(plain.body.changes.map((c: Change) => c.id)).toEqual(
        expect.arrayContaining([theirs, mine, kept]),
      );
    },
  );

  it(
    'brings the device’s own record back when the server holds more than it sent',
    PAGE_EXACT,
    async () => {
      const p = await coachPlace();
      const phone = new Device();
      const tablet = new Device();
      const id = randomUUID();
      await pushOk(h.client, h.cookies.coach, [phone.upsert('visit', id, visitPayload(p))]);
      const from = await seed();
      // The tablet changes the goals; the phone, not knowing it, changes the planned date.
      await pushOk(h.client, h.cookies.coach, [
        tablet.upsert('visit', id, visitPayload(p, { goals: ['Otra meta'] }), {
          changed: ['goals'],
          baseVersion: 1,
        }),
      ]);
      await othersQuiet(h.db, target.engine);
      const body = await pushWithCursor(
        [
          phone.upsert('visit', id, visitPayload(p, { plannedDate: '2026-05-21' }), {
            changed: ['plannedDate'],
            baseVersion: 1,
          }),
        ],
        from,
      );
      expect(body.results).toMatchObject([{ status: 'applied', version: 3 }]);
      const back = body.pull.changes.find((c) => c.id === id);
      expect(back).toMatchObject({
        op: 'upsert',
        version: 3,
        data: { plannedDate: '2026-05-21', goals: ['Otra meta'] },
      });
    },
  );
});
