import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
import { testTargets } from '../../test/databases.ts';
import { rosterHarness } from '../shared/testing.ts';
import { refreshPending } from './maintain.ts';
import { addReportFixture } from './testing.ts';

// A database that reached migration 0020 with read models but no cells: the refresher's first
// run builds them (the same as a rebuild), and until then no refresh adds differences to them.

const CELLS = ['report_cell', 'report_progress_cell', 'report_stage_cell', 'report_level_cell'];

async function cells(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of CELLS) {
    const { rows } = await sql<{ r: string }>`
      SELECT x::text AS r FROM ${sql.table(table)} x ORDER BY 1`.execute(db);
    out[table] = rows.map((r) => r.r);
  }
  return out;
}

describe.each(testTargets())('monitoring cells on $engine', (target) => {
  const h = rosterHarness(target);
  beforeAll(async () => {
    await addReportFixture(h.db, target.engine === 'pglite' ? '05' : '06');
  });

  it('are built by the first refresh of a database that had none', async () => {
    const rebuilt = await cells(h.db);
    expect(rebuilt.report_cell?.length).toBeGreaterThan(0);
    for (const table of CELLS) await sql`TRUNCATE ${sql.table(table)}`.execute(h.db);
    await sql`UPDATE reports_state SET cells_built = false WHERE id = 1`.execute(h.db);
    await refreshPending(h.db);
    expect(await cells(h.db)).toEqual(rebuilt);
    const { rows } = await sql<{ built: boolean }>`
      SELECT cells_built AS built FROM reports_state`.execute(h.db);
    expect(rows[0]?.built).toBe(true);
  });

  it('skip a refresh that finds the read-model lock taken (a caseload import, a rebuild)', async () => {
    const before = await sql<{ at: string }>`
      SELECT refreshed_at::text AS at FROM reports_state`.execute(h.db);
    await sql`UPDATE reports_state SET done_xmin = '1' WHERE id = 1`.execute(h.db);
    await h.db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended('report_read_models', 0))`.execute(
        tx,
      );
      // PGlite has one connection: the refresher would wait on this very transaction, so it
      // is only exercised where another connection can hold the lock.
      if (target.engine === 'postgres') await refreshPending(h.db);
    });
    const after = await sql<{ at: string }>`
      SELECT refreshed_at::text AS at FROM reports_state`.execute(h.db);
    if (target.engine === 'postgres') expect(after.rows[0]?.at).toBe(before.rows[0]?.at);
    await refreshPending(h.db);
    const done = await sql<{ at: string }>`
      SELECT refreshed_at::text AS at FROM reports_state`.execute(h.db);
    expect(done.rows[0]?.at).not.toBe(before.rows[0]?.at);
  });
});
