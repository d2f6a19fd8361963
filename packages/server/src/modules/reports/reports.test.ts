import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { assignCaseload } from '../caseloads/writes.ts';
import { rosterHarness, YEAR } from '../shared/testing.ts';
import { rebuildReadModels } from './maintain.ts';
import { addReportFixture, type ReportFixture } from './testing.ts';

// The reports against the hand-computed figures of the small fixture (testing.ts), on PGlite
// and PostgreSQL; who may read which scope; suppression and the re-identification attempt.

// biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
type Json = any;

describe.each(testTargets())('reports on $engine', (target) => {
  const h = rosterHarness(target);
  let f: ReportFixture;
  const tag = target.engine === 'pglite' ? '01' : '02';
  const get = async (path: string, who: keyof typeof h.cookies = 'minedu') =>
    h.client.getJson(`/api/v1/reports/${path}`, h.cookies[who]);

  beforeAll(async () => {
    f = await addReportFixture(h.db, tag);
  });

  it('compliance of a UGEL by school, May: the hand-computed figures', async () => {
    const { status, body } = await get(`compliance?scope=ugel:${f.ugelId}&month=5`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ report: 'compliance', month: 5, by: 'school' });
    expect(body.scope).toEqual({ level: 'ugel', id: f.ugelId, name: `UGEL reportes ${tag}` });
    expect(body.total).toMatchObject({
      suppressed: false,
      teachers: 12,
      withCoach: 10,
      visits: { done: 6, planned: 7, target: 9 },
      monthCoveragePct: 55.6,
      cumulative: { visits: { done: 12, target: 84 } },
    });
    const byId = new Map<string, Json>(body.rows.map((r: Json) => [r.id, r]));
    expect(byId.get(f.schools.A)).toMatchObject({
      name: 'IE A',
      drill: `school:${f.schools.A}`,
      suppressed: false,
      teachers: 6,
      withCoach: 6,
      visits: { done: 3, planned: 4, target: 6 },
      monthCoveragePct: 33.3,
      cumulative: { visits: { done: 9, target: 48 }, gia: { done: 0, target: 42 } },
    });
    // C has one teacher (X): suppressed; B (5) is suppressed with it, so that total − A − B
    // cannot give X's figures.
    for (const s of [f.schools.B, f.schools.C]) {
      const row = byId.get(s);
      expect(row.suppressed).toBe(true);
      expect([row.teachers, row.visits.done, row.cumulative.visits.done]).toEqual([
        null,
        null,
        null,
      ]);
    }
    const april = body.byMonth.find((m: Json) => m.month === 4);
    expect(april).toEqual({
      month: 4,
      teachers: 12,
      withVisitPct: 50,
      visitsDone: 5,
      visitsTarget: 10,
    });
  });

  it('counts the mid-year joiner and the «no planificar» month in the rural school', async () => {
    // Rural = school B alone (5 teachers; 12 − 5 = 7 left out, so it may be shown).
    const { body } = await get(`compliance?scope=ugel:${f.ugelId}&month=5&area=rural`);
    expect(body.total).toMatchObject({
      suppressed: false,
      teachers: 5,
      withCoach: 3,
      visits: { done: 2, planned: 2, target: 2 },
      monthCoveragePct: 100,
      cumulative: { visits: { done: 2, target: 27 }, gia: { target: 24 } },
    });
    // In December B2 has had a coach since August: 9 × 5/10 → 5 visits (and 8 × 5/10 → 4 GIA).
    const dec = await get(`compliance?scope=ugel:${f.ugelId}&month=12&area=rural`);
    expect(dec.body.total.cumulative.visits.target).toBe(27 + 5);
    expect(dec.body.total.cumulative.gia.target).toBe(24 + 4);
  });

  it('coverage: teachers with and without a coach', async () => {
    const { status, body } = await get(`coverage?scope=ugel:${f.ugelId}&month=5`);
    expect(status).toBe(200);
    expect(body.total).toMatchObject({
      teachers: 12,
      withCoach: 10,
      withCoachPct: 83.3,
      coachChanges: 0,
      continuityPct: null,
    });
    const a = body.rows.find((r: Json) => r.id === f.schools.A);
    expect(a).toMatchObject({ teachers: 6, withCoach: 6, withCoachPct: 100 });
  });

  it('by coach: the especialista’s view of activity data, small groups suppressed', async () => {
    const { body } = await get(`compliance?scope=ugel:${f.ugelId}&month=5&by=coach`);
    const c1 = body.rows.find((r: Json) => r.id === f.coaches.C1);
    expect(c1).toMatchObject({ suppressed: false, teachers: 7, drill: null });
    expect(c1.name).toContain('C1');
    const others = body.rows.filter((r: Json) => r.id !== f.coaches.C1);
    expect(others.map((r: Json) => r.suppressed)).toEqual([true, true]);
  });

  it('pages rows with an opaque cursor; the total stays complete', async () => {
    const first = await get(`compliance?scope=ugel:${f.ugelId}&month=5&limit=2`);
    expect(first.body.rows).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await get(
      `compliance?scope=ugel:${f.ugelId}&month=5&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.rows).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.total.teachers).toBe(12);
    const ids = [...first.body.rows, ...second.body.rows].map((r: Json) => r.id).sort();
    expect(ids).toEqual([f.schools.A, f.schools.B, f.schools.C].sort());
  });

  it('downloads the same rows and total as CSV, "< 5" where suppressed', async () => {
    const res = await h.client.request(
      `/api/v1/reports/compliance.csv?scope=ugel:${f.ugelId}&month=5`,
      { headers: { cookie: h.cookies.minedu } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const { year } = (await get(`compliance?scope=ugel:${f.ugelId}`)).body;
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="cumplimiento-${year}-ugel-U${tag}.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[1]?.split(',').slice(0, 7)).toEqual(['IE A', '6', '6', '3', '4', '6', '33.3']);
    expect(lines[2]?.split(',').slice(0, 3)).toEqual(['IE B', '< 5', '< 5']);
    expect(lines[4]?.split(',').slice(0, 4)).toEqual([
      `Total UGEL reportes ${tag}`,
      '12',
      '10',
      '6',
    ]);
  });

  it("names the nation, a region, a UGEL, a school and a coach, with the read models' time", async () => {
    const names = await sql<{
      region: string;
      ugel: string;
      school: string;
      modular: string;
      coach: string;
    }>`
      SELECT (SELECT name FROM region WHERE id = ${f.regionId}) AS region,
             (SELECT name FROM ugel WHERE id = ${f.ugelId}) AS ugel,
             (SELECT name FROM school WHERE id = ${f.schools.A}) AS school,
             (SELECT codigo_modular FROM school WHERE id = ${f.schools.A}) AS modular,
             (SELECT given_names FROM person WHERE id = ${f.coaches.C1}) AS coach`.execute(h.db);
    const expected = names.rows[0];
    const { rows } = await sql<{ at: string }>`
      SELECT to_jsonb(refreshed_at) #>> '{}' AS at FROM reports_state WHERE id = 1`.execute(h.db);
    const asOf = new Date(rows[0]?.at ?? 0).toISOString();
    const cases = [
      ['nation', 'nation', 'Perú'],
      [`region:${f.regionId}`, 'region', expected?.region],
      [`ugel:${f.ugelId}`, 'ugel', expected?.ugel],
      [`school:${f.schools.A}`, 'school', expected?.school],
      [`coach:${f.coaches.C1}`, 'coach', expected?.coach],
    ] as const;
    for (const [scope, level, name] of cases) {
      const { status, body } = await get(`compliance?scope=${scope}&month=5`);
      expect(status, scope).toBe(200);
      expect(body.scope.level, scope).toBe(level);
      expect(body.scope.name, scope).toContain(name);
      expect(body.asOf, scope).toBe(asOf);
    }
    // The code names the download (a school by its código modular, a coach by their id's head).
    const { year } = (await get(`compliance?scope=ugel:${f.ugelId}`)).body;
    for (const [scope, file] of [
      [`school:${f.schools.A}`, `school-${expected?.modular}`],
      [`coach:${f.coaches.C1}`, `coach-${f.coaches.C1.slice(0, 8)}`],
    ] as const) {
      const res = await h.client.request(`/api/v1/reports/compliance.csv?scope=${scope}`, {
        headers: { cookie: h.cookies.minedu },
      });
      expect(res.headers.get('content-disposition'), scope).toBe(
        `attachment; filename="cumplimiento-${year}-${file}.csv"`,
      );
      await res.arrayBuffer();
    }
  });

  it('refuses scopes out of reach and roles without reports; rejects bad values', async () => {
    for (const who of ['especialista', 'director'] as const) {
      // The UGEL, and a school and a coach in it: each placed in this UGEL by its lookup.
      for (const scope of [`ugel:${f.ugelId}`, `school:${f.schools.A}`, `coach:${f.coaches.C1}`]) {
        const { status, body } = await get(`compliance?scope=${scope}`, who);
        expect(status, `${who} ${scope}`).toBe(403);
        expect(body.error.code).toBe('FORBIDDEN');
      }
    }
    for (const who of ['docente', 'coach', 'formador'] as const) {
      for (const path of ['compliance', 'coverage', 'compliance.csv']) {
        const { status } = await get(path, who);
        expect(status, `${who} ${path}`).toBe(403);
      }
    }
    const bad = await get('compliance?scope=ugel:nope');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'REPORT_SCOPE_INVALID']);
    // Well formed, but naming nothing: the scope's lookup finds no row.
    for (const level of ['region', 'ugel', 'network', 'school', 'coach']) {
      const none = await get(`compliance?scope=${level}:00000000-0000-4000-8000-000000000000`);
      expect([none.status, none.body.error.code], level).toEqual([400, 'REPORT_SCOPE_INVALID']);
    }
    const by = await get(`compliance?scope=ugel:${f.ugelId}&by=region`);
    expect([by.status, by.body.error.code]).toEqual([400, 'REPORT_BY_INVALID']);
    const month = await get('compliance?month=13');
    expect([month.status, month.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lands each supervisor on their home scope', async () => {
    expect((await get('compliance')).body.scope.level).toBe('nation');
    expect((await get('compliance', 'especialista')).body.scope.level).toBe('ugel');
    expect((await get('compliance', 'director')).body.scope.level).toBe('school');
  });

  it('gives the coach their own caseload, teacher by teacher', async () => {
    const { status, body } = await get('my-progress', 'coach');
    expect(status).toBe(200);
    expect(body.teachers.length).toBeGreaterThan(0);
    for (const who of ['minedu', 'especialista', 'docente'] as const) {
      expect((await get('my-progress', who)).status, who).toBe(403);
    }
  });

  it('drops a teacher from «Mi avance» the day her caseload row ends, months shared included', async () => {
    const before = (await get('my-progress', 'coach')).body;
    const gone = before.teachers[0]?.id as string;
    expect(gone).toBeTruthy();
    // Ended yesterday in Lima; the read models still hold the months she was this coach's.
    const ended = await sql<{ id: string }>`
      UPDATE caseload SET valid_to = (now() AT TIME ZONE 'America/Lima')::date - 1
       WHERE teacher_id = ${gone} AND valid_to IS NULL
       RETURNING id`.execute(h.db);
    expect(ended.rows.length).toBeGreaterThan(0);
    try {
      const after = (await get('my-progress', 'coach')).body;
      expect(after.teachers.map((t: Json) => t.id)).not.toContain(gone);
      expect(after.teachers).toHaveLength(before.teachers.length - 1);
    } finally {
      await sql`UPDATE caseload SET valid_to = NULL WHERE id = ANY(${ended.rows.map((r) => r.id)}::uuid[])`.execute(
        h.db,
      );
    }
  });

  it('re-identification: no combination of filters and differences singles out X', async () => {
    const levels = [undefined, 'inicial', 'primaria'];
    const areas = [undefined, 'urbana', 'rural'];
    const chars = [undefined, 'polidocente_completo', 'unidocente'];
    interface Seen {
      filters: Record<string, string>;
      id: string;
      teachers: number;
      visits: number;
    }
    const seen: Seen[] = [];
    for (const level of levels)
      for (const area of areas)
        for (const characteristic of chars) {
          const filters = Object.fromEntries(
            Object.entries({ level, area, characteristic }).filter(([, v]) => v),
          ) as Record<string, string>;
          const qs = new URLSearchParams({ scope: `ugel:${f.ugelId}`, month: '5', ...filters });
          const { status, body } = await get(`compliance?${qs}`);
          expect(status).toBe(200);
          const cells = [{ ...body.total, id: 'total' }, ...body.rows];
          // Within one answer: what the total leaves to the hidden rows is 0 or ≥ 5 teachers.
          if (!body.total.suppressed) {
            const hidden = body.rows.filter((r: Json) => r.suppressed).length;
            const shown = body.rows
              .filter((r: Json) => !r.suppressed)
              .reduce((a: number, r: Json) => a + r.teachers, 0);
            const rest = body.total.teachers - shown;
            if (hidden > 0) expect(rest === 0 || rest >= 5, JSON.stringify(filters)).toBe(true);
          }
          for (const c of cells) {
            if (c.suppressed) continue;
            expect(c.teachers === 0 || c.teachers >= 5).toBe(true);
            seen.push({ filters, id: c.id, teachers: c.teachers, visits: c.visits.done });
          }
        }
    // Across answers: the same row with one set of filters contained in another never differs
    // by 1–4 teachers (the difference would describe them).
    const within = (a: Record<string, string>, b: Record<string, string>) =>
      Object.entries(a).every(([k, v]) => b[k] === v);
    for (const a of seen)
      for (const b of seen) {
        if (a === b || a.id !== b.id || !within(a.filters, b.filters)) continue;
        const d = a.teachers - b.teachers;
        expect(d === 0 || d >= 5, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(true);
      }
    // The direct attempts: all minus primaria, and inicial alone, are both withheld.
    const primaria = await get(`compliance?scope=ugel:${f.ugelId}&month=5&level=primaria`);
    const inicial = await get(`compliance?scope=ugel:${f.ugelId}&month=5&level=inicial`);
    expect(primaria.body.total.suppressed).toBe(true);
    expect(inicial.body.total.suppressed).toBe(true);
    // Not vacuous: the unfiltered UGEL total and the rural cut are shown.
    expect(seen.some((s) => s.id === 'total' && Object.keys(s.filters).length === 0)).toBe(true);
    expect(seen.some((s) => s.id === 'total' && s.filters.area === 'rural')).toBe(true);
  });

  // Last: it changes the fixture.
  it('refreshes the read models when a caseload changes, without a rebuild', async () => {
    const path = `compliance?scope=ugel:${f.ugelId}&month=5`;
    expect((await get(path)).body.total.withCoach).toBe(10);
    await assignCaseload(h.db, null, {
      coachId: f.coaches.C2,
      intervention: 'MULTIGRADO',
      schoolYear: YEAR,
      validFrom: `${YEAR}-03-01`,
      teacherIds: [f.teachers.B3 as string],
    });
    const after = (await get(path)).body.total;
    expect([after.teachers, after.withCoach, after.visits.target]).toEqual([12, 11, 10]);
  });
  it('coverage: coach changes within the year and continuity from the previous year', async () => {
    // Last year A1–A5 had C1 and A6 had C2; this year A4 moves from C1 to C2 on 1 May.
    const caseload = (n: string, coach: string, from: string, to: string | null) =>
      sql`INSERT INTO caseload (coach_id, teacher_id, intervention_code, region_id, ugel_id,
            valid_from, valid_to)
          VALUES (${coach}, ${f.teachers[n]}, 'SP_URBANO', ${f.regionId}, ${f.ugelId}, ${from},
            ${to})`.execute(h.db);
    for (const n of ['A1', 'A2', 'A3', 'A4', 'A5'])
      await caseload(n, f.coaches.C1, `${YEAR - 1}-03-01`, `${YEAR - 1}-12-31`);
    await caseload('A6', f.coaches.C2, `${YEAR - 1}-03-01`, `${YEAR - 1}-12-31`);
    await sql`UPDATE caseload SET valid_to = ${`${YEAR}-04-30`}
               WHERE teacher_id = ${f.teachers.A4} AND valid_from = ${`${YEAR}-03-01`}`.execute(
      h.db,
    );
    await caseload('A4', f.coaches.C2, `${YEAR}-05-01`, null);
    await rebuildReadModels(h.db);
    const { body } = await get(`coverage?scope=ugel:${f.ugelId}&month=5`);
    const a = body.rows.find((r: Json) => r.id === f.schools.A);
    // All six had a coach last year; A1, A2, A3 and A5 keep theirs (4 of 6).
    expect(a).toMatchObject({ teachers: 6, withCoach: 6, coachChanges: 1, continuityPct: 66.7 });
    // In April A4 had not changed yet, and still had last year's coach.
    const april = await get(`coverage?scope=ugel:${f.ugelId}&month=4`);
    const aApril = april.body.rows.find((r: Json) => r.id === f.schools.A);
    expect(aApril).toMatchObject({ coachChanges: 0, continuityPct: 83.3 });
    // Compliance skips the previous year's scan; its teachers are the same.
    const compliance = await get(`compliance?scope=ugel:${f.ugelId}&month=5`);
    expect(compliance.body.total.teachers).toBe(body.total.teachers);
  });
});
