import 'fake-indexeddb/auto';
import type { SchoolDetail, Targets, TeacherDetail, TeacherItem } from '@acompana/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDb, openLocalDb } from './db.ts';
import {
  deviceSchool,
  deviceSchools,
  deviceTargets,
  deviceTeacher,
  deviceTeachers,
  SCREEN_KEYS,
} from './reference-screens.ts';

// The device's copy of the field screens' data (issue 12.1), read back as the screens ask for
// it: search ignoring case and accents, the school filter, the current year's targets only.

const teacher = (id: string, displayName: string, school: string): TeacherItem => ({
  id,
  dni: `4000000${id}`,
  displayName,
  schools: [{ id: school, name: `IE ${school}`, codigoModular: '0000001' }],
  coaches: [],
});

const school = (id: string, name: string, status: 'activa' | 'egresada'): SchoolDetail =>
  ({
    id,
    codigoModular: `00000${id}`,
    anexo: 0,
    codlocal: null,
    name,
    level: 'B0',
    characteristic: null,
    area: null,
    ubigeo: null,
    management: null,
    language: null,
    latitude: null,
    longitude: null,
    active: true,
    studentCount: null,
    teacherCount: null,
    region: { id: 'r', name: 'La Libertad' },
    ugel: { id: 'u', name: 'UGEL Gran Chimú', code: '130010' },
    network: null,
    schoolYear: 2026,
    enrollments: [
      {
        id: `e${id}`,
        intervention: { code: 'MULTIGRADO', name: 'Multigrado' },
        cohortStartYear: 2025,
        programmeYear: 2,
        status,
        exitYear: null,
      },
    ],
    directors: [],
    teachers: null,
    coaches: null,
  }) as SchoolDetail;

let db: LocalDb;
let n = 0;
beforeEach(async () => {
  db = openLocalDb(`screens-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('the device copy of the field screens', () => {
  it('has nothing before the first sync (the screen then shows the server error)', async () => {
    expect(await deviceTeachers(db, {})).toBeNull();
    expect(await deviceSchools(db, {})).toBeNull();
    expect(await deviceTeacher(db, '1')).toBeNull();
    expect(await deviceTargets(db, 'MULTIGRADO', null)).toBeNull();
  });

  it('lists the stored teachers, searching without case or accents, by school', async () => {
    await db.meta.put({
      key: SCREEN_KEYS.teachers,
      value: [teacher('1', 'Rosa Peña Quispe', 's1'), teacher('2', 'Juan Apaza', 's2')],
    });
    const names = async (query: Parameters<typeof deviceTeachers>[1]) =>
      (await deviceTeachers(db, query))?.items.map((t) => t.displayName);
    expect(await names({})).toEqual(['Rosa Peña Quispe', 'Juan Apaza']);
    expect(await names({ q: 'PENA' })).toEqual(['Rosa Peña Quispe']);
    expect(await names({ q: '40000002' })).toEqual(['Juan Apaza']);
    expect(await names({ filters: { school: 's2' } })).toEqual(['Juan Apaza']);
    expect((await deviceTeachers(db, {}))?.nextCursor).toBeNull();
  });

  it('reads a stored teacher and school, and lists schools with their running interventions', async () => {
    const detail = { id: '1', displayName: 'Rosa Peña' } as TeacherDetail;
    await db.reference.bulkPut([
      { kind: 'teacherDetail', id: '1', data: detail as never },
      {
        kind: 'schoolDetail',
        id: 's2',
        data: school('s2', 'Señor de los Milagros', 'activa') as never,
      },
      { kind: 'schoolDetail', id: 's1', data: school('s1', 'Andrés Avelino', 'egresada') as never },
    ]);
    expect((await deviceTeacher(db, '1'))?.displayName).toBe('Rosa Peña');
    expect((await deviceSchool(db, 's2'))?.name).toBe('Señor de los Milagros');
    const list = await deviceSchools(db, {});
    expect(list?.items.map((s) => [s.name, s.ugelName, s.interventions])).toEqual([
      ['Andrés Avelino', 'UGEL Gran Chimú', []],
      ['Señor de los Milagros', 'UGEL Gran Chimú', ['MULTIGRADO']],
    ]);
    expect((await deviceSchools(db, { q: 'senor' }))?.items.map((s) => s.id)).toEqual(['s2']);
    expect(
      (await deviceSchools(db, { filters: { intervention: 'MULTIGRADO' } }))?.items.length,
    ).toBe(1);
  });

  it('keeps only the current year of targets, read-only offline', async () => {
    const targets = { intervention: { code: 'MULTIGRADO' }, year: 2026, editable: true };
    await db.meta.put({ key: SCREEN_KEYS.targets, value: { MULTIGRADO: targets } });
    expect(await deviceTargets(db, 'MULTIGRADO', null)).toMatchObject({
      year: 2026,
      editable: false,
    } satisfies Partial<Targets>);
    expect(await deviceTargets(db, 'MULTIGRADO', 2026)).not.toBeNull();
    expect(await deviceTargets(db, 'MULTIGRADO', 2025)).toBeNull();
  });
});
