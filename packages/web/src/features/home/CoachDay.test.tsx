// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { addDays, attendanceIdOf, currentSchoolYear, limaToday } from '@acompana/core';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { MemoryRouter } from '../../app/router-memory.tsx';
import { type LocalDb, META, openLocalDb } from '../../offline/db.ts';
import { type Offline, OfflineContext } from '../../offline/OfflineProvider.tsx';
import CoachDay from './CoachDay.tsx';

// Issue 12.3: during the first sync the coach's agenda is loading; it never says "no
// commitments" or "every teacher has their visit" before the records and the caseload are on
// the device. Rendered over a real local store (fake-indexeddb).

const TEACHER = '0190a000-0000-7000-8000-000000000001';
const VISIT = '0190a000-0000-7000-8000-0000000000aa';
let db: LocalDb;
let root: Root | null = null;
let host: HTMLElement;
let n = 0;

beforeAll(() => loadTexts('day'));
beforeEach(async () => {
  db = openLocalDb(`day-${++n}-${Date.now()}`);
  await db.open();
  // What the first pages of the first pull bring: an overdue commitment of a teacher.
  await db.records.put({
    kind: 'commitment',
    id: '0190a000-0000-7000-8000-0000000000c1',
    version: 1,
    data: {
      visitId: VISIT,
      teacherId: TEACHER,
      owner: 'teacher',
      desempeno: null,
      text: 'Usar preguntas abiertas',
      dueDate: addDays(limaToday(), -3),
      status: 'pending',
      followUpNote: null,
    },
    teacherId: TEACHER,
    visitId: VISIT,
    server: null,
    seen: 0,
    updatedAt: new Date().toISOString(),
  });
});
afterEach(async () => {
  root?.unmount();
  host?.remove();
  root = null;
  await db.delete();
});

function render(online: boolean) {
  const offline = { db, online, status: { phase: 'syncing' } } as unknown as Offline;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <OfflineContext.Provider value={{ current: offline, ready: Promise.resolve(offline) }}>
      <MemoryRouter>
        <CoachDay />
      </MemoryRouter>
    </OfflineContext.Provider>,
  );
}

const text = () => host.textContent ?? '';
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('agenda del día durante la primera sincronización', () => {
  it('is loading, never "all done", until the pull and the caseload have arrived', async () => {
    render(true);
    await vi.waitFor(() => expect(text()).toContain('Trayendo tu agenda…'));
    await settle();
    expect(text()).toContain('Trayendo tu agenda…');
    expect(text()).not.toContain('No hay compromisos');
    expect(text()).not.toContain('tienen su visita del mes');

    // The pull ends, then the caseload is stored: the overdue commitment shows.
    await db.meta.put({ key: META.lastSyncAt, value: new Date().toISOString() });
    await settle();
    expect(text()).toContain('Trayendo tu agenda…');
    await db.reference.put({ kind: 'teacher', id: TEACHER, data: { displayName: 'Rosa Apaza' } });
    await db.meta.put({ key: META.referenceAt, value: new Date().toISOString() });
    await vi.waitFor(() => expect(text()).toContain('Usar preguntas abiertas'));
    expect(text()).toContain('Vencido');
    expect(text()).not.toContain('Trayendo tu agenda…');
  });

  it('offline and never synced, says so instead of an empty agenda', async () => {
    render(false);
    await vi.waitFor(() => expect(text()).toContain('aún no tiene tu agenda'));
    expect(text()).not.toContain('No hay compromisos');
  });

  it('counts the caseload’s GIA and talleres toward the catalogue’s targets, offline', async () => {
    const year = currentSchoolYear();
    const ACTIVITY = '0190a000-0000-7000-8000-0000000000ac';
    const record = (kind: 'activity' | 'activity_attendance', id: string, data: object) => ({
      kind,
      id,
      version: 1,
      data: data as Record<string, unknown>,
      teacherId: kind === 'activity' ? null : TEACHER,
      visitId: null,
      server: null,
      seen: 0,
      updatedAt: new Date().toISOString(),
    });
    await db.records.bulkPut([
      record('activity', ACTIVITY, {
        organiserIds: ['0190a000-0000-7000-8000-0000000000c9'],
        interventionCode: 'SP_URBANO',
        type: 'gia',
        scope: 'institucional',
        schoolId: '0190a000-0000-7000-8000-0000000000a1',
        place: null,
        startDate: `${year}-05-08`,
        endDate: `${year}-05-08`,
        startTime: null,
        endTime: null,
        theme: 'Retroalimentación',
        desempenos: [],
        agenda: [],
        topics: [],
        agreements: [],
        notes: null,
        inviteeIds: [TEACHER],
        familyCounts: null,
        status: 'done',
      }),
      record('activity_attendance', attendanceIdOf(ACTIVITY, TEACHER), {
        activityId: ACTIVITY,
        teacherId: TEACHER,
        days: [{ date: `${year}-05-08`, mark: 'present' }],
        hours: null,
        arrivedAt: null,
      }),
    ]);
    const rule = (activityKind: string, perYear: number) => ({
      level: 'primaria',
      gradeFrom: 1,
      gradeTo: 6,
      activityKind,
      perYear,
      minPerMonth: 0,
      note: '',
    });
    await db.meta.put({
      key: 'screens.targets',
      value: { SP_URBANO: { year, rules: [rule('visita', 8), rule('gia', 7), rule('taller', 2)] } },
    });
    await db.reference.put({
      kind: 'teacher',
      id: TEACHER,
      data: { teacherId: TEACHER, displayName: 'Rosa Apaza', interventionCode: 'SP_URBANO' },
    });
    await db.meta.put({ key: META.lastSyncAt, value: new Date().toISOString() });
    await db.meta.put({ key: META.referenceAt, value: new Date().toISOString() });
    render(false);
    await vi.waitFor(() => expect(text()).toContain(`Metas de GIA y talleres de ${year}`));
    expect(text()).toContain('GIA realizados1 de 7');
    expect(text()).toContain('Talleres realizados0 de 2');
    expect(text()).toContain('GIA 1 de 7 · Talleres 0 de 2');
  });
});
