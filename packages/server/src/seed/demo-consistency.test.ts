import { limaToday } from '@acompana/core';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { testTargets } from '../test/databases.ts';
import { demoYear } from './demo-coaching-plan.ts';

// The demo agrees with itself, as seeded into the test template: what a record says about a
// teacher fits the teacher's post and school (a baseline is of grades they teach and of no
// more students than the school has), nothing happened after today, a commitment is followed
// up only at a later visit, the plan's modelling months are those of the modelling done, and
// the posts and schools agree with the school's characteristic.

describe.each(testTargets())('demo data consistency on $engine', (target) => {
  let database: Database;
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> =>
    (await query.execute(database.db)).rows;

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('takes a learning baseline of grades the teacher teaches, within the school’s students', async () => {
    const baselines = await rows<{
      teacher_id: string;
      grades: number[];
      school_students: number;
      baseline: { area: string; grade: number; students: number }[];
    }>(sql`
      SELECT d.teacher_id, tp.grades, s.students AS school_students,
             d.learning_baseline AS baseline
        FROM diagnosis d
        JOIN school s ON s.id = d.school_id
        JOIN LATERAL (SELECT grades FROM teacher_post p
                       WHERE p.person_id = d.teacher_id AND p.school_id = d.school_id
                       ORDER BY p.school_year DESC LIMIT 1) tp ON true`);
    expect(baselines.length).toBeGreaterThanOrEqual(10);
    for (const d of baselines) {
      expect(d.baseline.length, d.teacher_id).toBeGreaterThan(0);
      for (const row of d.baseline) {
        expect(d.grades, `${d.teacher_id} ${row.area}`).toContain(row.grade);
        expect(row.students, d.teacher_id).toBeGreaterThan(0);
      }
      const areas = new Set(d.baseline.map((row) => row.area));
      for (const area of areas) {
        const students = d.baseline
          .filter((row) => row.area === area)
          .reduce((sum, row) => sum + row.students, 0);
        expect(students, `${d.teacher_id} ${area}`).toBeLessThanOrEqual(d.school_students);
      }
    }
  });

  it('records nothing after today (Lima)', async () => {
    const today = limaToday();
    const [late] = await rows<Record<string, string>>(sql`
      SELECT
        (SELECT count(*) FROM visit WHERE status <> 'planned' AND planned_date > ${today}::date)::text AS visits,
        (SELECT count(*) FROM visit WHERE started_at > now() OR ended_at > now()
            OR teacher_confirmed_at > now())::text AS visit_times,
        (SELECT count(*) FROM modelling WHERE date > ${today}::date)::text AS modelling,
        (SELECT count(*) FROM stage_record WHERE decided_at > now())::text AS stages`);
    expect(late).toEqual({ visits: '0', visit_times: '0', modelling: '0', stages: '0' });
  });

  it('follows a commitment up only at a later visit that took place', async () => {
    const orphans = await rows<{ id: string }>(sql`
      SELECT c.id FROM commitment c JOIN visit v ON v.id = c.visit_id
       WHERE c.status <> 'pending'
         AND NOT EXISTS (SELECT 1 FROM visit later
                          WHERE later.teacher_id = c.teacher_id AND later.status = 'done'
                            AND later.planned_date > v.planned_date)`);
    expect(orphans).toEqual([]);
  });

  it('plans the modelling it records, in the month it happened', async () => {
    const unplanned = await rows<{ id: string; kind: string; month: number }>(sql`
      SELECT m.id, m.kind, extract(month FROM m.date)::int AS month
        FROM modelling m
        JOIN coaching_plan p ON p.teacher_id = m.teacher_id AND p.school_year = m.school_year
       WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p.planned_modelling) pm
                          WHERE pm->>'kind' = m.kind
                            AND (pm->>'month')::int = extract(month FROM m.date))`);
    expect(unplanned).toEqual([]);
  });

  it('dates every record within its school year', async () => {
    const outside = await rows<{ kind: string; n: string }>(sql`
      SELECT 'visit' AS kind, count(*)::text AS n FROM visit
       WHERE extract(year FROM planned_date) <> school_year
      UNION ALL
      SELECT 'modelling', count(*)::text FROM modelling WHERE extract(year FROM date) <> school_year`);
    expect(outside).toEqual([
      { kind: 'visit', n: '0' },
      { kind: 'modelling', n: '0' },
    ]);
  });

  it('staffs each school as its characteristic says', async () => {
    const schools = await rows<{ name: string; characteristic: string; grades: number[][] }>(sql`
      SELECT s.name, s.characteristic, array_agg(to_jsonb(tp.grades)) AS grades
        FROM school s JOIN teacher_post tp ON tp.school_id = s.id
       GROUP BY s.id`);
    for (const s of schools) {
      const multi = s.grades.some((g) => g.length > 1);
      if (s.characteristic === 'unidocente') expect(s.grades, s.name).toHaveLength(1);
      if (s.characteristic === 'polidocente_multigrado') {
        expect(s.grades.length, s.name).toBeGreaterThan(1);
        expect(multi, s.name).toBe(true);
      }
    }
  });
});

describe('demo coaching year generator, on any day', () => {
  const teacher = {
    teacherId: '00000000-0000-4000-8000-000000000001',
    schoolId: '00000000-0000-4000-8000-000000000002',
    regionId: '00000000-0000-4000-8000-000000000003',
    ugelId: '00000000-0000-4000-8000-000000000004',
    interventionCode: 'MULTIGRADO',
    seed: 30000001,
    grades: [1, 2],
    studentsPerGrade: 12,
  };
  const SEEDS = Array.from({ length: 30 }, (_, i) => 30000001 + i);

  it('records no visit, modelling or decision after the day it is seeded', () => {
    for (const today of ['2026-05-20', '2026-08-12', '2026-08-27', '2026-09-03', '2026-11-30']) {
      for (const seed of SEEDS) {
        const year = demoYear({ ...teacher, seed }, teacher.teacherId, 2026, today);
        const label = `${seed} ${today}`;
        for (const v of year.visit.filter((x) => x.status !== 'planned')) {
          expect(String(v.planned_date) <= today, label).toBe(true);
        }
        for (const m of year.modelling) {
          expect(String(m.date) <= today, label).toBe(true);
          expect(year.coaching_plan[0]?.planned_modelling, label).toContainEqual({
            kind: m.kind,
            month: Number(String(m.date).slice(5, 7)),
          });
        }
        for (const s of year.stage_record) {
          expect(String(s.decided_at).slice(0, 10) <= today, label).toBe(true);
        }
      }
    }
  });

  it('leaves no visit of a finished year planned', () => {
    // Before April the demo shows last year, up to the end of its classes (mid-December).
    for (const seed of SEEDS) {
      const year = demoYear({ ...teacher, seed }, teacher.teacherId, 2025, '2025-12-15');
      const planned = year.visit.filter((v) => v.status === 'planned');
      expect(planned, String(seed)).toEqual([]);
      for (const v of year.visit) expect(String(v.planned_date) <= '2025-12-15').toBe(true);
    }
  });
});
