import type { ActivityAttendanceRecord, ActivityRecord } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { planActivities } from '../plan/activity-check.ts';
import { attendedHours, dayActivities, limaTimeNow } from './parts.ts';
import { caseloadTargets, type StoredTargets, targetPostOf } from './targets.ts';

// Activity targets on the device: the catalogue's rules stored with the reference data, the
// teacher's level and grades from their stored detail, counted by core (docs/ACTIVITIES.md).

const ANA = '0190a000-0000-7000-8000-000000000001';
const LUIS = '0190a000-0000-7000-8000-000000000002';
const COACH = '0190a000-0000-7000-8000-0000000000c1';

function activity(over: Partial<ActivityRecord>): ActivityRecord {
  return {
    organiserIds: [COACH],
    interventionCode: 'SP_URBANO',
    type: 'gia',
    scope: 'institucional',
    schoolId: '0190a000-0000-7000-8000-0000000000a1',
    place: null,
    startDate: '2026-05-08',
    endDate: '2026-05-08',
    startTime: null,
    endTime: null,
    theme: 'Retroalimentación',
    desempenos: [],
    agenda: [],
    topics: [],
    agreements: [],
    notes: null,
    inviteeIds: [ANA, LUIS],
    familyCounts: null,
    status: 'done',
    organisedBy: 'coaches',
    ...over,
  };
}
const present = (activityId: string, teacherId: string): ActivityAttendanceRecord => ({
  activityId,
  teacherId,
  days: [{ date: '2026-05-08', mark: 'present' }],
  hours: null,
  arrivedAt: null,
});
const rule = (gradeFrom: number, gradeTo: number, activityKind: string, perYear: number) => ({
  level: 'primaria' as const,
  gradeFrom,
  gradeTo,
  activityKind: activityKind as 'gia',
  perYear,
});
const targets: StoredTargets = {
  SP_URBANO: {
    year: 2026,
    rules: [
      rule(1, 4, 'visita', 8),
      rule(1, 4, 'gia', 7),
      rule(1, 4, 'taller', 2),
      rule(5, 6, 'gia', 5),
    ],
  },
};
const activities = new Map<string, ActivityRecord>([
  ['g1', activity({})],
  ['g2', activity({ startDate: '2026-06-05', endDate: '2026-06-05' })],
  ['g3', activity({ startDate: '2026-07-03', endDate: '2026-07-03', status: 'planned' })],
  ['t1', activity({ type: 'taller', startDate: '2026-05-11', endDate: '2026-05-15' })],
]);
const attendances = [
  present('g1', ANA),
  present('g2', ANA),
  present('t1', ANA),
  present('g1', LUIS),
];

describe('collective-activity targets in the coach’s day', () => {
  it('counts each teacher against the catalogue targets of their grade, missed first', () => {
    const model = caseloadTargets({
      year: 2026,
      caseload: [
        { teacherId: ANA, displayName: 'Ana Quispe', interventionCode: 'SP_URBANO' },
        { teacherId: LUIS, displayName: 'Luis Mamani', interventionCode: 'SP_URBANO' },
      ],
      posts: new Map([
        [ANA, { level: 'primaria' as const, grades: [3] }],
        [LUIS, { level: 'primaria' as const, grades: [6] }],
      ]),
      targets,
      activities,
      attendances,
    });
    // Held with the caseload: two GIA and one taller done (the July GIA is still planned).
    expect(model.summary).toEqual([
      { kind: 'gia', held: 2, target: 7 },
      { kind: 'taller', held: 1, target: 2 },
    ]);
    expect(model.teachers).toEqual([
      {
        teacherId: LUIS,
        displayName: 'Luis Mamani',
        rows: [{ kind: 'gia', done: 1, target: 5 }],
        missed: 2,
      },
      {
        teacherId: ANA,
        displayName: 'Ana Quispe',
        rows: [
          { kind: 'gia', done: 2, target: 7 },
          { kind: 'taller', done: 1, target: 2 },
        ],
        missed: 0,
      },
    ]);
  });

  it('shows no target it does not have: another year or intervention is left out', () => {
    const model = caseloadTargets({
      year: 2027,
      caseload: [{ teacherId: ANA, displayName: 'Ana Quispe', interventionCode: 'SP_URBANO' }],
      posts: new Map(),
      targets,
      activities,
      attendances,
    });
    expect(model).toEqual({ summary: [], teachers: [] });
  });

  it('reads the post of the year from the stored teacher detail (ESCALE level code)', () => {
    const posts = [
      { schoolYear: 2026, level: 'B0', grades: [3] },
      { schoolYear: 2026, level: null, grades: [4] },
      { schoolYear: 2025, level: 'A2', grades: [5] },
    ];
    expect(targetPostOf(posts, 2026)).toEqual({ level: 'primaria', grades: [3, 4] });
    expect(targetPostOf(posts, 2027)).toBeNull();
  });
});

describe('the plan check includes the collective activities', () => {
  it('flags a kind whose scheduled activities of the year cannot meet the target', () => {
    const result = planActivities({
      teacherId: ANA,
      year: 2026,
      rules: targets.SP_URBANO?.rules ?? null,
      post: { level: 'B0', grades: [3] },
      activities,
      attendances,
    });
    expect(result.rows).toEqual([
      { kind: 'gia', done: 2, target: 7, scheduled: 3 },
      { kind: 'taller', done: 1, target: 2, scheduled: 1 },
    ]);
    expect(result.short.map((r) => r.kind)).toEqual(['gia', 'taller']);
  });

  it('says when the device has no activity rules, rather than passing the check', () => {
    const onlyVisits = [rule(1, 4, 'visita', 8)];
    expect(
      planActivities({
        teacherId: ANA,
        year: 2026,
        rules: onlyVisits,
        post: null,
        activities,
        attendances,
      }),
    ).toEqual({ rows: null, short: [] });
  });
});

describe('the week’s activities in the coach’s day', () => {
  it('lists the planned ones of the coming week and those past still to close', () => {
    const row = (id: string, startDate: string, status: ActivityRecord['status'] = 'planned') => ({
      id,
      data: activity({ startDate, endDate: startDate, status }),
    });
    const list = [
      row('next-month', '2026-06-20'),
      row('tomorrow', '2026-05-09'),
      row('today', '2026-05-08'),
      row('last-week', '2026-05-01'),
      row('done-last-week', '2026-05-02', 'done'),
      row('cancelled', '2026-05-10', 'cancelled'),
    ];
    const { coming, toClose } = dayActivities(list, '2026-05-08', '2026-05-15');
    expect(coming.map((a) => a.id)).toEqual(['today', 'tomorrow']);
    expect(toClose.map((a) => a.id)).toEqual(['last-week']);
  });
});

describe('arrival and hours of one tap', () => {
  it('records the arrival at Lima’s time and the scheduled hours of the days present', () => {
    // 20:05 UTC is 15:05 in Lima (UTC−5, no daylight saving).
    expect(limaTimeNow(new Date('2026-05-08T20:05:00Z'))).toBe('15:05');
    const taller = { startTime: '08:30', endTime: '13:00' };
    const days = [
      { mark: 'present' as const },
      { mark: 'absent' as const },
      { mark: 'present' as const },
    ];
    expect(attendedHours(taller, days)).toBe(9);
    expect(attendedHours({ startTime: '15:00', endTime: null }, days)).toBeNull();
  });
});
