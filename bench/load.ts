// bench:load — 200 clients open their connections to a freshly started server at the same
// instant, as phones do when a school's network comes back, and each one logs in and makes the
// reads a coach's app makes on opening: /me, /me/day, /teachers and a first sync pull.
// Each client is one keep-alive connection of its own (node:http agent, maxSockets 1), so the
// first request of every client is also a new TCP connection. Server: a child process of
// `acompana start` on a fresh PGlite data dir (default) or a fresh database on the PostgreSQL
// server of DATABASE_URL. Prints ONE JSON object: p50/p95/p99/max milliseconds per phase
// (time from sending the request to the end of the answer's body), the whole run, and errors.
// Budget (docs/BUDGETS.md): p99 of every phase ≤ 5 s on PGlite, ≤ 1 s on
// PostgreSQL, at 200 clients, no errors.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { adminQuery, databaseUrl } from '../packages/server/src/test/postgres.ts';
import { addBenchCoaches } from './sync-fixtures.ts';

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 200);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'packages/server/bin/acompana.mjs');
const log = (line: string) => process.stderr.write(`[bench:load] ${line}\n`);

const PHASES = ['login', 'me', 'day', 'teachers', 'pull'] as const;
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
  await database.close();

  const port = await freePort();
  // BENCH_LOAD_CPU_PROF=dir writes a V8 CPU profile of the server there (to find hot spots).
  const profile = process.env.BENCH_LOAD_CPU_PROF;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, bin, 'start', '--no-seed'], {
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
    log(`${CLIENTS} clientes abren su conexión a la vez…`);
    const started = performance.now();
    await Promise.all(
      coaches.map(async (coach) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        let cookie = '';
        const step = async (phase: Phase, method: string, pathname: string, body?: string) => {
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
        try {
          const login = await step(
            'login',
            'POST',
            '/api/v1/auth/login',
            JSON.stringify({ dni: coach.dni, password: 'acompana' }),
          );
          cookie = login.cookie ?? '';
          await step('me', 'GET', '/api/v1/me');
          await step('day', 'GET', '/api/v1/me/day');
          await step('teachers', 'GET', '/api/v1/teachers?limit=50');
          await step('pull', 'GET', '/api/v1/sync/pull?limit=200');
        } catch (error) {
          const key = (error as Error).message.slice(0, 80);
          if (!/^\w+ \d{3} /.test(key)) errors[key] = (errors[key] ?? 0) + 1;
        } finally {
          agent.destroy();
        }
      }),
    );
    const totalMs = performance.now() - started;

    const budgetMs = pgUrl ? 1000 : 5000;
    const phases = Object.fromEntries(
      PHASES.map((p) => [
        p,
        {
          n: times[p].length,
          p50_ms: percentile(times[p], 50),
          p95_ms: percentile(times[p], 95),
          p99_ms: percentile(times[p], 99),
          max_ms: percentile(times[p], 100),
        },
      ]),
    );
    const worstP99 = Math.max(...PHASES.map((p) => percentile(times[p], 99)));
    const result = {
      db: pgUrl ? 'postgres' : 'pglite',
      clients: CLIENTS,
      phases,
      first_answer_p99_ms: percentile(times.login, 99),
      worst_phase_p99_ms: worstP99,
      budget_p99_ms: budgetMs,
      within_budget: worstP99 <= budgetMs && Object.keys(errors).length === 0,
      total_s: Math.round(totalMs / 100) / 10,
      errors,
      method: `${CLIENTS} clients at once, each on its own keep-alive connection: login, /me, /me/day, /teachers, /sync/pull`,
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
