// bench:sync — 100 simulated devices push batches of 50 realistic field mutations (visits,
// rubric responses, commitments, visit closures) over HTTP with real sessions to the real
// server, started as a child process against DATABASE_URL (a fresh database on that
// PostgreSQL server) or a fresh PGlite data dir. Two phases (docs/SYNC.md, "Benchmark"):
//   closed loop — every device pushes back-to-back: throughput (mutations_per_s);
//   open loop   — every device pushes one batch every BENCH_SYNC_INTERVAL_MS (5 s: 100 devices
//                 offer ≈ 1,000 mutations/s, the budget rate): latency (push_p50/p95_ms).
// Some batches are deliberately re-sent; afterwards the database is checked against every
// intent: lost = records missing or behind their last write, duplicated = writes applied twice.
// Prints one JSON object. Budget (docs/BUDGETS.md) on PostgreSQL: ≥ 1,000 mutations/s,
// p95 ≤ 150 ms, 0 lost, 0 duplicated, server RSS ≤ 300 MB.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Mutation } from '../packages/core/src/index.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { adminQuery, databaseUrl } from '../packages/server/src/test/postgres.ts';
import { addBenchCoaches, BenchDevice, publishedRubric } from './sync-fixtures.ts';

const DEVICES = Number(process.env.BENCH_SYNC_DEVICES ?? 100);
const CLOSED_ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 4);
const INTERVAL_MS = Number(process.env.BENCH_SYNC_INTERVAL_MS ?? 5000);
const OPEN_SECONDS = Number(process.env.BENCH_SYNC_OPEN_SECONDS ?? 30);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'packages/server/bin/acompana.mjs');
const log = (line: string) => process.stderr.write(`[bench:sync] ${line}\n`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

const rssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

/** Drops the bench database / data dir; also on failure, so runs never pile up databases. */
let cleanup: () => Promise<void> = async () => undefined;

async function main() {
  const pgUrl = process.env.DATABASE_URL || null;
  const benchDb = `acompana_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = pgUrl ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-bench-sync-'));
  const url = pgUrl ? databaseUrl(pgUrl, benchDb) : null;
  if (pgUrl) await adminQuery(pgUrl, `CREATE DATABASE ${benchDb}`);
  cleanup = async () => {
    if (pgUrl) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${benchDb}`).catch(() => undefined);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const config = { ...loadConfig({}), databaseUrl: url, dataDir };

  // Seed outside the server (the PGlite data dir has one owner at a time).
  log('preparando base de datos…');
  let database = await openDatabase(config);
  await migrate(database);
  await seedDemo(database.db);
  const coaches = await addBenchCoaches(database.db, DEVICES);
  const rubric = await publishedRubric(database.db);
  await database.close();

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // BENCH_SYNC_CPU_PROF=dir writes a V8 CPU profile of the server there (to find hot spots).
  const profile = process.env.BENCH_SYNC_CPU_PROF;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, bin, 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url ?? '',
      ACOMPANA_DATA_DIR: dataDir || os.tmpdir(),
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
  const startRss = rssMb(child.pid ?? 0);
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(child.pid ?? 0));
  }, 250);

  log(`servidor en ${origin}; iniciando sesión de ${DEVICES} acompañantes…`);
  const devices = coaches.map((c) => new BenchDevice(c, rubric));
  const cookies: string[] = [];
  // One login at a time: argon2id takes tens of MB per hash, and 100 people do not log in at
  // the same instant; this bench measures sync, not login.
  for (let i = 0; i < devices.length; i += 1) {
    const chunk = await Promise.all(
      devices.slice(i, i + 1).map(async (d) => {
        const res = await fetch(`${origin}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ dni: d.coach.dni, password: 'acompana' }),
        });
        if (res.status !== 200) throw new Error(`login ${d.coach.dni}: ${res.status}`);
        return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      }),
    );
    cookies.push(...chunk);
  }

  const tally = {
    applied: 0,
    duplicate: 0,
    rejected: 0,
    httpErrors: 0,
    resent: 0,
    resendNotDuplicate: 0,
  };
  const rejections = new Map<string, number>();
  /** Pushes until the server answers 200 (a device retries), returns the accepted try's ms. */
  async function push(i: number, mutations: Mutation[], resend = false): Promise<number> {
    const body = JSON.stringify({ deviceId: devices[i]?.deviceId, mutations });
    for (;;) {
      const started = performance.now();
      const res = await fetch(`${origin}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie: cookies[i] as string },
        body,
      });
      const text = await res.text();
      const ms = performance.now() - started;
      if (res.status !== 200) {
        tally.httpErrors++;
        continue;
      }
      for (const r of JSON.parse(text).results as {
        status: keyof typeof tally;
        error: { code: string } | null;
      }[]) {
        if (resend) {
          tally.resent++;
          if (r.status !== 'duplicate') tally.resendNotDuplicate++;
          continue;
        }
        tally[r.status]++;
        if (r.error) rejections.set(r.error.code, (rejections.get(r.error.code) ?? 0) + 1);
      }
      return ms;
    }
  }
  const sent: Mutation[][][] = devices.map(() => []);
  const nextBatch = (i: number) => {
    const b = (devices[i] as BenchDevice).batch();
    sent[i]?.push(b);
    return b;
  };

  // Warm-up (counted in the totals, not timed): connections, caches, JIT.
  await Promise.all(devices.map((_, i) => push(i, nextBatch(i))));

  log(`lazo cerrado: ${DEVICES} dispositivos × ${CLOSED_ROUNDS} lotes de 50…`);
  const prepared = devices.map((_, i) => Array.from({ length: CLOSED_ROUNDS }, () => nextBatch(i)));
  const closedLatencies: number[] = [];
  const closedStart = performance.now();
  await Promise.all(
    prepared.map(async (batches, i) => {
      for (const b of batches) closedLatencies.push(await push(i, b));
    }),
  );
  const closedSeconds = (performance.now() - closedStart) / 1000;
  const closedMutations = DEVICES * CLOSED_ROUNDS * 50;

  log(`lazo abierto: un lote cada ${INTERVAL_MS} ms por dispositivo durante ${OPEN_SECONDS} s…`);
  const rounds = Math.max(1, Math.round((OPEN_SECONDS * 1000) / INTERVAL_MS));
  const openPrepared = devices.map((_, i) => Array.from({ length: rounds }, () => nextBatch(i)));
  const openLatencies: number[] = [];
  const openStart = performance.now();
  await Promise.all(
    openPrepared.map(async (batches, i) => {
      const offset = Math.random() * INTERVAL_MS;
      for (let k = 0; k < batches.length; k++) {
        const due = openStart + offset + k * INTERVAL_MS;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        openLatencies.push(await push(i, batches[k] as Mutation[]));
      }
    }),
  );
  const openSeconds = (performance.now() - openStart) / 1000;

  log('reenvíos deliberados…');
  await Promise.all(
    devices.map((_, i) =>
      i % 10 === 0 ? push(i, sent[i]?.[1] as Mutation[], true) : Promise.resolve(0),
    ),
  );
  clearInterval(sampler);
  const serverRss = Math.max(peakRss, rssMb(child.pid ?? 0));
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

  log('verificando la base de datos…');
  database = await openDatabase(config);
  let lost = 0;
  let duplicated = tally.resendNotDuplicate;
  let expected = 0;
  for (const kind of ['visit', 'commitment', 'instrument_response']) {
    const intents = devices.flatMap((d) => [...d.intents].filter(([, v]) => v.kind === kind));
    expected += intents.length;
    const ids = intents.map(([id]) => id);
    const { rows } = await sql<{ id: string; version: number }>`
      SELECT id, version FROM ${sql.table(kind)} WHERE id = ANY(${ids}::uuid[])`.execute(
      database.db,
    );
    const found = new Map(rows.map((r) => [r.id, Number(r.version)]));
    for (const [id, intent] of intents) {
      const v = found.get(id);
      if (v === undefined || v < intent.version) lost++;
      else if (v > intent.version) duplicated++;
    }
  }
  const logged = await sql<{ n: string }>`SELECT count(*) AS n FROM mutation_log`.execute(
    database.db,
  );
  await database.close();
  await cleanup();

  const totalMutations = tally.applied + tally.duplicate + tally.rejected;
  const result = {
    db: pgUrl ? 'postgres' : 'pglite',
    devices: DEVICES,
    mutations: totalMutations,
    mutations_per_s: Math.round(closedMutations / closedSeconds),
    push_p50_ms: percentile(openLatencies, 50),
    push_p95_ms: percentile(openLatencies, 95),
    lost,
    duplicated,
    server_rss_mb: serverRss,
    method: `closed loop ${DEVICES}×${CLOSED_ROUNDS}×50 for throughput; open loop, 1 batch/${INTERVAL_MS} ms per device for latency`,
    closed_loop_p50_ms: percentile(closedLatencies, 50),
    closed_loop_p95_ms: percentile(closedLatencies, 95),
    open_loop_offered_per_s: Math.round((DEVICES * 50 * 1000) / INTERVAL_MS),
    open_loop_achieved_per_s: Math.round((DEVICES * rounds * 50) / openSeconds),
    open_loop_p99_ms: percentile(openLatencies, 99),
    records_checked: expected,
    mutation_log_rows: Number(logged.rows[0]?.n),
    rejected: tally.rejected,
    rejection_codes: Object.fromEntries(rejections),
    resent: tally.resent,
    http_errors: tally.httpErrors,
    server_rss_at_start_mb: startRss,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
