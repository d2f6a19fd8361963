import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN, TestClient } from '../../test/http.ts';
import { type DemoRole, DNI, idOf, loginAll, YEAR } from '../shared/testing.ts';

// The programme catalogue: the five interventions, their targets per school year (data, edited
// by equipo MINEDU only), versioned so that editing one year never rewrites another.

const NEXT = YEAR + 1;
const RULES = [
  {
    level: 'primaria',
    gradeFrom: 1,
    gradeTo: 4,
    activityKind: 'visita',
    perYear: 10,
    minPerMonth: 1,
    note: 'Más visitas.',
  },
  {
    level: 'primaria',
    gradeFrom: 5,
    gradeTo: 6,
    activityKind: 'visita',
    perYear: 4,
    minPerMonth: 0,
    note: '',
  },
  {
    level: 'primaria',
    gradeFrom: 1,
    gradeTo: 6,
    activityKind: 'gia',
    perYear: 8,
    minPerMonth: 1,
    note: '',
  },
];

describe.each(testTargets())('programme catalogue on $engine', (target) => {
  let database: Database;
  let db: Kysely<DB>;
  let client: TestClient;
  let cookies: Record<DemoRole, string>;
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
    client = new TestClient(database);
    cookies = await loginAll(client);
  });
  afterAll(async () => {
    await database.close();
  });

  const send = async (method: 'PUT' | 'POST', path: string, role: DemoRole, body: unknown) => {
    const res = await client.request(path, {
      method,
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: cookies[role] },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const targets = (role: DemoRole, code: string, year?: number) =>
    client.getJson(
      `/api/v1/interventions/${code}/targets${year ? `?year=${year}` : ''}`,
      cookies[role],
    );

  it('lists the five interventions with the years that have targets, to every role', async () => {
    for (const role of Object.keys(DNI) as DemoRole[]) {
      const { status, body } = await client.getJson('/api/v1/interventions', cookies[role]);
      expect(status, role).toBe(200);
      expect(body.items.map((i: { code: string }) => i.code).sort()).toEqual([
        'JEC',
        'MULTIGRADO',
        'SPI',
        'SPSR',
        'SP_URBANO',
      ]);
    }
    const { body } = await client.getJson('/api/v1/interventions', cookies.docente);
    const spi = body.items.find((i: { code: string }) => i.code === 'SPI');
    expect(spi).toMatchObject({ worksWithDirectors: true, worksWithFamilies: true });
    expect(spi.years).toEqual(expect.arrayContaining([2024, 2025, 2026, 2027]));
  });

  it('returns a year’s targets as stored (the current year by default)', async () => {
    const { status, body } = await targets('coach', 'SPI');
    expect(status).toBe(200);
    expect(body.year).toBe(YEAR);
    expect(body.currentYear).toBe(YEAR);
    expect(body.editable).toBe(false);
    const stored = await db
      .selectFrom('target_rule')
      .selectAll()
      .where('intervention_code', '=', 'SPI')
      .where('school_year', '=', YEAR)
      .execute();
    expect(body.rules).toHaveLength(stored.length);
    const visita = body.rules.find(
      (r: { level: string; activityKind: string }) =>
        r.level === 'primaria' && r.activityKind === 'visita',
    );
    const row = stored.find((r) => r.level === 'primaria' && r.activity_kind === 'visita');
    expect(visita?.perYear).toBe(row?.per_year);
    expect((await targets('minedu', 'SPI')).body.editable).toBe(true);
    expect((await targets('minedu', 'SPI', YEAR - 1)).body.editable).toBe(false);
    expect((await targets('minedu', 'NOPE')).status).toBe(404);
  });

  it('replaces next year’s targets and leaves this year’s untouched', async () => {
    const before = (await targets('minedu', 'SP_URBANO', YEAR)).body.rules;
    const put = await send(
      'PUT',
      `/api/v1/interventions/SP_URBANO/targets?year=${NEXT}`,
      'minedu',
      { rules: RULES },
    );
    expect(put.status).toBe(200);
    expect(put.body.year).toBe(NEXT);
    expect(put.body.rules).toHaveLength(RULES.length);
    expect(put.body.rules).toEqual(
      expect.arrayContaining(RULES.map((r) => expect.objectContaining(r))),
    );
    expect((await targets('minedu', 'SP_URBANO', YEAR)).body.rules).toEqual(before);
    expect((await targets('especialista', 'SP_URBANO', NEXT)).body.rules).toHaveLength(
      RULES.length,
    );
    const audit = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('resource_id', '=', `target_rule:SP_URBANO:${NEXT}`)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: await idOf(db, DNI.minedu),
        action: 'update',
        resource_kind: 'catalog',
      }),
    ]);
  });

  it('refuses to rewrite a past year: it is history', async () => {
    const before = (await targets('minedu', 'MULTIGRADO', YEAR - 1)).body.rules;
    const { status, body } = await send(
      'PUT',
      `/api/v1/interventions/MULTIGRADO/targets?year=${YEAR - 1}`,
      'minedu',
      { rules: RULES },
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe(
      `Revisa el campo «año escolar»: las metas de ${YEAR - 1} ya son historia y no se pueden cambiar. Edita ${YEAR} o un año posterior.`,
    );
    expect((await targets('minedu', 'MULTIGRADO', YEAR - 1)).body.rules).toEqual(before);
  });

  it('lets only equipo MINEDU edit targets', async () => {
    for (const role of ['especialista', 'director', 'coach', 'docente', 'formador'] as const) {
      const put = await send('PUT', `/api/v1/interventions/SPI/targets?year=${NEXT}`, role, {
        rules: RULES,
      });
      expect(put.status, role).toBe(403);
      expect(put.body.error.message).toBe(
        'Solo el equipo MINEDU puede cambiar las metas de las intervenciones.',
      );
      const copy = await send('POST', '/api/v1/interventions/SPI/targets/copy', role, {
        fromYear: YEAR,
        toYear: NEXT,
      });
      expect(copy.status, role).toBe(403);
    }
  });

  it('validates the rules with Spanish messages naming the row and field', async () => {
    const cases: [unknown, string][] = [
      [
        [RULES[0], { ...RULES[0], gradeFrom: 3, gradeTo: 6 }],
        'Revisa el campo «grado inicial (fila 2)»: Se cruza con la fila 1: misma actividad y nivel para los mismos grados.',
      ],
      [
        [{ ...RULES[0], minPerMonth: 11 }],
        'Revisa el campo «mínimo por mes (fila 1)»: El mínimo por mes no puede ser mayor que la meta del año.',
      ],
      [
        [{ ...RULES[0], level: 'inicial', gradeFrom: 0, gradeTo: 6 }],
        'Revisa el campo «grado final (fila 1)»: En inicial los grados van de 0 a 5.',
      ],
      [
        [{ ...RULES[0], perYear: -1 }],
        'Revisa el campo «metas por año (fila 1)»: La meta por año debe ser 0 o más.',
      ],
      [
        [{ ...RULES[0], activityKind: 'fiesta' }],
        'Revisa el campo «actividad (fila 1)»: La actividad no es válida. Usa: visita, gia, ria, taller, reunion_familias, colegiado.',
      ],
    ];
    for (const [rules, message] of cases) {
      const { status, body } = await send(
        'PUT',
        `/api/v1/interventions/SPI/targets?year=${NEXT}`,
        'minedu',
        { rules },
      );
      expect(status).toBe(400);
      expect(body.error.message).toBe(message);
    }
    const noYear = await send('PUT', '/api/v1/interventions/SPI/targets', 'minedu', {
      rules: RULES,
    });
    expect(noYear.status).toBe(400);
    expect(noYear.body.error.details.fields[0].path).toBe('year');
    const unknown = await send('PUT', `/api/v1/interventions/NOPE/targets?year=${NEXT}`, 'minedu', {
      rules: RULES,
    });
    expect(unknown.status).toBe(404);
  });

  it('copies a year’s targets to a later year, never into the past', async () => {
    const source = (await targets('minedu', 'JEC', YEAR)).body.rules;
    const copy = await send('POST', '/api/v1/interventions/JEC/targets/copy', 'minedu', {
      fromYear: YEAR,
      toYear: NEXT + 1,
    });
    expect(copy.status).toBe(200);
    expect(copy.body.year).toBe(NEXT + 1);
    expect(copy.body.rules).toEqual(source);
    const past = await send('POST', '/api/v1/interventions/JEC/targets/copy', 'minedu', {
      fromYear: YEAR,
      toYear: YEAR - 1,
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields[0].path).toBe('toYear');
    const empty = await send('POST', '/api/v1/interventions/JEC/targets/copy', 'minedu', {
      fromYear: 2001,
      toYear: NEXT,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe(
      'Revisa el campo «año de origen»: JEC no tiene metas en 2001 para copiar.',
    );
    const same = await send('POST', '/api/v1/interventions/JEC/targets/copy', 'minedu', {
      fromYear: YEAR,
      toYear: YEAR,
    });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe(
      'Revisa el campo «año de destino»: El año de destino debe ser distinto del año de origen.',
    );
  });
});
