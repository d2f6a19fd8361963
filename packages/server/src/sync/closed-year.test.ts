import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness, YEAR } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { graceDaysOf, oldestWritableYear } from './closed-year.ts';
import { caseloadTeacher, Device, pushOk, visitPayload } from './testing.ts';

// A closed school year is read-only for field records after the grace period (issue 14 item 6),
// enforced by the sync write check: creating, editing or deleting a record of that year is
// refused with SYNC_YEAR_CLOSED and a Spanish reason; the current year is unaffected.

describe('closed school years', () => {
  it('keeps last year writable for the grace period from 1 January', () => {
    expect(oldestWritableYear(60, '2026-01-01')).toBe(2025);
    expect(oldestWritableYear(60, '2026-03-01')).toBe(2025); // day 60
    expect(oldestWritableYear(60, '2026-03-02')).toBe(2026);
    expect(oldestWritableYear(0, '2026-01-01')).toBe(2026);
    expect(graceDaysOf(30)).toBe(30);
    expect(graceDaysOf('treinta')).toBe(60);
    expect(graceDaysOf(-1)).toBe(60);
  });
});

describe.each(testTargets())('closed school year in sync on $engine', (target) => {
  const h = rosterHarness(target);
  const setGrace = (days: number) =>
    h.db
      .updateTable('app_setting')
      .set({ value: JSON.stringify(days) })
      .where('key', '=', 'closed_year_grace_days')
      .execute();

  it('refuses writes to last year once the grace period is over, and only then', async () => {
    const place = await caseloadTeacher(h.db, await idOf(h.db, DNI.coach));
    const device = new Device();
    const old = randomUUID();
    const lastYear = visitPayload(place, { plannedDate: `${YEAR - 1}-11-10` });

    await setGrace(366); // longer than any year so far: last year still open
    const [open] = await pushOk(h.client, h.cookies.coach, [device.upsert('visit', old, lastYear)]);
    expect(open.status, JSON.stringify(open)).toBe('applied');

    await setGrace(0); // closed
    const [edit, create, current] = await pushOk(h.client, h.cookies.coach, [
      device.upsert(
        'visit',
        old,
        { ...lastYear, goals: ['Otra meta'] },
        {
          changed: ['goals'],
          baseVersion: 1,
        },
      ),
      device.upsert('visit', randomUUID(), lastYear),
      device.upsert('visit', randomUUID(), visitPayload(place, { plannedDate: `${YEAR}-11-10` })),
    ]);
    for (const refused of [edit, create]) {
      expect(refused).toMatchObject({ status: 'rejected', error: { code: 'SYNC_YEAR_CLOSED' } });
      expect(refused.error.message).toBe(
        `El año escolar ${YEAR - 1} ya está cerrado: sus registros de campo solo se pueden consultar. El cambio queda en tu dispositivo; avisa a tu especialista de UGEL.`,
      );
    }
    expect(current.status).toBe('applied');
    // Moving the record into the open year is refused too; so is deleting it.
    const [move, remove] = await pushOk(h.client, h.cookies.coach, [
      device.upsert(
        'visit',
        old,
        { ...lastYear, plannedDate: `${YEAR}-11-20` },
        {
          changed: ['plannedDate'],
          baseVersion: 1,
        },
      ),
      device.remove('visit', old, 1),
    ]);
    expect(move.error?.code).toBe('SYNC_YEAR_CLOSED');
    expect(remove.error?.code).toBe('SYNC_YEAR_CLOSED');
    const stored = await h.db
      .selectFrom('visit')
      .select(['planned_date', 'goals'])
      .where('id', '=', old)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ planned_date: `${YEAR - 1}-11-10` });
    await setGrace(60);
  });
});
