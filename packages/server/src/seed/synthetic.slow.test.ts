import {
  AppError,
  attendanceIdOf,
  ENTITIES,
  type EntityKind,
  type InstrumentDefinition,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPgliteInMemory } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { cellsAgainstTeachers } from '../modules/reports/cells-testing.ts';
import { checkAnswers } from '../sync/instruments.ts';
import { recordFromRow } from '../sync/store.ts';
import { pgliteTemplate, type TestTarget, testTargets } from '../test/databases.ts';
import { SYNTHETIC_ACCOUNTS, type SyntheticSummary, seedSynthetic } from './synthetic.ts';
import { RUBRIC_VERSION_ID } from './synthetic-field.ts';

// `seed synthetic` (synthetic*.ts) on a small country: it refuses a database with data, its
// rows are valid field records as sync would send them, it looks like Peru's strategy, and the
// same seed gives the same content (a different seed does not).

const TODAY = '2026-10-15';
const OPTIONS = { teachers: 300, years: 3, seed: 7, today: TODAY };
// Loading takes tens of seconds on a busy 2-core machine (a *.slow.test.ts: `npm run test:slow`).
const LOAD_MS = 600_000;

async function migrated(target: TestTarget): Promise<Database> {
  if (target.engine === 'pglite') return openPgliteInMemory(await pgliteTemplate('migrated'));
  const database = await target.empty();
  await migrate(database);
  return database;
}

/** A hash of everything the seed wrote, without the columns a clock fills (now()). */
async function contentHash(db: Kysely<DB>): Promise<string> {
  const tables = [
    'region',
    'ugel',
    'network',
    'school',
    'enrollment',
    'person',
    'teacher_post',
    'role_assignment',
    'coach_profile',
    'network_team',
    'caseload',
    'visit',
    'instrument_response',
    'commitment',
    'coaching_plan',
    'stage_record',
    'activity',
    'activity_attendance',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ h: string | null; n: string }>`
      SELECT md5(string_agg(r, '|' ORDER BY r)) AS h, count(*) AS n
        FROM (SELECT (to_jsonb(t) - 'created_at' - 'updated_at')::text AS r
                FROM ${sql.table(table)} t) x`.execute(db);
    parts.push(`${table}:${rows[0]?.n}:${rows[0]?.h}`);
  }
  return parts.join(' ');
}

const KINDS_LOADED: EntityKind[] = [
  'visit',
  'instrument_response',
  'commitment',
  'coaching_plan',
  'stage_record',
  'activity',
  'activity_attendance',
];

describe.each(testTargets())('seed synthetic on $engine', (target) => {
  let database: Database;
  let summary: SyntheticSummary;
  beforeAll(async () => {
    database = await migrated(target);
    summary = await seedSynthetic(database.db, OPTIONS);
  }, LOAD_MS);
  afterAll(async () => {
    await database?.close();
  });

  it('refuses a database that already has data, and changes nothing', async () => {
    const seeded = await target.open();
    try {
      const count = () =>
        sql<{ n: string }>`SELECT count(*) AS n FROM person`
          .execute(seeded.db)
          .then((r) => r.rows[0]?.n);
      const before = await count();
      const error = await seedSynthetic(seeded.db, OPTIONS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('SEED_TARGET_NOT_EMPTY');
      expect((error as AppError).message).toMatch(/ya tiene datos/);
      expect(await count()).toBe(before);
    } finally {
      await seeded.close();
    }
  });

  it('builds a country: 26 regions, five interventions, caseloads in range, years of visits', async () => {
    expect(summary).toMatchObject({
      teachers: 300,
      regions: 26,
      years: [2024, 2025, 2026],
      rebuilt: true,
    });
    expect(summary.visits).toBeGreaterThan(300 * 3 * 5);
    expect(summary.scores).toBeGreaterThan(summary.visits * 3);
    const db = database.db;
    const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0] as T;
    const byIntervention = await one<{ n: number }>(sql`
      SELECT count(DISTINCT intervention_code)::int AS n FROM enrollment`);
    expect(byIntervention.n).toBe(5);
    const load = await one<{ max: number; posts: number; spi_without_network: number }>(sql`
      SELECT (SELECT max(n)::int FROM (SELECT count(*) AS n FROM caseload
                WHERE valid_from = '2026-03-01' GROUP BY coach_id) c) AS max,
             (SELECT count(*)::int FROM teacher_post) AS posts,
             (SELECT count(*)::int FROM school s JOIN enrollment e ON e.school_id = s.id
               WHERE e.intervention_code = 'SPI' AND s.network_id IS NULL) AS spi_without_network`);
    expect(load.max).toBeLessThanOrEqual(13);
    expect(load.posts).toBe(300 * 3);
    expect(load.spi_without_network).toBe(0);
    // No visit is done after today; the current year still has planned ones.
    const dates = await one<{ done_after: number; planned: number }>(sql`
      SELECT count(*) FILTER (WHERE status = 'done' AND planned_date > ${TODAY})::int AS done_after,
             count(*) FILTER (WHERE status = 'planned')::int AS planned FROM visit`);
    expect(dates.done_after).toBe(0);
    expect(dates.planned).toBeGreaterThan(0);
    // Some "no planificar" months, with no visit in them.
    const skipped = await one<{ plans: number; visits_in_skipped: number }>(sql`
      SELECT count(*)::int AS plans,
             (SELECT count(*)::int FROM visit v JOIN coaching_plan cp ON cp.teacher_id = v.teacher_id
               AND cp.school_year = v.school_year
               AND (cp.skipped_months->0->>'month')::int = extract(month FROM v.planned_date)) AS visits_in_skipped
        FROM coaching_plan WHERE jsonb_array_length(skipped_months) > 0`);
    expect(skipped.plans).toBeGreaterThan(0);
    expect(skipped.visits_in_skipped).toBe(0);
    // The load ends with `reports rebuild`: the read models hold every visit done.
    const models = await one<{ done: number; visits: number }>(sql`
      SELECT (SELECT sum(visits_done)::int FROM report_teacher_month) AS done,
             (SELECT count(*)::int FROM visit WHERE status = 'done') AS visits`);
    expect(models.done).toBe(models.visits);
  });

  it('drifts the rubric levels upward across the years, with spread', async () => {
    const { rows } = await sql<{ year: number; mean: number; sd: number }>`
      SELECT r.school_year AS year, avg((s.value->>'level')::int)::float8 AS mean,
             stddev((s.value->>'level')::int)::float8 AS sd
        FROM instrument_response r CROSS JOIN jsonb_each(r.answers->'scores') s
       GROUP BY 1 ORDER BY 1`.execute(database.db);
    expect(rows.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    const [a, b, c] = rows;
    expect(a && b && c && a.mean < b.mean && b.mean < c.mean).toBe(true);
    for (const r of rows) expect(r.sd).toBeGreaterThan(0.4);
  });

  it('writes field records that pass core’s sync schemas and the rubric', async () => {
    const { rows: defs } = await sql<{ definition: InstrumentDefinition }>`
      SELECT definition FROM instrument_version WHERE id = ${RUBRIC_VERSION_ID}`.execute(
      database.db,
    );
    const rubric = defs[0]?.definition as InstrumentDefinition;
    for (const kind of KINDS_LOADED) {
      // A sample spread over the table (by id, which is a hash), read as pull reads rows.
      const { rows } = await sql<{ row: Record<string, unknown> }>`
        SELECT to_jsonb(t) AS row FROM ${sql.table(kind)} t ORDER BY t.id LIMIT 60`.execute(
        database.db,
      );
      expect(rows.length, kind).toBeGreaterThan(0);
      for (const { row } of rows) {
        const data = recordFromRow(kind, row).data;
        const parsed = ENTITIES[kind].schema.safeParse(data);
        expect(parsed.error?.issues ?? [], `${kind} ${row.id}`).toEqual([]);
        if (kind === 'instrument_response') expect(checkAnswers(rubric, data)).toBeNull();
        if (kind === 'activity_attendance')
          expect(row.id).toBe(attendanceIdOf(String(data.activityId), String(data.teacherId)));
      }
    }
    // Every record is in the change log, so devices pull them like any other.
    const { rows: missing } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM visit v
       WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.entity_id = v.id)`.execute(database.db);
    expect(missing[0]?.n).toBe(0);
  });

  it('gives the test accounts their roles and changes coach for a few teachers', async () => {
    const { rows } = await sql<{ dni: string; role: string; status: string }>`
      SELECT p.dni, ra.role, ua.status FROM person p JOIN user_account ua ON ua.person_id = p.id
        JOIN role_assignment ra ON ra.person_id = p.id ORDER BY p.dni`.execute(database.db);
    expect(rows.map((r) => r.dni)).toEqual([
      ...summary.accounts.filter((a) => a.role === 'acompanante').map((a) => a.dni),
      ...Object.values(SYNTHETIC_ACCOUNTS),
    ]);
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    const { rows: changes } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM caseload WHERE reason LIKE 'Cambio de acompañante%'`.execute(
      database.db,
    );
    expect(changes[0]?.n).toBeGreaterThan(0);
  });

  it(
    'answers every report shape from the cells exactly as per teacher',
    async () => {
      const { fromCells, perTeacher, complexBefore } = await cellsAgainstTeachers(database.db);
      expect(fromCells.length).toBeGreaterThan(300);
      expect(fromCells).toEqual(perTeacher);
      // A few teachers are read per teacher (two interventions, no post…) and the rest are not.
      const { rows } = await sql<{ n: string }>`
        SELECT count(DISTINCT (school_year, teacher_id))::text AS n FROM report_teacher_month`.execute(
        database.db,
      );
      expect(complexBefore).toBeLessThan(Number(rows[0]?.n));
    },
    LOAD_MS,
  );

  it(
    'gives the same content for the same seed',
    async () => {
      const again = await migrated(target);
      try {
        await seedSynthetic(again.db, OPTIONS);
        const first = await contentHash(database.db);
        expect(await contentHash(again.db)).toBe(first);
        // The hash sees a single changed level.
        await sql`UPDATE instrument_response SET answers = jsonb_set(answers, '{scores,respeto,level}',
          to_jsonb(5 - (answers->'scores'->'respeto'->>'level')::int))
        WHERE id = (SELECT min(id::text)::uuid FROM instrument_response)`.execute(again.db);
        expect(await contentHash(again.db)).not.toBe(first);
      } finally {
        await again.close();
      }
    },
    LOAD_MS,
  );
});
