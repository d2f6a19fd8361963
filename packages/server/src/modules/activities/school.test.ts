import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { DNI, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';

// GET /schools/{id}/activities: the director sees that the demo's activities happened and who
// attended from their school — never agreements or notes; another school's director, a
// formador and a teacher get 403.

describe.each(testTargets())('school activities on $engine', (target) => {
  const h = rosterHarness(target);

  it('shows the director what happened and who attended, not the notes', async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    const { status, body } = await h.client.getJson(
      `/api/v1/schools/${school}/activities`,
      h.cookies.director,
    );
    expect(status).toBe(200);
    expect(body.schoolYear).toBe(YEAR);
    // The demo's activities with teachers of this school.
    const { rows } = await sql<{ n: number }>`
      SELECT count(DISTINCT a.id)::int AS n FROM activity a
        JOIN teacher_post tp ON tp.person_id = ANY(a.invitee_ids)
       WHERE tp.school_id = ${school} AND tp.school_year = ${YEAR} AND a.school_year = ${YEAR}`.execute(
      h.db,
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
    expect(body.items).toHaveLength(rows[0]?.n ?? 0);
    const text = JSON.stringify(body);
    expect(text).not.toContain('agreements');
    expect(text).not.toContain('notes');
    expect(text).not.toContain('revisar acuerdos');
    for (const item of body.items) {
      expect(item.attended).toBe(item.attendees.length);
      expect(item.attended).toBeLessThanOrEqual(item.invited);
    }
    const done = body.items.filter((i: { status: string }) => i.status === 'done');
    expect(done.some((i: { attended: number }) => i.attended > 0)).toBe(true);
  });

  it('refuses roles without the activity relation', async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    for (const role of ['docente', 'formador'] as const) {
      const { status } = await h.client.getJson(
        `/api/v1/schools/${school}/activities`,
        h.cookies[role],
      );
      expect(status).toBe(403);
    }
    const { status } = await h.client.getJson(
      `/api/v1/schools/${h.far.schoolId}/activities`,
      h.cookies.director,
    );
    expect(status).toBe(403);
  });
});
