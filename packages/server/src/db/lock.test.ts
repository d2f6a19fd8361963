import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppError } from '@acompana/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';

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
  });

  it('makes the CLI say so and exit non-zero', async () => {
    const { code, out } = await cli(['migrate'], { ACOMPANA_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(out).toContain('error [DATA_DIR_IN_USE]');
    expect(out).toContain(dataDir);
  });

  it('is free again once the holder closes', async () => {
    await first.close();
    first = await openDatabase({ databaseUrl: null, dataDir });
    expect(first.engine).toBe('pglite');
  });
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
