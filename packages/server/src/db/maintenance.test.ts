import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../test/databases.ts';
import type { Database } from './database.ts';
import { maintainTables } from './maintenance.ts';
import type { DB } from './schema.ts';

// PGlite runs no autovacuum: the server vacuums and analyses by autovacuum's own rules
// (maintenance.ts). The same function on PostgreSQL, on probe tables autovacuum leaves alone.

const PROBE = 'public.maintenance_probe';

describe.each(testTargets())('table maintenance on $engine', (target) => {
  let database: Database;
  let db: Kysely<DB>;
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Runs `change`, has the counters published, then maintains. */
  const after = async (change: string) => {
    await sql.raw(change).execute(db);
    await sql`SELECT pg_stat_force_next_flush()`.execute(db);
    const done = await maintainTables(db);
    return {
      vacuumed: done.vacuumed.includes(PROBE),
      analyzed: done.analyzed.includes(PROBE),
    };
  };

  it('vacuums a table never analysed, whatever the counters say (a restart loses them)', async () => {
    await sql`CREATE TABLE maintenance_fresh (n int) WITH (autovacuum_enabled = off)`.execute(db);
    // 100 rows: by the counters alone, under the vacuum thresholds and only to be analysed.
    await sql`INSERT INTO maintenance_fresh SELECT generate_series(1, 100)`.execute(db);
    await sql`SELECT pg_stat_force_next_flush()`.execute(db);
    const done = await maintainTables(db);
    expect(done.vacuumed).toContain('public.maintenance_fresh');
    expect(done.analyzed).not.toContain('public.maintenance_fresh');
    const again = await maintainTables(db);
    expect([...again.vacuumed, ...again.analyzed]).not.toContain('public.maintenance_fresh');
  });

  it("vacuums and analyses a table past autovacuum's thresholds, and only then", async () => {
    await sql`CREATE TABLE maintenance_probe (n int PRIMARY KEY, v int)
                 WITH (autovacuum_enabled = off)`.execute(db);
    // 2,000 rows inserted into a table never vacuumed: over 1,000 + 20 %.
    expect(
      await after('INSERT INTO maintenance_probe SELECT g, 0 FROM generate_series(1, 2000) g'),
    ).toEqual({ vacuumed: true, analyzed: false });
    // 30 dead rows of 2,000: under 50 + 20 % and under 50 + 10 % changed.
    expect(await after('DELETE FROM maintenance_probe WHERE n <= 30')).toEqual({
      vacuumed: false,
      analyzed: false,
    });
    // 330 changed since the statistics (over 50 + 10 %), 330 dead (under 50 + 20 %).
    expect(await after('UPDATE maintenance_probe SET v = 1 WHERE n <= 330')).toEqual({
      vacuumed: false,
      analyzed: true,
    });
    // Over 1,000 dead rows (the updated ones' old versions too): over 50 + 20 % of 1,970.
    expect(await after('DELETE FROM maintenance_probe WHERE n <= 800')).toEqual({
      vacuumed: true,
      analyzed: false,
    });
    // No dead rows, 1,300 inserted since the vacuum: over 1,000 + 20 % of 1,200.
    expect(
      await after('INSERT INTO maintenance_probe SELECT g, 0 FROM generate_series(2001, 3300) g'),
    ).toEqual({ vacuumed: true, analyzed: false });
    const { rows } = await sql<{ dead: number; tuples: number }>`
      SELECT s.n_dead_tup::int AS dead, c.reltuples::int AS tuples
        FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE s.relid = to_regclass(${PROBE})`.execute(db);
    expect(rows[0]).toEqual({ dead: 0, tuples: 2500 });
  });
});
