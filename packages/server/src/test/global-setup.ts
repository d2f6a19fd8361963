import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPgliteInMemory } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemo } from '../seed/demo.ts';
import { adminQuery, databaseUrl } from './postgres.ts';

// Builds the migrated + seeded template databases once per test run: a PGlite tarball and,
// when TEST_DATABASE_URL is set, a PostgreSQL template database. Each test file then gets
// its own copy, so tests never share state and initdb runs only once.

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-test-'));
  const pglite = await openPgliteInMemory();
  await migrate(pglite);
  await seedDemo(pglite.db);
  const dump = await pglite.dump?.();
  await pglite.close();
  if (!dump) throw new Error('PGlite dump unavailable');
  const templateFile = path.join(dir, 'template.tar');
  await fs.writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', templateFile);

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
