// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { TeacherDetail } from '@acompana/core';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { Route, Routes } from '../../app/router.tsx';
import { MemoryRouter } from '../../app/router-memory.tsx';
import { SessionProvider, useSession } from '../../app/session/SessionContext.tsx';
import { type LocalDb, META, openLocalDb } from '../../offline/db.ts';
import { type Offline, OfflineContext } from '../../offline/OfflineProvider.tsx';
import TeacherDetailPage from './TeacherDetailPage.tsx';

// A teacher's page without a connection, from the copy stored at the last sync: the visits
// section lists the device's visits for the teacher's own coach; for another coach's teacher
// the device holds none of hers, so it shows no section rather than «no visits».

const COACH = { id: '0190a000-0000-7000-8000-0000000000c1', displayName: 'Miguel Rodríguez' };
const OTHER_COACH = { id: '0190a000-0000-7000-8000-0000000000c2', displayName: 'Elena Quispe' };
const TEACHER = '0190a000-0000-7000-8000-000000000001';
const VISIT = '0190a000-0000-7000-8000-0000000000aa';

const ME = {
  person: {
    id: COACH.id,
    dni: '40123456',
    givenNames: 'Miguel',
    paternalSurname: 'Rodríguez',
    maternalSurname: null,
    displayName: COACH.displayName,
  },
  roles: [],
  abilities: ['field_record:read'],
  session: { expiresAt: '2030-01-01T00:00:00.000Z' },
};

const detail = (coach: typeof COACH): TeacherDetail => ({
  id: TEACHER,
  dni: '41234567',
  givenNames: 'Rosa',
  paternalSurname: 'Apaza',
  maternalSurname: null,
  displayName: 'Rosa Apaza',
  posts: [],
  caseloads: [
    {
      id: 'c1',
      coach,
      intervention: 'AP_EIB',
      specialty: null,
      validFrom: '2026-03-01',
      validTo: null,
      current: true,
    },
  ],
  coachChanges: [],
});

/** The page behind the session, as the app's routes put it. */
function Signed({ children }: { children: ReactNode }) {
  return useSession().state.status === 'authenticated' ? children : null;
}

let db: LocalDb;
let root: Root | null = null;
let host: HTMLElement;
let n = 0;

beforeAll(() => loadTexts('visits'));
beforeEach(async () => {
  db = openLocalDb(`teacher-page-${++n}-${Date.now()}`);
  await db.open();
  await db.meta.put({ key: META.referenceAt, value: '2026-12-04T15:00:00.000Z' });
  await db.records.put({
    kind: 'visit',
    id: VISIT,
    version: 1,
    data: { teacherId: TEACHER, plannedDate: '2026-11-20', status: 'done' },
    teacherId: TEACHER,
    visitId: null,
    server: null,
    seen: 1,
    updatedAt: '2026-11-20T15:00:00.000Z',
  });
  // The session answers; every other request finds no network.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/v1/me')
        return new Response(JSON.stringify(ME), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      throw new TypeError('Failed to fetch');
    }),
  );
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
});
afterEach(async () => {
  root?.unmount();
  host?.remove();
  root = null;
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'onLine');
  await db.delete();
});

async function open(stored: TeacherDetail) {
  await db.reference.put({
    kind: 'teacherDetail',
    id: TEACHER,
    data: stored as unknown as Record<string, unknown>,
  });
  const offline = { db, online: false, nudge: () => undefined } as unknown as Offline;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <MemoryRouter initialEntries={[`/docentes/${TEACHER}`]}>
      <SessionProvider>
        <OfflineContext.Provider value={{ current: offline, ready: Promise.resolve(offline) }}>
          <Routes>
            <Route
              path="/docentes/:id"
              element={
                <Signed>
                  <TeacherDetailPage />
                </Signed>
              }
            />
          </Routes>
        </OfflineContext.Provider>
      </SessionProvider>
    </MemoryRouter>,
  );
  // The stored copy is open once its sections are (the history lists the caseload).
  await vi.waitFor(() => expect(host.textContent).toContain('Rosa Apaza'), { timeout: 10_000 });
  await vi.waitFor(() => expect(host.querySelector('#historia')).not.toBeNull());
}

describe('a teacher’s page offline', () => {
  it('lists the device’s visits of her for her own coach', async () => {
    await open(detail(COACH));
    await vi.waitFor(() =>
      expect(host.textContent).toContain(
        'Sin conexión: las visitas guardadas en este dispositivo.',
      ),
    );
    expect(host.querySelector('#visitas-docente')?.textContent).toBe('Visitas de acompañamiento');
    await vi.waitFor(() =>
      expect(host.querySelector(`a[href="/visitas/${VISIT}"]`)).not.toBeNull(),
    );
  });

  it('shows no visits section for another coach’s teacher (the device holds none of hers)', async () => {
    await open(detail(OTHER_COACH));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(host.querySelector('#visitas-docente')).toBeNull();
    expect(host.textContent).not.toContain('en este dispositivo');
  });
});
