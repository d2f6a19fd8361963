import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '@acompana/core';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { hasDemoData } from '../seed/demo.ts';
import { createsEmbeddedDatabase, prepareEmbeddedDatabase } from './prepare.ts';

// `acompana start` on a new PGlite data dir creates, migrates and seeds it in a child process
// (the serving process then starts from a small heap: bench:start measures its memory).

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-prepare-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

describe('preparing a new embedded database', () => {
  it('creates, migrates and loads the demo in a child; the data dir is then not new', async () => {
    const config = { ...loadConfig({}), databaseUrl: null, dataDir: await tempDir() };
    expect(createsEmbeddedDatabase(config)).toBe(true);
    await prepareEmbeddedDatabase(config, { load: true, inProduction: false });
    expect(createsEmbeddedDatabase(config)).toBe(false);
    const database = await openDatabase(config);
    try {
      expect(await hasDemoData(database.db)).toBe(true);
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM schema_migrations`.execute(database.db);
      expect(rows[0]?.n).toBeGreaterThan(10);
    } finally {
      await database.close();
    }
  });

  it('says in Spanish when the child cannot create it', async () => {
    const file = path.join(await tempDir(), 'no-es-carpeta');
    await fs.writeFile(file, 'x');
    const config = { ...loadConfig({}), databaseUrl: null, dataDir: file };
    const error = await prepareEmbeddedDatabase(config, { load: false, inProduction: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(error) && error.code).toBe('INTERNAL');
    expect((error as Error).message).toMatch(
      /^No se pudo crear la base de datos en .*no-es-carpeta/,
    );
  });

  it('is not used on PostgreSQL', () => {
    const config = { ...loadConfig({}), databaseUrl: 'postgres://x@127.0.0.1/y', dataDir: '' };
    expect(createsEmbeddedDatabase(config)).toBe(false);
  });
});
