import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Device, pushOk } from '../../sync/testing.ts';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN } from '../../test/http.ts';
import { type DemoRole, DNI, idOf, rosterHarness, YEAR } from '../shared/testing.ts';

// An intervention's own activity types (issue 15, migration 0018) on both engines: equipo
// MINEDU adds, renames and deactivates them; every catalogue reader lists them (with the
// interventions, which is how they reach the devices); a coach records an activity of an
// active type of its intervention, not of another's, and a deactivated type refuses new
// activities while the ones recorded with it still save.

describe.each(testTargets())('own activity types on $engine', (target) => {
  const h = rosterHarness(target);
  const base = (code: string) => `/api/v1/interventions/${code}/activity-types`;
  const send = async (method: string, path: string, role: DemoRole, body: unknown) => {
    const res = await h.client.request(path, {
      method,
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: h.cookies[role] },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const coachIntervention = async () => {
    const coachId = await idOf(h.db, DNI.coach);
    const { rows } = await sql<{ code: string; school_id: string; teacher_id: string }>`
      SELECT c.intervention_code AS code, tp.school_id, c.teacher_id
        FROM caseload c JOIN teacher_post tp ON tp.person_id = c.teacher_id
       WHERE c.coach_id = ${coachId} AND c.valid_to IS NULL
       ORDER BY tp.school_year DESC LIMIT 1`.execute(h.db);
    const row = rows[0];
    if (!row) throw new Error('the demo coach has no caseload');
    return { coachId, ...row };
  };
  const otherIntervention = async (code: string) => {
    const row = await h.db
      .selectFrom('intervention')
      .select('code')
      .where('code', '<>', code)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    return row.code;
  };

  it('lets equipo MINEDU add, rename and deactivate; refuses others with a stable code', async () => {
    const { code } = await coachIntervention();
    const created = await send('POST', base(code), 'minedu', {
      name: 'Círculo de lectura docente',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: 'circulo_de_lectura_docente',
      name: 'Círculo de lectura docente',
      active: true,
    });
    for (const role of ['especialista', 'director', 'coach', 'docente', 'formador'] as const) {
      const refused = await send('POST', base(code), role, { name: 'Tertulia' });
      expect(refused.status, role).toBe(403);
      expect(refused.body.error.code, role).toBe('ACTIVITY_TYPE_WRITE_FORBIDDEN');
    }
    // The same name (whatever its case) or code twice: 409.
    const again = await send('POST', base(code), 'minedu', { name: 'círculo de lectura DOCENTE' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACTIVITY_TYPE_DUPLICATE');
    const sameCode = await send('POST', base(code), 'minedu', {
      name: 'Otro nombre',
      typeCode: 'circulo_de_lectura_docente',
    });
    expect(sameCode.body.error.code).toBe('ACTIVITY_TYPE_DUPLICATE');
    const builtin = await send('POST', base(code), 'minedu', { name: 'X', typeCode: 'gia' });
    expect(builtin.status).toBe(400);
    // The person reads the field's Spanish name, never the API's.
    const blank = await send('POST', base(code), 'minedu', { name: '' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/^Revisa el campo «nombre»/);
    const unknown = await send('POST', base('NO_EXISTE'), 'minedu', { name: 'Tertulia' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('INTERVENTION_NOT_FOUND');

    const renamed = await send('PATCH', `${base(code)}/circulo_de_lectura_docente`, 'minedu', {
      name: 'Círculo de lectura',
    });
    expect(renamed.body).toEqual({
      code: 'circulo_de_lectura_docente',
      name: 'Círculo de lectura',
      active: true,
    });
    const coachRename = await send('PATCH', `${base(code)}/circulo_de_lectura_docente`, 'coach', {
      active: false,
    });
    expect(coachRename.body.error.code).toBe('ACTIVITY_TYPE_WRITE_FORBIDDEN');
    const missing = await send('PATCH', `${base(code)}/no_existe`, 'minedu', { active: false });
    expect(missing.status).toBe(404);

    // Every catalogue reader lists them, also with the interventions (the devices' copy).
    for (const role of ['coach', 'docente', 'director', 'minedu'] as const) {
      const list = await h.client.getJson(base(code), h.cookies[role]);
      expect(list.status, role).toBe(200);
      expect(list.body.items, role).toEqual([
        { code: 'circulo_de_lectura_docente', name: 'Círculo de lectura', active: true },
      ]);
    }
    const interventions = await h.client.getJson('/api/v1/interventions', h.cookies.coach);
    const mine = interventions.body.items.find((i: { code: string }) => i.code === code);
    expect(mine.activityTypes).toEqual([
      { code: 'circulo_de_lectura_docente', name: 'Círculo de lectura', active: true },
    ]);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event
       WHERE resource_kind = 'catalog' AND resource_id LIKE 'activity_type:%'`.execute(h.db);
    expect(rows[0]?.n).toBe(2);
  });

  it('syncs an activity of its intervention’s type; refuses another’s and a deactivated one', async () => {
    const c = await coachIntervention();
    const other = await otherIntervention(c.code);
    await send('POST', base(c.code), 'minedu', { name: 'Tertulia pedagógica' });
    await send('POST', base(other), 'minedu', { name: 'Jornada rural' });
    const activity = (type: string, extra = {}) => ({
      organiserIds: [c.coachId],
      interventionCode: c.code,
      type,
      scope: null,
      schoolId: c.school_id,
      place: null,
      startDate: `${YEAR}-06-10`,
      endDate: `${YEAR}-06-10`,
      startTime: '15:00',
      endTime: '17:00',
      theme: 'Lectura en voz alta',
      desempenos: [],
      agenda: [],
      topics: [],
      agreements: [],
      notes: null,
      inviteeIds: [c.teacher_id],
      familyCounts: null,
      status: 'planned',
      ...extra,
    });
    const phone = new Device();
    const kept = randomUUID();
    const results = await pushOk(h.client, h.cookies.coach, [
      phone.upsert('activity', kept, activity('tertulia_pedagogica')),
      phone.upsert('activity', randomUUID(), activity('jornada_rural')),
    ]);
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'ACTIVITY_TYPE_NOT_USED',
    ]);
    expect(results[1].error.message).toContain('«tipo de actividad»');

    const off = await send('PATCH', `${base(c.code)}/tertulia_pedagogica`, 'minedu', {
      active: false,
    });
    expect(off.body.active).toBe(false);
    // A new activity of the deactivated type: refused. The one recorded with it: still saves.
    const [refused, edited] = await pushOk(h.client, h.cookies.coach, [
      phone.upsert('activity', randomUUID(), activity('tertulia_pedagogica')),
      phone.upsert(
        'activity',
        kept,
        activity('tertulia_pedagogica', { agreements: ['Leer 20 minutos diarios'] }),
        { changed: ['agreements'], baseVersion: 1 },
      ),
    ]);
    expect(refused.error?.code).toBe('ACTIVITY_TYPE_NOT_USED');
    expect(refused.error.message).toContain('desactivó');
    expect(edited.status).toBe('applied');
    const { rows: stored } = await sql<{ type: string; agreements: string[] }>`
      SELECT type, agreements FROM activity WHERE id = ${kept}`.execute(h.db);
    expect(stored[0]).toEqual({
      type: 'tertulia_pedagogica',
      agreements: ['Leer 20 minutos diarios'],
    });
  });
});
