import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The part of PostgreSQL's autovacuum that PGlite runs without (docs/DATABASE.md,
 * "Maintenance"). PGlite is one process with no background workers, so nothing ever vacuumed
 * or analysed its tables: every update and delete (sync upserts, session touches, the read
 * models' refresh) left dead rows behind for good, and the planner kept the statistics of the
 * day a table was last analysed. The server calls this once a minute on PGlite. Same rules and
 * thresholds as autovacuum's defaults, from the same counters:
 * - VACUUM (ANALYZE) when dead rows exceed 50 + 20 % of the table, or rows inserted since the
 *   last vacuum exceed 1,000 + 20 % (so the visibility map lets index-only scans skip the heap);
 * - ANALYZE when rows changed since the last statistics exceed 50 + 10 %.
 * PGlite keeps no counters across a restart (so neither would it know what a previous run left
 * undone): a table with rows that was never analysed (reltuples < 0, kept in the catalogue) is
 * vacuumed and analysed too.
 * On PostgreSQL autovacuum does this and the server does not call it.
 */
export interface Maintained {
  vacuumed: string[];
  analyzed: string[];
}

export async function maintainTables(db: Kysely<DB>): Promise<Maintained> {
  const { rows } = await sql<{ name: string; vacuum: boolean; analyze: boolean }>`
    SELECT format('%I.%I', s.schemaname, s.relname) AS name,
           c.reltuples < 0 AND pg_relation_size(c.oid) > 0
             OR s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
             OR s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) AS vacuum,
           s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS analyze
      FROM pg_stat_user_tables s
      JOIN pg_class c ON c.oid = s.relid
     WHERE c.relpersistence = 'p'
     ORDER BY 1`.execute(db);
  const done: Maintained = { vacuumed: [], analyzed: [] };
  for (const t of rows) {
    if (t.vacuum) {
      await sql`VACUUM (ANALYZE) ${sql.raw(t.name)}`.execute(db);
      done.vacuumed.push(t.name);
    } else if (t.analyze) {
      await sql`ANALYZE ${sql.raw(t.name)}`.execute(db);
      done.analyzed.push(t.name);
    }
  }
  return done;
}
