import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@acompana/core';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

// One database layer, two engines with the same SQL: embedded PGlite (a data dir on disk, the
// default) and PostgreSQL (DATABASE_URL). Dates come back as 'YYYY-MM-DD' strings and int8 as
// strings on both, so code and tests see identical values.

const DATE_OID = 1082;
const INT8_OID = 20;
const identity = (value: string) => value;

export interface Database {
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  /** Runs a multi-statement script atomically unless `version` is already recorded. */
  applyMigration(version: number, name: string, script: string): Promise<boolean>;
  /** PGlite only: a tarball of the data dir (tests use it as a template). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PGlite: the data dir's lock was lost (another process may write there now). By default
   *  the process says so and exits at once: two processes acknowledging writes on one data dir
   *  lose one's. */
  onLockLost?: (error: AppError) => void;
  /** PGlite: a line worth telling the operator (a stale lock taken over). */
  log?: (line: string) => void;
  /** PGlite: a `dumpDataDir()` tarball to initialise an empty data dir with (restore). */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const { dataDir } = options;
  await fs.mkdir(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir, {
    onLockLost: options.onLockLost ?? exitOnLockLost,
    log: options.log ?? ((line) => console.log(line)),
  });
  try {
    const { PGlite, extensions } = await loadPglite();
    const pglite = await PGlite.create(path.join(dataDir, 'pg'), {
      parsers: PGLITE_PARSERS,
      postgresqlconf: PGLITE_CONF,
      extensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    return pgliteDatabase(pglite, release);
  } catch (error) {
    await release();
    throw error;
  }
}

const PGLITE_PARSERS = { [DATE_OID]: identity, [INT8_OID]: identity };

/** PGlite's module, loaded only when PGlite is used: a server on PostgreSQL does not pay its
 *  ~28 MB of resident memory (docs/BUDGETS.md, bench:sync RSS). */
async function loadPglite() {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  // Trigram indexes of the accent-insensitive search (migration 0011); PostgreSQL ships it in
  // contrib.
  return { PGlite, extensions: { pg_trgm } };
}
// PGlite's memory is the server process's: its default shared_buffers (128 MB) alone pushes the
// server past its 300 MB RSS budget. The embedded engine serves one UGEL at most and reads
// its data dir through the OS page cache, which is not the process's (16 MB: bench:reports on
// PGlite kept its p95; docs/SCALE.md). Index builds (migrations) get 16 MB of sort memory.
const PGLITE_CONF = 'shared_buffers=16MB\nwal_buffers=1MB\nmaintenance_work_mem=16MB';

/** An in-memory PGlite, optionally loaded from a `dumpDataDir()` tarball (used by tests). */
export async function openPgliteInMemory(dump?: Blob): Promise<Database> {
  const { PGlite, extensions } = await loadPglite();
  const pglite = await PGlite.create({
    parsers: PGLITE_PARSERS,
    postgresqlconf: PGLITE_CONF,
    extensions,
    ...(dump ? { loadDataDir: dump } : {}),
  });
  return pgliteDatabase(pglite, async () => undefined);
}

function pgliteDatabase(pglite: PGlite, release: () => Promise<void>): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    async applyMigration(version, name, script) {
      // The data-dir lock makes this process the only writer, so no advisory lock is needed.
      return pglite.transaction(async (tx) => {
        const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
          version,
        ]);
        if (done.rows.length > 0) return false;
        await tx.exec(script);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          version,
          name,
        ]);
        return true;
      });
    },
    async dump() {
      return pglite.dumpDataDir('none');
    },
    async close() {
      await db.destroy();
      // Kysely closes its driver only if it ran a query: a database opened and closed unused
      // (a data dir initialised from a tarball) would stay open, holding its memory.
      if (!pglite.closed) await pglite.close();
      await release();
    },
  };
}

function exitOnLockLost(error: AppError): void {
  console.error(`error [${error.code}]: ${error.message}`);
  process.exit(1);
}

// The data dir belongs to one process: a lock directory (proper-lockfile, refreshed every 2 s)
// and, beside it, who holds it (pid and host), so that a lock left by a process that no longer
// exists (kill -9, a crash) is told apart from one held by a running server.

const LOCK = 'acompana.lock';
const OWNER = 'acompana.lock.owner';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

async function readOwner(dataDir: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await fs.readFile(path.join(dataDir, OWNER), 'utf8'));
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

function inUse(dataDir: string, owner: LockOwner | null): AppError {
  const who = owner
    ? `; proceso ${owner.pid}${owner.host === os.hostname() ? '' : ` en el equipo ${owner.host}`}, desde ${owner.since}`
    : '';
  return new AppError(
    'DATA_DIR_IN_USE',
    `La carpeta de datos ${dataDir} ya está en uso por otro proceso de Acompaña (por ejemplo, el servidor${who}). Detén ese proceso y vuelve a intentarlo, o usa otra carpeta con ACOMPANA_DATA_DIR.`,
    { dataDir, pid: owner?.pid ?? null },
  );
}

interface LockHooks {
  onLockLost: (error: AppError) => void;
  log: (line: string) => void;
}

async function lockDataDir(dataDir: string, hooks: LockHooks): Promise<() => Promise<void>> {
  const attempt = () =>
    lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, LOCK),
      realpath: false,
      // A lock whose holder stopped refreshing it turns stale after 10 s (another host, or a
      // process we cannot ask about).
      stale: 10_000,
      update: 2_000,
      onCompromised: (error) => {
        hooks.onLockLost(
          new AppError(
            'DATA_DIR_LOCK_LOST',
            `Se perdió el bloqueo de la carpeta de datos ${dataDir} (${error.message}): otro proceso pudo haberla tomado. El servidor se detiene para no perder datos; vuelve a iniciarlo cuando ningún otro proceso use esa carpeta.`,
            { dataDir },
          ),
        );
      },
    });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(dataDir);
    if (!owner || owner.host !== os.hostname() || processExists(owner.pid)) {
      throw inUse(dataDir, owner);
    }
    hooks.log(
      `La carpeta de datos ${dataDir} tenía el bloqueo del proceso ${owner.pid}, que ya no existe (se detuvo sin cerrar); se retoma.`,
    );
    await fs.rm(path.join(dataDir, OWNER), { force: true });
    await fs.rm(path.join(dataDir, LOCK), { recursive: true, force: true });
    try {
      release = await attempt();
    } catch (again) {
      // Another process took it in the meantime.
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw inUse(dataDir, await readOwner(dataDir));
      }
      throw again;
    }
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
  };
  await fs.writeFile(path.join(dataDir, OWNER), JSON.stringify(owner));
  return async () => {
    await fs.rm(path.join(dataDir, OWNER), { force: true });
    await release();
  };
}

/** Marks a statement (its first characters) to be prepared once per PostgreSQL connection. */
export const PREPARED = '/* prepared */';
/** The marker as the first fragment of a `sql` template. */
export const PREPARE_SQL = sql.raw(`${PREPARED} `);
/** Distinct prepared statements a connection keeps at most (each holds its plan in the
 *  server process); past it, marked statements run unprepared. */
const MAX_PREPARED_PER_CONNECTION = 100;

/**
 * A pg client that prepares the statements marked `PREPARED`: the hot statements every sync
 * request runs (the session, a push's claims, facts and writes) are parsed and planned once
 * per connection instead of every time, which cut PostgreSQL's CPU per online push by about a
 * third (docs/SYNC.md, "Benchmark"). Only statements whose every plan is safe are marked (key
 * lookups, `id = ANY($1)`, set-based writes, the pull written over its per-teacher index): a
 * prepared statement may switch to a generic plan that ignores its parameters' values. PostgreSQL
 * keeps planning one while custom plans are cheaper (the facts statement's on a young
 * database, which a generic plan would read with sequential scans). Named statements need a
 * direct connection or a pooler in session mode (docs/DATABASE.md).
 */
class PreparingClient extends pg.Client {
  #prepared = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has many overloads; this forwards them
  override query(...args: any[]): any {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && text.startsWith(PREPARED)) {
      const name = `a${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      if (this.#prepared.has(name) || this.#prepared.size < MAX_PREPARED_PER_CONNECTION) {
        this.#prepared.add(name);
        // biome-ignore lint/suspicious/noExplicitAny: see above
        return (super.query as any)({ name, text, values }, ...args.slice(2));
      }
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    return (super.query as any)(...args);
  }
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    Client: PreparingClient,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID || oid === INT8_OID
          ? identity
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async applyMigration(version, name, script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Several servers may start at once against one PostgreSQL: migrate one at a time.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('acompana_migrations'))");
        const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
          version,
        ]);
        if (done.rowCount && done.rowCount > 0) {
          await client.query('ROLLBACK');
          return false;
        }
        await client.query(script); // simple protocol: multi-statement scripts are allowed
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          version,
          name,
        ]);
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
