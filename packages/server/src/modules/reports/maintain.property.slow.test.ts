import { randomUUID } from 'node:crypto';
import { SEED_IDS } from '@acompana/core';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
import { Device, type Place, pushOk, visitPayload } from '../../sync/testing.ts';
import { testTargets } from '../../test/databases.ts';
import { DNI, idOf, rosterHarness, YEAR } from '../shared/testing.ts';
import { rebuildReadModels, refreshPending } from './maintain.ts';

// Property (issue 16): whatever field records a coach pushes, edits and deletes, the read models
// the refresher maintains incrementally (and the cells summed from them) are exactly what a full
// rebuild computes from the same data.

const TABLES = {
  report_teacher_month: 'school_year, teacher_id, intervention_code, month',
  report_teacher_level: 'school_year, teacher_id, desempeno, month',
  report_teacher_stage: 'school_year, teacher_id, month',
  // The cells (no key: every column, as text) and who they leave out.
  report_complex: 'x::text',
  report_cell: 'x::text',
  report_progress_cell: 'x::text',
  report_stage_cell: 'x::text',
  report_level_cell: 'x::text',
} as const;

async function snapshot(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const { rows } =
      await sql`SELECT * FROM ${sql.table(table)} x ORDER BY ${sql.raw(order)}`.execute(db);
    out[table] = rows;
  }
  return out;
}

const op = fc.oneof(
  fc.record({
    type: fc.constant('visit' as const),
    teacher: fc.nat(1),
    slot: fc.nat(3),
    status: fc.constantFrom('planned', 'done', 'cancelled'),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ type: fc.constant('delete' as const), slot: fc.nat(3), teacher: fc.nat(1) }),
  fc.record({
    type: fc.constant('rubric' as const),
    teacher: fc.nat(1),
    slot: fc.nat(3),
    level: fc.integer({ min: 1, max: 4 }),
    complete: fc.boolean(),
  }),
);

describe.each(testTargets())('read models: incremental = rebuilt on $engine', (target) => {
  const h = rosterHarness(target);
  const places: Place[] = [];
  let codes: string[] = [];

  beforeAll(async () => {
    const coach = await idOf(h.db, DNI.coach);
    const { rows } = await sql<Place>`
      SELECT DISTINCT ON (c.teacher_id) c.teacher_id AS "teacherId", tp.school_id AS "schoolId",
             c.intervention_code AS "interventionCode"
        FROM caseload c JOIN teacher_post tp ON tp.person_id = c.teacher_id
       WHERE c.coach_id = ${coach} AND c.valid_to IS NULL
       ORDER BY c.teacher_id, tp.school_year DESC LIMIT 2`.execute(h.db);
    places.push(...rows);
    expect(places).toHaveLength(2);
    const def = (
      await sql<{ d: { desempenos: { code: string }[] } }>`
        SELECT definition AS d FROM instrument_version WHERE id = ${SEED_IDS.rubric2018}`.execute(
        h.db,
      )
    ).rows[0]?.d;
    codes = (def?.desempenos ?? []).map((d) => d.code);
    await rebuildReadModels(h.db);
  });

  /** The refresher applies only transactions older than every open one in the cluster (on a
   *  shared PostgreSQL, another database's writer too), so it runs until the last push is
   *  behind it, as the server's does every few seconds. */
  async function refreshUntilCaughtUp(db: typeof h.db): Promise<void> {
    const { rows } = await sql<{ last: string | null }>`
      SELECT max(txid)::text AS last FROM change_log`.execute(db);
    const last = rows[0]?.last ?? null;
    const deadline = Date.now() + 30_000;
    for (;;) {
      await refreshPending(db);
      if (last === null) return;
      const { rows: state } = await sql<{ caught: boolean }>`
        SELECT done_xmin > ${last}::xid8 AS caught FROM reports_state WHERE id = 1`.execute(db);
      if (state[0]?.caught) return;
      if (Date.now() > deadline)
        throw new Error('the refresher did not pass the last push in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('keeps the read models equal to a rebuild after random pushes', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const device = new Device();
        const visitIds = Array.from({ length: 2 }, () => [0, 1, 2, 3].map(() => randomUUID()));
        for (const o of ops) {
          const place = places[o.teacher] as Place;
          const visitId = visitIds[o.teacher]?.[o.slot] as string;
          let mutation: ReturnType<Device['upsert']>;
          if (o.type === 'visit') {
            const date = `${YEAR}-${String(o.month).padStart(2, '0')}-10`;
            mutation = device.upsert(
              'visit',
              visitId,
              visitPayload(place, {
                status: o.status,
                plannedDate: date,
                ...(o.status === 'done'
                  ? { startedAt: `${date}T08:00:00-05:00`, endedAt: `${date}T10:00:00-05:00` }
                  : {}),
              }),
            );
          } else if (o.type === 'delete') {
            mutation = device.remove('visit', visitId);
          } else {
            const scores = Object.fromEntries(
              codes.map((c) => [c, { level: o.level, evidence: 'Evidencia observada.' }]),
            );
            mutation = device.upsert('instrument_response', randomUUID(), {
              visitId,
              teacherId: place.teacherId,
              instrumentVersionId: SEED_IDS.rubric2018,
              status: o.complete ? 'complete' : 'draft',
              answers: { scores },
            });
          }
          const [result] = await pushOk(h.client, h.cookies.coach, [mutation]);
          if (result.status === 'applied') applied++;
        }
        await refreshUntilCaughtUp(h.db);
        const incremental = await snapshot(h.db);
        await rebuildReadModels(h.db);
        expect(incremental).toEqual(await snapshot(h.db));
      }),
      { numRuns: 12 },
    );
    // Not vacuous: pushes landed and the read models count them.
    expect(applied).toBeGreaterThan(20);
    const { rows } = await sql<{ done: string; levels: string }>`
      SELECT (SELECT coalesce(sum(visits_done), 0) FROM report_teacher_month WHERE teacher_id IN
                (${places[0]?.teacherId}, ${places[1]?.teacherId}))::text AS done,
             (SELECT count(*) FROM report_teacher_level)::text AS levels`.execute(h.db);
    expect(Number(rows[0]?.done)).toBeGreaterThan(0);
    expect(Number(rows[0]?.levels)).toBeGreaterThan(0);
  }, 240_000);
});
