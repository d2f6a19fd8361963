import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDb, openLocalDb } from '../../offline/db.ts';
import { cacheTeachers, mergeTeachers } from './local.ts';
import { loadCached } from './useFieldData.ts';

// Issue 12.6: offline, the fill page said "Docente:" with no name when the page had never been
// opened online; the names come from the device's reference data (the synced caseload).

const ME = 'coach-1';
let db: LocalDb;
let n = 0;
beforeEach(async () => {
  db = openLocalDb(`field-data-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('loadCached', () => {
  it('names the caseload from the reference data the sync stored', async () => {
    await db.reference.bulkPut([
      { kind: 'teacher', id: 't1', data: { teacherId: 't1', displayName: 'Rosa Mamani Quispe' } },
      { kind: 'teacher', id: 't2', data: { teacherId: 't2', displayName: 'Luis Condori Huamán' } },
      { kind: 'school', id: 's1', data: { name: 'IE 501' } },
    ]);
    const data = await loadCached(db, ME);
    expect(data.offline).toBe(true);
    expect(data.teachers).toEqual([
      { id: 't1', displayName: 'Rosa Mamani Quispe' },
      { id: 't2', displayName: 'Luis Condori Huamán' },
    ]);
  });

  it('keeps teachers the page cached online that the caseload no longer holds', async () => {
    await db.reference.put({ kind: 'teacher', id: 't1', data: { displayName: 'Rosa Mamani' } });
    await cacheTeachers(db, [
      { id: 't1', displayName: 'Rosa M.' },
      { id: 't9', displayName: 'Ana Torres' },
    ]);
    expect((await loadCached(db, ME)).teachers).toEqual([
      { id: 't1', displayName: 'Rosa Mamani' },
      { id: 't9', displayName: 'Ana Torres' },
    ]);
  });
});

describe('mergeTeachers', () => {
  it('leaves out the person themself and nameless rows', () => {
    expect(
      mergeTeachers(
        ME,
        [{ id: ME, displayName: 'Yo' }],
        [
          { id: 't1', displayName: '' },
          { id: 't2', displayName: 'Ana' },
        ],
      ),
    ).toEqual([{ id: 't2', displayName: 'Ana' }]);
  });
});
