import 'fake-indexeddb/auto';
import { attendanceIdOf } from '@acompana/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDb, openLocalDb } from './db.ts';
import { outboxCounts, saveRecord } from './store.ts';

// The collective-activity rules on the device (docs/ACTIVITIES.md): refused before anything is
// queued, with the code the server would answer; what was saved before stays.

const COACH = '0190a000-0000-7000-8000-0000000000c1';
const TEACHER = '0190a000-0000-7000-8000-000000000001';
const SCHOOL = '0190a000-0000-7000-8000-000000000002';
const taller = {
  organiserIds: [COACH],
  interventionCode: 'SPI',
  type: 'taller' as const,
  scope: null,
  schoolId: SCHOOL,
  place: null,
  startDate: '2026-07-20',
  endDate: '2026-07-22',
  startTime: '08:30',
  endTime: null,
  theme: 'Planificación en aulas multigrado',
  desempenos: [],
  agenda: [],
  topics: [],
  agreements: [],
  notes: null,
  inviteeIds: [TEACHER],
  familyCounts: null,
  status: 'planned' as const,
};

let db: LocalDb;
let n = 0;
beforeEach(async () => {
  db = openLocalDb(`store-activities-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'saved',
    (e: { code?: string }) => e.code,
  );

describe('activity rules on the device', () => {
  it('refuses an attendance day outside the taller and keeps the marks already saved', async () => {
    const activity = await saveRecord(db, 'activity', null, taller);
    const id = attendanceIdOf(activity.id, TEACHER);
    const days = [{ date: '2026-07-20', mark: 'present' as const }];
    const base = { activityId: activity.id, teacherId: TEACHER, hours: null, arrivedAt: null };
    await saveRecord(db, 'activity_attendance', id, { ...base, days });
    const outside = [...days, { date: '2026-07-23', mark: 'present' as const }];
    expect(
      await codeOf(saveRecord(db, 'activity_attendance', id, { ...base, days: outside })),
    ).toBe('ACTIVITY_DAY_OUT_OF_RANGE');
    expect((await db.records.get(['activity_attendance', id]))?.data.days).toEqual(days);
    expect(await outboxCounts(db)).toEqual({ pending: 2, rejected: 0 });
  });

  it('refuses hand-set hours past the schedule and an arrival outside it, keeping what was saved', async () => {
    const activity = await saveRecord(db, 'activity', null, { ...taller, endTime: '13:00' });
    const id = attendanceIdOf(activity.id, TEACHER);
    // Two days present of 08:30 to 13:00: at most 9 hours; arrival from 07:30 to 13:00.
    const days = [
      { date: '2026-07-20', mark: 'present' as const },
      { date: '2026-07-21', mark: 'present' as const },
    ];
    const base = { activityId: activity.id, teacherId: TEACHER, days };
    await saveRecord(db, 'activity_attendance', id, { ...base, hours: 9, arrivedAt: '08:40' });
    expect(await codeOf(saveRecord(db, 'activity_attendance', id, { hours: 9.5 }))).toBe(
      'ACTIVITY_HOURS_INVALID',
    );
    expect(await codeOf(saveRecord(db, 'activity_attendance', id, { arrivedAt: '14:10' }))).toBe(
      'ACTIVITY_ARRIVAL_OUT_OF_RANGE',
    );
    expect(
      await codeOf(saveRecord(db, 'activity_attendance', id, { hours: 8, arrivedAt: '09:15' })),
    ).toBe('saved');
    const stored = (await db.records.get(['activity_attendance', id]))?.data;
    expect(stored).toMatchObject({ days, hours: 8, arrivedAt: '09:15' });
  });

  it('refuses closing as done with nobody invited, and a type the stored catalogue lacks', async () => {
    const empty = await saveRecord(db, 'activity', null, { ...taller, inviteeIds: [] });
    expect(await codeOf(saveRecord(db, 'activity', empty.id, { status: 'done' }))).toBe(
      'ACTIVITY_CLOSED_EMPTY',
    );
    await db.meta.put({
      key: 'screens.targets',
      value: { SPI: { year: 2026, rules: [{ activityKind: 'gia' }, { activityKind: 'taller' }] } },
    });
    expect(await codeOf(saveRecord(db, 'activity', null, { ...taller, type: 'ria' }))).toBe(
      'ACTIVITY_TYPE_NOT_USED',
    );
    expect(await codeOf(saveRecord(db, 'activity', null, { ...taller, type: 'pasantia' }))).toBe(
      'saved',
    );
  });

  it('accepts its intervention’s own active type; a deactivated one only on the activities that have it', async () => {
    const stored = (active: boolean) => ({
      key: 'screens.interventions',
      value: [
        { code: 'SPI', activityTypes: [{ code: 'tertulia', name: 'Tertulia', active }] },
        { code: 'MULTIGRADO', activityTypes: [{ code: 'jornada_rural', name: 'Jornada', active }] },
      ],
    });
    await db.meta.put(stored(true));
    const kept = await saveRecord(db, 'activity', null, { ...taller, type: 'tertulia' });
    expect(
      await codeOf(saveRecord(db, 'activity', null, { ...taller, type: 'jornada_rural' })),
    ).toBe('ACTIVITY_TYPE_NOT_USED');
    await db.meta.put(stored(false));
    expect(await codeOf(saveRecord(db, 'activity', null, { ...taller, type: 'tertulia' }))).toBe(
      'ACTIVITY_TYPE_NOT_USED',
    );
    // The activity recorded with it still saves its changes, with its type.
    expect(await codeOf(saveRecord(db, 'activity', kept.id, { agreements: ['Leer'] }))).toBe(
      'saved',
    );
    expect((await db.records.get(['activity', kept.id]))?.data.type).toBe('tertulia');
  });

  it('refuses inviting a teacher outside the caseload when organising alone, as the server would', async () => {
    const OTHER = '0190a000-0000-7000-8000-000000000009';
    const PARTNER = '0190a000-0000-7000-8000-0000000000c2';
    // The coach's caseload as the device stores it after a sync.
    await db.reference.put({ kind: 'teacher', id: TEACHER, data: { displayName: 'Rosa Apaza' } });
    const planned = await saveRecord(db, 'activity', null, taller);
    const outside = saveRecord(db, 'activity', planned.id, { inviteeIds: [TEACHER, OTHER] });
    const error = await outside.then(
      () => null,
      (e: { code: string; message: string; details?: { teacherIds?: string[] } }) => e,
    );
    expect(error?.code).toBe('ACTIVITY_ATTENDEE_OUT_OF_REACH');
    expect(error?.message).toMatch(/^Revisa el campo «docentes invitados»/);
    expect(error?.details?.teacherIds).toEqual([OTHER]);
    // Nothing recorded is lost: the saved invitees and their one queued create stay.
    expect((await db.records.get(['activity', planned.id]))?.data.inviteeIds).toEqual([TEACHER]);
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });
    // With a co-organiser too: each organiser invites from their own group (the server refuses
    // the same), so naming a partner is no way to invite the partner's teachers.
    expect(
      await codeOf(
        saveRecord(db, 'activity', null, {
          ...taller,
          organiserIds: [COACH, PARTNER],
          inviteeIds: [TEACHER, OTHER],
        }),
      ),
    ).toBe('ACTIVITY_ATTENDEE_OUT_OF_REACH');
    // A teacher the partner invited (the activity as a sync brought it) does not block editing
    // the rest of it on this device.
    const shared = '0190a000-0000-7000-8000-0000000000a9';
    await db.records.put({
      kind: 'activity',
      id: shared,
      version: 2,
      data: { ...taller, organiserIds: [COACH, PARTNER], inviteeIds: [TEACHER, OTHER] },
      teacherId: null,
      visitId: null,
      server: null,
      seen: 1,
      updatedAt: new Date().toISOString(),
    });
    expect(
      await codeOf(saveRecord(db, 'activity', shared, { agreements: ['Compartir evidencias'] })),
    ).toBe('saved');
    // Nor does a change of organisers: whether a remaining organiser coaches her is the
    // server's to say (the device stores the writer's caseload only).
    expect(await codeOf(saveRecord(db, 'activity', shared, { organiserIds: [COACH] }))).toBe(
      'saved',
    );
  });
});
