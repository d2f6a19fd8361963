// bench:sync — complete visits per second at the shapes phones really use (docs/SYNC.md,
// "Benchmark"). A visit is what the app's outbox holds for a complete visit after coalescing
// (sync-fixtures.ts: six mutations). The real server runs as a child process on a fresh
// database (DATABASE_URL → a new database on that PostgreSQL server; otherwise PGlite).
// Three scenarios, one JSON object each:
//   online — 100 phones, each pushing one complete visit per request with its pull cursor
//            (the answer carries what it has not seen; a pull only when there is more), as the
//            app does: closed loop for visits/s; open loop at 100 visits/s offered for latency;
//   field  — back from the field: 100 phones push 20 visits each in the app's batch (500);
//   mixed  — online, closed loop, with 20 readers pulling their whole scope meanwhile.
// Racing retries (one request sent twice at once by every tenth phone) must be answered
// applied + duplicate. Afterwards every record is read back: lost = a record missing or any
// intended field value different; duplicated = a record written twice (version ≠ 1) or a race
// not answered duplicate. Bytes on the wire: request bodies gzipped as the app sends them
// (from 1 KiB) and answers as the server compresses them (bytes received), headers excluded.
import os from 'node:os';
import zlib from 'node:zlib';
import type { EntityKind, Mutation } from '../packages/core/src/index.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { canonical } from '../packages/server/src/sync/merge.ts';
import { loadRecords } from '../packages/server/src/sync/store.ts';
import { send } from './http.ts';
import { BenchDevice } from './sync-fixtures.ts';
import { login, prepareDatabase, startServer } from './sync-server.ts';

const DEVICES = Number(process.env.BENCH_SYNC_DEVICES ?? 100);
const READERS = Number(process.env.BENCH_SYNC_READERS ?? 20);
/** Visits per phone in the closed loops: 25 × 100 phones lasts longer than the server's
 *  read-model refresh interval (10 s), so its work falls inside as it does in service (with 5
 *  the 2-second window caught it or not, and the figure moved with that). */
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 25);
const FIELD_VISITS = Number(process.env.BENCH_SYNC_FIELD_VISITS ?? 20);
const OFFERED_PER_S = Number(process.env.BENCH_SYNC_OFFERED ?? 100);
const OPEN_SECONDS = Number(process.env.BENCH_SYNC_OPEN_SECONDS ?? 15);
/** Which scenarios run (comma-separated; all by default): a profile of one alone. */
const ONLY = new Set((process.env.BENCH_SYNC_SCENARIOS ?? 'online,field,mixed').split(','));
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const log = (line: string) => process.stderr.write(`[bench:sync] ${line}\n`);

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

interface CpuSplit {
  server_ms: number;
  postgres_ms: number;
  bench_ms: number;
}

interface Phone {
  device: BenchDevice;
  cookie: string;
}

class Wire {
  bytes = 0;
  pushMs: number[] = [];
  pullMs: number[] = [];
  httpErrors = 0;
  raceNotDuplicate = 0;
  races = 0;
  rejected = new Map<string, number>();
  constructor(private readonly origin: string) {}

  private async send(url: string, init: Parameters<typeof send>[1], bodyBytes: number) {
    for (;;) {
      const started = performance.now();
      const res = await send(`${this.origin}${url}`, init);
      const ms = performance.now() - started;
      if (res.status !== 200) {
        this.httpErrors++;
        if (this.httpErrors < 5) log(`HTTP ${res.status} ${res.text.slice(0, 200)}`);
        continue;
      }
      this.bytes += bodyBytes + res.wireBytes;
      return { ms, body: JSON.parse(res.text) };
    }
  }

  /** One push as the app sends it; applies the folded pull and pulls the rest if more. */
  async push(phone: Phone, mutations: Mutation[], opts: { race?: boolean } = {}) {
    const { device } = phone;
    const json = JSON.stringify({
      deviceId: device.deviceId,
      mutations,
      ...(device.cursor ? { cursor: device.cursor, scope: device.scope } : {}),
    });
    const gzip = json.length >= 1024;
    const body = gzip ? zlib.gzipSync(json) : Buffer.from(json);
    const init = {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        'accept-encoding': 'br, gzip',
        origin: this.origin,
        cookie: phone.cookie,
      },
      body,
    };
    const tries = opts.race ? [this.send('/api/v1/sync/push', init, body.length)] : [];
    const { ms, body: answer } = await this.send('/api/v1/sync/push', init, body.length);
    this.pushMs.push(ms);
    const results = answer.results as { status: string; error: { code: string } | null }[];
    if (opts.race) {
      const other = (await tries[0])?.body.results as { status: string }[];
      results.forEach((r, i) => {
        this.races++;
        const statuses = [r.status, other[i]?.status].sort().join('+');
        if (statuses !== 'applied+duplicate') this.raceNotDuplicate++;
      });
    }
    for (const r of results) {
      if (r.error) this.rejected.set(r.error.code, (this.rejected.get(r.error.code) ?? 0) + 1);
    }
    let page = answer.pull as { cursor: string; scope: string; more: boolean } | undefined;
    while (page) {
      device.cursor = page.cursor;
      device.scope = page.scope;
      page = page.more ? await this.pull(phone) : undefined;
    }
  }

  /** One pull page from the phone's cursor (the idle check, or the rest after a push). */
  async pull(phone: Phone) {
    const q = new URLSearchParams({ limit: '500' });
    if (phone.device.cursor) q.set('cursor', phone.device.cursor);
    if (phone.device.scope) q.set('scope', phone.device.scope);
    const headers = { 'accept-encoding': 'br, gzip', cookie: phone.cookie };
    const { ms, body } = await this.send(`/api/v1/sync/pull?${q}`, { headers }, 0);
    this.pullMs.push(ms);
    phone.device.cursor = body.cursor;
    phone.device.scope = body.scope;
    return body as { cursor: string; scope: string; more: boolean };
  }

  /** A first sync: the whole scope, page by page. */
  async seed(phone: Phone) {
    for (let page = await this.pull(phone); page.more; page = await this.pull(phone));
  }
}

async function main() {
  log('preparando base de datos…');
  const db = await prepareDatabase(DEVICES + READERS);
  const server = await startServer(db);
  const results: Record<string, unknown>[] = [];
  const devicesOf: BenchDevice[][] = [];
  try {
    log(`servidor en ${server.origin}; iniciando sesión de ${DEVICES + READERS} acompañantes…`);
    const cookies: string[] = [];
    for (const coach of db.coaches) cookies.push(await login(server.origin, coach.dni));
    const phonesFor = () =>
      db.coaches.slice(0, DEVICES).map((coach, i) => ({
        device: new BenchDevice(coach, db.instruments),
        cookie: cookies[i] as string,
      }));
    const readers = db.coaches.slice(DEVICES).map((coach, i) => ({
      device: new BenchDevice(coach, db.instruments),
      cookie: cookies[DEVICES + i] as string,
    }));

    const scenario = async (
      name: string,
      /** `wireVisits`: visits the returned `wire` carried (bytes per visit), if not all. */
      run: (
        phones: Phone[],
        wire: Wire,
        split: () => CpuSplit,
      ) => Promise<{
        visits: number;
        seconds: number;
        wireVisits?: number;
        cpu?: CpuSplit;
      }>,
    ) => {
      if (!ONLY.has(name)) return;
      log(`escenario ${name}…`);
      const phones = phonesFor();
      const warm = new Wire(server.origin);
      await Promise.all(phones.map((p) => warm.seed(p)));
      server.resetPeak();
      // The bench's own CPU too: its simulated phones share the machine with the server.
      const clientFrom = process.cpuUsage();
      const split = (): CpuSplit => {
        const used = process.cpuUsage(clientFrom);
        return { ...server.cpu(), bench_ms: (used.user + used.system) / 1000 };
      };
      const wire = new Wire(server.origin);
      const outcome = await run(phones, wire, split);
      const { visits, seconds, wireVisits = visits } = outcome;
      const cpu = outcome.cpu ?? split();
      // Racing retries: every tenth phone sends one visit twice at once.
      const racing = new Wire(server.origin);
      await Promise.all(
        phones
          .filter((_, i) => i % 10 === 0)
          .map((p) => racing.push(p, p.device.visit(), { race: true })),
      );
      // The app's idle check afterwards.
      await Promise.all(phones.map((p) => wire.pull(p)));
      devicesOf.push(phones.map((p) => p.device));
      results.push({
        scenario: name,
        db: db.engine,
        devices: phones.length,
        visits,
        visits_per_s: Math.round(visits / seconds),
        mutations_per_visit: 6,
        bytes_per_visit: Math.round(wire.bytes / wireVisits),
        push_p50_ms: percentile(wire.pushMs, 50),
        push_p95_ms: percentile(wire.pushMs, 95),
        pull_p95_ms: percentile(wire.pullMs, 95),
        lost: 0,
        duplicated: racing.raceNotDuplicate,
        server_rss_mb: server.peakRss(),
      });
      // Context on stderr: the JSON has exactly the keys of issue 13.
      log(
        `${name}: ${racing.races} mutaciones en carrera, ${wire.httpErrors + racing.httpErrors} errores HTTP, rechazos ${JSON.stringify(Object.fromEntries(wire.rejected))}`,
      );
      // Where the CPU went while `visits_per_s` was measured: the server process and the
      // database's PostgreSQL backends, per visit and in cores (of the machine's two).
      const per = (ms: number) =>
        `${(ms / visits).toFixed(2)} ms/visita, ${(ms / 1000 / seconds).toFixed(2)} núcleos`;
      log(
        `${name}: CPU servidor ${per(cpu.server_ms)}; PostgreSQL ${per(cpu.postgres_ms)}; el propio bench ${per(cpu.bench_ms)}; en ${seconds.toFixed(1)} s; carga ${loadavg()}`,
      );
    };

    const closedLoop = async (phones: Phone[], wire: Wire) => {
      const started = performance.now();
      await Promise.all(
        phones.map(async (p) => {
          for (let r = 0; r < ROUNDS; r++) await wire.push(p, p.device.visit());
        }),
      );
      return (performance.now() - started) / 1000;
    };

    await scenario('online', async (phones, wire, split) => {
      const closedSeconds = await closedLoop(phones, new Wire(server.origin));
      const cpu = split();
      const closedVisits = phones.length * ROUNDS;
      // Open loop: each phone pushes one visit every phones/offered seconds.
      const interval = (phones.length / OFFERED_PER_S) * 1000;
      const rounds = Math.max(1, Math.round((OPEN_SECONDS * 1000) / interval));
      const start = performance.now();
      await Promise.all(
        phones.map(async (p) => {
          const offset = Math.random() * interval;
          for (let k = 0; k < rounds; k++) {
            const wait = start + offset + k * interval - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            await wire.push(p, p.device.visit());
          }
        }),
      );
      return {
        visits: closedVisits,
        seconds: closedSeconds,
        wireVisits: phones.length * rounds,
        cpu,
      };
    });
    await scenario('field', async (phones, wire) => {
      const batches = phones.map((p) =>
        Array.from({ length: FIELD_VISITS }, () => p.device.visit()).flat(),
      );
      const started = performance.now();
      await Promise.all(phones.map((p, i) => wire.push(p, batches[i] as Mutation[])));
      return {
        visits: phones.length * FIELD_VISITS,
        seconds: (performance.now() - started) / 1000,
      };
    });

    await scenario('mixed', async (phones, wire) => {
      let running = true;
      const readerWire = new Wire(server.origin);
      const reading = Promise.all(
        readers.map(async (r) => {
          while (running) {
            r.device.cursor = '';
            r.device.scope = '';
            await readerWire.seed(r);
          }
        }),
      );
      const seconds = await closedLoop(phones, wire);
      running = false;
      await reading;
      wire.pullMs.push(...readerWire.pullMs);
      return { visits: phones.length * ROUNDS, seconds };
    });
  } finally {
    await server.stop();
  }

  log('verificando el contenido de cada registro…');
  const check = await openDatabase(db.config);
  try {
    for (const [i, devices] of devicesOf.entries()) {
      const ids = new Map<EntityKind, string[]>();
      const intents = devices.flatMap((d) => [...d.intents]);
      for (const [id, intent] of intents) {
        const kind = intent.kind as EntityKind;
        ids.set(kind, [...(ids.get(kind) ?? []), id]);
      }
      const stored = await loadRecords(check.db, ids);
      let lost = 0;
      let duplicated = 0;
      for (const [id, intent] of intents) {
        const record = stored.get(`${intent.kind}:${id}`);
        if (!record) {
          lost++;
          continue;
        }
        if (record.version !== 1) duplicated++;
        const differs = Object.entries(intent.data).some(
          ([field, value]) => canonical(record.data[field]) !== canonical(value),
        );
        if (differs) lost++;
      }
      const result = results[i] as { lost: number; duplicated: number };
      result.lost = lost;
      result.duplicated += duplicated;
    }
  } finally {
    await check.close();
    await db.drop();
  }
  for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
