// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { addDays, limaToday } from '@acompana/core';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
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

beforeAll(() => loadTexts('visits'));
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
});
