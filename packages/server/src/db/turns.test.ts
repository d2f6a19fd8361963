import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTemplate } from '../test/databases.ts';
import { type Database, openPgliteInMemory } from './database.ts';
import { Turns, withRequestTicket } from './turns.ts';

// The embedded database's single connection goes to the oldest request first (bench:load).

describe('Turns', () => {
  it('grants the lock to the waiter of the oldest request, equal tickets in arrival order', async () => {
    const turns = new Turns();
    await turns.acquire(); // held by someone
    const granted: string[] = [];
    const wait = (name: string) =>
      turns.acquire().then(() => {
        granted.push(name);
        turns.release();
      });
    // Tickets are drawn at request arrival: a, b, c in that order; their queries arrive mixed.
    let resumeA: () => void = () => undefined;
    let resumeB: () => void = () => undefined;
    const a = withRequestTicket(async () => {
      await new Promise<void>((r) => {
        resumeA = r;
      });
      return Promise.all([wait('a1'), wait('a2')]);
    });
    const b = withRequestTicket(async () => {
      await new Promise<void>((r) => {
        resumeB = r;
      });
      return wait('b');
    });
    const c = withRequestTicket(() => wait('c'));
    resumeB();
    await Promise.resolve();
    resumeA();
    await new Promise((r) => setTimeout(r, 0));
    expect(turns.waiting).toBe(4);
    turns.release();
    await Promise.all([a, b, c]);
    expect(granted).toEqual(['a1', 'a2', 'b', 'c']);
    expect(turns.waiting).toBe(0);
  });

  it('lets I/O in between two holders, so a new connection can draw its ticket (bench:load)', async () => {
    // PGlite runs each query on this thread. If the turn passed straight to the next waiter,
    // a queue of queries would run back to back in microtasks and the event loop's I/O phase
    // (accepting a new connection, reading its request) would wait until the queue drained:
    // a phone that just reconnected got its first answer last.
    const turns = new Turns();
    await turns.acquire();
    const served: string[] = [];
    const queries = Array.from({ length: 50 }, (_, i) =>
      turns.acquire().then(() => {
        served.push(`q${i}`);
        turns.release();
      }),
    );
    setImmediate(() => served.push('io'));
    turns.release();
    await Promise.all(queries);
    expect(served).toHaveLength(51);
    expect(served.indexOf('io')).toBeLessThan(3);
  });

  it('is free again once every holder has released it', async () => {
    const turns = new Turns();
    await turns.acquire();
    turns.release();
    await turns.acquire(); // would hang if the lock had stayed held
    turns.release();
    expect(turns.waiting).toBe(0);
  });
});

describe('PGlite dialect under concurrent requests', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPgliteInMemory(await pgliteTemplate('empty'));
    await sql`CREATE TABLE hit (at serial, request int, step int)`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it("serves a request's queries before those of newer requests, not interleaved", async () => {
    const finished: number[] = [];
    // 30 requests arrive together, each needing 4 queries one after another (like a login).
    await Promise.all(
      Array.from({ length: 30 }, (_, request) =>
        withRequestTicket(async () => {
          for (let step = 0; step < 4; step++) {
            await sql`INSERT INTO hit (request, step) VALUES (${request}, ${step})`.execute(
              database.db,
            );
          }
          finished.push(request);
        }),
      ),
    );
    expect(finished).toEqual(Array.from({ length: 30 }, (_, i) => i));
    // Served first come, first served per query, every request would wait for a query of every
    // other one between each of its own, and the first would finish 91st of 120. Oldest first,
    // a request waits only for older ones (and for at most the one query a newer request
    // started while its own next query was not yet asked for): request i is done by 4·(i+2).
    const { rows } = await sql<{ request: number; step: number }>`
      SELECT request, step FROM hit ORDER BY at`.execute(database.db);
    expect(rows).toHaveLength(120);
    const order = rows.map((r) => `${r.request}.${r.step}`);
    for (let request = 0; request < 30; request++) {
      expect(order.indexOf(`${request}.3`)).toBeLessThan(4 * (request + 2));
    }
  });

  it('keeps transactions atomic: a rollback undoes, a commit keeps, others wait their turn', async () => {
    await sql`CREATE TABLE tx_probe (v int)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO tx_probe VALUES (1)`.execute(tx);
        throw new Error('deshacer');
      }),
    ).rejects.toThrow('deshacer');
    let outside: Promise<unknown> = Promise.resolve();
    await database.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO tx_probe VALUES (2)`.execute(tx);
      outside = sql`INSERT INTO tx_probe VALUES (3)`.execute(database.db);
      await new Promise((r) => setTimeout(r, 10));
      // The query outside the transaction cannot slip in between: it waits for the commit.
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tx_probe`.execute(
        tx,
      );
      expect(rows[0]?.n).toBe(1);
    });
    await outside;
    const { rows } = await sql<{ v: number }>`SELECT v FROM tx_probe ORDER BY v`.execute(
      database.db,
    );
    expect(rows.map((r) => r.v)).toEqual([2, 3]);
  });
});
