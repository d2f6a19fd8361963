import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { inject } from 'vitest';
import { type Database, openDatabase, openPgliteInMemory } from '../db/database.ts';
import { adminQuery, databaseUrl } from './postgres.ts';
import { Tarball } from './tarball.ts';

// The engines every integration test runs on: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each `open()` gives a private copy of the seeded template;
// `empty()` gives a database with nothing in it (for migration tests). PGlite copies are
// loaded from the tarballs global-setup.ts made, never initdb'd again.

export interface TestTarget {
  engine: 'pglite' | 'postgres';
  open(): Promise<Database>;
  empty(): Promise<Database>;
}

function withDrop(database: Database, adminUrl: string, name: string): Database {
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

async function freshPostgres(adminUrl: string, template: string | null): Promise<Database> {
  const name = `acompana_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(adminUrl, name), dataDir: '' });
  return withDrop(database, adminUrl, name);
}

/** One of the PGlite templates of this run, to load with `loadDataDir`. */
export async function pgliteTemplate(name: 'empty' | 'migrated' | 'seeded'): Promise<Blob> {
  return new Tarball(await fs.readFile(inject('pgliteTemplates')[name]));
}

/**
 * An on-disk PGlite data dir as `acompana start` leaves it (every migration applied, no data),
 * for the command-line tests: copied from the migrated template rather than initdb'd and
 * migrated on disk, which takes most of a minute on a busy machine.
 */
export async function migratedDataDir(dataDir: string): Promise<void> {
  const database = await openDatabase({
    databaseUrl: null,
    dataDir,
    loadDataDir: await pgliteTemplate('migrated'),
  });
  await database.close();
}

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [
    {
      engine: 'pglite',
      open: async () => openPgliteInMemory(await pgliteTemplate('seeded')),
      empty: async () => openPgliteInMemory(await pgliteTemplate('empty')),
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (adminUrl && template) {
    targets.push({
      engine: 'postgres',
      open: () => freshPostgres(adminUrl, template),
      empty: () => freshPostgres(adminUrl, null),
    });
  }
  return targets;
}
