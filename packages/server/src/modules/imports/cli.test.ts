import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportKind } from '@acompana/core';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLine } from '../../cli/errors.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migratedDataDir } from '../../test/databases.ts';
import { importCommand } from './command.ts';

// `acompana import …` as a person runs it, on a PGlite data dir: its Spanish report and its
// exit code (0 done, 2 invalid rows, 1 any other error). The command runs in this process
// (`importCommand`, what the CLI's action calls, with the line the CLI prints for an error);
// the last test starts the real `acompana` process once, for the exit code only it shows.

const BIN = fileURLToPath(new URL('../../../bin/acompana.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `acompana …` as a child process (slow: tsx and PGlite start each time). */
const spawnCli = (args: string[], env: Record<string, string>): Promise<Run> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const HEADER = 'COD_MOD;ANEXO;CEN_EDU;NIV_MOD;CODGEO;CODOOII;D_DREUGEL;DAREACENSO';
const GOOD = [
  '0912001;0;IE N° 90001 Ñaña;B0;080101;080001;UGEL Cusco;Urbana',
  '0912002;0;IE Señor de Huanca;F0;080101;080001;UGEL Cusco;Urbana',
  '0912003;0;CETPRO Cusco;L0;080101;080001;UGEL Cusco;Urbana',
];

describe('acompana import (command line)', () => {
  let dir: string;
  let dataDir: string;

  /** `acompana import <kind> <file> [--dry-run] [--skip-invalid]`, in this process. */
  const run = async (...args: string[]): Promise<Run> => {
    const [command, kind, file, ...flags] = args;
    if (command !== 'import' || !kind || !file) throw new Error(`not an import: ${args.join(' ')}`);
    const config = { ...loadConfig({}), dataDir, databaseUrl: null };
    const printed: string[] = [];
    try {
      const code = await importCommand(
        kind as ImportKind,
        file,
        { dryRun: flags.includes('--dry-run'), skipInvalid: flags.includes('--skip-invalid') },
        config,
        (text) => printed.push(`${text}\n`),
      );
      return { code, stdout: printed.join(''), stderr: '' };
    } catch (error) {
      return { code: 1, stdout: printed.join(''), stderr: `${errorLine(error)}\n` };
    }
  };

  const write = async (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'latin1'));
    return file;
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-cli-import-'));
    dataDir = path.join(dir, 'data');
    // A migrated data dir, as after `acompana start`, so each test times only its commands.
    await migratedDataDir(dataDir);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reports invalid rows with their lines and exits with 2, saving nothing', async () => {
    const file = await write('malo.csv', [
      HEADER,
      GOOD[0] ?? '',
      '12A4567;0;IE Mala;B0;080101;080001;;Rural',
    ]);
    const dry = await run('import', 'schools', file, '--dry-run');
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain(
      'Importación de instituciones educativas: malo.csv (CSV, Latin-1 (Windows-1252), separador ";")',
    );
    expect(dry.stdout).toContain(
      '  Línea 3, COD_MOD: el código modular debe tener hasta 7 dígitos (se leyó "12A4567").',
    );
    expect(dry.stdout).toContain('Simulación (--dry-run): no se guardó nada.');

    const real = await run('import', 'schools', file);
    expect(real.code).toBe(2);
    expect(real.stdout).toContain(
      'No se importó nada: corrige las filas inválidas o usa --skip-invalid para importar solo las válidas.',
    );
    const check = await run(
      'import',
      'schools',
      await write('uno.csv', [HEADER, GOOD[0] ?? '']),
      '--dry-run',
    );
    expect(check.stdout).toContain('  creadas: 1');

    const skipping = await run('import', 'schools', file, '--skip-invalid');
    expect(skipping.code).toBe(0);
    expect(skipping.stdout).toContain('  creadas: 1\n');
    expect(skipping.stdout).toContain('  inválidas: 1\n');
    expect(skipping.stdout).toContain('Listo: los cambios se guardaron.');
  });

  it('imports a file, then finds nothing to change when it is imported again', async () => {
    const file = await write('padron.csv', [HEADER, ...GOOD]);
    const dry = await run('import', 'schools', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '  creadas: 1\n  actualizadas: 0\n  sin cambios: 1\n  omitidas: 1\n',
    );

    const first = await run('import', 'schools', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('  creadas: 1\n  actualizadas: 0\n  sin cambios: 1\n');
    expect(first.stdout).toContain('  1 × NIV_MOD L0 (Técnico-Productiva (CETPRO))');

    const again = await run('import', 'schools', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '  creadas: 0\n  actualizadas: 0\n  sin cambios: 2\n  omitidas: 1\n',
    );
  });

  it('exits with 1 naming a missing column or a missing file', async () => {
    const noUgel = await write('sin-ugel.csv', [
      'COD_MOD;ANEXO;CEN_EDU;NIV_MOD;CODGEO',
      '0912009;0;IE X;B0;080101',
    ]);
    const missing = await run('import', 'schools', noUgel);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'error [IMPORT_MISSING_COLUMNS]: Línea 1 (encabezado): falta la columna obligatoria CODOOII.',
    );
    const absent = await run('import', 'teachers', path.join(dir, 'no-existe.csv'));
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('error [IMPORT_UNREADABLE_FILE]: No se encontró el archivo');
  });

  it('says clearly that the data dir is in use while the server holds it', async () => {
    const file = await write('padron2.csv', [HEADER, ...GOOD]);
    const server = await openDatabase({ databaseUrl: null, dataDir });
    try {
      const busy = await run('import', 'schools', file);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('error [DATA_DIR_IN_USE]: La carpeta de datos');
      expect(busy.stderr).toContain('Detén ese proceso y vuelve a intentarlo');
    } finally {
      await server.close();
    }
  });

  // The exit code 1 and the error line of a failed command, as a process: db/lock.slow.test.ts.
  it('exits with 2 for invalid rows, as a shell sees it', async () => {
    const env = { ACOMPANA_DATA_DIR: dataDir, DATABASE_URL: '' };
    const file = await write('malo-proceso.csv', [
      HEADER,
      '12A4567;0;IE Mala;B0;080101;080001;;Rural',
    ]);
    const invalid = await spawnCli(['import', 'schools', file, '--dry-run'], env);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toContain(
      '  Línea 2, COD_MOD: el código modular debe tener hasta 7 dígitos',
    );
    expect(invalid.stdout).toContain('Simulación (--dry-run): no se guardó nada.');
    expect(invalid.stderr).toBe('');
  });
});
