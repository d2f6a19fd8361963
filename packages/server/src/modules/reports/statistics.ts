import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Fresh planner statistics for read-model tables a refresh has just changed a lot, taken in the
 * refresh's own transaction before its next statements read them. Plans made on counts from
 * before — a table that did not hold these teachers yet — nested loops over thousands of rows:
 * a refresh of 1,000 new teachers took 10 s in one statement instead of 50 ms (measured in
 * bench:sync). PostgreSQL's autovacuum catches up only a minute later and PGlite has none.
 * The rule is autovacuum's own: more than 50 rows + 10 % of the table changed since the last
 * statistics (this transaction's changes plus those already counted).
 */
export async function analyzeChanged(
  db: Kysely<DB>,
  changed: ReadonlyMap<string, number>,
): Promise<string[]> {
  const names = [...changed.keys()];
  const { rows } = await sql<{ name: string; tuples: number; counted: number }>`
    SELECT n AS name, greatest(c.reltuples, 0)::float8 AS tuples,
           coalesce(s.n_mod_since_analyze, 0)::float8 AS counted
      FROM unnest(${names}::text[]) AS n
      JOIN pg_class c ON c.oid = to_regclass(n)
      LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid`.execute(db);
  const stale = rows
    .filter((r) => (changed.get(r.name) ?? 0) + r.counted > 50 + 0.1 * r.tuples)
    .map((r) => r.name);
  for (const name of stale) await sql`ANALYZE ${sql.table(name)}`.execute(db);
  return stale;
}
