import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { testTargets } from '../../test/databases.ts';
import { refreshReadModels } from './maintain.ts';
import { analyzeChanged } from './statistics.ts';
import { addReportFixture } from './testing.ts';

// Planner statistics follow a large refresh inside its own transaction (statistics.ts): the
// statements after it read the rows it wrote, and plans on counts from before nest loops over
// thousands of rows.

const tuples = async (db: Kysely<DB>, table: string) => {
  const { rows } = await sql<{ n: number }>`
    SELECT reltuples::float8 AS n FROM pg_class WHERE oid = to_regclass(${table})`.execute(db);
  return rows[0]?.n ?? Number.NaN;
};

/** Every teacher and school year the teacher months hold, as refresh keys. */
const keysOf = async (db: Kysely<DB>) => {
  const { rows } = await sql<{ id: string; y: number }>`
    SELECT DISTINCT teacher_id::text AS id, school_year::int AS y
      FROM report_teacher_month`.execute(db);
  return {
    teacherIds: [...new Set(rows.map((r) => r.id))],
    years: [...new Set(rows.map((r) => r.y))],
  };
};

describe.each(testTargets())('read-model statistics on $engine', (target) => {
  let database: Database;
  let db: Kysely<DB>;
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("analyzes a table only past autovacuum's threshold (50 rows + 10 %)", async () => {
    await sql`CREATE TABLE stats_probe (n int)`.execute(db);
    await sql`INSERT INTO stats_probe SELECT generate_series(1, 1000)`.execute(db);
    await sql`ANALYZE stats_probe`.execute(db);
    await db.transaction().execute(async (tx) => {
      await sql`INSERT INTO stats_probe SELECT generate_series(1, 150)`.execute(tx);
      expect(await analyzeChanged(tx, new Map([['stats_probe', 150]]))).toEqual([]);
      expect(await tuples(tx, 'stats_probe')).toBe(1000);
      await sql`INSERT INTO stats_probe SELECT generate_series(1, 10)`.execute(tx);
      expect(await analyzeChanged(tx, new Map([['stats_probe', 160]]))).toEqual(['stats_probe']);
      // Seen by the transaction's next statements, before it commits.
      expect(await tuples(tx, 'stats_probe')).toBe(1160);
    });
  });

  it('a refresh that recomputes the same teachers analyses nothing', async () => {
    await addReportFixture(db, '08');
    await sql`ANALYZE report_teacher_month`.execute(db);
    const keys = await keysOf(db);
    const analysed = async () => {
      const { rows } = await sql<{ n: string }>`
        SELECT coalesce(s.analyze_count, 0)::text AS n FROM pg_stat_user_tables s
         WHERE s.relid = to_regclass('report_teacher_month')`.execute(db);
      return rows[0]?.n;
    };
    const before = await analysed();
    await db.transaction().execute(async (tx) => {
      await refreshReadModels(tx, keys);
    });
    expect(await analysed()).toBe(before);
  });

  it('a refresh of teachers the statistics have not seen counts them before reading them', async () => {
    await addReportFixture(db, '07');
    const keys = await keysOf(db);
    const { rows: all } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM report_teacher_month`.execute(db);
    const months = all[0]?.n ?? 0;
    expect(months).toBeGreaterThan(100);
    // Statistics taken while the table was empty: what a new deployment's first refresh finds.
    await sql`DELETE FROM report_teacher_month`.execute(db);
    await sql`ANALYZE report_teacher_month`.execute(db);
    expect(await tuples(db, 'report_teacher_month')).toBe(0);
    await db.transaction().execute(async (tx) => {
      await refreshReadModels(tx, keys);
      expect(await tuples(tx, 'report_teacher_month')).toBe(months);
    });
  });
  it('a refresh plans without JIT or parallel workers, for its own transaction only', async () => {
    await addReportFixture(db, '06');
    const keys = await keysOf(db);
    const settings = async (q: Kysely<DB>) => {
      const { rows } = await sql<{ jit: string; workers: string; pid: number }>`
        SELECT current_setting('jit') AS jit,
               current_setting('max_parallel_workers_per_gather') AS workers,
               pg_backend_pid() AS pid`.execute(q);
      return rows[0];
    };
    // One connection throughout: the one that ran the refresh must get its settings back.
    await db.connection().execute(async (conn) => {
      const outside = await settings(conn);
      expect(outside).not.toMatchObject({ jit: 'off', workers: '0' });
      await conn.transaction().execute(async (tx) => {
        await refreshReadModels(tx, keys);
        expect(await settings(tx)).toEqual({ ...outside, jit: 'off', workers: '0' });
      });
      expect(await settings(conn)).toEqual(outside);
    });
  });
});
