import 'fake-indexeddb/auto';
import { isAppError } from '@acompana/core';
import { expectProcessTimeZone, LAST_NIGHT_OF_YEAR } from '@acompana/core/time-testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LocalDb, openLocalDb } from './db.ts';
import { saveRecord } from './store.ts';

// The device refuses to mark a visit done more than a day ahead of Lima's today, before
// anything is queued (the server applies the same core rule in sync). Runs under TZ=UTC and
// TZ=America/Lima at 23:30 in Lima on 31 December, when UTC is already in 1 January.

const visit = (plannedDate: string) => ({
  teacherId: '0190a000-0000-7000-8000-000000000001',
  schoolId: '0190a000-0000-7000-8000-000000000002',
  interventionCode: 'MULTIGRADO',
  kind: 'regular' as const,
  status: 'planned' as const,
  plannedDate,
  startedAt: null,
  endedAt: null,
  cancelReason: null,
  cancelNote: null,
  goals: [],
  focus: [],
  teacherConfirmedAt: null,
  dialogue: null,
});

let db: LocalDb;
let n = 0;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(LAST_NIGHT_OF_YEAR);
  db = openLocalDb(`store-tz-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
  vi.useRealTimers();
});

describe('marking a visit done on the device', () => {
  it('runs in the time zone its project names', () => {
    expectProcessTimeZone();
  });

  it('allows today and, on the eve, tomorrow in Lima', async () => {
    for (const date of ['2025-12-31', '2026-01-01']) {
      const planned = await saveRecord(db, 'visit', null, visit(date));
      const done = await saveRecord(db, 'visit', planned.id, { status: 'done' });
      expect(done.data.status, date).toBe('done');
    }
  });

  it('refuses the day after tomorrow, queueing nothing', async () => {
    const planned = await saveRecord(db, 'visit', null, visit('2026-01-02'));
    const error = await saveRecord(db, 'visit', planned.id, { status: 'done' }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(error) && error.code).toBe('VISIT_DONE_IN_FUTURE');
    expect((error as Error).message).toContain('2 de enero de 2026');
    expect((await db.records.get(['visit', planned.id]))?.data.status).toBe('planned');
    expect(await db.outbox.count()).toBe(1);
    // Correcting the date first (the visit happened today) lets it be marked done.
    await saveRecord(db, 'visit', planned.id, { plannedDate: '2025-12-31' });
    const done = await saveRecord(db, 'visit', planned.id, { status: 'done' });
    expect(done.data).toMatchObject({ status: 'done', plannedDate: '2025-12-31' });
  });

  it('refuses creating a visit already done far ahead', async () => {
    const error = await saveRecord(db, 'visit', null, {
      ...visit('2026-01-09'),
      status: 'done',
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('VISIT_DONE_IN_FUTURE');
    expect(await db.outbox.count()).toBe(0);
  });
});
