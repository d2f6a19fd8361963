import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../../db/time.ts';
import { testTargets } from '../../test/databases.ts';
import {
  allPages,
  type DemoRole,
  DNI,
  idOf,
  rosterHarness,
  scopeOf,
  sorted,
} from '../shared/testing.ts';

// Coaches: who sees which, caseload size and the above-range flag, the detail with the
// current caseload (masked for the formador) and network teams.

interface Coach {
  id: string;
  caseloadSize: number;
  caseloadMax: number;
  aboveRange: boolean;
}

describe.each(testTargets())('coaches on $engine', (target) => {
  const h = rosterHarness(target);

  const coaches = async (role: DemoRole, query = '') =>
    (await allPages<Coach>(h.client, `/api/v1/coaches${query}`, h.cookies[role], 5)).items;
  const currentSizes = async () => {
    const rows = await sql<{ coach_id: string; n: string }>`
      SELECT coach_id, count(DISTINCT teacher_id) AS n FROM caseload
       WHERE valid_from <= ${LIMA_TODAY} AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})
       GROUP BY coach_id`.execute(h.db);
    return new Map(rows.rows.map((r) => [r.coach_id, Number(r.n)]));
  };

  it('shows the especialista the coaches working in their UGEL, with their caseload size', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const listed = await coaches('especialista');
    const sizes = await currentSizes();
    const working = await sql<{ coach_id: string }>`
      SELECT DISTINCT c.coach_id FROM caseload c JOIN coach_profile cp ON cp.person_id = c.coach_id
       WHERE c.ugel_id = ${ugel} AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})`.execute(
      h.db,
    );
    const ids = listed.map((c) => c.id);
    for (const w of working.rows) expect(ids).toContain(w.coach_id);
    expect(ids).not.toContain(h.far.coachId);
    for (const c of listed) expect(c.caseloadSize).toBe(sizes.get(c.id) ?? 0);
    expect(ids).toContain(await idOf(h.db, DNI.coach));
  });

  it('flags exactly the coaches above their limit, and follows the configured range', async () => {
    const listed = await coaches('minedu');
    expect(listed.map((c) => c.id)).toContain(h.far.coachId);
    for (const c of listed) expect(c.aboveRange).toBe(c.caseloadSize > c.caseloadMax);
    const above = await coaches('minedu', '?aboveRange=true');
    expect(sorted(above.map((c) => c.id))).toEqual(
      sorted(listed.filter((c) => c.aboveRange).map((c) => c.id)),
    );
    const notAbove = await coaches('minedu', '?aboveRange=false');
    expect(above.length + notAbove.length).toBe(listed.length);

    const largest = Math.max(...listed.map((c) => c.caseloadSize));
    await h.db
      .updateTable('app_setting')
      .set({ value: JSON.stringify({ min: 1, max: largest - 1 }) })
      .where('key', '=', 'caseload_range')
      .execute();
    const tight = await coaches('minedu', '?aboveRange=true');
    expect(tight.length).toBeGreaterThan(0);
    for (const c of tight) expect(c.caseloadSize).toBeGreaterThan(largest - 1);
    // A coach's own limit wins over the range.
    const first = tight[0] as Coach;
    await h.db
      .updateTable('coach_profile')
      .set({ max_caseload: 200 })
      .where('person_id', '=', first.id)
      .execute();
    expect((await coaches('minedu', '?aboveRange=true')).map((c) => c.id)).not.toContain(first.id);
    await h.db
      .updateTable('coach_profile')
      .set({ max_caseload: null })
      .where('person_id', '=', first.id)
      .execute();
    await h.db
      .updateTable('app_setting')
      .set({ value: JSON.stringify({ min: 8, max: 15 }) })
      .where('key', '=', 'caseload_range')
      .execute();
  });

  it('shows a coach only themself and a formador only the coaches they train', async () => {
    expect((await coaches('coach')).map((c) => c.id)).toEqual([await idOf(h.db, DNI.coach)]);
    const trained = await h.db
      .selectFrom('coach_training')
      .innerJoin('coach_profile', 'coach_profile.person_id', 'coach_training.coach_id')
      .select('coach_id')
      .where('formador_id', '=', await idOf(h.db, DNI.formador))
      .where('valid_to', 'is', null)
      .execute();
    expect(sorted((await coaches('formador')).map((c) => c.id))).toEqual(
      sorted(trained.map((t) => t.coach_id)),
    );
    const refused = await h.client.getJson('/api/v1/coaches', h.cookies.docente);
    expect(refused.status).toBe(403);
  });

  it('filters coaches by kind, specialty and place', async () => {
    const sample = await h.db
      .selectFrom('coach_profile')
      .select(['kind', 'specialty'])
      .where('specialty', 'is not', null)
      .executeTakeFirstOrThrow();
    for (const c of await coaches('minedu', `?kind=${sample.kind}`)) {
      const p = await h.db
        .selectFrom('coach_profile')
        .select('kind')
        .where('person_id', '=', c.id)
        .executeTakeFirstOrThrow();
      expect(p.kind).toBe(sample.kind);
    }
    const bySpecialty = await coaches('minedu', `?specialty=${sample.specialty}`);
    expect(bySpecialty.length).toBeGreaterThan(0);
    expect((await coaches('minedu', `?ugel=${h.far.ugelId}`)).map((c) => c.id)).toEqual([
      h.far.coachId,
    ]);
    expect((await coaches('minedu', `?school=${h.far.schoolId}`)).map((c) => c.id)).toEqual([
      h.far.coachId,
    ]);
    const bad = await h.client.getJson('/api/v1/coaches?kind=tutor', h.cookies.minedu);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Revisa el campo «tipo de acompañante»/);
  });

  it('shows the coach detail: whole caseload to supervisors, masked to the formador', async () => {
    const coach = await idOf(h.db, DNI.coach);
    const current = sorted(
      (
        await sql<{ teacher_id: string }>`SELECT teacher_id FROM caseload WHERE coach_id = ${coach}
          AND valid_from <= ${LIMA_TODAY} AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})`.execute(
          h.db,
        )
      ).rows.map((r) => r.teacher_id),
    );
    const bySpecialist = await h.client.getJson(`/api/v1/coaches/${coach}`, h.cookies.especialista);
    expect(bySpecialist.status).toBe(200);
    expect(
      sorted(bySpecialist.body.caseload.map((e: { teacher: { id: string } }) => e.teacher.id)),
    ).toEqual(current);
    expect(bySpecialist.body.caseloadSize).toBe(new Set(current).size);

    const byFormador = await h.client.getJson(`/api/v1/coaches/${coach}`, h.cookies.formador);
    expect(byFormador.status).toBe(200);
    expect(byFormador.body.caseload).toHaveLength(current.length);
    for (const entry of byFormador.body.caseload) {
      expect(entry).toMatchObject({ teacher: null, schools: [], masked: true });
    }
    expect(JSON.stringify(byFormador.body)).not.toMatch(/"dni":"3/);

    const own = await h.client.getJson(`/api/v1/coaches/${coach}`, h.cookies.coach);
    expect(own.status).toBe(200);
    expect(own.body.caseload.every((e: { masked: boolean }) => !e.masked)).toBe(true);
  });

  it('answers 404 for coaches outside what the asker may see', async () => {
    expect(
      (await h.client.getJson(`/api/v1/coaches/${h.far.coachId}`, h.cookies.especialista)).status,
    ).toBe(404);
    expect(
      (await h.client.getJson(`/api/v1/coaches/${h.far.coachId}`, h.cookies.coach)).status,
    ).toBe(404);
    expect(
      (await h.client.getJson(`/api/v1/coaches/${h.far.coachId}`, h.cookies.formador)).status,
    ).toBe(404);
    expect(
      (await h.client.getJson(`/api/v1/coaches/${h.far.coachId}`, h.cookies.minedu)).status,
    ).toBe(200);
    expect(
      (await h.client.getJson(`/api/v1/coaches/${h.far.teacherId}`, h.cookies.minedu)).status,
    ).toBe(404);
    expect(
      (await h.client.getJson(`/api/v1/coaches/${h.far.coachId}`, h.cookies.docente)).status,
    ).toBe(403);
  });

  it('lists the network teams of an ASPI', async () => {
    const team = await h.db.selectFrom('network_team').select(['coach_id']).executeTakeFirst();
    if (!team) {
      // A network team of our own when the demo has none.
      const id = await idOf(h.db, DNI.coach);
      await h.db
        .insertInto('network_team')
        .values({
          network_id: h.far.networkId,
          coach_id: id,
          school_year: 2020,
          specialty: 'matematica',
        })
        .execute();
    }
    const row = await h.db
      .selectFrom('network_team')
      .select(['coach_id'])
      .executeTakeFirstOrThrow();
    const expected = await h.db
      .selectFrom('network_team')
      .select(['network_id', 'school_year'])
      .where('coach_id', '=', row.coach_id)
      .execute();
    const { status, body } = await h.client.getJson(
      `/api/v1/coaches/${row.coach_id}`,
      h.cookies.minedu,
    );
    expect(status).toBe(200);
    expect(
      sorted(
        body.networkTeams.map(
          (t: { network: { id: string }; schoolYear: number }) => `${t.network.id}:${t.schoolYear}`,
        ),
      ),
    ).toEqual(sorted(expected.map((t) => `${t.network_id}:${t.school_year}`)));
  });
});
