import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Fresh planner statistics for read-model tables a refresh has just changed a lot, taken in the
 * refresh's own transaction before its next statements read them. Plans made on counts from
 * before — a table that did not hold these teachers yet — nested loops over thousands of rows:
 * a refresh of 1,000 new teachers took 10 s in one statement instead of 50 ms (measured in
 * bench:sync). PostgreSQL's autovacuum catches up only a minute later and PGlite has none.
 * The rule is autovacuum's: more than 50 rows + 10 % of what the statistics counted — applied
 * to the rows this transaction ADDED (inserted less deleted), the ones the statistics have not
 * seen. A refresh that recomputes teachers already there deletes and re-inserts alike rows and
 * analyses nothing; the changes it leaves in the counters are autovacuum's (PGlite:
 * db/maintenance.ts) to judge — counting them here too would analyse again at every refresh.
 */
export async function analyzeChanged(
  db: Kysely<DB>,
  added: ReadonlyMap<string, number>,
): Promise<string[]> {
  // No table can pass the threshold with 50 rows or fewer: most refreshes end here, unqueried.
  const names = [...added].filter(([, n]) => n > 50).map(([name]) => name);
  if (names.length === 0) return [];
  const { rows } = await sql<{ name: string; tuples: number }>`
    SELECT n AS name, greatest(c.reltuples, 0)::float8 AS tuples
      FROM unnest(${names}::text[]) AS n
      JOIN pg_class c ON c.oid = to_regclass(n)`.execute(db);
  const stale = rows
    .filter((r) => (added.get(r.name) ?? 0) > 50 + 0.1 * r.tuples)
    .map((r) => r.name);
  for (const name of stale) await sql`ANALYZE ${sql.table(name)}`.execute(db);
  return stale;
}
