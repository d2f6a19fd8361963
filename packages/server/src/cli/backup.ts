import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { AppError } from '@acompana/core';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../db/database.ts';

// `acompana backup FILE` / `acompana restore FILE [--force]` (issue 14). PGlite: a gzipped
// tarball of the data dir (PGlite's dumpDataDir / loadDataDir), taken under the data dir's
// lock. PostgreSQL: pg_dump's custom format, restored by pg_restore in one transaction. A
// restore into a database that holds data (people or schools) refuses unless --force; on
// PGlite the replaced data dir is kept beside it, so nothing is lost either way.

export interface Target {
  databaseUrl: string | null;
  dataDir: string;
}

const PG_DUMP_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', (e) =>
      reject(
        new AppError(
          'INTERNAL',
          `No se pudo ejecutar ${command} (${e.message}). Instala el cliente de PostgreSQL 15 (postgresql-client-15).`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new AppError('INTERNAL', `${command} terminó con error: ${stderr.trim().slice(0, 500)}`),
        );
    });
  });
}

/** People or schools: a database someone has started using. */
async function holdsData(database: Database): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`SELECT to_regclass('public.person') IS NOT NULL
      AND to_regclass('public.school') IS NOT NULL AS ok`.execute(database.db);
  if (!rows[0]?.ok) return false;
  const data = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM person)
      OR EXISTS (SELECT 1 FROM school) AS any`.execute(database.db);
  return data.rows[0]?.any === true;
}

const sizeText = async (file: string) => {
  const { size } = await fs.stat(file);
  return size >= 1_048_576 ? `${(size / 1_048_576).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;
};

export async function backup(target: Target, file: string): Promise<string[]> {
  const out = path.resolve(file);
  const partial = `${out}.partial`;
  try {
    if (target.databaseUrl) {
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--file',
        partial,
        '--dbname',
        target.databaseUrl,
      ]);
    } else {
      const database = await openDatabase({ databaseUrl: null, dataDir: target.dataDir });
      try {
        const tar = await (database.dump as () => Promise<Blob>)();
        await fs.writeFile(partial, await promisify(gzip)(Buffer.from(await tar.arrayBuffer())));
      } finally {
        await database.close();
      }
    }
    await fs.rename(partial, out); // a half-written backup never carries the final name
  } finally {
    await fs.rm(partial, { force: true });
  }
  return [
    `Copia de seguridad guardada en ${out} (${await sizeText(out)}, ${target.databaseUrl ? 'PostgreSQL, formato pg_dump' : 'PGlite'}).`,
  ];
}

async function engineOf(file: string): Promise<'pglite' | 'postgres'> {
  let head: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    try {
      head = Buffer.alloc(5);
      await handle.read(head, 0, 5, 0);
    } finally {
      await handle.close();
    }
  } catch {
    throw new AppError('BACKUP_UNREADABLE', `No se pudo leer el archivo ${file}.`);
  }
  if (head.subarray(0, 5).equals(PG_DUMP_MAGIC)) return 'postgres';
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'pglite';
  throw new AppError('BACKUP_UNREADABLE');
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');

export async function restore(target: Target, file: string, force: boolean): Promise<string[]> {
  const engine = await engineOf(file);
  if ((engine === 'postgres') !== Boolean(target.databaseUrl)) {
    throw new AppError('BACKUP_WRONG_ENGINE');
  }
  if (target.databaseUrl) {
    const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: '' });
    let full: boolean;
    try {
      full = await holdsData(database);
    } finally {
      await database.close();
    }
    if (full && !force) throw new AppError('RESTORE_TARGET_NOT_EMPTY');
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      target.databaseUrl,
      file,
    ]);
    return [
      `Copia restaurada en la base de datos PostgreSQL${full ? ' (se reemplazaron sus datos)' : ''}.`,
    ];
  }
  return restorePglite(target.dataDir, file, force);
}

async function restorePglite(dataDir: string, file: string, force: boolean): Promise<string[]> {
  const pgDir = path.join(dataDir, 'pg');
  const exists = await fs.stat(pgDir).then(
    () => true,
    () => false,
  );
  let kept: string | null = null;
  if (exists) {
    // Opening takes the data dir's lock: a running server makes this stop here (DATA_DIR_IN_USE).
    const current = await openDatabase({ databaseUrl: null, dataDir });
    let full: boolean;
    try {
      full = await holdsData(current);
    } finally {
      await current.close();
    }
    if (full && !force) throw new AppError('RESTORE_TARGET_NOT_EMPTY');
    kept = `${pgDir}.antes-de-restaurar-${stamp()}`;
    await fs.rename(pgDir, kept);
  }
  const tar = await promisify(gunzip)(await fs.readFile(file)).catch(() => {
    throw new AppError('BACKUP_UNREADABLE');
  });
  try {
    const restored = await openDatabase({
      databaseUrl: null,
      dataDir,
      loadDataDir: new Blob([tar]),
    });
    try {
      await sql`SELECT count(*) FROM schema_migrations`.execute(restored.db);
    } finally {
      await restored.close();
    }
  } catch (error) {
    // Put the previous data dir back: a failed restore leaves things as they were.
    await fs.rm(pgDir, { recursive: true, force: true });
    if (kept) await fs.rename(kept, pgDir);
    throw error instanceof AppError ? error : new AppError('BACKUP_UNREADABLE');
  }
  return [
    `Copia restaurada en ${dataDir}.`,
    ...(kept ? [`La carpeta de datos anterior se conservó en ${kept}.`] : []),
  ];
}
