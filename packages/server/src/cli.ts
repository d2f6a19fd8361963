// Zod's messages in Spanish, in the bundle too (core/src/zod-locale.ts).
import '@acompana/core/zod-locale';
import { AppError, IMPORT_KINDS, type ImportKind, isAppError, ROLES } from '@acompana/core';
import { Command, InvalidArgumentError } from 'commander';
import { backup, restore } from './cli/backup.ts';
import { caseloadsExport, caseloadsImport, yearOpen } from './cli/caseloads.ts';
import { errorLine } from './cli/errors.ts';
import { spanishHelp, withHelpCommand } from './cli/help.ts';
import { createsEmbeddedDatabase, prepareEmbeddedDatabase } from './cli/prepare.ts';
import {
  type CreateOptions,
  usersCreate,
  usersDeactivate,
  usersList,
  usersReactivate,
  usersReset,
  usersUnlock,
} from './cli/users.ts';
import { loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { type ImportCommandOptions, importCommand } from './modules/imports/command.ts';
import { reportsRebuild } from './modules/reports/command.ts';
import { hasDemoData, seedDemo } from './seed/demo.ts';
import { seedSynthetic } from './seed/synthetic.ts';
import { startServer } from './server.ts';

// `acompana`: the command line of the server package (`npx acompana --help`).

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('debe ser un puerto entre 0 y 65535.');
  }
  return n;
}

function refuseDemoInProduction(production: boolean, demo: boolean): void {
  if (production && !demo) {
    throw new AppError(
      'FORBIDDEN',
      'NODE_ENV=production: los datos de demostración no se cargan salvo que pases --demo explícitamente.',
    );
  }
}

const program = withHelpCommand(spanishHelp(new Command('acompana')))
  .description('Acompaña: plataforma de acompañamiento pedagógico')
  .usage('<comando> [opciones]')
  .showHelpAfterError('(usa --help para ver la ayuda)');

spanishHelp(program.command('start'))
  .description(
    'migra la base de datos, carga la demostración si está vacía y sirve la API y la aplicación web',
  )
  .option('-p, --port <puerto>', 'puerto HTTP (por defecto PORT o 3000)', port)
  .option('--demo', 'permite cargar datos de demostración aunque NODE_ENV=production')
  .option('--no-seed', 'no carga datos de demostración aunque la base esté vacía')
  .action(async (opts: { port?: number; demo?: boolean; seed: boolean }) => {
    const config = loadConfig();
    if (opts.port !== undefined) config.port = opts.port;
    if (createsEmbeddedDatabase(config)) {
      const load = opts.seed && (!config.production || opts.demo === true);
      if (load) console.log('Base de datos nueva: creándola y cargando datos de demostración…');
      await prepareEmbeddedDatabase(config, { load, inProduction: opts.demo === true });
    }
    const server = await startServer(config, {
      allowDemoInProduction: opts.demo === true,
      seed: opts.seed,
    });
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

spanishHelp(program.command('migrate'))
  .description(
    'aplica las migraciones pendientes (PGlite en ACOMPANA_DATA_DIR o PostgreSQL en DATABASE_URL)',
  )
  .action(async () => {
    const database = await openDatabase(loadConfig());
    try {
      const { applied, current } = await migrate(database);
      console.log(
        applied.length
          ? `Migraciones aplicadas: ${applied.join(', ')}. Versión actual: ${current}.`
          : `La base de datos ya está al día (versión ${current}).`,
      );
    } finally {
      await database.close();
    }
  });

const seed = withHelpCommand(spanishHelp(program.command('seed')))
  .description('carga datos en la base de datos')
  .usage('<conjunto> [opciones]');

spanishHelp(seed.command('demo'))
  .description('carga la UGEL de demostración y las cuentas de prueba (contraseña "acompana")')
  .option('--demo', 'confirma la carga aunque NODE_ENV=production')
  .action(async (opts: { demo?: boolean }) => {
    const config = loadConfig();
    refuseDemoInProduction(config.production, opts.demo === true);
    const database = await openDatabase(config);
    try {
      await migrate(database);
      if (await hasDemoData(database.db)) {
        console.log('Los datos de demostración ya estaban cargados; no se cambió nada.');
        return;
      }
      await seedDemo(database.db);
      console.log('Datos de demostración cargados.');
    } finally {
      await database.close();
    }
  });

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError('debe ser un número entero.');
  }
  return n;
}

spanishHelp(seed.command('synthetic'))
  .description(
    'carga un país sintético determinista (regiones, UGEL, escuelas, docentes, visitas) en una base vacía',
  )
  .requiredOption('--teachers <n>', 'número de docentes (60000: escala nacional)', wholeNumber)
  .option('--years <n>', 'años escolares, hasta el actual', wholeNumber, 3)
  .option('--seed <n>', 'semilla: la misma semilla da las mismas filas', wholeNumber, 1)
  .option('--force', 'carga aunque la base ya tenga datos (junto a los existentes)')
  .action(async (opts: { teachers: number; years: number; seed: number; force?: boolean }) => {
    const database = await openDatabase(loadConfig());
    try {
      await migrate(database);
      const started = Date.now();
      const summary = await seedSynthetic(database.db, opts);
      console.log(
        `Datos sintéticos cargados en ${Math.round((Date.now() - started) / 1000)} s: ` +
          `${summary.teachers} docentes, ${summary.coaches} acompañantes, ${summary.schools} escuelas, ` +
          `${summary.ugels} UGEL, ${summary.regions} regiones, ${summary.visits} visitas, ` +
          `${summary.scores} niveles de desempeño (años ${summary.years.join(', ')}).`,
      );
      console.log('Cuentas de prueba (contraseña "acompana"):');
      for (const a of summary.accounts) console.log(`  ${a.dni}  ${a.role} (${a.scope})`);
    } finally {
      await database.close();
    }
  });

const importer = withHelpCommand(spanishHelp(program.command('import')))
  .description('importa datos desde un archivo CSV o XLSX (todo o nada, en una transacción)')
  .usage('<tipo> <archivo> [opciones]');

const IMPORT_HELP: Record<ImportKind, string> = {
  schools:
    'importa instituciones educativas del padrón de ESCALE (COD_MOD, ANEXO, CEN_EDU, NIV_MOD, CODGEO, CODOOII, …)',
  teachers:
    'importa docentes y sus plazas (DNI, NOMBRES, APELLIDO_PATERNO, COD_MOD, ANEXO, AÑO, …)',
  coaches:
    'registra acompañantes con su rol fechado (DNI, NOMBRES, APELLIDO_PATERNO, CODOOII, INTERVENCION, FECHA_INICIO, FECHA_FIN, …)',
};

for (const kind of IMPORT_KINDS) {
  spanishHelp(importer.command(kind))
    .description(IMPORT_HELP[kind])
    .argument('<archivo>', 'archivo CSV (coma o punto y coma; UTF-8, Latin-1 o IBM850) o XLSX')
    .option('--dry-run', 'valida y cuenta lo que cambiaría, sin guardar nada')
    .option('--skip-invalid', 'importa las filas válidas aunque haya inválidas (se informan igual)')
    .action(async (file: string, opts: ImportCommandOptions) => {
      // 2 when the file has invalid rows, 1 for any other error (below), 0 when done.
      process.exitCode = await importCommand(kind, file, opts);
    });
}

const users = withHelpCommand(spanishHelp(program.command('users')))
  .description('administra las cuentas de usuario')
  .usage('<acción> [opciones]');

spanishHelp(users.command('unlock'))
  .description(
    'desbloquea el inicio de sesión de una persona tras intentos fallidos (queda auditado)',
  )
  .argument('<dni>', 'DNI de la persona (8 dígitos)')
  .action(async (dni: string) => {
    // No migration here (unlike withDatabase): an unlock never changes the schema.
    const database = await openDatabase(loadConfig());
    try {
      for (const line of await usersUnlock(database.db, dni)) console.log(line);
    } finally {
      await database.close();
    }
  });

/** Opens the database (migrated: an empty one is made ready), runs, prints the lines. */
async function withDatabase(work: (db: Database['db']) => Promise<string[]>): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database);
    for (const line of await work(database.db)) console.log(line);
  } finally {
    await database.close();
  }
}

spanishHelp(users.command('create'))
  .description(
    'crea una persona con un rol y su cuenta, e imprime su código de activación (así se crea la primera cuenta del equipo MINEDU)',
  )
  .requiredOption('--role <rol>', `rol: ${ROLES.join(', ')}`)
  .requiredOption('--dni <dni>', 'DNI (8 dígitos)')
  .requiredOption('--names <nombres>', 'nombres')
  .option('--surnames <apellidos>', 'apellidos "Paterno Materno"')
  .option('--paternal <apellido>', 'apellido paterno (si hay apellidos compuestos)')
  .option('--maternal <apellido>', 'apellido materno')
  .option('--ugel <código>', 'código de la UGEL (especialista, acompañante)')
  .option('--region <código>', 'código de la región (formador)')
  .option('--school <código modular>', 'código modular de la IE (director, docente)')
  .action((opts: CreateOptions) => withDatabase((db) => usersCreate(db, opts)));

spanishHelp(users.command('reset'))
  .description(
    'emite un código de activación nuevo; si la cuenta estaba activa, su contraseña deja de servir y se cierran sus sesiones',
  )
  .argument('<dni>', 'DNI de la persona (8 dígitos)')
  .action((dni: string) => withDatabase((db) => usersReset(db, dni)));

spanishHelp(users.command('deactivate'))
  .description('desactiva una cuenta (cierra sus sesiones y anula su código)')
  .argument('<dni>', 'DNI de la persona (8 dígitos)')
  .action((dni: string) => withDatabase((db) => usersDeactivate(db, dni)));

spanishHelp(users.command('reactivate'))
  .description('reactiva una cuenta desactivada')
  .argument('<dni>', 'DNI de la persona (8 dígitos)')
  .action((dni: string) => withDatabase((db) => usersReactivate(db, dni)));

spanishHelp(users.command('list'))
  .description('lista las cuentas con sus roles y su estado')
  .option('--role <rol>', `solo este rol: ${ROLES.join(', ')}`)
  .option('--status <estado>', 'solo este estado: pending, active, deactivated')
  .action((opts: { role?: string; status?: string }) => withDatabase((db) => usersList(db, opts)));

const caseloads = withHelpCommand(spanishHelp(program.command('caseloads')))
  .description('exporta o importa las asignaciones (quién acompaña a quién) en CSV')
  .usage('<acción> [opciones]');

spanishHelp(caseloads.command('export'))
  .description('escribe las asignaciones en un CSV (UTF-8), todas o las de un año escolar')
  .argument('<archivo>', 'archivo CSV de destino')
  .option(
    '--year <año>',
    'solo las asignaciones vigentes en algún momento de ese año escolar',
    (v) => {
      if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('debe ser un año de 4 cifras.');
      return v;
    },
  )
  .action((file: string, opts: { year?: string }) => caseloadsExport(file, opts));

spanishHelp(caseloads.command('import'))
  .description(
    'importa asignaciones desde un CSV o XLSX (todo o nada; un cambio de acompañante necesita motivo)',
  )
  .argument('<archivo>', 'CSV (UTF-8, Latin-1 o IBM850; coma o punto y coma) o XLSX')
  .option('--dry-run', 'valida y cuenta lo que cambiaría, sin guardar nada')
  .action(async (file: string, opts: { dryRun?: boolean }) => {
    process.exitCode = await caseloadsImport(file, opts);
  });

const year = withHelpCommand(spanishHelp(program.command('year')))
  .description('ciclo del año escolar')
  .usage('<acción> [opciones]');

spanishHelp(year.command('open'))
  .description(
    'abre el año escolar siguiente: copia las metas que falten y propone las asignaciones (mismo acompañante) para confirmarlas',
  )
  .argument('<año>', 'el año escolar siguiente al actual, p. ej. 2027')
  .action((value: string) => {
    if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('debe ser un año de 4 cifras.');
    return yearOpen(value);
  });

spanishHelp(program.command('backup'))
  .description(
    'guarda una copia de seguridad (PGlite: la carpeta de datos comprimida; PostgreSQL: pg_dump -Fc)',
  )
  .argument('<archivo>', 'archivo de destino')
  .action(async (file: string) => {
    for (const line of await backup(loadConfig(), file)) console.log(line);
  });

spanishHelp(program.command('restore'))
  .description(
    'restaura una copia de seguridad; si la base de datos ya tiene datos, solo con --force',
  )
  .argument('<archivo>', 'copia hecha con «acompana backup»')
  .option('--force', 'reemplaza los datos existentes (en PGlite la carpeta anterior se conserva)')
  .action(async (file: string, opts: { force?: boolean }) => {
    for (const line of await restore(loadConfig(), file, opts.force === true)) console.log(line);
  });

const reports = withHelpCommand(spanishHelp(program.command('reports')))
  .description('modelos de lectura del monitoreo (docs/REPORTS.md)')
  .usage('<acción>');

spanishHelp(reports.command('rebuild'))
  .description(
    'recalcula por completo los modelos de lectura del monitoreo a partir de los registros de campo',
  )
  .action(() => withDatabase((db) => reportsRebuild(db)));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isAppError(error)) console.error(errorLine(error));
  else console.error(errorLine(error), error);
  process.exit(1);
}
