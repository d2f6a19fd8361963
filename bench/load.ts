// bench:load — the moment a school's network comes back: 200 phones open their connections to
// the server at the same instant. Two scenarios, in this order, on one freshly started server:
// - `login_storm`: 200 coaches log in at once (a training day where everyone signs in together).
//   Each login verifies an argon2id hash (19 MiB, 2 passes: ~16 ms of CPU on an idle core), so on
//   2 cores 200 logins need ≥ 1.6 s of pure hashing whatever the database.
// - `reconnect`: the same 200 phones, already holding their sessions (as they do on most days),
//   open NEW connections at once and make the reads the app makes on opening: /me, /me/day,
//   /teachers and a first sync pull; /me is each new connection's first answer.
// Each client is one keep-alive connection of its own (node:http agent, maxSockets 1), so the
// first request of every client is also a new TCP connection. Server: a child process of
// `acompana start` on a fresh PGlite data dir (default) or a fresh database on the PostgreSQL
// server of DATABASE_URL. Prints ONE JSON object: p50/p95/p99/max milliseconds per phase
// (time from sending the request to the end of the answer's body), the whole run, and errors.
// Budget (docs/BUDGETS.md): reconnect, p99 of every phase ≤ 5 s on PGlite and ≤ 1 s on
// PostgreSQL; login storm p99 ≤ 5 s on both (bound by the password hashing CPU); no errors.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { adminQuery, databaseUrl } from '../packages/server/src/test/postgres.ts';
import { serverNodeArgs } from './launch.ts';
import { addBenchCoaches, asInService } from './sync-fixtures.ts';

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 200);
const log = (line: string) => process.stderr.write(`[bench:load] ${line}\n`);

const PHASES = ['login', 'me', 'day', 'teachers', 'pull'] as const;
const RECONNECT: Phase[] = ['me', 'day', 'teachers', 'pull'];
type Phase = (typeof PHASES)[number];

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0);
};

interface Answer {
  status: number;
  body: string;
  cookie: string | null;
}

/** One request on the client's own connection; resolves when the whole body has arrived. */
function request(
  agent: http.Agent,
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, agent, headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(parts).toString('utf8'),
            cookie: (res.headers['set-cookie']?.[0] ?? '').split(';')[0] || null,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Drops the bench database / data dir; also on failure, so runs never pile up databases. */
let cleanup: () => Promise<void> = async () => undefined;

async function main() {
  const pgUrl = process.env.DATABASE_URL || null;
  const benchDb = `acompana_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = pgUrl ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-bench-load-'));
  const url = pgUrl ? databaseUrl(pgUrl, benchDb) : null;
  if (pgUrl) await adminQuery(pgUrl, `CREATE DATABASE ${benchDb}`);
  cleanup = async () => {
    if (pgUrl) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${benchDb}`).catch(() => undefined);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const config = { ...loadConfig({}), databaseUrl: url, dataDir };

  log('preparando base de datos (demo + acompañantes de carga)…');
  const database = await openDatabase(config);
  await migrate(database);
  await seedDemo(database.db);
  const coaches = await addBenchCoaches(database.db, CLIENTS);
  await asInService(database.db);
  await database.close();

  const port = await freePort();
  // BENCH_LOAD_CPU_PROF=dir writes a V8 CPU profile of the server there (to find hot spots).
  const profile = process.env.BENCH_LOAD_CPU_PROF;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...serverNodeArgs(), 'start', '--no-seed'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url ?? '',
      ACOMPANA_DATA_DIR: dataDir || os.tmpdir(),
      // All clients come from one address here; a school's phones would come through one NAT.
      LOGIN_MAX_PER_IP_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`el servidor no arrancó:\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }

    const origin = `http://127.0.0.1:${port}`;
    const times: Record<Phase, number[]> = { login: [], me: [], day: [], teachers: [], pull: [] };
    const errors: Record<string, number> = {};
    // One client's requests, on the keep-alive connection of `agent`.
    const step = async (
      agent: http.Agent,
      cookie: string,
      phase: Phase,
      method: string,
      pathname: string,
      body?: string,
    ) => {
      const headers: Record<string, string> = { origin, 'accept-encoding': 'gzip, br' };
      if (cookie) headers.cookie = cookie;
      if (body) headers['content-type'] = 'application/json';
      const t = performance.now();
      const answer = await request(agent, port, method, pathname, headers, body);
      times[phase].push(performance.now() - t);
      if (answer.status !== 200) {
        const key = `${phase}:${answer.status}`;
        errors[key] = (errors[key] ?? 0) + 1;
        throw new Error(`${phase} ${answer.status} ${answer.body.slice(0, 200)}`);
      }
      return answer;
    };
    const countError = (error: unknown) => {
      const key = (error as Error).message.slice(0, 80);
      if (!/^\w+ \d{3} /.test(key)) errors[key] = (errors[key] ?? 0) + 1;
    };
    const started = performance.now();

    log(`${CLIENTS} acompañantes inician sesión a la vez…`);
    const cookies = await Promise.all(
      coaches.map(async (coach) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        try {
          const body = JSON.stringify({ dni: coach.dni, password: 'acompana' });
          return (await step(agent, '', 'login', 'POST', '/api/v1/auth/login', body)).cookie ?? '';
        } catch (error) {
          countError(error);
          return '';
        } finally {
          agent.destroy();
        }
      }),
    );
    const loginMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1000)); // let the server settle between scenarios

    log(`${CLIENTS} teléfonos con sesión abren su conexión a la vez…`);
    const reconnectStarted = performance.now();
    await Promise.all(
      cookies.map(async (cookie) => {
        if (!cookie) return;
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        try {
          await step(agent, cookie, 'me', 'GET', '/api/v1/me'); // the connection's first answer
          await step(agent, cookie, 'day', 'GET', '/api/v1/me/day');
          await step(agent, cookie, 'teachers', 'GET', '/api/v1/teachers?limit=50');
          await step(agent, cookie, 'pull', 'GET', '/api/v1/sync/pull?limit=200');
        } catch (error) {
          countError(error);
        } finally {
          agent.destroy();
        }
      }),
    );
    const reconnectMs = performance.now() - reconnectStarted;

    const budgetMs = pgUrl ? 1000 : 5000;
    const loginBudgetMs = 5000;
    const stats = (values: number[]) => ({
      n: values.length,
      p50_ms: percentile(values, 50),
      p95_ms: percentile(values, 95),
      p99_ms: percentile(values, 99),
      max_ms: percentile(values, 100),
    });
    const reconnectP99 = Math.max(...RECONNECT.map((p) => percentile(times[p], 99)));
    const loginP99 = percentile(times.login, 99);
    const complete = times.login.length === CLIENTS && times.pull.length === CLIENTS;
    const result = {
      db: pgUrl ? 'postgres' : 'pglite',
      clients: CLIENTS,
      reconnect: {
        first_answer_p99_ms: percentile(times.me, 99),
        phases: Object.fromEntries(RECONNECT.map((p) => [p, stats(times[p])])),
        worst_phase_p99_ms: reconnectP99,
        budget_p99_ms: budgetMs,
        total_s: Math.round(reconnectMs / 100) / 10,
      },
      login_storm: {
        login: stats(times.login),
        budget_p99_ms: loginBudgetMs,
        total_s: Math.round(loginMs / 100) / 10,
      },
      within_budget:
        complete &&
        reconnectP99 <= budgetMs &&
        loginP99 <= loginBudgetMs &&
        Object.keys(errors).length === 0,
      load_average: os.loadavg().map((l) => Math.round(l * 10) / 10),
      errors,
      method: `${CLIENTS} logins at once; then the same ${CLIENTS} sessions each open a new keep-alive connection at once: /me, /me/day, /teachers, /sync/pull`,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (Object.keys(errors).length) log(`salida del servidor:\n${output.slice(-3000)}`);
  } finally {
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(null);
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    await cleanup();
  }
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
