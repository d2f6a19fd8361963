import {
  type ActivityRecord,
  activityAttendanceRecord,
  activityRecord,
  attendanceRefusal,
} from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { rosterHarness } from '../modules/shared/testing.ts';
import { recordFromRow } from '../sync/store.ts';
import { testTargets } from '../test/databases.ts';

// The demo's collective activities (demo-activities.ts), as seeded into the test template: as
// many GIA as the catalogue's target of the demo caseload's intervention, two talleres, family
// meetings only where the catalogue has them; every record passes its schema and the rules,
// and the change log fans each activity out to its organiser and invitees.

describe.each(testTargets())('demo activities on $engine', (target) => {
  const h = rosterHarness(target);

  it('follows the catalogue and passes the sync rules', async () => {
    // As pull reads rows (to_jsonb: dates as AAAA-MM-DD).
    const { rows } = await sql<{ row: Record<string, unknown> }>`
      SELECT to_jsonb(t) AS row FROM activity t`.execute(h.db);
    const activities = rows.map((r) => recordFromRow('activity', r.row));
    const code = String(activities[0]?.data.interventionCode);
    const year = Number(activities[0]?.anchors?.schoolYear);
    const { rows: rules } = await sql<{ kind: string; per_year: number }>`
      SELECT activity_kind AS kind, max(per_year)::int AS per_year FROM target_rule
       WHERE intervention_code = ${code} AND school_year = ${year} GROUP BY activity_kind`.execute(
      h.db,
    );
    const target_ = new Map(rules.map((r) => [r.kind, r.per_year]));
    const count = (type: string) => activities.filter((a) => a.data.type === type).length;
    expect(count('gia')).toBe(target_.get('gia') ?? 0);
    expect(count('taller')).toBe(target_.has('taller') ? 2 : 0);
    expect(count('reunion_familias')).toBe(target_.get('reunion_familias') ?? 0);
    const byId = new Map(activities.map((a) => [a.id, a.data as ActivityRecord]));
    for (const a of activities) expect(activityRecord.safeParse(a.data).success).toBe(true);

    const { rows: marks } = await sql<{ row: Record<string, unknown> }>`
      SELECT to_jsonb(t) AS row FROM activity_attendance t`.execute(h.db);
    expect(marks.length).toBeGreaterThan(0);
    for (const { row } of marks) {
      const data = recordFromRow('activity_attendance', row).data;
      expect(activityAttendanceRecord.safeParse(data).success).toBe(true);
      const parsed = activityAttendanceRecord.parse(data);
      expect(attendanceRefusal(parsed, byId.get(parsed.activityId))).toBeNull();
    }
    const { rows: fanned } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM change_log WHERE kind = 'activity'`.execute(h.db);
    const expected = activities.reduce(
      (n, a) =>
        n +
        new Set([
          ...(a.data as ActivityRecord).organiserIds,
          ...(a.data as ActivityRecord).inviteeIds,
        ]).size,
      0,
    );
    expect(fanned[0]?.n).toBe(expected);
  });
});
