import fs from 'node:fs/promises';
import { AppError } from '@acompana/core';
import { sql } from 'kysely';
import { MIGRATIONS_DIR } from '../paths.ts';
import type { Database } from './database.ts';

// Plain numbered SQL files (NNNN_name.sql), each applied in its own transaction and recorded in
// schema_migrations. A database that knows migrations this code does not is refused.

export interface Migration {
  version: number;
  name: string;
  file: URL;
}

export async function listMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match)
      throw new Error(`Nombre de migración inválido: ${file} (se espera NNNN_nombre.sql)`);
    return { version: Number(match[1]), name: match[2] as string, file: new URL(file, dir) };
  });
}

export interface MigrateResult {
  applied: string[];
  current: number;
}

export async function migrate(
  database: Database,
  dir: URL = MIGRATIONS_DIR,
): Promise<MigrateResult> {
  const migrations = await listMigrations(dir);
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(database.db);

  const known = new Set(migrations.map((m) => m.version));
  const recorded = await database.db
    .selectFrom('schema_migrations')
    .select(['version', 'name'])
    .execute();
  const unknown = recorded.filter((r) => !known.has(r.version));
  if (unknown.length > 0) {
    const names = unknown.map((r) => `${String(r.version).padStart(4, '0')}_${r.name}`).join(', ');
    throw new AppError(
      'DB_NEWER_THAN_CODE',
      `La base de datos tiene migraciones que esta versión de Acompaña no conoce (${names}). Actualiza la aplicación antes de usar esta base de datos.`,
      { unknownMigrations: unknown.map((r) => r.version) },
    );
  }

  const done = new Set(recorded.map((r) => r.version));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    const script = await fs.readFile(m.file, 'utf8');
    if (await database.applyMigration(m.version, m.name, script)) {
      applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
    }
  }
  return { applied, current: migrations.at(-1)?.version ?? 0 };
}
