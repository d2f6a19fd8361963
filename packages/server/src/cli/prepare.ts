import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@acompana/core';
import type { Config } from '../config.ts';
import { BIN_URL } from '../paths.ts';

// `acompana start` on a new embedded database: PGlite is created, migrated and given the demo
// in a child process, and the server then opens the prepared data dir. PGlite's WebAssembly
// memory only grows, and creating the database (initdb) and loading the demo left the serving
// process ~800 MB resident where serving needs ~350 (docs/BUDGETS.md, "Start"); reopening in
// the same process kept ~430 MB that the allocator never returned.

const BIN = fileURLToPath(BIN_URL);

/** Whether this start creates the embedded database (PGlite, a data dir without one). */
export function createsEmbeddedDatabase(config: Config): boolean {
  return !config.databaseUrl && !existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'));
}

/** Creates and migrates the embedded database in a child process, loading the demo when
 *  `demo` (the `seed demo` command; else `migrate`). Its messages go to our output. */
export async function prepareEmbeddedDatabase(
  config: Config,
  demo: { load: boolean; inProduction: boolean },
): Promise<void> {
  const args = demo.load ? ['seed', 'demo', ...(demo.inProduction ? ['--demo'] : [])] : ['migrate'];
  // The launch flag this process got (docs/ARCHITECTURE.md, "Launch flags"): the child brings
  // PGlite up too, and its worker threads would keep their arenas just the same.
  const flags = process.execArgv.filter((a) => a.startsWith('--v8-pool-size'));
  const child = spawn(process.execPath, [...flags, BIN, ...args], {
    env: { ...process.env, ACOMPANA_DATA_DIR: config.dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    throw new AppError(
      'INTERNAL',
      `No se pudo crear la base de datos en ${config.dataDir} (el proceso que la prepara terminó con el código ${code}). Revisa el mensaje anterior.`,
    );
  }
}
