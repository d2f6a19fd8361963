// bench:reports — the monitoring reports at national scale (docs/SCALE.md, docs/REPORTS.md).
// Builds or reuses the synthetic country (`seed synthetic`): 60,000 teachers on the
// DATABASE_URL server (database acompana_synthetic_60000), or 3,000 in a PGlite data dir
// (os.tmpdir()/acompana-bench-reports-3000) when there is no DATABASE_URL. Starts the real
// server and has 20 concurrent clients — 20 people in 20 places — ask every report at every
// level: the nation by region (the same page for everyone), a region by UGEL, a UGEL by school
// and by coach (progress never by coach), and their own «Mi avance» as 20 different coaches.
// Each client asks about another region and another UGEL every round, so that kept answers
// (modules/reports/answers.ts) serve what people really share and no more: `questions` is the
// number of distinct questions asked.
// rollup_lag_s: from a sync push of a done visit to the coach's figure showing it.
// Prints ONE JSON object. BENCH_REPORTS_TEACHERS and BENCH_REPORTS_ROUNDS override the sizes.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { limaToday } from '../packages/core/src/index.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import {
  finishSyntheticSet,
  readSyntheticSet,
  seedSynthetic,
} from '../packages/server/src/seed/synthetic.ts';
import { adminQuery, databaseUrl } from '../packages/server/src/test/postgres.ts';
import { send } from './http.ts';
import { type BenchDatabase, login, startServer } from './sync-server.ts';

const PG = process.env.DATABASE_URL || null;
const TEACHERS = Number(process.env.BENCH_REPORTS_TEACHERS ?? (PG ? 60000 : 3000));
const ROUNDS = Number(process.env.BENCH_REPORTS_ROUNDS ?? 5);
const CLIENTS = 20;
const log = (line: string) => process.stderr.write(`[bench:reports] ${line}\n`);
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface Place {
  regionId: string;
  ugelId: string;
  coachDni: string;
  probe: { teacherId: string; schoolId: string; intervention: string };
}

/** Where the clients ask about: every region and UGEL, and coaches with accounts. */
interface Country {
  regions: string[];
  ugels: string[];
  coachDnis: string[];
}

async function prepare() {
  const name = `acompana_synthetic_${TEACHERS}`;
  const dataDir = PG ? '' : path.join(os.tmpdir(), `acompana-bench-reports-${TEACHERS}`);
  if (PG) {
    await adminQuery(PG, `CREATE DATABASE ${name}`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e; // already exists: reuse it
    });
  } else fs.mkdirSync(dataDir, { recursive: true });
  const config = { ...loadConfig({}), databaseUrl: PG ? databaseUrl(PG, name) : null, dataDir };
  const database = await openDatabase(config);
  try {
    await migrate(database);
    let set = await readSyntheticSet(database.db);
    if (!set) {
      log(`seed synthetic --teachers ${TEACHERS} --years 3 (load ${loadavg()})`);
      await seedSynthetic(database.db, { teachers: TEACHERS, years: 3 });
      set = await readSyntheticSet(database.db);
    } else log(`reusing the synthetic set of ${set.teachers} teachers (${set.seconds} s to load)`);
    if (set && !set.rebuilt) {
      log(`reports rebuild (load ${loadavg()})`);
      set = await finishSyntheticSet(database.db, set);
    }
    if (!set || set.teachers !== TEACHERS) throw new Error(`la base ${name} tiene otro conjunto`);
    const place = await placeOf(database.db, set.accounts);
    const country = await countryOf(database.db, place.coachDni);
    return { config, name: PG ? name : '', set, place, country };
  } finally {
    await database.close();
  }
}

async function placeOf(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  accounts: { dni: string; role: string; scopeId: string | null; scope: string }[],
): Promise<Place> {
  const { sql } = await import('kysely');
  const scopeOf = (scope: string) => accounts.find((a) => a.scope === scope)?.scopeId ?? '';
  const coachDni = accounts.find((a) => a.role === 'acompanante')?.dni ?? '';
  const { rows } = await sql<{ teacher_id: string; school_id: string; intervention: string }>`
    SELECT c.teacher_id, tp.school_id, c.intervention_code AS intervention
      FROM caseload c JOIN person p ON p.id = c.coach_id
      JOIN teacher_post tp ON tp.person_id = c.teacher_id
       AND tp.school_year = extract(year FROM ${limaToday()}::date)
     WHERE p.dni = ${coachDni} AND c.valid_to IS NULL
     ORDER BY c.teacher_id LIMIT 1`.execute(db);
  const probe = rows[0];
  if (!probe) throw new Error('the coach account has no current caseload');
  return {
    regionId: scopeOf('region'),
    ugelId: scopeOf('ugel'),
    coachDni,
    probe: {
      teacherId: probe.teacher_id,
      schoolId: probe.school_id,
      intervention: probe.intervention,
    },
  };
}

/** The regions, the UGELs, and CLIENTS coaches of different UGELs with a current caseload,
 *  given the test coach's password (their accounts are made here, once). */
async function countryOf(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  coachDni: string,
): Promise<Country> {
  const { sql } = await import('kysely');
  const regions = await sql<{ id: string }>`SELECT id FROM region ORDER BY id`.execute(db);
  const ugels = await sql<{ id: string }>`SELECT id FROM ugel ORDER BY id`.execute(db);
  const coaches = await sql<{ dni: string }>`
    SELECT dni FROM (
      SELECT DISTINCT ON (c.ugel_id) p.dni, c.ugel_id
        FROM caseload c JOIN person p ON p.id = c.coach_id
       WHERE c.valid_to IS NULL AND c.valid_from <= ${limaToday()}::date AND p.dni <> ${coachDni}
       ORDER BY c.ugel_id, p.dni) x
     ORDER BY md5(ugel_id::text) LIMIT ${CLIENTS - 1}`.execute(db);
  const dnis = [coachDni, ...coaches.rows.map((r) => r.dni)];
  await sql`INSERT INTO user_account (person_id, password_hash, status)
    SELECT p.id, (SELECT ua.password_hash FROM user_account ua JOIN person t ON t.id = ua.person_id
                   WHERE t.dni = ${coachDni}), 'active'
      FROM person p WHERE p.dni = ANY(${dnis}::text[])
    ON CONFLICT DO NOTHING`.execute(db);
  return {
    regions: regions.rows.map((r) => r.id),
    ugels: ugels.rows.map((r) => r.id),
    coachDnis: dnis,
  };
}

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

/** Every report at every level, as [session, url]: the nation's, a region's, a UGEL's (asked
 *  by `national`, a national team member's session), and the coach's own. */
function requests(
  regionId: string,
  ugelId: string,
  coach: string,
  national: string,
): [string, string][] {
  const nation = 'scope=nation&by=region';
  const region = `scope=region:${regionId}&by=ugel`;
  const ugel = (by: string) => `scope=ugel:${ugelId}&by=${by}`;
  const out: [string, string][] = [];
  for (const report of ['compliance', 'coverage', 'progress']) {
    out.push([national, `/api/v1/reports/${report}?${nation}`]);
    out.push([national, `/api/v1/reports/${report}?${region}`]);
    out.push([national, `/api/v1/reports/${report}?${ugel('school')}`]);
    if (report !== 'progress') out.push([national, `/api/v1/reports/${report}?${ugel('coach')}`]);
  }
  out.push([
    national,
    '/api/v1/reports/compliance?scope=nation&by=region&area=rural&level=primaria',
  ]);
  out.push([coach, '/api/v1/reports/my-progress']);
  return out;
}

/** What client `c` asks in round `r`: another region and another UGEL each time. */
function plan(country: Country, c: number, r: number): [string, string][] {
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;
  return requests(
    at(country.regions, c + 7 * r),
    at(country.ugels, 11 * c + 53 * r),
    `coach:${at(country.coachDnis, c)}`,
    `minedu:${c % CLIENTS}`,
  );
}

async function rollupLag(origin: string, cookie: string, place: Place): Promise<number> {
  const myVisits = async () => {
    const res = await fetch(`${origin}/api/v1/reports/my-progress`, { headers: { cookie } });
    const body = (await res.json()) as { teachers: { id: string; visitsDone: number }[] };
    return body.teachers.find((t) => t.id === place.probe.teacherId)?.visitsDone ?? 0;
  };
  const before = await myVisits();
  const today = limaToday();
  const mutation = {
    mutationId: randomUUID(),
    deviceId: randomUUID(),
    seq: 1,
    kind: 'visit',
    entityId: randomUUID(),
    op: 'upsert',
    baseVersion: 0,
    changed: [
      'teacherId',
      'schoolId',
      'interventionCode',
      'kind',
      'status',
      'plannedDate',
      'startedAt',
      'endedAt',
    ],
    payload: {
      teacherId: place.probe.teacherId,
      schoolId: place.probe.schoolId,
      interventionCode: place.probe.intervention,
      kind: 'regular',
      status: 'done',
      plannedDate: today,
      startedAt: `${today}T13:00:00.000Z`,
      endedAt: `${today}T14:30:00.000Z`,
      cancelReason: null,
      cancelNote: null,
      goals: [],
      focus: [],
      teacherConfirmedAt: null,
      dialogue: null,
    },
    base: null,
    createdAt: new Date().toISOString(),
  };
  const started = performance.now();
  const res = await fetch(`${origin}/api/v1/sync/push`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: mutation.deviceId, mutations: [mutation] }),
  });
  const pushed = (await res.json()) as { results?: { status: string }[] };
  if (res.status !== 200 || pushed.results?.[0]?.status !== 'applied')
    throw new Error(`push: ${res.status} ${JSON.stringify(pushed).slice(0, 300)}`);
  for (;;) {
    if ((await myVisits()) > before) return Math.round((performance.now() - started) / 100) / 10;
    if (performance.now() - started > 120_000) throw new Error('the pushed visit never showed');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const { config, name, set, place, country } = await prepare();
  const server = await startServer({ config, name } as BenchDatabase);
  try {
    // 20 people: a session of the national team's account per client (not one session shared
    // by all, whose lookups would be one), and each client's own coach.
    const cookies = new Map<string, string>();
    const minedu = set.accounts.find((a) => a.scope === 'national')?.dni ?? '';
    for (let c = 0; c < CLIENTS; c++)
      cookies.set(`minedu:${c}`, await login(server.origin, minedu));
    for (const dni of country.coachDnis)
      cookies.set(`coach:${dni}`, await login(server.origin, dni));
    // Progress answers once the server has it; until then it is reported as not timed.
    const probe = await fetch(`${server.origin}/api/v1/reports/progress?scope=nation&by=region`, {
      headers: { cookie: cookies.get('minedu:0') ?? '' },
    });
    const timed = (list: [string, string][]) =>
      list.filter(([, url]) => probe.status !== 404 || !url.startsWith('/api/v1/reports/progress'));
    if (probe.status === 404) log('GET /reports/progress answers 404: progress NOT timed');
    // The reports are asked as a browser asks them (compressed answers, decompressed here) by
    // bench/http.ts' light client: the bench shares the two cores with the server it measures.
    const ask = (who: string, url: string) =>
      send(`${server.origin}${url}`, {
        headers: { cookie: cookies.get(who) ?? '', 'accept-encoding': 'gzip, deflate, br' },
      });
    const nameOf = (url: string) =>
      url.replace('/api/v1/reports/', '').replace(/:[0-9a-f-]{36}/g, '');
    // A warm-up pass about another place (plans and caches; not the nation, whose first answer
    // the next pass times), then each report alone about the test accounts' place: what one
    // request costs when its answer is made, before the queueing of 20.
    const warm = timed(plan(country, CLIENTS, ROUNDS)).filter(([, u]) => !u.includes('nation'));
    for (const [who, url] of warm) await ask(who, url);
    const alone: Record<string, number> = {};
    const own = requests(place.regionId, place.ugelId, `coach:${place.coachDni}`, 'minedu:0');
    for (const [who, url] of timed(own)) {
      const started = performance.now();
      await ask(who, url);
      alone[nameOf(url)] = Math.round(performance.now() - started);
    }
    log(`each report alone (ms): ${JSON.stringify(alone)}`);
    // The refresh this waits for moves the read models' version: timing starts with no answer
    // kept, as after any refresh (and the server refreshes every 10 s while it runs).
    const lag = await rollupLag(server.origin, cookies.get(`coach:${place.coachDni}`) ?? '', place);
    server.resetPeak();
    const per = timed(plan(country, 0, 0)).length;
    log(`timing ${per} reports × ${ROUNDS} rounds × ${CLIENTS} clients (load ${loadavg()})`);
    const ms: number[] = [];
    const byReport = new Map<string, number[]>();
    const questions = new Set<string>();
    let errors = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let r = 0; r < ROUNDS; r++) {
          const list = timed(plan(country, c, r));
          for (let k = 0; k < list.length; k++) {
            const [who, url] = list[(k + c) % list.length] as [string, string];
            questions.add(url.endsWith('my-progress') ? `${who} ${url}` : url);
            const started = performance.now();
            // A reset connection (the server gave up on a request queued past its header
            // timeout) is a failed report, counted like any other.
            const res = await ask(who, url).catch((e: Error) => e);
            const text = res instanceof Error ? res.message : res.text;
            const took = performance.now() - started;
            ms.push(took);
            const name = nameOf(url);
            byReport.set(name, [...(byReport.get(name) ?? []), took]);
            const status = res instanceof Error ? 0 : res.status;
            if (status !== 200) {
              errors++;
              if (errors <= 5) log(`HTTP ${status} ${url}: ${text.slice(0, 200)}`);
            }
          }
        }
      }),
    );
    const cpu = server.cpu();
    if (errors > 0)
      throw new Error(`${errors} of ${ms.length} reports failed (p95 ${percentile(ms, 95)} ms)`);
    log(`done (load ${loadavg()})`);
    console.log(
      JSON.stringify({
        db: PG ? 'postgres' : 'pglite',
        teachers: set.teachers,
        visits: set.visits,
        scores: set.scores,
        reports: ms.length,
        questions: questions.size,
        p50_ms: percentile(ms, 50),
        p95_ms: percentile(ms, 95),
        max_ms: percentile(ms, 100),
        seed_s: set.seconds,
        rollup_lag_s: lag,
        server_rss_mb: server.peakRss(),
        // CPU per report under the 20 clients: the server process and its PostgreSQL backends
        // (the bench's own client shares the two cores and is not counted).
        cpu_ms_per_report: {
          server: Math.round((10 * cpu.server_ms) / ms.length) / 10,
          postgres: Math.round((10 * cpu.postgres_ms) / ms.length) / 10,
        },
        alone_ms: alone,
        // Under the 20 clients, each report's own p95: which ones the p95 above is made of.
        p95_by_report_ms: Object.fromEntries(
          [...byReport].map(([name, list]) => [name, Math.round(percentile(list, 95))]),
        ),
      }),
    );
  } finally {
    await server.stop();
  }
}

await main();
