import {
  type InstrumentDefinition,
  RUBRIC_2018,
  validateResponse,
  visitRecord,
} from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../db/time.ts';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { demoYear } from './demo-coaching-plan.ts';

// The demo coaching year (demo-coaching.ts), as seeded into the test template on both engines:
// counts come from the database, every answer validates against its exact version, every
// record is about a teacher of the demo coach's caseload, the change log holds every record
// (so pull delivers it), and the privacy rows hold on demo visits.

const KINDS = [
  'visit',
  'commitment',
  'reflection',
  'instrument_response',
  'diagnosis',
  'coaching_plan',
  'modelling',
  'stage_record',
] as const;

describe.each(testTargets())('demo coaching year on $engine', (target) => {
  const h = rosterHarness(target);

  const caseload = async () => {
    const coachId = await idOf(h.db, DNI.coach);
    const { rows } = await sql<{ id: string }>`SELECT DISTINCT teacher_id AS id FROM caseload
      WHERE coach_id = ${coachId} AND valid_from <= ${LIMA_TODAY}
        AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})`.execute(h.db);
    return { coachId, teachers: new Set(rows.map((r) => r.id)) };
  };

  it('gives every teacher of the demo caseload a diagnosis, a plan and monthly visits', async () => {
    const { teachers } = await caseload();
    expect(teachers.size).toBeGreaterThanOrEqual(10);
    const { rows } = await sql<{
      teacher_id: string;
      d: string;
      p: string;
      months: string;
      skipped: string;
      done: string;
    }>`
      SELECT t.id AS teacher_id,
             (SELECT count(*) FROM diagnosis x WHERE x.teacher_id = t.id) AS d,
             (SELECT count(*) FROM coaching_plan x WHERE x.teacher_id = t.id) AS p,
             (SELECT coalesce(sum(jsonb_array_length(x.skipped_months)), 0) FROM coaching_plan x
               WHERE x.teacher_id = t.id) AS skipped,
             (SELECT count(DISTINCT date_trunc('month', v.planned_date)) FROM visit v
               WHERE v.teacher_id = t.id) AS months,
             (SELECT count(*) FROM visit v WHERE v.teacher_id = t.id AND v.status = 'done') AS done
        FROM unnest(${[...teachers]}::uuid[]) AS t(id)`.execute(h.db);
    const { rows: span } = await sql<{ months: string }>`
      SELECT count(DISTINCT date_trunc('month', planned_date)) AS months FROM visit
       WHERE teacher_id = ANY(${[...teachers]}::uuid[])`.execute(h.db);
    for (const r of rows) {
      expect(Number(r.d), r.teacher_id).toBe(1);
      expect(Number(r.p), r.teacher_id).toBe(1);
      // Every month of the period has a visit, unless the plan skips it with a reason.
      expect(Number(r.months) + Number(r.skipped), r.teacher_id).toBe(Number(span[0]?.months));
      expect(Number(r.done), r.teacher_id).toBeGreaterThan(0);
    }
    const skipping = rows.filter((r) => Number(r.skipped) > 0);
    expect(skipping.length, 'some plans use "no planificar"').toBeGreaterThan(0);
    const { rows: reasons } = await sql<{ reason: string }>`
      SELECT DISTINCT s->>'reason' AS reason FROM coaching_plan p,
             jsonb_array_elements(p.skipped_months) s`.execute(h.db);
    for (const r of reasons) expect(r.reason.length).toBeGreaterThan(10);
    const { rows: cancelled } = await sql<{ reason: string }>`
      SELECT DISTINCT cancel_reason AS reason FROM visit WHERE status = 'cancelled'`.execute(h.db);
    for (const c of cancelled) expect(['strike', 'weather', 'teacher_absent']).toContain(c.reason);
  });

  it('keeps every record inside the caseload and in the change log', async () => {
    const { coachId, teachers } = await caseload();
    for (const kind of KINDS) {
      const { rows } = await sql<{ teacher_id: string; created_by: string; logged: boolean }>`
        SELECT t.teacher_id, t.created_by,
               EXISTS (SELECT 1 FROM change_log l WHERE l.kind = ${kind} AND l.entity_id = t.id) AS logged
          FROM ${sql.table(kind)} t`.execute(h.db);
      expect(rows.length, kind).toBeGreaterThan(0);
      for (const r of rows) {
        expect(teachers.has(r.teacher_id), kind).toBe(true);
        expect(r.logged, kind).toBe(true);
        expect(r.created_by, kind).toBe(kind === 'reflection' ? r.teacher_id : coachId);
      }
    }
    const { rows: visits } = await sql<{
      v: Record<string, unknown>;
    }>`SELECT to_jsonb(v) AS v FROM visit v`.execute(h.db);
    for (const { v } of visits) {
      const camel = Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), x]),
      );
      expect(visitRecord.safeParse(camel).success, String(v.id)).toBe(true);
    }
  });

  it('validates every complete response against its exact version', async () => {
    const { rows } = await sql<{ id: string; definition: InstrumentDefinition; answers: unknown }>`
      SELECT r.id, iv.definition, r.answers FROM instrument_response r
        JOIN instrument_version iv ON iv.id = r.instrument_version_id
       WHERE r.status = 'complete'`.execute(h.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const result = validateResponse(r.definition, r.answers, {
        complete: true,
        rubric: RUBRIC_2018,
      });
      expect(result.ok ? [] : result.issues, r.id).toEqual([]);
    }
  });

  it('shows levels that grow for most teachers', async () => {
    const { rows } = await sql<{ teacher_id: string; first: number; last: number }>`
      WITH m AS (
        SELECT r.teacher_id, v.planned_date,
               (SELECT avg((s.value->>'level')::int) FROM jsonb_each(r.answers->'scores') s) AS mean
          FROM instrument_response r JOIN visit v ON v.id = r.visit_id
         WHERE r.instrument_version_id = '0a5e0000-0000-4000-8000-000000000102')
      SELECT teacher_id,
             (array_agg(mean ORDER BY planned_date))[1]::float AS first,
             (array_agg(mean ORDER BY planned_date DESC))[1]::float AS last
        FROM m GROUP BY teacher_id HAVING count(*) >= 4`.execute(h.db);
    if (rows.length === 0) return; // Early in the school year: not enough visits to compare.
    const growing = rows.filter((r) => r.last > r.first).length;
    expect(growing / rows.length).toBeGreaterThan(0.5);
  });

  it('refuses demo visit content to the director and gives it to the teacher', async () => {
    const docente = await idOf(h.db, DNI.docente);
    const { rows } = await sql<{ id: string }>`SELECT id FROM visit
      WHERE teacher_id = ${docente} AND status = 'done' ORDER BY planned_date LIMIT 1`.execute(
      h.db,
    );
    const id = rows[0]?.id;
    expect(id).toBeDefined();
    expect((await h.client.getJson(`/api/v1/visits/${id}`, h.cookies.director)).status).toBe(403);
    const mine = await h.client.getJson(`/api/v1/visits/${id}`, h.cookies.docente);
    expect(mine.status).toBe(200);
    expect(mine.body.dialogue).not.toBeNull();
    expect(mine.body.responses).toHaveLength(3);
  });
});

describe('demo coaching year generator', () => {
  it('is deterministic', () => {
    const t = {
      teacherId: '00000000-0000-4000-8000-000000000001',
      schoolId: '00000000-0000-4000-8000-000000000002',
      regionId: '00000000-0000-4000-8000-000000000003',
      ugelId: '00000000-0000-4000-8000-000000000004',
      interventionCode: 'MULTIGRADO',
      seed: 30000001,
      grades: [1, 2],
      studentsPerGrade: 12,
    };
    const coach = '00000000-0000-4000-8000-000000000005';
    const a = demoYear(t, coach, 2026, '2026-11-23');
    expect(demoYear(t, coach, 2026, '2026-11-23')).toEqual(a);
    expect(a.visit.length).toBe(8);
  });
});
