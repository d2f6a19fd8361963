import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { inject } from 'vitest';
import { type Database, openDatabase, openPgliteInMemory } from '../db/database.ts';
import { adminQuery, databaseUrl } from './postgres.ts';

// The engines every integration test runs on: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each `open()` gives a private copy of the seeded template;
// `empty()` gives a database with nothing in it (for migration tests).

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

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [
    {
      engine: 'pglite',
      async open() {
        const tar = await fs.readFile(inject('pgliteTemplate'));
        return openPgliteInMemory(new Blob([tar]));
      },
      empty: () => openPgliteInMemory(),
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
