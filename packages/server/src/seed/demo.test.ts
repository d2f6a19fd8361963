import { currentSchoolYear } from '@acompana/core';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/database.ts';
import { LIMA_TODAY } from '../db/time.ts';
import { testTargets } from '../test/databases.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.ts';

// The shape of the demo UGEL as seeded into the test template (test/global-setup.ts): counts,
// padrón fields, interventions, caseloads and exactly the roster warnings it was built to show.

const CURRENT = (alias: string) =>
  sql`${sql.ref(`${alias}.valid_from`)} <= ${LIMA_TODAY} AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} >= ${LIMA_TODAY})`;

describe.each(testTargets())('demo UGEL on $engine', (target) => {
  let database: Database;
  const year = currentSchoolYear();
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> =>
    (await query.execute(database.db)).rows;

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database.close();
  });

  /** Current caseload size per coach DNI. */
  const caseloadSizes = async () =>
    Object.fromEntries(
      (
        await rows<{ dni: string; n: number }>(sql`
          SELECT p.dni, count(DISTINCT c.teacher_id)::int AS n
          FROM caseload c JOIN person p ON p.id = c.coach_id
          WHERE ${CURRENT('c')} GROUP BY p.dni`)
      ).map((r) => [r.dni, r.n]),
    );

  it('has 25 schools of UGEL Gran Chimú with every padrón field filled believably', async () => {
    const schools = await rows<{
      codigo_modular: string;
      anexo: number;
      codlocal: string | null;
      name: string;
      level: string;
      characteristic: string | null;
      area: string | null;
      ubigeo: string | null;
      management: string | null;
      language: string | null;
      latitude: string | null;
      longitude: string | null;
      active: boolean;
      students: number | null;
      teachers: number | null;
      posts: number;
      region: string;
      ugel: string;
      spi: boolean;
    }>(sql`
      SELECT s.*, r.code AS region, u.code AS ugel,
        (SELECT count(*)::int FROM teacher_post tp
          WHERE tp.school_id = s.id AND tp.school_year = ${year}) AS posts,
        EXISTS (SELECT 1 FROM enrollment e
          WHERE e.school_id = s.id AND e.intervention_code = 'SPI') AS spi
      FROM school s JOIN region r ON r.id = s.region_id JOIN ugel u ON u.id = s.ugel_id`);
    expect(schools).toHaveLength(25);
    expect(new Set(schools.map((s) => s.codigo_modular)).size).toBe(25);
    for (const s of schools) {
      expect(s.codigo_modular).toMatch(/^0\d{6}$/);
      expect(s.anexo).toBe(0);
      expect(s.codlocal).toMatch(/^\d{6}$/);
      expect(s.name).toMatch(/^IE /);
      expect(s.region).toBe('13');
      expect(s.ugel).toBe('130012');
      expect(['131201', '131202', '131203', '131204']).toContain(s.ubigeo);
      expect(s.management).toBe('Pública de gestión directa');
      expect(s.characteristic).not.toBeNull();
      expect(s.area).not.toBeNull();
      expect(Number(s.latitude)).toBeGreaterThanOrEqual(-7.6);
      expect(Number(s.latitude)).toBeLessThanOrEqual(-7.3);
      expect(Number(s.longitude)).toBeGreaterThanOrEqual(-78.9);
      expect(Number(s.longitude)).toBeLessThanOrEqual(-78.6);
      expect(s.active).toBe(true);
      expect(s.students).toBeGreaterThan(0);
      expect(s.teachers).toBe(s.posts);
      // Only the EIB schools of the SPI network have a lengua originaria.
      expect(s.language).toBe(s.spi ? 'Quechua' : null);
    }
    const count = (f: (s: (typeof schools)[number]) => boolean) => schools.filter(f).length;
    expect(count((s) => s.level === 'B0')).toBe(17);
    expect(count((s) => s.level === 'A2' || s.level === 'A3')).toBe(4);
    expect(count((s) => s.level === 'F0')).toBe(4);
    expect(count((s) => s.area === 'urbana')).toBe(4);
    expect(schools.filter((s) => s.area === 'urbana').map((s) => s.ubigeo)).toEqual(
      Array(4).fill('131201'),
    );
  });

  it('enrolls schools in four interventions, in years 1, 2 and 3, with one egresada', async () => {
    const enrolled = await rows<{ code: string; n: number }>(sql`
      SELECT intervention_code AS code, count(*)::int AS n FROM enrollment
      WHERE status = 'activa' GROUP BY 1 ORDER BY 1`);
    expect(enrolled).toEqual([
      { code: 'MULTIGRADO', n: 11 },
      { code: 'SPI', n: 6 },
      { code: 'SPSR', n: 3 },
      { code: 'SP_URBANO', n: 2 },
    ]);
    const cohorts = await rows<{ y: number }>(sql`
      SELECT DISTINCT cohort_start_year AS y FROM enrollment WHERE status = 'activa' ORDER BY 1`);
    expect(cohorts.map((c) => c.y)).toEqual([year - 2, year - 1, year]);
    const exits = await rows<{ cohort_start_year: number; exit_year: number; ok: boolean }>(sql`
      SELECT cohort_start_year, exit_year,
        exit_teacher_progress AND exit_director_leadership AND exit_collaborative_work AS ok
      FROM enrollment WHERE status = 'egresada'`);
    expect(exits).toEqual([{ cohort_start_year: year - 5, exit_year: year - 3, ok: true }]);
    // Interventions fit the schools they serve (docs/DOMAIN.md §2).
    const misfits = await rows<{ name: string }>(sql`
      SELECT s.name FROM enrollment e JOIN school s ON s.id = e.school_id WHERE NOT CASE e.intervention_code
        WHEN 'MULTIGRADO' THEN s.level = 'B0' AND s.area = 'rural' AND s.characteristic <> 'polidocente_completo'
        WHEN 'SP_URBANO' THEN s.level = 'B0' AND s.area = 'urbana' AND s.characteristic = 'polidocente_completo'
        WHEN 'SPI' THEN s.level IN ('A2', 'A3', 'B0') AND s.area = 'rural' AND s.language IS NOT NULL
        WHEN 'SPSR' THEN s.level = 'F0' AND s.area = 'rural'
        ELSE false END`);
    expect(misfits).toEqual([]);
  });

  it('has an SPI network of EIB schools covered by a team of five ASPI', async () => {
    const networks = await rows<{ code: string; schools: number; spi: number }>(sql`
      SELECT n.code, count(s.id)::int AS schools,
        count(*) FILTER (WHERE s.language IS NOT NULL)::int AS spi
      FROM network n LEFT JOIN school s ON s.network_id = n.id GROUP BY n.code ORDER BY n.code`);
    expect(networks).toEqual([
      { code: 'RER-GC-01', schools: 6, spi: 6 },
      { code: 'RER-GC-02', schools: 4, spi: 0 },
      { code: 'RER-GC-03', schools: 4, spi: 0 },
    ]);
    const team = await rows<{ specialty: string; kind: string; caseload_specialty: string }>(sql`
      SELECT nt.specialty, cp.kind,
        (SELECT string_agg(DISTINCT c.specialty, ',') FROM caseload c
          WHERE c.coach_id = nt.coach_id AND c.intervention_code = 'SPI') AS caseload_specialty
      FROM network_team nt JOIN network n ON n.id = nt.network_id
      JOIN coach_profile cp ON cp.person_id = nt.coach_id
      WHERE n.code = 'RER-GC-01' AND nt.school_year = ${year} ORDER BY nt.specialty`);
    expect(team.map((t) => t.specialty)).toEqual([
      'castellano_l2',
      'comunicacion_lengua_originaria',
      'inicial',
      'matematica',
      'personal_social_ciencia_ambiente',
    ]);
    for (const t of team) {
      expect(t.kind).toBe('aspi');
      expect(t.caseload_specialty).toBe(t.specialty);
    }
    // Every primaria teacher of the network has the four primaria ASPI; inicial, the fifth.
    const perTeacher = await rows<{ level: string; n: number }>(sql`
      SELECT tp.level, count(DISTINCT c.coach_id)::int AS n
      FROM teacher_post tp JOIN caseload c ON c.teacher_id = tp.person_id AND ${CURRENT('c')}
      WHERE c.intervention_code = 'SPI' AND tp.school_year = ${year}
      GROUP BY tp.person_id, tp.level`);
    expect(perTeacher).toHaveLength(22);
    for (const t of perTeacher) expect(t.n).toBe(t.level === 'B0' ? 4 : 1);
  });

  it('has multigrado and unidocente schools; unidocente teachers act as directors', async () => {
    const kinds = await rows<{ characteristic: string; n: number; acting: number }>(sql`
      SELECT s.characteristic, count(DISTINCT s.id)::int AS n,
        count(*) FILTER (WHERE tp.acting_director)::int AS acting
      FROM school s JOIN teacher_post tp ON tp.school_id = s.id AND tp.school_year = ${year}
      GROUP BY 1 ORDER BY 1`);
    expect(kinds).toEqual([
      { characteristic: 'polidocente_completo', n: 9, acting: 0 },
      { characteristic: 'polidocente_multigrado', n: 13, acting: 0 },
      { characteristic: 'unidocente', n: 3, acting: 3 },
    ]);
    const multigrade = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM teacher_post tp JOIN school s ON s.id = tp.school_id
      WHERE s.level = 'B0' AND cardinality(tp.grades) > 1`);
    expect(multigrade[0]?.n).toBeGreaterThanOrEqual(20);
  });

  it('has 120 teachers with current posts, levels, grades and subjects', async () => {
    const posts = await rows<{ level: string; grades: number[]; subject: string | null }>(sql`
      SELECT level, grades, subject FROM teacher_post WHERE school_year = ${year}`);
    expect(posts).toHaveLength(120);
    for (const p of posts) {
      expect(p.grades.length).toBeGreaterThan(0);
      const [min, max] = { A2: [3, 5], A3: [0, 5], B0: [1, 6], F0: [1, 5] }[p.level] ?? [0, -1];
      for (const g of p.grades) expect(g >= (min ?? 0) && g <= (max ?? -1)).toBe(true);
      expect(p.subject !== null).toBe(p.level === 'F0');
    }
    const distinct = await rows<{ n: number }>(sql`
      SELECT count(DISTINCT person_id)::int AS n FROM teacher_post WHERE school_year = ${year}`);
    expect(distinct[0]?.n).toBe(120);
  });

  it('has 10 coaches with profiles, UGEL-scoped roles and believable caseloads', async () => {
    const coaches = await rows<{ dni: string; kind: string; specialty: string | null }>(sql`
      SELECT p.dni, cp.kind, cp.specialty FROM coach_profile cp
      JOIN person p ON p.id = cp.person_id
      JOIN role_assignment ra ON ra.person_id = p.id AND ra.role = 'acompanante'
      JOIN ugel u ON u.id = ra.scope_id AND ra.scope_level = 'ugel' AND u.code = '130012'
      ORDER BY p.dni`);
    expect(coaches.map((c) => `${c.dni} ${c.kind} ${c.specialty ?? '-'}`)).toEqual([
      '20000001 acompanante_pedagogico -',
      '20000002 acompanante_pedagogico -',
      '20000003 acompanante_pedagogico -',
      '20000004 aspi inicial',
      '20000005 aspi comunicacion_lengua_originaria',
      '20000006 aspi castellano_l2',
      '20000007 aspi matematica',
      '20000008 aspi personal_social_ciencia_ambiente',
      '20000009 ap_secundaria comunicacion',
      '20000010 ap_secundaria matematica',
    ]);
    expect(await caseloadSizes()).toEqual({
      '20000001': 14,
      '20000002': 17,
      '20000003': 14,
      '20000004': 9,
      '20000005': 13,
      '20000006': 13,
      '20000007': 13,
      '20000008': 13,
      '20000009': 11,
      '20000010': 12,
    });
    const byIntervention = await rows<{ dni: string; codes: string }>(sql`
      SELECT p.dni, string_agg(DISTINCT c.intervention_code, ',') AS codes
      FROM caseload c JOIN person p ON p.id = c.coach_id GROUP BY p.dni ORDER BY p.dni`);
    expect(byIntervention.map((r) => r.codes)).toEqual([
      'MULTIGRADO',
      'MULTIGRADO',
      'SP_URBANO',
      ...Array(5).fill('SPI'),
      'SPSR',
      'SPSR',
    ]);
  });

  it('shows exactly the roster warnings it was built for', async () => {
    const { min, max } = (
      await rows<{ value: { min: number; max: number } }>(
        sql`SELECT value FROM app_setting WHERE key = 'caseload_range'`,
      )
    )[0]?.value ?? { min: 0, max: 0 };
    const sizes = await caseloadSizes();
    expect(Object.keys(sizes).filter((dni) => (sizes[dni] ?? 0) > max)).toEqual(['20000002']);
    expect(Object.keys(sizes).filter((dni) => (sizes[dni] ?? 0) < min)).toEqual([]);

    const uncoached = await rows<{ dni: string; school: string }>(sql`
      SELECT p.dni, s.codigo_modular AS school FROM teacher_post tp
      JOIN person p ON p.id = tp.person_id JOIN school s ON s.id = tp.school_id
      WHERE tp.school_year = ${year}
        AND EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = s.id AND e.status = 'activa')
        AND NOT EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = p.id AND ${CURRENT('c')})
      ORDER BY p.dni`);
    expect(uncoached).toEqual([
      { dni: '30000032', school: '0538952' }, // enrolled this year, no coach assigned yet
      { dni: '30000033', school: '0538952' },
      { dni: '30000050', school: '0512363' }, // arrived after the caseloads were drawn up
    ]);

    const history = await rows<{
      teacher: string;
      coach: string;
      valid_from: string;
      valid_to: string | null;
    }>(sql`
      SELECT t.dni AS teacher, co.dni AS coach, c.valid_from, c.valid_to FROM caseload c
      JOIN person t ON t.id = c.teacher_id JOIN person co ON co.id = c.coach_id
      WHERE c.teacher_id IN (SELECT teacher_id FROM caseload
        GROUP BY teacher_id, intervention_code, coalesce(specialty, '')
        HAVING count(DISTINCT coach_id) > 1)
      ORDER BY c.valid_from`);
    expect(history).toEqual([
      {
        teacher: '30000014',
        coach: '20000002',
        valid_from: `${year - 1}-01-01`,
        valid_to: `${year - 1}-07-31`,
      },
      { teacher: '30000014', coach: '20000001', valid_from: `${year - 1}-08-01`, valid_to: null },
    ]);
    const ended = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM caseload WHERE valid_to IS NOT NULL`,
    );
    expect(ended[0]?.n).toBe(1);
  });

  it('keeps the six demo accounts and their relationships', async () => {
    const accounts = await rows<{ dni: string; password_hash: string; roles: string }>(sql`
      SELECT p.dni, ua.password_hash, string_agg(ra.role || ':' || ra.scope_level, ',') AS roles
      FROM user_account ua JOIN person p ON p.id = ua.person_id
      JOIN role_assignment ra ON ra.person_id = p.id AND ${CURRENT('ra')}
      GROUP BY p.dni, ua.password_hash ORDER BY p.dni`);
    expect(accounts.map((a) => `${a.dni} ${a.roles}`)).toEqual([
      '10000001 minedu:national',
      '20000001 acompanante:ugel',
      '30000001 docente:school',
      '40000001 director:school',
      '50000001 especialista:ugel',
      '60000001 formador:region',
    ]);
    expect(DEMO_ACCOUNTS.map((a) => a.dni).sort()).toEqual(accounts.map((a) => a.dni));
    expect(await verifyPassword(accounts[0]?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);

    const [link] = await rows<{
      in_caseload: boolean;
      intervention: string;
      same_school: boolean;
      school: string;
      trained: string;
      formador_region: boolean;
      especialista_ugel: boolean;
      other_ugels: number;
    }>(sql`
      WITH d AS (SELECT id FROM person WHERE dni = '30000001'),
        a AS (SELECT id FROM person WHERE dni = '20000001'),
        dir AS (SELECT ra.scope_id FROM role_assignment ra JOIN person p ON p.id = ra.person_id
          WHERE p.dni = '40000001' AND ra.role = 'director')
      SELECT
        EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = (SELECT id FROM d)
          AND c.coach_id = (SELECT id FROM a) AND ${CURRENT('c')}) AS in_caseload,
        (SELECT string_agg(DISTINCT intervention_code, ',') FROM caseload
          WHERE coach_id = (SELECT id FROM a)) AS intervention,
        (SELECT tp.school_id FROM teacher_post tp WHERE tp.person_id = (SELECT id FROM d)
          AND tp.school_year = ${year}) = (SELECT scope_id FROM dir) AS same_school,
        (SELECT name FROM school WHERE id = (SELECT scope_id FROM dir)) AS school,
        (SELECT string_agg(p.dni, ',' ORDER BY p.dni) FROM coach_training ct
          JOIN person p ON p.id = ct.coach_id JOIN person f ON f.id = ct.formador_id
          WHERE f.dni = '60000001' AND ${CURRENT('ct')}) AS trained,
        (SELECT r.code = '13' FROM role_assignment ra JOIN person p ON p.id = ra.person_id
          JOIN region r ON r.id = ra.scope_id WHERE p.dni = '60000001') AS formador_region,
        (SELECT u.code = '130012' FROM role_assignment ra JOIN person p ON p.id = ra.person_id
          JOIN ugel u ON u.id = ra.scope_id WHERE p.dni = '50000001') AS especialista_ugel,
        (SELECT count(*)::int FROM ugel) AS other_ugels`);
    expect(link).toEqual({
      in_caseload: true,
      intervention: 'MULTIGRADO',
      same_school: true,
      school: 'IE N° 80412 Cascas',
      trained: '20000001,20000002,20000003',
      formador_region: true,
      especialista_ugel: true,
      other_ugels: 1, // so every school, post and caseload lies within the especialista's UGEL
    });

    // Three more directors, as roles without accounts.
    const directors = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM role_assignment WHERE role = 'director'`);
    expect(directors[0]?.n).toBe(4);
  });

  it('uses synthetic, unique 8-digit DNIs and unique names', async () => {
    const people = await rows<{ dni: string; name: string }>(sql`
      SELECT dni, given_names || ' ' || paternal_surname || ' ' || maternal_surname AS name
      FROM person`);
    expect(people).toHaveLength(137);
    for (const p of people) expect(p.dni).toMatch(/^[1-6]\d{7}$/);
    expect(new Set(people.map((p) => p.dni)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
  });
});
