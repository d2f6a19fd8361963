// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../app/i18n/index.ts';
import { MemoryRouter } from '../../app/router-memory.tsx';
import { type LocalDb, openLocalDb } from '../../offline/db.ts';
import { type Offline, OfflineContext } from '../../offline/OfflineProvider.tsx';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import NewVisitPage from './NewVisitPage.tsx';

// «Programar visita» over a real local store (fake-indexeddb): the school chosen for one
// teacher is never saved with another, and a teacher with no school this year is told so
// before anything is saved.

const ROSA = '0190a000-0000-7000-8000-000000000001';
const JUAN = '0190a000-0000-7000-8000-000000000002';
const LUZ = '0190a000-0000-7000-8000-000000000003';
const school = (n: number) => ({ id: `0190a000-0000-7000-8000-0000000005${n}0`, name: `IE ${n}` });

let db: LocalDb;
let root: Root | null = null;
let host: HTMLElement;
let n = 0;

const teacher = (teacherId: string, displayName: string, schools: CaseloadTeacher['schools']) => ({
  kind: 'teacher' as const,
  id: teacherId,
  data: { teacherId, displayName, interventionCode: 'AP_EIB', schools, order: 0 },
});

beforeEach(async () => {
  db = openLocalDb(`new-visit-${++n}-${Date.now()}`);
  await db.open();
  await db.reference.bulkPut([
    teacher(ROSA, 'Rosa Apaza', [school(1), school(2)]),
    teacher(JUAN, 'Juan Huamán', [school(3), school(4)]),
    teacher(LUZ, 'Luz Mamani', []),
  ]);
  const offline = { db, online: false, nudge: () => undefined } as unknown as Offline;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <OfflineContext.Provider value={{ current: offline, ready: Promise.resolve(offline) }}>
      <MemoryRouter>
        <NewVisitPage />
      </MemoryRouter>
    </OfflineContext.Provider>,
  );
  await vi.waitFor(() => expect(host.querySelector('#visit-teacher')).not.toBeNull());
});
afterEach(async () => {
  root?.unmount();
  host?.remove();
  root = null;
  await db.delete();
});

const select = (id: string) => host.querySelector<HTMLSelectElement>(`#${id}`);
/** A choice as a person makes it: the form renders again before anything else is done. */
async function choose(id: string, value: string) {
  const element = select(id);
  if (!element) throw new Error(`no #${id}`);
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const submit = () =>
  host
    .querySelector('form')
    ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
const text = () => host.textContent ?? '';

describe('Programar visita', () => {
  it('does not keep the school chosen for another teacher', async () => {
    await choose('visit-teacher', ROSA);
    await vi.waitFor(() => expect(select('visit-school')).not.toBeNull());
    await choose('visit-school', school(2).id);
    await choose('visit-teacher', JUAN);
    await vi.waitFor(() => expect(select('visit-school')?.value).toBe(''));
    submit();
    await vi.waitFor(() =>
      expect(text()).toContain('Elige la institución educativa de la visita.'),
    );
    expect(await db.records.count()).toBe(0);

    await choose('visit-school', school(4).id);
    submit();
    await vi.waitFor(async () => expect(await db.records.count()).toBe(1));
    const [visit] = await db.records.toArray();
    expect(visit?.data).toMatchObject({ teacherId: JUAN, schoolId: school(4).id });
  });

  it('says at once that a teacher has no school this year, and saves nothing', async () => {
    await choose('visit-teacher', LUZ);
    await vi.waitFor(() => expect(text()).toContain('No figura en ninguna institución educativa'));
    expect(select('visit-teacher')?.getAttribute('aria-invalid')).toBe('true');
    submit();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
