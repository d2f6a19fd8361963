import 'fake-indexeddb/auto';
import type { TeacherDetail, TeacherItem } from '@acompana/core';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { type LocalDb, openLocalDb } from './db.ts';

// Storing the field screens' copy after a sync: a detail request that fails (a busy server, a
// dropped connection) is tried again, and one still failing keeps its previous copy, so a
// screen that opened offline yesterday still does; a teacher no longer in scope is dropped. The
// catalogue's targets likewise survive a connection lost mid-refresh.

const api = vi.hoisted(() => ({
  teachers: [] as TeacherItem[],
  failures: new Map<string, number>(),
  interventions: [] as string[],
  offline: false,
}));

vi.mock('../app/api/endpoints.ts', () => ({
  listTeachers: async () => ({ items: api.teachers, nextCursor: null }),
  getTeacher: async (id: string) => {
    const left = api.failures.get(id) ?? 0;
    if (left > 0) {
      api.failures.set(id, left - 1);
      throw new Error('red');
    }
    return { id, displayName: `Docente ${id} v${api.teachers.length}`, posts: [] };
  },
  getSchool: async (id: string) => ({ id }),
  listInterventions: async () => api.interventions.map((code) => ({ code })),
  getTargets: async (code: string) => {
    if (api.offline) throw new Error('red');
    return { intervention: { code }, year: 2026, rules: `${code} v${api.interventions.length}` };
  },
}));

const { refreshCatalogue, refreshScreenData, SCREEN_KEYS } = await import('./reference-screens.ts');

const item = (id: string) => ({ id, displayName: id, schools: [] }) as unknown as TeacherItem;
const stored = async (db: LocalDb) =>
  Object.fromEntries(
    (await db.reference.where('kind').equals('teacherDetail').toArray()).map((row) => [
      row.id,
      (row.data as unknown as TeacherDetail).displayName,
    ]),
  );

let db: LocalDb;
beforeEach(async () => {
  db = openLocalDb(`refresh-${Date.now()}-${Math.random()}`);
  await db.open();
  api.failures.clear();
  api.offline = false;
});
afterEach(async () => {
  await db.delete();
});

it('retries a failed detail once, keeps the old copy of one still failing, drops those out of scope', async () => {
  api.teachers = [item('a'), item('b')];
  api.failures.set('b', 1); // fails once, then answers
  await refreshScreenData(db);
  expect(await stored(db)).toEqual({ a: 'Docente a v2', b: 'Docente b v2' });

  api.teachers = [item('a'), item('b'), item('c')];
  api.failures.set('b', 2); // fails this whole refresh
  await refreshScreenData(db);
  expect(await stored(db)).toEqual({ a: 'Docente a v3', b: 'Docente b v2', c: 'Docente c v3' });

  api.teachers = [item('c')];
  await refreshScreenData(db);
  expect(await stored(db)).toEqual({ c: 'Docente c v1' });
});

it('keeps the stored targets of an intervention whose request fails mid-refresh', async () => {
  const targets = async () => (await db.meta.get(SCREEN_KEYS.targets))?.value;
  api.interventions = ['MULTIGRADO', 'EIB'];
  await refreshCatalogue(db);
  expect(await targets()).toMatchObject({
    MULTIGRADO: { rules: 'MULTIGRADO v2' },
    EIB: { rules: 'EIB v2' },
  });

  // The list answered, then the connection dropped: the earlier copies stay, the new
  // intervention (no copy yet) is listed without targets, the one dropped from the list goes.
  api.interventions = ['MULTIGRADO', 'SECUNDARIA'];
  api.offline = true;
  await refreshCatalogue(db);
  expect(await targets()).toEqual({
    MULTIGRADO: expect.objectContaining({ rules: 'MULTIGRADO v2' }),
  });
  expect((await db.meta.get(SCREEN_KEYS.interventions))?.value).toEqual([
    { code: 'MULTIGRADO' },
    { code: 'SECUNDARIA' },
  ]);
});
