import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EntityKind } from '@acompana/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Config, loadConfig } from '../../config.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { seedDemo } from '../../seed/demo.ts';
import { loadRecords } from '../../sync/store.ts';
import { adminQuery, databaseUrl } from '../postgres.ts';
import {
  type Carried,
  commitmentOf,
  Device,
  type Intent,
  isoDate,
  login,
  ORIGIN,
  visitOf,
} from './devices.ts';
import { type FaultProxy, seededRandom, startFaultProxy } from './fault-proxy.ts';
import { type CoachFixture, prepareFieldAccounts, type TeacherFixture } from './fixtures.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

// Issue 6's promise under a hostile network: 50 devices (the web app's own store and sync
// engine over fake-indexeddb) record 200 field mutations each while a proxy drops requests,
// drops responses, duplicates and reorders them, and the server restarts mid-way. Afterwards
// the server holds exactly the union of every device's intents — none lost, none duplicated —
// and each outbox is empty or holds only rejections that carry their reason.
//
// It lives in the server package because it starts the real server (migrations, PGlite data
// directory or PostgreSQL) and reads its database; it reaches the web engine through the
// web package's `@acompana/web/offline` entry, which has no React or DOM dependency.

// FAULT_DEVICES / FAULT_MUTATIONS shrink the run while investigating a failure.
const DEVICES = Number(process.env.FAULT_DEVICES ?? 50);
const MUTATIONS = Number(process.env.FAULT_MUTATIONS ?? 200);
const COACH_DEVICES = Math.round(DEVICES * 0.7);
const started = Date.now();
/** Progress on stderr with FAULT_DEBUG=1 (phases and timings). */
const trace = (line: string) => {
  if (process.env.FAULT_DEBUG)
    console.error(`[fault ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
};
const SEED = 20_260_506;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
  engine: 'pglite' | 'postgres';
  prepare(): Promise<{ config: Config; cleanup(): Promise<void> }>;
}

function baseConfig(overrides: Partial<Config>): Config {
  return {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    publicOrigin: ORIGIN,
    loginMaxPerIpPerMinute: 100_000,
    ...overrides,
  };
}

const targets: Target[] = [
  {
    engine: 'pglite',
    async prepare() {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-fault-'));
      const config = baseConfig({ dataDir, databaseUrl: null });
      const database = await openDatabase(config);
      await migrate(database);
      await seedDemo(database.db);
      await database.close();
      return { config, cleanup: () => fs.rm(dataDir, { recursive: true, force: true }) };
    },
  },
];
const adminUrl = process.env.TEST_DATABASE_URL;
const template = inject('pgTemplate');
if (adminUrl && template) {
  targets.push({
    engine: 'postgres',
    async prepare() {
      const name = `acompana_f_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      const config = baseConfig({ databaseUrl: databaseUrl(adminUrl, name), dataDir: '' });
      return { config, cleanup: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`) };
    },
  });
}

function start(config: Config): Promise<ServerProcess> {
  return startServerProcess({
    ...(config.databaseUrl
      ? { DATABASE_URL: config.databaseUrl }
      : { ACOMPANA_DATA_DIR: config.dataDir }),
    PUBLIC_ORIGIN: ORIGIN,
    LOGIN_MAX_PER_IP_PER_MINUTE: '100000',
  });
}

const FIELD_KINDS = ['visit', 'commitment', 'reflection'] as const satisfies EntityKind[];

async function countRows(database: Database, table: (typeof FIELD_KINDS)[number]): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(targets)('fault injection on $engine', (target) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it(`${DEVICES} devices × ${MUTATIONS} mutations through a hostile proxy and a restart lose and duplicate nothing`, async () => {
    const { config, cleanup } = await target.prepare();
    cleanups.push(cleanup);
    const database = await openDatabase(config);
    await migrate(database);
    const fixtures = await prepareFieldAccounts(database.db, DEVICES - COACH_DEVICES);
    const before = new Map<EntityKind, number>();
    for (const kind of FIELD_KINDS) before.set(kind, await countRows(database, kind));
    await database.close();
    trace('accounts ready');
    let server = await start(config);
    cleanups.push(() => server.stop());
    const proxy: FaultProxy = await startFaultProxy(SEED);
    cleanups.push(() => proxy.close());
    proxy.setUpstream(server.url);

    const ledger = new Map<string, Intent>();
    const carried: Carried = new Map();
    const random = seededRandom(SEED + 1);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const cookies = new Map<string, string>();
    const cookieOf = async (dni: string) => {
      if (!cookies.has(dni)) cookies.set(dni, await login(server.url, dni));
      return cookies.get(dni) as string;
    };

    // Each docente reflects on a visit their coach made (created before the storm).
    const { coaches, teachers } = fixtures;
    const visitOfTeacher = new Map<string, string>();
    for (const teacher of teachers) {
      const setup = new Device(
        `setup-${teacher.dni}`,
        teacher.coach.personId,
        server.url,
        await cookieOf(teacher.coach.dni),
        ledger,
        carried,
      );
      const visitId = await setup.write('visit', null, visitOf(teacher.entry, 'inicial'));
      if (visitId) visitOfTeacher.set(teacher.personId, visitId);
      expect((await setup.engine.sync()).ok).toBe(true);
      await setup.engine.stop();
    }

    const devices: { device: Device; coach?: CoachFixture; teacher?: TeacherFixture }[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const coach = i < COACH_DEVICES ? coaches[i % coaches.length] : undefined;
      const teacher = coach ? undefined : teachers[(i - COACH_DEVICES) % teachers.length];
      const person = coach ?? teacher;
      if (!person) throw new Error('not enough demo people');
      const device = new Device(
        `device-${i}`,
        person.personId,
        proxy.url,
        await cookieOf(person.dni),
        ledger,
        carried,
      );
      devices.push({ device, coach, teacher });
    }
    trace('devices logged in');
    proxy.setFaults({ dropRequest: 0.1, dropResponse: 0.1, duplicate: 0.1, maxDelayMs: 40 });

    let total = 0;
    let restarted: Promise<void> | null = null;
    const restart = async () => {
      trace('restarting the server');
      proxy.setUpstream(null);
      await server.stop();
      server = await start(config);
      proxy.setUpstream(server.url);
      trace('server back');
    };

    async function coachWork(
      device: Device,
      coach: CoachFixture,
      n: number,
    ): Promise<string | null> {
      const visits = device.own.filter((o) => o.kind === 'visit');
      const commitments = device.own.filter((o) => o.kind === 'commitment');
      const tag = `${device.name}-${n}`;
      if (n === MUTATIONS / 2) {
        return device.write('visit', null, visitOf(coach.outsider, tag), true);
      } else if (visits.length === 0 || (visits.length < 8 && random() < 0.06)) {
        return device.write('visit', null, visitOf(pick(coach.caseload), tag));
      } else if (commitments.length < 24 && random() < 0.2) {
        const visit = pick(visits);
        const teacherId = (ledger.get(visit.id)?.data.teacherId as string) ?? '';
        return device.write('commitment', null, commitmentOf(visit.id, teacherId, tag));
      } else {
        const target = pick(device.own);
        if (target.kind === 'visit') {
          const change = pick([
            { goals: [`Propósito ${tag}`, 'Leer en voz alta'] },
            { plannedDate: isoDate(Math.floor(random() * 60)) },
            { focus: [`D${n}`] },
          ]);
          return device.write('visit', target.id, change);
        } else {
          const change = pick([
            { text: `Compromiso ${tag}` },
            { dueDate: isoDate(Math.floor(random() * 90)) },
            { status: pick(['en_proceso', 'cumplido', 'no_cumplido'] as const) },
            { followUpNote: `Seguimiento ${tag}` },
          ]);
          return device.write('commitment', target.id, change);
        }
      }
    }

    async function teacherWork(
      device: Device,
      teacher: TeacherFixture,
      n: number,
    ): Promise<string | null> {
      const tag = `${device.name}-${n}`;
      if (device.own.length === 0 || (device.own.length < 10 && random() < 0.1)) {
        return device.write('reflection', null, {
          visitId: visitOfTeacher.get(teacher.personId),
          teacherId: teacher.personId,
          text: `Reflexión ${tag}`,
        });
      } else {
        return device.write('reflection', pick(device.own).id, { text: `Reflexión ${tag}` });
      }
    }

    await Promise.all(
      devices.map(async ({ device, coach, teacher }) => {
        for (let n = 0; n < MUTATIONS; n++) {
          // A random edit may set a value the record already has (no mutation): draw again.
          let id: string | null = null;
          for (let draw = 0; id === null; draw++) {
            if (draw > 20) throw new Error(`${device.name} cannot find a change to make`);
            if (coach) id = await coachWork(device, coach, n);
            else if (teacher) id = await teacherWork(device, teacher, n);
          }
          total++;
          if (!restarted && total >= (DEVICES * MUTATIONS) / 2) restarted = restart();
          // Devices sync at random moments, while they keep writing.
          if (random() < 0.03) void device.engine.sync();
          if (n % 10 === 9) await sleep(random() * 20);
        }
      }),
    );
    await restarted;
    trace(`all written; ${JSON.stringify(proxy.stats)}`);

    // Sync until quiet (the proxy stays hostile).
    await Promise.all(
      devices.map(async ({ device }) => {
        for (let attempt = 0; attempt < 400; attempt++) {
          const outcome = await device.engine.sync();
          if (outcome.ok && (await device.counts()).pending === 0) return;
          await sleep(50);
        }
        throw new Error(
          `${device.name} never became quiet: ${JSON.stringify(device.engine.status)}`,
        );
      }),
    );
    trace(`quiet; ${JSON.stringify(proxy.stats)}`);
    for (const { device } of devices) await device.engine.stop();
    proxy.setFaults(null);

    // Every outbox is empty or holds only the rejections we provoked, each with its reason.
    let rejected = 0;
    for (const { device } of devices) {
      expect(device.written).toBe(MUTATIONS);
      const left = await device.db.outbox.toArray();
      for (const entry of left) {
        expect(entry.status).toBe('rejected');
        expect(device.doomed.has(entry.entityId)).toBe(true);
        expect(entry.error?.message).toMatch(/\S/);
      }
      expect(left.length).toBe(device.doomed.size);
      rejected += left.length;
    }
    expect(rejected).toBe(COACH_DEVICES);

    // The server holds exactly the union of the intents: read back from its database (every
    // row, not only what pull shows), with the same row → record mapping pull uses. Same ids,
    // last values, one version per mutation pushed (a duplicate applied twice would bump it).
    await server.stop();
    const check = await openDatabase(config);
    cleanups.push(() => check.close());
    const ids = new Map<EntityKind, string[]>();
    for (const [id, intent] of ledger) ids.set(intent.kind, [...(ids.get(intent.kind) ?? []), id]);
    const stored = await loadRecords(check.db, ids);
    const lost: string[] = [];
    const wrong: string[] = [];
    for (const [id, intent] of ledger) {
      const record = stored.get(`${intent.kind}:${id}`);
      if (!record) {
        lost.push(id);
        continue;
      }
      const mutations = carried.get(id)?.size ?? 0;
      if (record.version !== mutations || mutations > intent.writes) {
        wrong.push(`${id} version ${record.version} ≠ ${mutations} (${intent.writes} writes)`);
      }
      for (const [field, value] of Object.entries(intent.data)) {
        if (JSON.stringify(record.data[field]) !== JSON.stringify(value)) {
          wrong.push(
            `${id}.${field}: ${JSON.stringify(record.data[field])} ≠ ${JSON.stringify(value)}`,
          );
        }
      }
    }
    expect(lost).toEqual([]);
    expect(wrong.slice(0, 10)).toEqual([]);
    // Coalescing was on: writes waiting together in an outbox travelled as one mutation.
    const sent = [...ledger.keys()].reduce((sum, id) => sum + (carried.get(id)?.size ?? 0), 0);
    const writes = [...ledger.values()].reduce((sum, intent) => sum + intent.writes, 0);
    expect(sent).toBeLessThan(writes);
    // No extra rows: per kind, the table holds what it held before plus the ledger, and none
    // of the rejected records.
    for (const kind of FIELD_KINDS) {
      const expected = (before.get(kind) ?? 0) + (ids.get(kind)?.length ?? 0);
      expect(await countRows(check, kind), kind).toBe(expected);
    }
    const doomed = [...devices.flatMap(({ device }) => [...device.doomed])];
    expect((await loadRecords(check.db, new Map([['visit', doomed]]))).size).toBe(0);
    expect(proxy.stats.droppedRequests).toBeGreaterThan(0);
    expect(proxy.stats.droppedResponses).toBeGreaterThan(0);
    expect(proxy.stats.duplicated).toBeGreaterThan(0);
    expect(proxy.stats.upstreamDown + proxy.stats.forwarded).toBeGreaterThan(0);
  }, 600_000);
});
