import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPgliteInMemory } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemo } from '../seed/demo.ts';
import { adminQuery, databaseUrl } from './postgres.ts';
import { Tarball } from './tarball.ts';

// Builds the template databases once per test run, so that no test file pays for PGlite's
// initdb (seconds of WebAssembly each time) or for running every migration:
// - three PGlite tarballs (`dumpDataDir`) taken from one database as it grows: `empty`
//   (initdb only, for the migration tests), `migrated` (every migration, no data: on-disk
//   data dirs of the command-line tests) and `seeded` (migrated + the demo data);
// - when TEST_DATABASE_URL is set, a migrated + seeded PostgreSQL template database
//   (CREATE DATABASE … TEMPLATE; PostgreSQL's own empty database needs no template).
// Each test file then gets its own copy, so tests never share state.
// PGlite's initdb (≈ 8 s of CPU) gives the same data dir every time for a given PGlite and
// database.ts, so `empty` is kept between runs in node_modules/.cache, named by a hash of both;
// migrations and the demo data are applied to it afresh on every run.

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: { empty: string; migrated: string; seeded: string };
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-test-'));
  const cached = await cachedEmpty();
  const pglite = await openPgliteInMemory(cached.tar ? new Tarball(cached.tar) : undefined);
  const save = async (name: string, file = path.join(dir, `${name}.tar`)) => {
    const dump = await pglite.dump?.();
    if (!dump) throw new Error('PGlite dump unavailable');
    // Written whole, then renamed: a parallel run never reads half a cached file.
    const partial = `${file}.${process.pid}.partial`;
    await fs.writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(partial, file);
    return file;
  };
  try {
    const empty = cached.tar ? cached.file : await save('empty', cached.file);
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

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The initdb'd tarball of an earlier run, if one was made by this PGlite and database.ts. */
async function cachedEmpty(): Promise<{ file: string; tar: Uint8Array | null }> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = await fs.readFile(path.join(path.dirname(entry), '..', 'package.json'));
  const key = createHash('sha256')
    .update(JSON.parse(manifest.toString()).version)
    .update(await fs.readFile(fileURLToPath(new URL('../db/database.ts', import.meta.url))))
    .digest('hex')
    .slice(0, 16);
  const cache = path.join(ROOT, 'node_modules', '.cache', 'acompana-test');
  await fs.mkdir(cache, { recursive: true });
  const file = path.join(cache, `pglite-empty-${key}.tar`);
  const tar = await fs.readFile(file).catch(() => null);
  return { file, tar };
}
