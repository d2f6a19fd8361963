import type { Me } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import type { LocalRecord, ReferenceItem } from '../../offline/db.ts';
import { accessOf, cleanLines, pickYearRecord } from './model.ts';

const COACH = '0190a000-0000-7000-8000-0000000000c1';
const TEACHER = '0190a000-0000-7000-8000-000000000001';
const OTHER = '0190a000-0000-7000-8000-000000000009';

function me(id: string, role: 'acompanante' | 'docente'): Pick<Me, 'person' | 'roles'> {
  return {
    person: {
      id,
      dni: '40000001',
      givenNames: 'Ana',
      paternalSurname: 'Quispe',
      maternalSurname: null,
      displayName: 'Ana Quispe',
    },
    roles: [
      {
        role,
        scope: { level: 'national', id: null, name: 'Perú' },
        validFrom: '2026-01-01',
        validTo: null,
      } as unknown as Me['roles'][number],
    ],
  };
}

const caseload: ReferenceItem[] = [
  {
    kind: 'teacher',
    id: TEACHER,
    data: {
      teacherId: TEACHER,
      displayName: 'Rosa Huamán',
      interventionCode: 'MULTIGRADO',
      schools: [{ id: 'ie-1', name: 'IE 80412' }],
    },
  },
];

describe('who may edit the diagnosis and the plan', () => {
  it('lets the coach edit a teacher of the caseload on the device', () => {
    const access = accessOf(me(COACH, 'acompanante'), TEACHER, caseload);
    expect(access.kind).toBe('coach');
    expect(access.kind === 'coach' && access.teacher.interventionCode).toBe('MULTIGRADO');
  });

  it('tells a coach when the teacher is not in their caseload', () => {
    expect(accessOf(me(COACH, 'acompanante'), OTHER, caseload)).toEqual({ kind: 'notInCaseload' });
  });

  it('lets the teacher read their own, and nobody else anything', () => {
    // A teacher's reference item is their own teacher record (no intervention): read-only.
    const own: ReferenceItem[] = [{ kind: 'teacher', id: TEACHER, data: { displayName: 'R' } }];
    expect(accessOf(me(TEACHER, 'docente'), TEACHER, own)).toEqual({
      kind: 'self',
      displayName: 'Ana Quispe',
    });
    expect(accessOf(me(OTHER, 'docente'), TEACHER, caseload)).toEqual({ kind: 'noAccess' });
  });
});

describe('this year record', () => {
  const local = (id: string, version: number, schoolYear: number) =>
    ({ id, version, data: { schoolYear } }) as LocalRecord<{ schoolYear: number }>;

  it('prefers the record the server has, then the oldest, among those of the year', () => {
    const records = [local('0003', 0, 2026), local('0002', 0, 2026), local('0001', 3, 2025)];
    expect(pickYearRecord(records, 2026)?.id).toBe('0002');
    expect(pickYearRecord([...records, local('0009', 1, 2026)], 2026)?.id).toBe('0009');
    expect(pickYearRecord(records, 2024)).toBeNull();
  });

  it('saves list lines trimmed and without empty ones', () => {
    expect(cleanLines([' uno ', '', '  ', 'dos'])).toEqual(['uno', 'dos']);
  });
});
