import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { adminQuery, databaseUrl } from '../test/postgres.ts';
import { backup, restore, type Target } from './backup.ts';
import { errorLine } from './errors.ts';

// `acompana backup` / `restore` in this process: every backup is verified by restoring it and
// reading back what was saved; a restore into a database with data refuses unless --force.

async function addPerson(target: Target, dni: string): Promise<void> {
  const database = await openDatabase(target);
  try {
    await migrate(database);
    await database.db
      .insertInto('person')
      .values({ dni, given_names: 'Copia', paternal_surname: 'Segura' })
      .execute();
  } finally {
    await database.close();
  }
}

async function dnis(target: Target): Promise<string[]> {
  const database = await openDatabase(target);
  try {
    const rows = await database.db.selectFrom('person').select('dni').orderBy('dni').execute();
    return rows.map((r) => r.dni);
  } finally {
    await database.close();
  }
}

const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (e) {
    return errorLine(e);
  }
  throw new Error('expected a refusal');
};

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-backup-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('backup and restore on PGlite', () => {
  it('restores a backup into an empty data dir, and over data only with --force', async () => {
    const source: Target = { databaseUrl: null, dataDir: path.join(dir, 'source') };
    const copy: Target = { databaseUrl: null, dataDir: path.join(dir, 'copy') };
    await addPerson(source, '11112222');
    const file = path.join(dir, 'copia.tar.gz');
    const [line] = await backup(source, file);
    expect(line).toMatch(
      /^Copia de seguridad guardada en .*copia\.tar\.gz \(\d+(\.\d)? [KM]B, PGlite\)\.$/,
    );

    await restore(copy, file, false);
    expect(await dnis(copy)).toEqual(['11112222']);

    await addPerson(copy, '33334444');
    expect(await failure(restore(copy, file, false))).toMatch(
      /^error \[RESTORE_TARGET_NOT_EMPTY\]/,
    );
    expect(await dnis(copy)).toEqual(['11112222', '33334444']); // untouched
    const lines = await restore(copy, file, true);
    expect(lines[1]).toMatch(
      /^La carpeta de datos anterior se conservó en .*pg\.antes-de-restaurar-/,
    );
    expect(await dnis(copy)).toEqual(['11112222']);
    // The replaced data dir is kept and still opens with its data.
    const kept = (await fs.readdir(copy.dataDir)).filter((f) => f.startsWith('pg.antes-'));
    expect(kept).toHaveLength(1);

    await fs.writeFile(path.join(dir, 'basura.bin'), 'no es una copia');
    expect(await failure(restore(copy, path.join(dir, 'basura.bin'), true))).toMatch(
      /^error \[BACKUP_UNREADABLE\]/,
    );
    expect(await dnis(copy)).toEqual(['11112222']);
  }, 240_000); // on-disk PGlite opened several times: slow on a busy machine
});

const adminUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!adminUrl)('backup and restore on PostgreSQL (pg_dump/pg_restore)', () => {
  const names = [1, 2].map(() => `acompana_bk_${randomUUID().replaceAll('-', '').slice(0, 12)}`);
  // A skipped describe still runs its body when collected: no URL is built without a server.
  const targets = names.map((n) => ({
    databaseUrl: adminUrl ? databaseUrl(adminUrl, n) : '',
    dataDir: '',
  }));
  beforeAll(async () => {
    for (const n of names) await adminQuery(adminUrl as string, `CREATE DATABASE ${n}`);
  });
  afterAll(async () => {
    for (const n of names) await adminQuery(adminUrl as string, `DROP DATABASE IF EXISTS ${n}`);
  });

  it('restores a pg_dump backup; over data only with --force; refuses a PGlite copy', async () => {
    const [source, copy] = targets as [Target, Target];
    await addPerson(source, '55556666');
    const file = path.join(dir, 'copia.dump');
    expect((await backup(source, file))[0]).toMatch(/PostgreSQL, formato pg_dump\)\.$/);
    await restore(copy, file, false);
    expect(await dnis(copy)).toEqual(['55556666']);

    await addPerson(copy, '77778888');
    expect(await failure(restore(copy, file, false))).toMatch(
      /^error \[RESTORE_TARGET_NOT_EMPTY\]/,
    );
    expect(await dnis(copy)).toEqual(['55556666', '77778888']);
    await restore(copy, file, true);
    expect(await dnis(copy)).toEqual(['55556666']);

    const pgliteCopy = path.join(dir, 'copia.tar.gz');
    await fs.writeFile(pgliteCopy, Buffer.from([0x1f, 0x8b, 0, 0, 0]));
    expect(await failure(restore(copy, pgliteCopy, true))).toMatch(
      /^error \[BACKUP_WRONG_ENGINE\]/,
    );
  }, 120_000);
});
