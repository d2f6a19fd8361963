import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppError } from '@acompana/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

const BIN = fileURLToPath(new URL('../../bin/acompana.mjs', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

// A PGlite data dir belongs to one process at a time; a second one is told so plainly.
describe('PGlite data dir', () => {
  let dataDir: string;
  let first: Database;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-lock-'));
    first = await openDatabase({ databaseUrl: null, dataDir });
  });
  afterAll(async () => {
    await first.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second opener with DATA_DIR_IN_USE', async () => {
    const error = await openDatabase({ databaseUrl: null, dataDir }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('DATA_DIR_IN_USE');
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toMatch(/ya está en uso por otro proceso/);
    // The holder is alive (this very process): named, not guessed.
    expect(isAppError(error) && error.details?.pid).toBe(process.pid);
    expect((error as Error).message).toContain(`; proceso ${process.pid}, desde `);
  });

  it('makes the CLI say so and exit non-zero', async () => {
    const { code, out } = await cli(['migrate'], { ACOMPANA_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(out).toContain('error [DATA_DIR_IN_USE]');
    expect(out).toContain(dataDir);
    expect(out).toContain(`; proceso ${process.pid}, desde `);
  });

  it('is free again once the holder closes', async () => {
    await first.close();
    first = await openDatabase({ databaseUrl: null, dataDir });
    expect(first.engine).toBe('pglite');
  });
});

/** `acompana start` on a data dir, resolved once it serves. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'start', '--no-seed', '--port', '0'], {
    env: { ...process.env, ACOMPANA_DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1' },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('está lista en')) resolve({ child, output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function exitOf(child: ChildProcess, ms: number): Promise<number | string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

// Losing the lock stops the server at once; a lock left by a killed process is told apart from
// one held by a live process, without waiting for it to go stale.
describe('PGlite lock held by a server', () => {
  let dataDir: string;
  let running: ChildProcess | undefined;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-lock-srv-'));
    const database = await openDatabase({ databaseUrl: null, dataDir });
    await migrate(database);
    await database.close();
  });
  afterAll(async () => {
    running?.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('exits at once, saying why, when the lock is lost', async () => {
    const server = await startServer(dataDir);
    running = server.child;
    // Someone removes the lock (or another process takes the dir over).
    await fs.rm(path.join(dataDir, 'acompana.lock'), { recursive: true, force: true });
    expect(await exitOf(server.child, 15_000)).toBe(1);
    expect(server.output()).toContain('error [DATA_DIR_LOCK_LOST]: Se perdió el bloqueo');
  }, 180_000);

  it('takes over the lock of a process killed with -9, and says so', async () => {
    const server = await startServer(dataDir);
    running = server.child;
    const pid = server.child.pid;
    server.child.kill('SIGKILL');
    await exitOf(server.child, 15_000);
    // As fresh as a lock can be: the restart comes within the 10 s staleness threshold.
    const now = new Date();
    await fs.utimes(path.join(dataDir, 'acompana.lock'), now, now);
    const lines: string[] = [];
    const database = await openDatabase({
      databaseUrl: null,
      dataDir,
      log: (line) => lines.push(line),
    });
    try {
      expect(lines).toEqual([
        `La carpeta de datos ${dataDir} tenía el bloqueo del proceso ${pid}, que ya no existe (se detuvo sin cerrar); se retoma.`,
      ]);
      expect((await migrate(database)).applied).toEqual([]);
    } finally {
      await database.close();
    }
  }, 180_000);
});

describe('acompana CLI', () => {
  it('explains itself in Spanish', async () => {
    const { code, out } = await cli(['--help'], {});
    expect(code).toBe(0);
    expect(out).toContain('Uso: acompana <comando> [opciones]');
    for (const command of ['start', 'migrate', 'seed']) expect(out).toContain(command);
    expect(out).not.toMatch(/Usage:|Options:|display help/);
  });

  it('rejects an unknown command in Spanish', async () => {
    const { code, out } = await cli(['fly'], {});
    expect(code).toBe(1);
    expect(out).toContain('comando desconocido: fly');
  });

  it('never seeds demo accounts in production without --demo', async () => {
    const { code, out } = await cli(['seed', 'demo'], {
      NODE_ENV: 'production',
      ACOMPANA_DATA_DIR: '/nonexistent',
    });
    expect(code).toBe(1);
    expect(out).toMatch(/no se cargan salvo que pases --demo/);
  });
});
