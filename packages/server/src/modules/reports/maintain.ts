import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  addContributions,
  rebuildCells,
  refreshComplex,
  takeContributions,
  unitOf,
} from './cells.ts';
import { analyzeChanged } from './statistics.ts';
import {
  deleteOld,
  INSERT_ROWS,
  type ReadModel,
  type RefreshKeys,
  SOURCES,
} from './teacher-rows.ts';

// Maintenance of the monitoring read models (docs/REPORTS.md): the refresher, the full rebuild,
// one maintainer at a time, and their state. The rows themselves: teacher-rows.ts.

type Db = Kysely<DB>;

const LOCK = sql`hashtextextended('report_read_models', 0)`;

/**
 * One maintainer of the read models at a time (the refresher, caseload changes, the rebuild):
 * each takes its teachers' contribution off the cells and adds the new one, which two must not
 * interleave. A transaction that will maintain them takes this lock FIRST, before any other lock
 * (a caseload row, reports_state, the tables), so no two of them can wait on each other in a
 * cycle. Re-entrant within the transaction.
 */
export async function lockReadModels(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${LOCK})`.execute(db);
}

/** A transaction that maintains the read models (caseload writes): the lock comes first. */
export function readModelTransaction<T>(
  db: Db,
  fn: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await lockReadModels(tx);
    return fn(tx);
  });
}

/** Recomputes the read models of `keys` (null: all of them) in the caller's transaction. */
export async function refreshReadModels(db: Db, keys: RefreshKeys | null): Promise<void> {
  if (keys && (keys.teacherIds.length === 0 || keys.years.length === 0)) return;
  if (keys?.tables?.length === 0) return;
  // Each statement below takes a fresh snapshot after the lock (READ COMMITTED).
  await lockReadModels(db);
  // A refresh's statements read its teachers' rows only, yet their cost estimates (window
  // functions, 12 months per cell) pass PostgreSQL's JIT threshold: compiling took 160 of a
  // statement's 570 ms. And no parallel workers: a refresh is background work with a minute of
  // lag allowed, and with them a large one took every core from the requests it ran beside
  // (bench:load's reconnect p99 0.45 s alone, 2.3 s beside it). The full rebuild keeps both.
  if (keys) {
    await sql`SELECT set_config('jit', 'off', true),
                     set_config('max_parallel_workers_per_gather', '0', true)`.execute(db);
  }
  // The cells lose these teachers' contribution now and get the new one at the end — once they
  // exist: a database that came to migration 0020 with read models has them built by the
  // refresher's first run (refreshPending), not by adding differences to nothing.
  const built = await cellsBuilt(db);
  const unit = keys && built ? unitOf(keys) : null;
  if (unit) await takeContributions(db, unit);
  const tables = keys?.tables ?? (Object.keys(SOURCES) as ReadModel[]);
  // Rows each table gains (inserted less deleted): what its statistics have not seen.
  const added = new Map<string, number>();
  const count = (table: string, r: { numAffectedRows?: bigint }, sign: 1 | -1) =>
    added.set(table, (added.get(table) ?? 0) + sign * Number(r.numAffectedRows ?? 0));
  for (const table of tables) count(table, await deleteOld(table, keys).execute(db), -1);
  for (const table of tables) count(table, await INSERT_ROWS[table](keys).execute(db), 1);
  // What follows reads the rows just written (statistics.ts).
  await analyzeChanged(db, added);
  await refreshComplex(db, keys);
  if (unit) await addContributions(db, unit);
  else if (!keys) await buildCells(db);
  await newVersion(db);
}

async function cellsBuilt(db: Db): Promise<boolean> {
  const { rows } = await sql<{ built: boolean }>`
    SELECT cells_built AS built FROM reports_state WHERE id = 1`.execute(db);
  return rows[0]?.built ?? false;
}

async function buildCells(db: Db): Promise<void> {
  await rebuildCells(db);
  await sql`UPDATE reports_state SET cells_built = true WHERE id = 1`.execute(db);
}

/**
 * The refresher (docs/REPORTS.md): applies every change_log row of the transactions that finished
 * since the last run — those older than the snapshot's xmin, so a transaction that commits late
 * is never skipped — recomputing the (teacher, school year) keys they name. Runs every few
 * seconds in the server; the sync push itself does no read-model work.
 */
export async function refreshPending(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // Busy (a caseload import, the rebuild): this tick is skipped, not queued on a connection.
    const { rows: lock } = await sql<{ ok: boolean }>`
      SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`.execute(tx);
    if (!lock[0]?.ok) return;
    if (!(await cellsBuilt(tx))) {
      await refreshComplex(tx, null);
      await buildCells(tx);
      await newVersion(tx);
    }
    const { rows } = await sql<{ done: string; xmin: string }>`
      SELECT done_xmin::text AS done, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
        FROM reports_state WHERE id = 1 FOR UPDATE`.execute(tx);
    const state = rows[0];
    if (!state || state.done === state.xmin) return;
    const keys = await sql<{
      teacher_ids: string[] | null;
      years: number[] | null;
      kinds: string[] | null;
    }>`
      SELECT array_agg(DISTINCT teacher_id) AS teacher_ids, array_agg(DISTINCT school_year::int) AS years,
             array_agg(DISTINCT kind) AS kinds
        FROM change_log WHERE txid >= ${state.done}::xid8 AND txid < ${state.xmin}::xid8`.execute(
      tx,
    );
    const k = keys.rows[0];
    const kinds = k?.kinds ?? [];
    const tables = (Object.keys(SOURCES) as ReadModel[]).filter((t) =>
      SOURCES[t].some((kind) => kinds.includes(kind)),
    );
    await refreshReadModels(tx, {
      teacherIds: k?.teacher_ids ?? [],
      years: k?.years ?? [],
      tables,
    });
    await sql`UPDATE reports_state SET done_xmin = ${state.xmin}::xid8, refreshed_at = now()
               WHERE id = 1`.execute(tx);
  });
}

/** The full rebuild: everything, in one transaction (pushes wait for it, then refresh). */
export async function rebuildReadModels(db: Db): Promise<{ teacherMonths: number }> {
  return db.transaction().execute(async (tx) => {
    await lockReadModels(tx);
    await sql`LOCK TABLE report_teacher_month, report_teacher_level, report_teacher_stage,
                report_complex, report_cell, report_progress_cell, report_stage_cell,
                report_level_cell IN EXCLUSIVE MODE`.execute(tx);
    const { rows: snap } = await sql<{ xmin: string }>`
      SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(tx);
    await refreshReadModels(tx, null);
    // Transactions still running now are applied by the refresher afterwards.
    await sql`UPDATE reports_state SET refreshed_at = now(), done_xmin = ${snap[0]?.xmin}::xid8
               WHERE id = 1`.execute(tx);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM report_teacher_month`.execute(tx);
    return { teacherMonths: Number(rows[0]?.n ?? 0) };
  });
}

export interface ReadModelsState {
  asOf: string;
  complex: boolean;
  /** Counted up by every change to the read models (kept answers are valid while it holds). */
  version: string;
}

/** The state's columns (`at`, `version`, `complex`) as one row: a report request reads them
 *  beside its scope's lookup (scope.ts), one statement fewer per request. */
export function readModelsStateSql(year: number) {
  return sql<StateRow>`
    SELECT to_jsonb(refreshed_at) #>> '{}' AS at, version::text AS version,
           EXISTS (SELECT 1 FROM report_complex WHERE school_year = ${year}) AS complex
      FROM reports_state WHERE id = 1`;
}

export interface StateRow {
  at: string | null;
  version: string | null;
  complex: boolean | null;
}

/** A state row (or none: a database whose read models were never built) as the reports use it. */
export function readModelsStateOf(row: StateRow | undefined): ReadModelsState {
  return {
    asOf: new Date(row?.at ?? Date.now()).toISOString(),
    complex: row?.complex ?? true,
    version: row?.version ?? '',
  };
}

/** When the read models last caught up (the reports' `asOf`), their version, and whether any
 *  teacher of `year` is left out of the cells (then the reports also read those teachers one by
 *  one). */
export async function readModelsState(db: Db, year: number): Promise<ReadModelsState> {
  const { rows } = await readModelsStateSql(year).execute(db);
  return readModelsStateOf(rows[0]);
}

/** Counts a change to the read models, in its transaction (the lock is held). */
async function newVersion(db: Db): Promise<void> {
  await sql`UPDATE reports_state SET version = version + 1 WHERE id = 1`.execute(db);
}
