import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppError } from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../test/databases.ts';
import { listMigrations, migrate } from './migrate.ts';

async function migrationsDir(files: Record<string, string>): Promise<URL> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-mig-'));
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return pathToFileURL(`${dir}/`);
}

describe.each(testTargets())('migrations on $engine', (target) => {
  it('applies every migration once, in order, and records it', async () => {
    const database = await target.empty();
    try {
      const all = await listMigrations();
      const first = await migrate(database);
      expect(first.applied).toEqual(
        all.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`),
      );
      const second = await migrate(database);
      expect(second.applied).toEqual([]);
      expect(second.current).toBe(all.at(-1)?.version);
      const rows = await database.db.selectFrom('schema_migrations').select('version').execute();
      expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version));
    } finally {
      await database.close();
    }
  });

  it('refuses a database with migrations newer than the code', async () => {
    // The seeded copy has every migration already (running them all again is the first test).
    const database = await target.open();
    try {
      expect((await migrate(database)).applied).toEqual([]);
      await database.db
        .insertInto('schema_migrations')
        .values({ version: 9999, name: 'from_the_future' })
        .execute();
      const error = await migrate(database).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('DB_NEWER_THAN_CODE');
      expect((error as Error).message).toContain('9999_from_the_future');
    } finally {
      await database.close();
    }
  });

  it('rolls a failing migration back whole', async () => {
    const database = await target.empty();
    try {
      const dir = await migrationsDir({
        '0001_ok.sql': 'CREATE TABLE a (id int);',
        '0002_broken.sql': 'CREATE TABLE b (id int);\nINSERT INTO missing_table VALUES (1);',
      });
      await expect(migrate(database, dir)).rejects.toThrow(/missing_table/);
      const tables = await sql<{
        name: string;
      }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('a', 'b')`.execute(
        database.db,
      );
      expect(tables.rows.map((r) => r.name)).toEqual(['a']);
      const recorded = await database.db
        .selectFrom('schema_migrations')
        .select('version')
        .execute();
      expect(recorded.map((r) => r.version)).toEqual([1]);
    } finally {
      await database.close();
    }
  });
});
