import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@acompana/core';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
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
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  await fs.mkdir(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(path.join(dataDir, 'pg'), {
      parsers: PGLITE_PARSERS,
      postgresqlconf: PGLITE_CONF,
      extensions: PGLITE_EXTENSIONS,
    });
    return pgliteDatabase(pglite, release);
  } catch (error) {
    await release();
    throw error;
  }
}

const PGLITE_PARSERS = { [DATE_OID]: identity, [INT8_OID]: identity };
// Trigram indexes of the accent-insensitive search (migration 0011); PostgreSQL ships it in contrib.
const PGLITE_EXTENSIONS = { pg_trgm };
// PGlite's default shared_buffers (128 MB) alone pushes the server past its 300 MB RSS budget;
// the embedded engine serves one UGEL at most, and the OS page cache does the rest.
const PGLITE_CONF = 'shared_buffers=32MB';

/** An in-memory PGlite, optionally loaded from a `dumpDataDir()` tarball (used by tests). */
export async function openPgliteInMemory(dump?: Blob): Promise<Database> {
  const pglite = await PGlite.create({
    parsers: PGLITE_PARSERS,
    postgresqlconf: PGLITE_CONF,
    extensions: PGLITE_EXTENSIONS,
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
      await release();
    },
  };
}

async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'acompana.lock'),
      realpath: false,
      // A crashed process leaves a lock that turns stale after 10 s.
      stale: 10_000,
      update: 2_000,
      onCompromised: (error) => {
        console.error(`[acompana] Se perdió el bloqueo de la carpeta de datos: ${error.message}`);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError(
        'DATA_DIR_IN_USE',
        `La carpeta de datos ${dataDir} ya está en uso por otro proceso de Acompaña (por ejemplo, el servidor). Detén ese proceso y vuelve a intentarlo, o usa otra carpeta con ACOMPANA_DATA_DIR.`,
        { dataDir },
      );
    }
    throw error;
  }
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
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
