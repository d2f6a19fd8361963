import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { deleteStaleDevices } from './auth/device-cookie.ts';
import { deleteStaleLoginState } from './auth/login-guard.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { maintainTables } from './db/maintenance.ts';
import { migrate } from './db/migrate.ts';
import { withRequestTicket } from './db/turns.ts';
import { refreshPending } from './modules/reports/maintain.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasDemoData, isEmpty, seedDemo } from './seed/demo.ts';

// `acompana start`: migrate, seed the demo on an empty database, serve API + web app.

export interface StartOptions {
  allowDemoInProduction: boolean;
  seed: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const database = await openDatabase(config);
  // The JS heap grows by 35% per major GC instead of V8's default (up to 4x when GC is cheap),
  // so the garbage of a burst of requests does not wait in a heap twice the live size. Measured
  // (docs/SCALE.md, docs/SYNC.md): PGlite's bench:reports peak 331-352 -> 272-287 MB for ~25%
  // more server CPU per report; on PostgreSQL bench:sync's online/field/mixed peaks
  // 283/348/487 -> 168-179/233-287/272-302 MB and bench:reports' 175-193 -> 166-167 MB,
  // throughput and p95 within the run-to-run spread. A V8 flag read at every heap-limit update.
  v8.setFlagsFromString('--heap-growing-percent=35');
  let closeRead: () => Promise<void> = () => Promise.resolve();
  try {
    const { applied } = await migrate(database);
    if (applied.length) log(`Migraciones aplicadas: ${applied.join(', ')}`);
    const demoAllowed = !config.production || options.allowDemoInProduction;
    if (options.seed && demoAllowed && (await isEmpty(database.db))) {
      log('Base de datos vacía: cargando datos de demostración…');
      await seedDemo(database.db);
    }

    // Reports may read from a replica (DATABASE_READ_URL); everything else uses the primary.
    const readDatabase = config.databaseReadUrl
      ? await openDatabase({ ...config, databaseUrl: config.databaseReadUrl })
      : null;
    closeRead = () => readDatabase?.close() ?? Promise.resolve();
    const { app, webMounted } = createApp({
      db: database.db,
      config,
      ...(readDatabase ? { readDb: readDatabase.db } : {}),
    });
    if (!webMounted) {
      log(
        `Aviso: no se encontró la aplicación web compilada en ${config.webDistDir}; solo se sirve la API. Ejecuta "npm run build".`,
      );
    }
    const server = serve({
      // On the embedded database each request's queries rank by its arrival (db/turns.ts:
      // oldest first). PostgreSQL serves connections itself; there the ticket's
      // AsyncLocalStorage would only tax every promise of every request.
      fetch:
        database.engine === 'pglite'
          ? (request, env) => withRequestTicket(() => app.fetch(request, env))
          : (request, env) => app.fetch(request, env),
      port: config.port,
      hostname: config.host,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    // Node closes an idle keep-alive connection after 5 s by default, and under load that timer
    // can fire before the next request waiting on the socket is read: the client gets a reset
    // (seen in bench:load). Phones reuse connections for much longer (Chromium: 5 min); keep
    // them a minute, with the headers timeout above it as Node requires.
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
    }
    const { port } = server.address() as AddressInfo;
    const shownHost =
      config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    const url = `http://${shownHost}:${port}`;

    const cleanup = setInterval(() => {
      Promise.all([
        deleteExpiredSessions(database.db, config),
        deleteStaleLoginState(database.db),
        deleteStaleDevices(database.db),
      ]).catch((e) => console.error('[acompana] limpieza de sesiones:', e));
    }, 3_600_000);
    cleanup.unref();
    // The monitoring read models follow the field records with a lag of seconds
    // (docs/REPORTS.md); a failed run is retried at the next tick.
    const reports = setInterval(() => {
      refreshPending(database.db).catch((e) => console.error('[acompana] reportes:', e));
    }, 10_000);
    reports.unref();
    // PGlite runs no autovacuum: the server does its work once a minute (db/maintenance.ts),
    // one run at a time (a first run on a large data dir may take longer than the minute).
    let maintaining = false;
    const maintenance =
      database.engine === 'pglite'
        ? setInterval(() => {
            if (maintaining) return;
            maintaining = true;
            maintainTables(database.db)
              .catch((e) => console.error('[acompana] mantenimiento:', e))
              .finally(() => {
                maintaining = false;
              });
          }, 60_000)
        : undefined;
    maintenance?.unref();

    log(
      `Acompaña está lista en ${url} (base de datos: ${database.engine === 'pglite' ? `PGlite en ${config.dataDir}` : 'PostgreSQL'})`,
    );
    if (await hasDemoData(database.db)) {
      log(`Cuentas de demostración (contraseña "${DEMO_PASSWORD}"):`);
      for (const a of DEMO_ACCOUNTS) log(`  ${a.dni}  ${a.label}`);
    }
    return {
      url,
      async close() {
        clearInterval(cleanup);
        clearInterval(reports);
        clearInterval(maintenance);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open for seconds.
        if ('closeAllConnections' in server) server.closeAllConnections();
        await closed;
        await closeRead();
        await database.close();
      },
    };
  } catch (error) {
    await closeRead();
    await database.close();
    throw error;
  }
}
