import { randomUUID } from 'node:crypto';
import type { Mutation } from '@acompana/core';
import { type KyselyPlugin, type RootOperationNode, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, PREPARED } from '../db/database.ts';
import { DNI, idOf } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { TestClient } from '../test/http.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  Device,
  draftResponsePayload,
  othersQuiet,
  pageExact,
  visitPayload,
} from './testing.ts';

// What an online push costs the database, counted (docs/SYNC.md, "Benchmark"): every
// statement is a round trip, and on this project's 2-core machine the sync is CPU-bound on
// the socket writes and per-statement work of those round trips, not on any one query. A
// phone's push of a visit with its records and its cursor is: the session (with its roles),
// the claims with the records' locks, the records with their facts, all the writes, and the
// folded pull — plus BEGIN and COMMIT, which Kysely sends outside its plugins.

/** Counts the statements executed through a Kysely instance, with a short label of each. */
class StatementCounter implements KyselyPlugin {
  labels: string[] = [];
  private pending = new WeakMap<object, string>();

  transformQuery(args: { node: RootOperationNode; queryId: object }): RootOperationNode {
    const node = args.node as { kind: string; sqlFragments?: readonly string[] };
    const text = node.sqlFragments?.[0] ?? node.kind;
    this.pending.set(args.queryId, text.replace(/\s+/g, ' ').trim().slice(0, 60));
    return args.node;
  }

  async transformResult<R>(args: { result: R; queryId: object }): Promise<R> {
    this.labels.push(this.pending.get(args.queryId) ?? '?');
    return args.result;
  }
}

describe.each(testTargets())('sync statements on $engine', (target) => {
  let database: Database;
  let client: TestClient;
  const counter = new StatementCounter();
  beforeAll(async () => {
    database = await target.open();
    client = new TestClient({ ...database, db: database.db.withPlugin(counter) });
  });
  afterAll(async () => {
    await database?.close();
  });

  it(
    'an online push of a visit with its records costs five statements',
    pageExact(target.engine),
    async () => {
      const cookie = await client.login(DNI.coach);
      const place = await caseloadTeacher(
        database.db,
        await idOf(database.db, DNI.coach),
        await idOf(database.db, DNI.docente),
      );
      const device = new Device();
      const visit = (): Mutation[] => {
        const visitId = randomUUID();
        return [
          device.upsert('visit', visitId, visitPayload(place)),
          device.upsert('commitment', randomUUID(), commitmentPayload(place, visitId)),
          device.upsert('commitment', randomUUID(), commitmentPayload(place, visitId)),
        ];
      };
      const response = async (visitId: string) =>
        device.upsert('instrument_response', randomUUID(), {
          ...(await draftResponsePayload(database.db, place.teacherId)),
          visitId,
        });
      let cursor = '';
      let scope = '';
      const drain = async () => {
        for (let more = true; more; ) {
          const q = new URLSearchParams({ limit: '500', ...(cursor ? { cursor, scope } : {}) });
          const { status, body } = await client.getJson(`/api/v1/sync/pull?${q}`, cookie);
          expect(status).toBe(200);
          ({ cursor, scope, more } = body);
        }
      };
      await drain();
      const pushWithCursor = async (mutations: Mutation[]) => {
        const res = await client.post(
          '/api/v1/sync/push',
          { deviceId: device.deviceId, mutations, cursor, scope },
          { cookie },
        );
        const body = await res.json();
        expect(res.status).toBe(200);
        expect(body.results.map((r: { status: string }) => r.status)).toEqual(
          mutations.map(() => 'applied'),
        );
        ({ cursor, scope } = body.pull);
      };
      // The first push also reads the instrument definition (cached for the process after).
      const first = visit();
      await pushWithCursor([...first, await response(first[0]?.entityId as string)]);
      // Another test file's transaction in the shared cluster may have held the first push's
      // folded pull back: then the counted push's pull would send (and audit) those records.
      // Once no other transaction runs, a pull brings the cursor past them.
      await othersQuiet(database.db, target.engine);
      await drain();

      const second = visit();
      const mutations = [...second, await response(second[0]?.entityId as string)];
      counter.labels = [];
      await pushWithCursor(mutations);
      expect(counter.labels, counter.labels.join('\n')).toHaveLength(5);
      if (target.engine === 'postgres') {
        // Requests one after another reuse the pool's last connection: the hot statements are
        // prepared there (db/database.ts), the pull too (one index range per teacher).
        const { rows } = await sql<{ statement: string }>`
        SELECT statement FROM pg_prepared_statements`.execute(database.db);
        const prepared = rows.map((r) => r.statement.replace(/\s+/g, ' ').slice(0, 80));
        expect(
          prepared.every((p) => p.startsWith(PREPARED)),
          prepared.join('\n'),
        ).toBe(true);
        for (const table of ['session', 'mutation_log', 'caseload', 'audit_event']) {
          expect(
            rows.some((r) => r.statement.includes(table)),
            `${table}: ${prepared.join('\n')}`,
          ).toBe(true);
        }
      }
    },
  );
});
