import { randomUUID } from 'node:crypto';
import type { Actor } from '@acompana/core';
import { type KyselyPlugin, type RootOperationNode, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { testTargets } from '../../test/databases.ts';
import { AUDIT_BATCH_ROWS, audit, auditTiming } from './events.ts';

// Events audited at the same moment outside a transaction share one INSERT: every caller
// returns once its own row is stored, and a row the database refuses fails only its caller.

/** Counts the INSERTs into audit_event and holds the first one's result until `release`. */
class HeldInserts implements KyselyPlugin {
  inserts = 0;
  release: () => void = () => undefined;
  #gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  transformQuery(args: { node: RootOperationNode }): RootOperationNode {
    if (args.node.kind === 'InsertQueryNode') this.inserts++;
    return args.node;
  }
  async transformResult<R>(args: { result: R }): Promise<R> {
    if (this.inserts === 1) await this.#gate;
    return args.result;
  }
}

const turn = () => new Promise((r) => setImmediate(r));

const actor = (personId: string): Actor => ({ personId, grants: [] }) as unknown as Actor;

describe.each(testTargets())('audit events on $engine', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  const stored = async (action: string) => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM audit_event WHERE action = ${action}`.execute(database.db);
    return Number(rows[0]?.n);
  };

  it('stores every event of a burst before any caller returns', async () => {
    const action = `test.burst.${randomUUID()}`;
    const { rows } = await sql<{ id: string }>`SELECT id FROM person LIMIT 1`.execute(database.db);
    const reader = actor(rows[0]?.id ?? '');
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        audit(database.db, reader, { action, resourceKind: 'test', resourceId: String(i) }),
      ),
    );
    expect(await stored(action)).toBe(25);
  });

  /** Runs `body` with INSERTs held back for `holdMs`, releasing `held` whatever happens. */
  const holding = async (holdMs: number, held: HeldInserts, body: () => Promise<void>) => {
    const before = auditTiming.holdMs;
    auditTiming.holdMs = holdMs;
    try {
      await body();
    } finally {
      held.release();
      auditTiming.holdMs = before;
    }
  };

  it('events arriving while an INSERT is in flight wait for it and go together in the next', async () => {
    const action = `test.inflight.${randomUUID()}`;
    const { rows } = await sql<{ id: string }>`SELECT id FROM person LIMIT 1`.execute(database.db);
    const reader = actor(rows[0]?.id ?? '');
    const held = new HeldInserts();
    const db = database.db.withPlugin(held);
    const event = (i: number) =>
      audit(db, reader, { action, resourceKind: 'test', resourceId: String(i) });
    await holding(60_000, held, async () => {
      const calls = [event(0)];
      await turn();
      await turn();
      expect(held.inserts).toBe(1);
      // Ten requests, each in its own turn of the event loop, while the first INSERT is held.
      for (let i = 1; i <= 10; i++) {
        calls.push(event(i));
        await turn();
      }
      expect(held.inserts).toBe(1);
      held.release();
      await Promise.all(calls);
      expect(held.inserts).toBe(2);
    });
    expect(await stored(action)).toBe(11);
  });

  // PGlite has one connection: there, a waiting statement holds every other one anyway.
  it.runIf(target.engine === 'postgres')(
    'an INSERT waiting on a lock does not hold the next events back past its time',
    async () => {
      const action = `test.stuck.${randomUUID()}`;
      const { rows } = await sql<{ id: string }>`SELECT id FROM person ORDER BY id LIMIT 2`.execute(
        database.db,
      );
      const [locked, free] = [rows[0]?.id ?? '', rows[1]?.id ?? ''];
      const before = auditTiming.holdMs;
      auditTiming.holdMs = 20;
      let unlock: () => void = () => undefined;
      const unlocked = new Promise<void>((r) => {
        unlock = r;
      });
      let lockTaken: () => void = () => undefined;
      const taken = new Promise<void>((r) => {
        lockTaken = r;
      });
      // A caseload write's lock on a person (caseloads/writes.ts): the audit row naming them
      // as actor waits for it in the foreign key's check.
      const writer = database.db.transaction().execute(async (tx) => {
        await sql`SELECT 1 FROM person WHERE id = ${locked} FOR UPDATE`.execute(tx);
        lockTaken();
        await unlocked;
      });
      try {
        await taken;
        const first = audit(database.db, actor(locked), {
          action,
          resourceKind: 'test',
          resourceId: 'waits',
        });
        await new Promise((r) => setTimeout(r, 80));
        await audit(database.db, actor(free), { action, resourceKind: 'test', resourceId: 'goes' });
        expect(await stored(action)).toBe(1);
        unlock();
        await first;
        expect(await stored(action)).toBe(2);
      } finally {
        unlock();
        await writer;
        auditTiming.holdMs = before;
      }
    },
  );

  it(`a burst larger than ${AUDIT_BATCH_ROWS} rows is written in INSERTs of at most that many`, async () => {
    const action = `test.large.${randomUUID()}`;
    const { rows } = await sql<{ id: string }>`SELECT id FROM person LIMIT 1`.execute(database.db);
    const reader = actor(rows[0]?.id ?? '');
    const held = new HeldInserts();
    held.release();
    const db = database.db.withPlugin(held);
    const n = AUDIT_BATCH_ROWS * 2 + 7;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        audit(db, reader, { action, resourceKind: 'test', resourceId: String(i) }),
      ),
    );
    expect(held.inserts).toBe(3);
    expect(await stored(action)).toBe(n);
  });

  it('fails only the caller whose row is refused; the others are stored', async () => {
    const action = `test.bad.${randomUUID()}`;
    const { rows } = await sql<{ id: string }>`SELECT id FROM person LIMIT 1`.execute(database.db);
    const good = actor(rows[0]?.id ?? '');
    const outcomes = await Promise.allSettled([
      audit(database.db, good, { action, resourceKind: 'test', resourceId: 'a' }),
      // Not a person: the foreign key refuses this row.
      audit(database.db, actor(randomUUID()), { action, resourceKind: 'test', resourceId: 'b' }),
      audit(database.db, good, { action, resourceKind: 'test', resourceId: 'c' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await stored(action)).toBe(2);
  });

  it('inside a transaction, the event is part of it (rolled back with it)', async () => {
    const action = `test.tx.${randomUUID()}`;
    const { rows } = await sql<{ id: string }>`SELECT id FROM person LIMIT 1`.execute(database.db);
    await database.db
      .transaction()
      .execute(async (tx) => {
        await audit(tx, actor(rows[0]?.id ?? ''), {
          action,
          resourceKind: 'test',
          resourceId: null,
        });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await stored(action)).toBe(0);
  });
});
