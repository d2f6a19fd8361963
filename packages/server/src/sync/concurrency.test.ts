import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { readUntil } from '../test/until.ts';
import { caseloadTeacher, count, Device, type Place, push, visitPayload } from './testing.ts';

// Races that need real concurrent connections (PostgreSQL; PGlite has one connection):
// a retry overlapping its own first attempt, and a transaction that commits after a later one.

const postgres = testTargets().filter((t) => t.engine === 'postgres');

// Without TEST_DATABASE_URL the races are reported as to-do rather than an empty file.
describe.runIf(postgres.length === 0)('sync races', () => {
  it.todo('need PostgreSQL: set TEST_DATABASE_URL');
});

describe.each(postgres)('sync races on $engine', (target) => {
  const h = rosterHarness(target);
  let place: Place;
  const setup = async () => {
    place ??= await caseloadTeacher(
      h.db,
      await idOf(h.db, DNI.coach),
      await idOf(h.db, DNI.docente),
    );
  };

  it('answers a retry that overlaps its first attempt with duplicate, never an error', async () => {
    await setup();
    const id = randomUUID();
    const m = new Device().upsert('visit', id, visitPayload(place));
    // Hold the record's lock so both attempts are in flight at once: the first waits on it,
    // the second waits on the first's mutation_log row.
    const holder = await h.db.startTransaction().execute();
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`visit:${id}`}, 0))`.execute(holder);
    const attempts = [push(h.client, h.cookies.coach, [m]), push(h.client, h.cookies.coach, [m])];
    // Wait until both are blocked (a busy machine may take a while to get them there); the
    // lock is released whatever happens, so a failure here never stalls the next test.
    let waiting = 0;
    try {
      for (let i = 0; i < 200 && waiting < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        // From the pool, not `holder`: a transaction keeps its first snapshot of the statistics.
        const row = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(h.db);
        waiting = Number(row.rows[0]?.n);
      }
    } finally {
      await holder.commit().execute();
    }
    expect(waiting).toBe(2);
    const responses = await Promise.all(attempts);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const statuses = (await Promise.all(responses.map((r) => r.json())))
      .map((b) => b.results[0].status)
      .sort();
    expect(statuses).toEqual(['applied', 'duplicate']);
    expect(await count(h.db, 'visit', id)).toBe(1);
  });

  it('does not let a pull cursor pass a transaction that commits late', async () => {
    await setup();
    const device = new Device();
    const seed = await h.client.getJson('/api/v1/sync/pull?limit=500', h.cookies.coach);
    let cursor: string = seed.body.cursor;
    const scope: string = seed.body.scope;
    while (
      (
        await h.client.getJson(
          `/api/v1/sync/pull?limit=500&cursor=${cursor}&scope=${scope}`,
          h.cookies.coach,
        )
      ).body.more
    ) {
      cursor = (
        await h.client.getJson(
          `/api/v1/sync/pull?limit=500&cursor=${cursor}&scope=${scope}`,
          h.cookies.coach,
        )
      ).body.cursor;
    }
    const pullFrom = async (from: string) => {
      const { status, body } = await h.client.getJson(
        `/api/v1/sync/pull?limit=500&cursor=${from}&scope=${scope}`,
        h.cookies.coach,
      );
      expect(status).toBe(200);
      return body as { changes: { id: string }[]; cursor: string };
    };
    const drained = await pullFrom(cursor);

    // A slow writer takes its transaction id first…
    const slow = await h.db.startTransaction().execute();
    await sql`SELECT pg_current_xact_id()`.execute(slow);
    // …a fast one commits after it started.
    const fast = randomUUID();
    const res = await push(h.client, h.cookies.coach, [
      device.upsert('visit', fast, visitPayload(place)),
    ]);
    expect(res.status).toBe(200);
    const meanwhile = await pullFrom(drained.cursor);
    expect(meanwhile.changes.map((c) => c.id)).not.toContain(fast); // held back, not skipped

    const late = randomUUID();
    const coachId = await idOf(h.db, DNI.coach);
    const school = await sql<{
      region_id: string;
      ugel_id: string;
    }>`SELECT region_id, ugel_id FROM school WHERE id = ${place.schoolId}`.execute(slow);
    await sql`INSERT INTO visit (id, version, teacher_id, school_id, region_id, ugel_id, school_year,
        intervention_code, kind, status, planned_date, created_by, updated_by)
      VALUES (${late}, 1, ${place.teacherId}, ${place.schoolId}, ${school.rows[0]?.region_id}, ${school.rows[0]?.ugel_id}, 2026,
        ${place.interventionCode}, 'regular', 'planned', '2026-07-01', ${coachId}, ${coachId})`.execute(
      slow,
    );
    await slow.commit().execute();

    // Other test files share this PostgreSQL: their open transactions may hold pull back a
    // moment too (never skip), so pull again until both arrive.
    const after = await readUntil(
      () => pullFrom(meanwhile.cursor),
      (p) => p.changes.some((c) => c.id === late),
    );
    const ids = after.changes.map((c) => c.id);
    expect(ids).toContain(late);
    expect(ids).toContain(fast);
  });
});
