import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import {
  allPages,
  type DemoRole,
  DNI,
  rosterHarness,
  scopeOf,
  sorted,
  YEAR,
} from '../shared/testing.ts';

// Enrollments: schools in interventions with cohort, derived year 1/2/3, status and exit.

interface Item {
  id: string;
  cohortStartYear: number;
  programmeYear: number | null;
  status: string;
  intervention: { code: string };
  school: { id: string };
}

describe.each(testTargets())('enrollments on $engine', (target) => {
  const h = rosterHarness(target);

  const list = async (role: DemoRole, query = '') =>
    (await allPages<Item>(h.client, `/api/v1/enrollments${query}`, h.cookies[role], 4)).items;

  it('lists the UGEL’s enrollments with the programme year derived from the cohort', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const stored = await h.db
      .selectFrom('enrollment')
      .selectAll()
      .where('ugel_id', '=', ugel)
      .execute();
    const listed = await list('especialista');
    expect(sorted(listed.map((e) => e.id))).toEqual(sorted(stored.map((e) => e.id)));
    for (const e of listed) {
      const running = e.status === 'activa' || e.status === 'permanece';
      expect(e.programmeYear).toBe(running ? YEAR - e.cohortStartYear + 1 : null);
    }
    expect(listed.map((e) => e.school.id)).not.toContain(h.far.schoolId);
  });

  it('filters by intervention, cohort and status', async () => {
    const sample = await h.db
      .selectFrom('enrollment')
      .selectAll()
      .orderBy('cohort_start_year')
      .executeTakeFirstOrThrow();
    const byCode = await list('minedu', `?intervention=${sample.intervention_code}`);
    expect(byCode.every((e) => e.intervention.code === sample.intervention_code)).toBe(true);
    const byCohort = await list('minedu', `?cohortYear=${sample.cohort_start_year}`);
    expect(byCohort.map((e) => e.id)).toContain(sample.id);
    expect(byCohort.every((e) => e.cohortStartYear === sample.cohort_start_year)).toBe(true);
    const byStatus = await list('minedu', `?status=${sample.status}`);
    expect(byStatus.every((e) => e.status === sample.status)).toBe(true);
    const stored = await h.db
      .selectFrom('enrollment')
      .select('id')
      .where('status', '=', sample.status)
      .execute();
    expect(byStatus).toHaveLength(stored.length);
    const bad = await h.client.getJson('/api/v1/enrollments?cohortYear=1990', h.cookies.minedu);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Revisa el campo «año de inicio de la cohorte»: El año escolar debe ser 2000 o posterior.',
    );
  });

  it('shows a docente only their school’s enrollments', async () => {
    const school = await scopeOf(h.db, DNI.docente, 'docente');
    const stored = await h.db
      .selectFrom('enrollment')
      .select('id')
      .where('school_id', '=', school)
      .execute();
    expect(sorted((await list('docente')).map((e) => e.id))).toEqual(
      sorted(stored.map((e) => e.id)),
    );
  });
});
