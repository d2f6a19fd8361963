// The server side of bench:sync: a fresh database (a new database on the DATABASE_URL server,
// or a temporary PGlite data dir) seeded with the demo and the bench's coaches, the real server
// started as a child process, its RSS sampled, and logins.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { adminQuery, databaseUrl } from '../packages/server/src/test/postgres.ts';
import { serverNodeArgs } from './launch.ts';
import {
  addBenchCoaches,
  asInService,
  type BenchCoach,
  type Instruments,
  publishedInstruments,
} from './sync-fixtures.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

const rssMb = (pid: number) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
};

/** CPU time (user + system, ms) a process has used, from /proc; 0 once it is gone. */
const cpuMs = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return 0;
  }
};
const TICKS_PER_S = 100; // USER_HZ on Linux

/** The PostgreSQL backends serving `database` (their command line names it). */
function backendsOf(database: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres: ') && cmd.includes(` ${database} `)) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export interface BenchDatabase {
  engine: 'postgres' | 'pglite';
  /** The PostgreSQL database's name (empty on PGlite). */
  name: string;
  config: Config;
  coaches: BenchCoach[];
  instruments: Instruments;
  drop(): Promise<void>;
}

/** A fresh database with the demo, `coaches` bench coaches and the published instruments. */
export async function prepareDatabase(coachCount: number): Promise<BenchDatabase> {
  const pgUrl = process.env.DATABASE_URL || null;
  const benchDb = `acompana_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = pgUrl ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-bench-sync-'));
  const url = pgUrl ? databaseUrl(pgUrl, benchDb) : null;
  if (pgUrl) await adminQuery(pgUrl, `CREATE DATABASE ${benchDb}`);
  const drop = async () => {
    if (pgUrl) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${benchDb}`).catch(() => undefined);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const config = { ...loadConfig({}), databaseUrl: url, dataDir };
  // Seeded outside the server (a PGlite data dir has one owner at a time).
  const database = await openDatabase(config);
  try {
    await migrate(database);
    await seedDemo(database.db);
    const coaches = await addBenchCoaches(database.db, coachCount);
    const instruments = await publishedInstruments(database.db);
    await asInService(database.db);
    return {
      engine: pgUrl ? 'postgres' : 'pglite',
      name: pgUrl ? benchDb : '',
      config,
      coaches,
      instruments,
      drop,
    };
  } finally {
    await database.close();
  }
}

export interface BenchServer {
  origin: string;
  /** Peak RSS (MB) since the last reset. */
  peakRss(): number;
  resetPeak(): void;
  /** CPU ms used since the last resetPeak by the server process and by the database's
   *  PostgreSQL backends (sampled every 250 ms: a backend that exits loses < 250 ms). */
  cpu(): { server_ms: number; postgres_ms: number };
  stop(): Promise<void>;
}

export async function startServer(db: BenchDatabase): Promise<BenchServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // BENCH_SYNC_CPU_PROF=dir writes a V8 CPU profile of the server there (to find hot spots).
  const profile = process.env.BENCH_SYNC_CPU_PROF;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...serverNodeArgs(), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: db.config.databaseUrl ?? '',
      ACOMPANA_DATA_DIR: db.config.dataDir || os.tmpdir(),
      LOGIN_MAX_PER_IP_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`el servidor no arrancó:\n${output}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid ?? 0;
  let peak = rssMb(pid);
  // Per backend: CPU at the last reset and the latest reading.
  const backends = new Map<number, { from: number; last: number }>();
  let serverFrom = cpuMs(pid);
  const sampleBackends = () => {
    if (!db.name) return;
    for (const b of backendsOf(db.name)) {
      const now = cpuMs(b);
      const seen = backends.get(b);
      if (seen) seen.last = Math.max(seen.last, now);
      else backends.set(b, { from: 0, last: now });
    }
  };
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
    sampleBackends();
  }, 250);
  return {
    origin,
    peakRss: () => Math.max(peak, rssMb(child.pid ?? 0)),
    resetPeak: () => {
      peak = rssMb(pid);
      serverFrom = cpuMs(pid);
      sampleBackends();
      for (const b of backends.values()) b.from = b.last;
    },
    cpu: () => {
      sampleBackends();
      let postgres = 0;
      for (const b of backends.values()) postgres += b.last - b.from;
      return { server_ms: Math.round(cpuMs(pid) - serverFrom), postgres_ms: Math.round(postgres) };
    },
    stop: async () => {
      clearInterval(sampler);
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    },
  };
}

/** Logs a coach in (one at a time: this bench measures sync, not argon2). */
export async function login(origin: string, dni: string): Promise<string> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ dni, password: 'acompana' }),
  });
  if (res.status !== 200) throw new Error(`login ${dni}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
