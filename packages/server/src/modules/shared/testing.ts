import { currentSchoolYear } from '@acompana/core';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { hashPassword } from '../../auth/passwords.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { TestTarget } from '../../test/databases.ts';
import { TestClient } from '../../test/http.ts';

// Helpers for the roster tests. Expectations are derived from the database (the demo data
// changes), and the "far" fixture adds a territory of its own that no demo account is scoped to.

export const YEAR = currentSchoolYear();

/** The demo accounts (README): their DNIs are stable, their surroundings are not. */
export const DNI = {
  minedu: '10000001',
  especialista: '50000001',
  formador: '60000001',
  coach: '20000001',
  director: '40000001',
  docente: '30000001',
} as const;
export type DemoRole = keyof typeof DNI;

export async function idOf(db: Kysely<DB>, dni: string): Promise<string> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('dni', '=', dni)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The scope id of a person's role assignment (their UGEL, school, region…). */
export async function scopeOf(db: Kysely<DB>, dni: string, role: string): Promise<string> {
  const row = await db
    .selectFrom('role_assignment as ra')
    .innerJoin('person as p', 'p.id', 'ra.person_id')
    .select('ra.scope_id')
    .where('p.dni', '=', dni)
    .where('ra.role', '=', role)
    .executeTakeFirstOrThrow();
  if (!row.scope_id) throw new Error(`${dni} has a national ${role} scope`);
  return row.scope_id;
}

export async function loginAll(client: TestClient): Promise<Record<DemoRole, string>> {
  const out = {} as Record<DemoRole, string>;
  for (const [role, dni] of Object.entries(DNI) as [DemoRole, string][]) {
    out[role] = await client.login(dni);
  }
  return out;
}

/** Gives a person a login (password "acompana") and a role. */
export async function addAccount(
  db: Kysely<DB>,
  personId: string,
  role: string,
  scope: { level: string; id: string | null },
): Promise<void> {
  await db
    .insertInto('user_account')
    .values({ person_id: personId, password_hash: await hashPassword('acompana') })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
  await db
    .insertInto('role_assignment')
    .values({
      person_id: personId,
      role,
      scope_level: scope.level,
      scope_id: scope.id,
      valid_from: `${YEAR - 1}-01-01`,
    })
    .execute();
}

export const sorted = (values: Iterable<string>) => [...values].sort();

/** Follows nextCursor to the end; fails on repeats. */
export async function allPages<T extends { id: string }>(
  client: TestClient,
  path: string,
  cookie: string,
  limit = 7,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  const join = path.includes('?') ? '&' : '?';
  do {
    const url: string = `${path}${join}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { status, body } = await client.getJson(url, cookie);
    expect(status, `${url}: ${JSON.stringify(body)}`).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 500);
  const ids = items.map((i) => i.id);
  expect(new Set(ids).size, 'no item repeats across pages').toBe(ids.length);
  return { items, pages };
}

export interface FarFixture {
  regionId: string;
  ugelId: string;
  networkId: string;
  schoolId: string;
  teacherId: string;
  /** The teacher's coach until the end of last year. */
  oldCoachId: string;
  /** The teacher's coach since 1 January of this year. */
  coachId: string;
}

/**
 * A territory of its own (region, UGEL, network, one school enrolled in MULTIGRADO) with one
 * teacher whose coach changed on 1 January of this year. No demo account is scoped to it.
 */
export async function addFarTerritory(db: Kysely<DB>): Promise<FarFixture> {
  // Numbered from what this database already holds: server test files share their worker's
  // modules (isolate: false), so a module-level counter would leak from one file to the next.
  const { n } = await db
    .selectFrom('region')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('code', 'like', 'T%')
    .executeTakeFirstOrThrow();
  const tag = String(Number(n) + 1).padStart(2, '0');
  const region = await db
    .insertInto('region')
    .values({ code: `T${tag}`, name: `Región de prueba ${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ugel = await db
    .insertInto('ugel')
    .values({ region_id: region.id, code: `T${tag}01`, name: `UGEL de prueba ${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const network = await db
    .insertInto('network')
    .values({
      region_id: region.id,
      ugel_id: ugel.id,
      code: `RER-T${tag}`,
      name: `RER de prueba ${tag}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const school = await db
    .insertInto('school')
    .values({
      region_id: region.id,
      ugel_id: ugel.id,
      network_id: network.id,
      codigo_modular: `98${tag}001`,
      name: `IE de prueba ${tag}`,
      level: 'B0',
      characteristic: 'unidocente',
      area: 'rural',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const people = await db
    .insertInto('person')
    .values([
      {
        dni: `7${tag}00001`,
        given_names: 'Docente',
        paternal_surname: `Lejano${tag}`,
        maternal_surname: null,
      },
      {
        dni: `7${tag}00002`,
        given_names: 'Acompañante',
        paternal_surname: `Antiguo${tag}`,
        maternal_surname: null,
      },
      {
        dni: `7${tag}00003`,
        given_names: 'Acompañante',
        paternal_surname: `Nuevo${tag}`,
        maternal_surname: null,
      },
    ])
    .returning(['id', 'dni'])
    .execute();
  const [teacher, oldCoach, coach] = [1, 2, 3].map(
    (i) => people.find((p) => p.dni === `7${tag}0000${i}`)?.id as string,
  ) as [string, string, string];
  await db
    .insertInto('teacher_post')
    .values({
      person_id: teacher,
      school_id: school.id,
      region_id: region.id,
      ugel_id: ugel.id,
      school_year: YEAR,
      level: 'B0',
      grades: [1, 2, 3, 4, 5, 6],
      acting_director: true,
    })
    .execute();
  await db
    .insertInto('coach_profile')
    .values([
      { person_id: oldCoach, kind: 'acompanante_pedagogico' },
      { person_id: coach, kind: 'acompanante_pedagogico' },
    ])
    .execute();
  await db
    .insertInto('enrollment')
    .values({
      school_id: school.id,
      intervention_code: 'MULTIGRADO',
      region_id: region.id,
      ugel_id: ugel.id,
      cohort_start_year: YEAR - 1,
    })
    .execute();
  const base = {
    teacher_id: teacher,
    intervention_code: 'MULTIGRADO',
    region_id: region.id,
    ugel_id: ugel.id,
  };
  await db
    .insertInto('caseload')
    .values([
      {
        ...base,
        coach_id: oldCoach,
        valid_from: `${YEAR - 1}-03-01`,
        valid_to: `${YEAR - 1}-12-31`,
      },
      { ...base, coach_id: coach, valid_from: `${YEAR}-01-01`, valid_to: null },
    ])
    .execute();
  return {
    regionId: region.id,
    ugelId: ugel.id,
    networkId: network.id,
    schoolId: school.id,
    teacherId: teacher,
    oldCoachId: oldCoach,
    coachId: coach,
  };
}

export interface RosterHarness {
  db: Kysely<DB>;
  client: TestClient;
  cookies: Record<DemoRole, string>;
  far: FarFixture;
}

/** Opens a seeded database for one describe block, adds the far territory, logs every demo
 *  role in; `prepare` runs before the logins (e.g. to add accounts). Fields are set in
 *  beforeAll, so read them inside tests. */
export function rosterHarness(
  target: TestTarget,
  prepare?: (db: Kysely<DB>, far: FarFixture) => Promise<void>,
): RosterHarness {
  const h = {} as RosterHarness;
  let database: Database | undefined;
  beforeAll(async () => {
    database = await target.open();
    h.db = database.db;
    h.client = new TestClient(database);
    h.far = await addFarTerritory(h.db);
    await prepare?.(h.db, h.far);
    h.cookies = await loginAll(h.client);
  });
  afterAll(async () => {
    await database?.close();
  });
  return h;
}
