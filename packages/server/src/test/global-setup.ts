import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPgliteInMemory } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemo } from '../seed/demo.ts';
import { adminQuery, databaseUrl } from './postgres.ts';

// Builds the template databases once per test run, so that no test file pays for PGlite's
// initdb (seconds of WebAssembly each time) or for running every migration:
// - three PGlite tarballs (`dumpDataDir`) taken from one database as it grows: `empty`
//   (initdb only, for the migration tests), `migrated` (every migration, no data: on-disk
//   data dirs of the command-line tests) and `seeded` (migrated + the demo data);
// - when TEST_DATABASE_URL is set, a migrated + seeded PostgreSQL template database
//   (CREATE DATABASE … TEMPLATE; PostgreSQL's own empty database needs no template).
// Each test file then gets its own copy, so tests never share state.

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: { empty: string; migrated: string; seeded: string };
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-test-'));
  const pglite = await openPgliteInMemory();
  const save = async (name: string) => {
    const dump = await pglite.dump?.();
    if (!dump) throw new Error('PGlite dump unavailable');
    const file = path.join(dir, `${name}.tar`);
    await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  };
  try {
    const empty = await save('empty');
    await migrate(pglite);
    const migrated = await save('migrated');
    await seedDemo(pglite.db);
    const seeded = await save('seeded');
    project.provide('pgliteTemplates', { empty, migrated, seeded });
  } finally {
    await pglite.close();
  }

  const adminUrl = process.env.TEST_DATABASE_URL;
  let pgTemplate: string | null = null;
  if (adminUrl) {
    pgTemplate = `acompana_tpl_${process.pid}`;
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pgTemplate}`);
    await adminQuery(adminUrl, `CREATE DATABASE ${pgTemplate}`);
    const pg = await openDatabase({ databaseUrl: databaseUrl(adminUrl, pgTemplate), dataDir: '' });
    await migrate(pg);
    await seedDemo(pg.db);
    await pg.close();
  }
  project.provide('pgTemplate', pgTemplate);

  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
    if (adminUrl && pgTemplate) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pgTemplate}`);
  };
}
