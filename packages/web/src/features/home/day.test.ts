import type { CommitmentRecord, VisitRecord } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { coachDay } from './day.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const OTHER = '00000000-0000-4000-8000-00000000000c';
const SCHOOL = '00000000-0000-4000-8000-000000000001';

function visit(id: string, teacherId: string, plannedDate: string, status: VisitRecord['status']) {
  const data: VisitRecord = {
    teacherId,
    schoolId: SCHOOL,
    interventionCode: 'AP_MULTIGRADO',
    kind: 'regular',
    status,
    plannedDate,
    startedAt: null,
    endedAt: null,
    cancelReason: status === 'cancelled' ? 'strike' : null,
    cancelNote: null,
    goals: [],
    focus: [],
    teacherConfirmedAt: null,
    dialogue: null,
  };
  return { id, data };
}

function commitment(
  id: string,
  teacherId: string,
  dueDate: string | null,
  status: CommitmentRecord['status'],
) {
  const data: CommitmentRecord = {
    visitId: SCHOOL,
    teacherId,
    owner: 'teacher',
    desempeno: null,
    text: `Compromiso ${id}`,
    dueDate,
    status,
    followUpNote: null,
  };
  return { id, data };
}

const caseload = [
  { teacherId: A, displayName: 'Zoila Ramos' },
  { teacherId: B, displayName: 'Ana Quispe' },
];

describe("the coach's day on the device", () => {
  it('splits planned visits into today and overdue, ignoring done, cancelled and other caseloads', () => {
    const day = coachDay({
      today: '2026-06-15',
      caseload,
      commitments: [],
      visits: [
        visit('v1', A, '2026-06-15', 'planned'),
        visit('v2', B, '2026-06-10', 'planned'),
        visit('v3', B, '2026-06-01', 'planned'),
        visit('v4', A, '2026-06-12', 'done'),
        visit('v5', A, '2026-06-11', 'cancelled'),
        visit('v6', OTHER, '2026-06-15', 'planned'),
        visit('v7', A, '2026-06-20', 'planned'),
      ],
    });
    expect(day.today.map((v) => v.id)).toEqual(['v1']);
    expect(day.overdue.map((v) => v.id)).toEqual(['v3', 'v2']);
  });

  it('lists open commitments due within a week, oldest first, marking the overdue ones', () => {
    const day = coachDay({
      today: '2026-06-15',
      caseload,
      visits: [],
      commitments: [
        commitment('c1', A, '2026-06-22', 'pending'),
        commitment('c2', A, '2026-06-23', 'pending'),
        commitment('c3', B, '2026-06-01', 'en_proceso'),
        commitment('c4', B, '2026-06-14', 'cumplido'),
        commitment('c5', B, null, 'pending'),
        commitment('c6', OTHER, '2026-06-15', 'pending'),
      ],
    });
    expect(day.commitmentsDue.map((c) => [c.id, c.overdue])).toEqual([
      ['c3', true],
      ['c1', false],
    ]);
  });

  it('names the teachers below one visit this month, only during the coaching period', () => {
    const visits = [visit('v1', A, '2026-06-03', 'done'), visit('v2', B, '2026-05-20', 'done')];
    const june = coachDay({ today: '2026-06-15', caseload, visits, commitments: [] });
    expect(june.belowMinimum).toEqual([
      { teacherId: B, displayName: 'Ana Quispe', done: 0, minimum: 1 },
    ]);
    const february = coachDay({ today: '2026-02-15', caseload, visits, commitments: [] });
    expect(february.belowMinimum).toEqual([]);
  });

  it('keeps the caseload order, by surname, not by the given names a display name starts with', () => {
    const bySurname = [
      { teacherId: B, displayName: 'Zoila Quispe' },
      { teacherId: A, displayName: 'Ana Ramos' },
    ];
    const june = coachDay({
      today: '2026-06-15',
      caseload: bySurname,
      visits: [],
      commitments: [],
    });
    expect(june.belowMinimum.map((t) => t.displayName)).toEqual(['Zoila Quispe', 'Ana Ramos']);
  });
});
