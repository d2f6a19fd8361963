import { AppError, limaToday, schoolYearOf } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import type { DB } from '../db/schema.ts';
import { rebuildReadModels } from '../modules/reports/maintain.ts';
import { DEMO_PASSWORD, isEmpty } from './demo.ts';
import { loadField } from './synthetic-field.ts';
import { type SynthParams, uid } from './synthetic-sql.ts';
import { loadTerritory } from './synthetic-territory.ts';

// `acompana seed synthetic`: a deterministic synthetic country for monitoring at national
// scale (docs/SCALE.md): 26 regions, UGEL, schools in the five interventions, teachers,
// coaches with caseloads, and school years of field records. All of it is set-based SQL in one
// transaction (nothing is half-loaded), the same on PostgreSQL and PGlite; the same seed and
// day give the same rows. Known test accounts (password "acompana") are listed in SYNTHETIC_ACCOUNTS.

export interface SyntheticOptions {
  teachers: number;
  years: number;
  seed?: number;
  /** Load even though the database already has people (a demo, say). */
  force?: boolean;
  /** Lima's today (tests pin it); by default the real one. */
  today?: string;
}

export interface SyntheticAccount {
  dni: string;
  role: 'minedu' | 'especialista' | 'director' | 'acompanante';
  scope: 'national' | 'region' | 'ugel' | 'school';
  scopeId: string | null;
}

export interface SyntheticSummary {
  seed: number;
  /** Seconds the load took (statistics and the read models' rebuild included). */
  seconds: number;
  /** The monitoring read models were rebuilt after loading. */
  rebuilt: boolean;
  teachers: number;
  coaches: number;
  schools: number;
  ugels: number;
  regions: number;
  visits: number;
  scores: number;
  years: number[];
  accounts: SyntheticAccount[];
}

/** Fixed DNIs of the supervisors' test accounts; the coach's is the first coach (lowest DNI)
 *  of the UGEL with most teachers, the one the especialista and director belong to. */
export const SYNTHETIC_ACCOUNTS = {
  minedu: '90000001',
  region: '90000002',
  ugel: '90000003',
  director: '90000004',
} as const;

function checkOptions(o: SyntheticOptions): void {
  const bad = (message: string) => new AppError('VALIDATION_FAILED', message);
  if (!Number.isInteger(o.teachers) || o.teachers < 10 || o.teachers > 1_000_000)
    throw bad('--teachers debe ser un número entero entre 10 y 1000000.');
  if (!Number.isInteger(o.years) || o.years < 1 || o.years > 10)
    throw bad('--years debe ser un número entero entre 1 y 10.');
  if (o.seed !== undefined && (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 2 ** 31 - 1))
    throw bad('--seed debe ser un número entero entre 0 y 2147483647.');
}

export async function seedSynthetic(
  db: Kysely<DB>,
  options: SyntheticOptions,
): Promise<SyntheticSummary> {
  checkOptions(options);
  if (!options.force && !(await isEmpty(db))) throw new AppError('SEED_TARGET_NOT_EMPTY');
  const today = options.today ?? limaToday();
  const current = schoolYearOf(today);
  const years = Array.from({ length: options.years }, (_, i) => current - options.years + 1 + i);
  const p: SynthParams = { seed: options.seed ?? 1, teachers: options.teachers, years, today };
  const started = Date.now();
  const hash = await hashPassword(DEMO_PASSWORD);
  const accounts = await db.transaction().execute(async (tx) => {
    await loadTerritory(tx, p);
    await loadField(tx, p);
    return createAccounts(tx, p, hash);
  });
  // Fresh statistics: the planner sees millions of rows, not the empty tables it last analysed.
  await sql`ANALYZE`.execute(db);
  const summary = await summarize(db, years, accounts);
  const loaded = { ...summary, seed: p.seed, seconds: Math.round((Date.now() - started) / 1000) };
  return finishSyntheticSet(db, { ...loaded, rebuilt: false });
}

/** The monitoring read models rebuilt from the loaded records (`reports rebuild`), analysed,
 *  and the set recorded (app_setting 'synthetic_set') for bench:reports to reuse and quote:
 *  `seconds` covers loading and rebuilding. A set loaded before the read models existed is
 *  finished the same way. */
export async function finishSyntheticSet(
  db: Kysely<DB>,
  set: SyntheticSummary,
): Promise<SyntheticSummary> {
  const started = Date.now();
  if (!set.rebuilt) {
    await rebuildReadModels(db);
    await sql`ANALYZE`.execute(db);
  }
  const done = {
    ...set,
    rebuilt: true,
    seconds: set.seconds + (set.rebuilt ? 0 : Math.round((Date.now() - started) / 1000)),
  };
  await sql`INSERT INTO app_setting (key, value) VALUES ('synthetic_set', ${JSON.stringify(done)}::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`.execute(db);
  return done;
}

/** The synthetic set this database holds (app_setting 'synthetic_set'), if any. */
export async function readSyntheticSet(db: Kysely<DB>): Promise<SyntheticSummary | null> {
  const row = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'synthetic_set')
    .executeTakeFirst();
  return (row?.value as SyntheticSummary | undefined) ?? null;
}

async function createAccounts(
  tx: Kysely<DB>,
  p: SynthParams,
  hash: string,
): Promise<SyntheticAccount[]> {
  const { rows } = await sql<{
    ugel_id: string;
    region_id: string;
    school_id: string;
    coach_dni: string;
  }>`
    WITH u AS (
      SELECT t.ugel_id, t.region_id, count(*) AS n, min(u.code) AS code
        FROM syn_teacher t JOIN ugel u ON u.id = t.ugel_id GROUP BY 1, 2 ORDER BY n DESC, code LIMIT 1
    )
    SELECT u.ugel_id, u.region_id,
           (SELECT s.id FROM syn_school s WHERE s.ugel_id = u.ugel_id ORDER BY s.size DESC, s.gn LIMIT 1) AS school_id,
           (SELECT (80000000 + min(c.j))::text FROM syn_coach c WHERE c.ugel_id = u.ugel_id) AS coach_dni
      FROM u`.execute(tx);
  const place = rows[0];
  if (!place) throw new Error('synthetic set without teachers');
  const A = SYNTHETIC_ACCOUNTS;
  const supervisors: SyntheticAccount[] = [
    { dni: A.minedu, role: 'minedu', scope: 'national', scopeId: null },
    { dni: A.region, role: 'especialista', scope: 'region', scopeId: place.region_id },
    { dni: A.ugel, role: 'especialista', scope: 'ugel', scopeId: place.ugel_id },
    { dni: A.director, role: 'director', scope: 'school', scopeId: place.school_id },
  ];
  const list = JSON.stringify(supervisors);
  await sql`INSERT INTO person (id, dni, given_names, paternal_surname, maternal_surname)
    SELECT ${uid(p, sql`'account:' || (a->>'dni')`)}, a->>'dni', 'Cuenta de prueba', initcap(a->>'role'), a->>'scope'
      FROM jsonb_array_elements(${list}::jsonb) a`.execute(tx);
  await sql`INSERT INTO role_assignment (id, person_id, role, scope_level, scope_id, valid_from)
    SELECT ${uid(p, sql`'account-role:' || (a->>'dni')`)}, p.id, a->>'role', a->>'scope', (a->>'scopeId')::uuid, ${`${p.years[0]}-03-01`}::date
      FROM jsonb_array_elements(${list}::jsonb) a JOIN person p ON p.dni = a->>'dni'`.execute(tx);
  const accounts = [
    ...supervisors,
    {
      dni: place.coach_dni,
      role: 'acompanante' as const,
      scope: 'ugel' as const,
      scopeId: place.ugel_id,
    },
  ];
  await sql`INSERT INTO user_account (person_id, password_hash, status)
    SELECT id, ${hash}, 'active' FROM person
     WHERE dni = ANY(${accounts.map((a) => a.dni)}::text[])`.execute(tx);
  return accounts;
}

async function summarize(
  db: Kysely<DB>,
  years: number[],
  accounts: SyntheticAccount[],
): Promise<Omit<SyntheticSummary, 'seed' | 'seconds' | 'rebuilt'>> {
  const { rows } = await sql<Record<string, string>>`SELECT
      (SELECT count(*) FROM person WHERE dni LIKE '7%') AS teachers,
      (SELECT count(*) FROM coach_profile) AS coaches,
      (SELECT count(*) FROM school) AS schools,
      (SELECT count(*) FROM ugel) AS ugels,
      (SELECT count(*) FROM region) AS regions,
      (SELECT count(*) FROM visit) AS visits,
      (SELECT count(*) * 5 FROM instrument_response WHERE status = 'complete') AS scores`.execute(
    db,
  );
  const r = rows[0] ?? {};
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    teachers: n('teachers'),
    coaches: n('coaches'),
    schools: n('schools'),
    ugels: n('ugels'),
    regions: n('regions'),
    visits: n('visits'),
    scores: n('scores'),
    years,
    accounts,
  };
}
