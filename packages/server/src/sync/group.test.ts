import { randomUUID } from 'node:crypto';
import type { Mutation } from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { readUntil } from '../test/until.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  Device,
  type Place,
  push,
  visitPayload,
} from './testing.ts';

// Pushes committed together (group.ts) on both engines: a burst of pushes shares transactions,
// and every push is answered, written and audited exactly as it would have been alone — a
// push refused as a whole, a mutation the database refuses, and a racing retry included.

describe.each(testTargets())('pushes committed together on $engine', (target) => {
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
  /** A visit and a commitment from a new device of the coach. */
  const visitOf = (p: Place, extra: Record<string, unknown> = {}) => {
    const device = new Device();
    const visitId = randomUUID();
    return [
      device.upsert('visit', visitId, visitPayload(p, extra)),
      device.upsert('commitment', randomUUID(), commitmentPayload(p, visitId)),
    ];
  };
  const burst = (batches: Mutation[][]) =>
    Promise.all(
      batches.map(async (mutations) => {
        const res = await push(h.client, h.cookies.coach, mutations);
        return { status: res.status, body: await res.json() };
      }),
    );
  const txidsOf = async (visitIds: string[]) => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(DISTINCT txid) AS n FROM change_log
       WHERE kind = 'visit' AND entity_id = ANY(${visitIds}::uuid[])`.execute(h.db);
    return Number(rows[0]?.n);
  };

  it('commits a burst in fewer transactions, each push answered and audited as if alone', async () => {
    const p = await coachPlace();
    const batches = Array.from({ length: 8 }, () => visitOf(p));
    const answers = await burst(batches);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.results.map((r: { status: string }) => r.status)).toEqual([
        'applied',
        'applied',
      ]);
    }
    const visitIds = batches.map((b) => b[0]?.entityId as string);
    const { rows } = await sql<{ id: string; version: number }>`
      SELECT id, version FROM visit WHERE id = ANY(${visitIds}::uuid[])`.execute(h.db);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.version === 1)).toBe(true);
    // Pushes that waited for a running transaction were committed together.
    expect(await txidsOf(visitIds)).toBeLessThan(8);
    // One audit event per push, with its own device and tally.
    const audits = await sql<{ resource_id: string; detail: { applied: number } }>`
      SELECT resource_id, detail FROM audit_event
       WHERE action = 'sync.push' AND resource_id = ANY(${batches.map((b) => b[0]?.deviceId as string)})`.execute(
      h.db,
    );
    expect(audits.rows).toHaveLength(8);
    expect(audits.rows.every((a) => a.detail.applied === 2)).toBe(true);
  });

  it('refuses one push of a burst as a whole without spoiling the others', async () => {
    const p = await coachPlace();
    // A device id the teacher registered first: the coach may not push with it.
    const theirs = new Device();
    const own = await push(h.client, h.cookies.docente, [
      theirs.upsert('visit', randomUUID(), visitPayload(p)),
    ]);
    expect(own.status).toBe(200);
    const borrowed = theirs.upsert('visit', randomUUID(), visitPayload(p));
    const batches = [visitOf(p), [borrowed], visitOf(p), visitOf(p), visitOf(p)];
    const answers = await burst(batches);
    expect(answers.map((a) => a.status)).toEqual([200, 403, 200, 200, 200]);
    expect(answers[1]?.body.error.code).toBe('SYNC_DEVICE_NOT_YOURS');
    const { rows } = await sql`SELECT 1 FROM visit WHERE id = ${borrowed.entityId}`.execute(h.db);
    expect(rows).toHaveLength(0);
    const applied = answers.filter((a) => a.status === 200).flatMap((a) => a.body.results);
    expect(applied.every((r: { status: string }) => r.status === 'applied')).toBe(true);
  });

  it('rejects only the mutation the database refuses, in the push that sent it', async () => {
    const p = await coachPlace();
    await sql`CREATE FUNCTION test_refuse_goal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.goals::text LIKE '%RECHAZAR%' THEN
          RAISE EXCEPTION 'refused' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$`.execute(h.db);
    await sql`CREATE TRIGGER test_refuse_goal BEFORE INSERT ON visit FOR EACH ROW EXECUTE FUNCTION test_refuse_goal()`.execute(
      h.db,
    );
    try {
      const batches = [visitOf(p), visitOf(p, { goals: ['RECHAZAR'] }), visitOf(p), visitOf(p)];
      const answers = await burst(batches);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const statuses = answers.map((a) => a.body.results.map((r: { status: string }) => r.status));
      expect(statuses[0]).toEqual(['applied', 'applied']);
      // The refused visit's commitment still reaches the server: it waits for its visit.
      expect(statuses[1]?.[0]).toBe('rejected');
      expect(answers[1]?.body.results[0].error.code).toBe('VALIDATION_FAILED');
      expect(statuses[2]).toEqual(['applied', 'applied']);
      expect(statuses[3]).toEqual(['applied', 'applied']);
    } finally {
      await sql`DROP TRIGGER test_refuse_goal ON visit`.execute(h.db);
      await sql`DROP FUNCTION test_refuse_goal()`.execute(h.db);
    }
  });

  it('answers a racing retry in a burst once applied and once duplicate', async () => {
    const p = await coachPlace();
    const racing = visitOf(p);
    const answers = await burst([visitOf(p), racing, racing, visitOf(p), racing]);
    const statuses = [1, 2, 4].map((i) =>
      answers[i]?.body.results.map((r: { status: string }) => r.status),
    );
    for (const k of [0, 1]) {
      expect(statuses.map((s) => s[k]).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    }
    const { rows } = await sql<{ version: number }>`
      SELECT version FROM visit WHERE id = ${racing[0]?.entityId}`.execute(h.db);
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('sends in folded pulls exactly what a pull reads from the database', async () => {
    // A group's folded pulls take the records it just wrote from memory instead of reading
    // them back: what they send must be what the database holds.
    const p = await coachPlace();
    const seed = async () => {
      let cursor = '';
      let scope = '';
      const changes = new Map<string, unknown>();
      for (let more = true; more; ) {
        const q = new URLSearchParams({ limit: '500', ...(cursor ? { cursor, scope } : {}) });
        const { body } = await h.client.getJson(`/api/v1/sync/pull?${q}`, h.cookies.coach);
        for (const c of body.changes) changes.set(`${c.kind}:${c.id}:${c.version}`, c);
        ({ cursor, scope, more } = body);
      }
      return { cursor, scope, changes };
    };
    const { cursor, scope } = await seed();
    const pushBurst = async () => {
      const batches = Array.from({ length: 6 }, () =>
        visitOf(p, {
          status: 'done',
          startedAt: '2026-05-12T08:00:00.000Z',
          endedAt: '2026-05-12T10:30:00.000Z',
        }),
      );
      const answers = await Promise.all(
        batches.map(async (mutations) => {
          const res = await h.client.post(
            '/api/v1/sync/push',
            { deviceId: mutations[0]?.deviceId, mutations, cursor, scope },
            { cookie: h.cookies.coach },
          );
          return res.json();
        }),
      );
      return answers.flatMap((a) => a.pull.changes);
    };
    // Each push's folded pull brings the others' visits of the burst (not its own echoes) —
    // unless another test file's transaction in the shared cluster holds pulls back
    // (test/until.ts); then the burst is pushed again, from the same cursor.
    const folded = await readUntil(pushBurst, (changes) => changes.length > 0);
    expect(folded.length).toBeGreaterThan(0);
    const { changes: stored } = await seed();
    for (const change of folded) {
      expect(change).toEqual(stored.get(`${change.kind}:${change.id}:${change.version}`));
    }
  });
});
