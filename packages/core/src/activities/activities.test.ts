import { describe, expect, it } from 'vitest';
import { agendaTemplate, formatAgenda, parseAgenda } from './agenda.ts';
import {
  activityPlanCheck,
  activityProgress,
  activityTargetsFor,
  tallyAttendance,
} from './counting.ts';
import {
  ACTIVITY_TYPES,
  type ActivityAttendanceRecord,
  type ActivityRecord,
  agendaMomentSchema,
} from './records.ts';
import {
  activityDates,
  activityRefusal,
  arrivalWindow,
  arrivalWithin,
  attendanceIdOf,
  attendanceRefusal,
  maxAttendedHours,
} from './rules.ts';

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';
const C1 = '00000000-0000-4000-8000-0000000000c1';
const C2 = '00000000-0000-4000-8000-0000000000c2';
const S1 = '00000000-0000-4000-8000-0000000000a1';

function activity(over: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    organiserIds: [C1],
    interventionCode: 'SP_URBANO',
    type: 'gia',
    scope: 'institucional',
    schoolId: S1,
    place: null,
    startDate: '2026-05-08',
    endDate: '2026-05-08',
    startTime: '15:00',
    endTime: '17:00',
    theme: 'Retroalimentación formativa',
    desempenos: [],
    agenda: [],
    topics: [],
    agreements: [],
    notes: null,
    inviteeIds: [T1, T2],
    familyCounts: null,
    status: 'done',
    organisedBy: 'coaches',
    ...over,
  };
}

const att = (activityId: string, teacherId: string, marks: string[], start = 8) => ({
  activityId,
  teacherId,
  days: marks.map((mark, i) => ({
    date: `2026-05-${String(start + i).padStart(2, '0')}`,
    mark: mark as 'present',
  })),
  hours: null,
  arrivedAt: null,
});

describe('counting attended activities toward targets', () => {
  const taller = activity({ type: 'taller', startDate: '2026-05-08', endDate: '2026-05-13' });
  const activities = new Map<string, ActivityRecord>([
    ['gia-1', activity()],
    ['gia-2', activity({ startDate: '2026-06-05', endDate: '2026-06-05' })],
    ['gia-planned', activity({ status: 'planned' })],
    ['gia-2025', activity({ startDate: '2025-11-07', endDate: '2025-11-07' })],
    ['taller', taller],
    ['pasantia', activity({ type: 'pasantia' })],
  ]);

  it('counts done activities of the year with at least one day present, by catalogue kind', () => {
    const list: ActivityAttendanceRecord[] = [
      att('gia-1', T1, ['present']),
      att('gia-2', T1, ['absent']),
      att('gia-planned', T1, ['present']),
      att('gia-2025', T1, ['present']),
      att('taller', T1, ['present', 'present', 'justified', 'present', 'absent', 'present']),
      att('pasantia', T1, ['present']),
      att('gia-2', T2, ['present']),
    ];
    const tally = tallyAttendance(T1, 2026, activities, list);
    expect(tally).toEqual({ count: { gia: 1, taller: 1 }, tallerDays: 4 });
    expect(tallyAttendance(T2, 2026, activities, list)).toEqual({
      count: { gia: 1 },
      tallerDays: 0,
    });
  });

  it('reads the targets from the catalogue rules it is given, never constants', () => {
    const tally = { count: { gia: 3, taller: 1 }, tallerDays: 6 };
    const rules = [
      { activityKind: 'visita' as const, perYear: 8 },
      { activityKind: 'gia' as const, perYear: 7 },
      { activityKind: 'taller' as const, perYear: 2 },
      { activityKind: 'ria' as const, perYear: 0 },
    ];
    expect(activityProgress(tally, rules)).toEqual([
      { kind: 'gia', done: 3, target: 7 },
      { kind: 'taller', done: 1, target: 2 },
    ]);
    expect(activityProgress(tally, [{ activityKind: 'gia', perYear: 4 }])).toEqual([
      { kind: 'gia', done: 3, target: 4 },
    ]);
  });

  it('picks the targets of the teacher’s level and grades from the catalogue rules', () => {
    const rule = (
      level: 'inicial' | 'primaria',
      from: number,
      to: number,
      kind: string,
      n: number,
    ) => ({
      level,
      gradeFrom: from,
      gradeTo: to,
      activityKind: kind as 'gia',
      perYear: n,
    });
    const rules = [
      rule('primaria', 1, 4, 'visita', 8),
      rule('primaria', 1, 4, 'gia', 7),
      rule('primaria', 1, 4, 'taller', 2),
      rule('primaria', 5, 6, 'gia', 5),
      rule('inicial', 3, 5, 'gia', 8),
      rule('inicial', 3, 5, 'reunion_familias', 7),
    ];
    expect(activityTargetsFor(rules, { level: 'primaria', grades: [5] })).toEqual([
      { activityKind: 'gia', perYear: 5 },
    ]);
    // Multigrade (4th and 5th): the highest of the matching rules.
    expect(activityTargetsFor(rules, { level: 'primaria', grades: [4, 5] })).toEqual([
      { activityKind: 'gia', perYear: 7 },
      { activityKind: 'taller', perYear: 2 },
    ]);
    // Post unknown: the intervention's highest per kind, never the visits.
    expect(activityTargetsFor(rules, null)).toEqual([
      { activityKind: 'gia', perYear: 8 },
      { activityKind: 'taller', perYear: 2 },
      { activityKind: 'reunion_familias', perYear: 7 },
    ]);
  });

  it('checks the year’s scheduled activities of the teacher against the targets', () => {
    const rows = activityPlanCheck(
      T1,
      2026,
      new Map<string, ActivityRecord>([
        ...activities,
        ['gia-cancelled', activity({ status: 'cancelled' })],
        ['gia-other', activity({ inviteeIds: [T2] })],
      ]),
      [att('gia-1', T1, ['present']), att('taller', T1, ['absent', 'present'])],
      [
        { activityKind: 'gia', perYear: 7 },
        { activityKind: 'taller', perYear: 2 },
        { activityKind: 'reunion_familias', perYear: 7 },
      ],
    );
    // gia-1, gia-2 and gia-planned are scheduled (2025's, the cancelled and T2's are not).
    expect(rows).toEqual([
      { kind: 'gia', done: 1, target: 7, scheduled: 3 },
      { kind: 'taller', done: 1, target: 2, scheduled: 1 },
      { kind: 'reunion_familias', done: 0, target: 7, scheduled: 0 },
    ]);
  });

  it('lists every day of a multi-day taller', () => {
    expect(activityDates({ startDate: '2026-02-27', endDate: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});

describe('activity rules (device and server)', () => {
  const ctx = {
    usedKinds: new Set(['visita', 'gia', 'taller']),
    ownTypes: null,
    coachesOf: new Map([
      [T1, [C1]],
      [T2, [C2]],
    ]),
  };
  const codeOf = (e: { code: string } | null) => e?.code ?? null;

  it('accepts a GIA whose invitees are each coached by an organiser', () => {
    expect(activityRefusal(activity({ organiserIds: [C1, C2] }), ctx)).toBeNull();
  });

  it('refuses an invitee outside the organisers’ reach, naming the teachers', () => {
    const e = activityRefusal(activity(), ctx);
    expect(e?.code).toBe('ACTIVITY_ATTENDEE_OUT_OF_REACH');
    expect(e?.details?.teacherIds).toEqual([T2]);
    expect(e?.message).toMatch(/docentes invitados/);
    // A teacher with no coach at all is outside too.
    const noCoach = { ...ctx, coachesOf: new Map([[T1, [] as string[]]]) };
    expect(codeOf(activityRefusal(activity({ inviteeIds: [T1] }), noCoach))).toBe(
      'ACTIVITY_ATTENDEE_OUT_OF_REACH',
    );
  });

  it('reaches, for a specialist organiser, the teachers holding a post in their UGEL', () => {
    // T1 and T2 coached by coaches who do not organise it; the specialist S1 does.
    const ugel = { ...ctx, ugelReach: new Set([T1]) };
    const e = activityRefusal(activity({ organiserIds: [S1], inviteeIds: [T1, T2] }), ugel);
    expect(e?.code).toBe('ACTIVITY_ATTENDEE_OUT_OF_REACH');
    expect(e?.details?.teacherIds).toEqual([T2]);
    expect(e?.message).toMatch(/plaza este año en una institución de la UGEL/);
    const both = { ...ctx, ugelReach: new Set([T1, T2]) };
    expect(activityRefusal(activity({ organiserIds: [S1], inviteeIds: [T1, T2] }), both)).toBe(
      null,
    );
  });

  it('derives one attendance id per activity × teacher, a valid UUID', () => {
    const id = attendanceIdOf(S1, T1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(attendanceIdOf(S1, T1)).toBe(id);
    expect(attendanceIdOf(S1, T2)).not.toBe(id);
    expect(attendanceIdOf(C1, T1)).not.toBe(id);
  });

  it('refuses a type the intervention does not use in its catalogue', () => {
    const e = activityRefusal(activity({ type: 'reunion_familias', inviteeIds: [T1] }), ctx);
    expect(codeOf(e)).toBe('ACTIVITY_TYPE_NOT_USED');
    // Complementary activities are open to every intervention.
    expect(activityRefusal(activity({ type: 'pasantia', inviteeIds: [T1] }), ctx)).toBeNull();
  });

  it('refuses closing as done with no attendees, and dates in the wrong order', () => {
    expect(codeOf(activityRefusal(activity({ inviteeIds: [] }), ctx))).toBe(
      'ACTIVITY_CLOSED_EMPTY',
    );
    expect(activityRefusal(activity({ inviteeIds: [], status: 'planned' }), ctx)).toBeNull();
    const family = activity({
      type: 'taller',
      inviteeIds: [],
      familyCounts: { mothers: 0, fathers: 0, relatives: 0, community: 0 },
    });
    expect(codeOf(activityRefusal(family, ctx))).toBe('ACTIVITY_CLOSED_EMPTY');
    expect(
      codeOf(activityRefusal(activity({ inviteeIds: [T1], endDate: '2026-05-07' }), ctx)),
    ).toBe('ACTIVITY_DATES_INVALID');
    // Within one school year: an end date in 9999 (or next year) is refused too.
    for (const endDate of ['9999-12-31', '2027-01-02']) {
      const refused = activityRefusal(activity({ inviteeIds: [T1], endDate }), ctx);
      expect(codeOf(refused), endDate).toBe('ACTIVITY_DATES_INVALID');
      expect(refused?.message).toMatch(/mismo año escolar/);
    }
  });

  it('refuses an attendance day outside the taller’s dates and a teacher not invited', () => {
    const taller = activity({ type: 'taller', startDate: '2026-05-08', endDate: '2026-05-10' });
    expect(attendanceRefusal(att('x', T1, ['present', 'present', 'present']), taller)).toBeNull();
    const e = attendanceRefusal(att('x', T1, ['present', 'present', 'present', 'present']), taller);
    expect(e?.code).toBe('ACTIVITY_DAY_OUT_OF_RANGE');
    expect(e?.message).toContain('2026-05-11');
    expect(codeOf(attendanceRefusal(att('x', C2, ['present']), taller))).toBe(
      'ACTIVITY_NOT_INVITED',
    );
    expect(attendanceRefusal(att('x', C2, ['present']), undefined)).toBeNull();
  });

  it('keeps hand-set hours within the schedule of the days present', () => {
    // 15:00 to 17:00: two hours a day.
    const gia = activity();
    const one = att('x', T1, ['present']);
    expect(attendanceRefusal({ ...one, hours: 2 }, gia)).toBeNull();
    expect(attendanceRefusal({ ...one, hours: 1.5 }, gia)).toBeNull();
    const over = attendanceRefusal({ ...one, hours: 2.5 }, gia);
    expect(over?.code).toBe('ACTIVITY_HOURS_INVALID');
    expect(over?.message).toContain('2,5 h pasa de las 2 h');
    expect(over?.details).toEqual({
      fields: [{ path: 'payload.hours', message: over?.message }],
    });
    const negative = attendanceRefusal({ ...one, hours: -1 }, gia);
    expect(negative?.code).toBe('ACTIVITY_HOURS_INVALID');
    expect(negative?.message).toContain('negativas');
    const absent = attendanceRefusal({ ...att('x', T1, ['absent']), hours: 1 }, gia);
    expect(absent?.code).toBe('ACTIVITY_HOURS_INVALID');
    expect(absent?.message).toContain('ningún día');
    expect(attendanceRefusal({ ...att('x', T1, ['absent']), hours: 0 }, gia)).toBeNull();
    // A taller of three days, 08:30 to 13:00 (4.5 h): two days present give at most 9 h.
    const taller = activity({
      type: 'taller',
      endDate: '2026-05-10',
      startTime: '08:30',
      endTime: '13:00',
    });
    const twoOfThree = att('x', T1, ['present', 'absent', 'present']);
    expect(attendanceRefusal({ ...twoOfThree, hours: 9 }, taller)).toBeNull();
    expect(codeOf(attendanceRefusal({ ...twoOfThree, hours: 9.5 }, taller))).toBe(
      'ACTIVITY_HOURS_INVALID',
    );
  });

  it('bounds the hours by whole days without a schedule, half hours up with one', () => {
    expect(maxAttendedHours({ startTime: null, endTime: null }, [{ mark: 'present' }])).toBe(24);
    // 50 minutes a day: the tap rounds to 1 h, which the rule accepts.
    expect(maxAttendedHours({ startTime: '15:00', endTime: '15:50' }, [{ mark: 'present' }])).toBe(
      1,
    );
    expect(maxAttendedHours({ startTime: '15:00', endTime: '17:00' }, [])).toBe(0);
  });

  it('takes arrivals from an hour before the start to the end', () => {
    const gia = activity();
    expect(arrivalWindow(gia)).toEqual({ from: '14:00', to: '17:00' });
    expect(arrivalWithin(gia, '14:00')).toBe(true);
    expect(arrivalWithin(gia, '17:00')).toBe(true);
    expect(arrivalWithin(gia, '13:59')).toBe(false);
    expect(arrivalWindow({ startTime: null, endTime: null })).toEqual({
      from: '00:00',
      to: '23:59',
    });
    const one = att('x', T1, ['present']);
    expect(attendanceRefusal({ ...one, arrivedAt: '15:20' }, gia)).toBeNull();
    const late = attendanceRefusal({ ...one, arrivedAt: '17:30' }, gia);
    expect(late?.code).toBe('ACTIVITY_ARRIVAL_OUT_OF_RANGE');
    expect(late?.message).toBe(
      'Revisa el campo «hora de llegada»: 17:30 está fuera del horario de la actividad (de 14:00 a 17:00).',
    );
    expect(codeOf(attendanceRefusal({ ...one, arrivedAt: '08:00' }, gia))).toBe(
      'ACTIVITY_ARRIVAL_OUT_OF_RANGE',
    );
  });

  it('re-judges hours and arrival only when a write changes them (a stale time never blocks a mark)', () => {
    // Saved when the GIA ran 08:00–13:00; the schedule is now 14:00–17:00 (3 h).
    const gia = activity();
    const stored = { ...att('x', T1, ['present']), hours: 5, arrivedAt: '08:05' };
    const marked = {
      ...stored,
      days: [{ date: stored.days[0]?.date ?? '', mark: 'absent' as const }],
    };
    expect(attendanceRefusal(marked, gia, stored)).toBeNull();
    expect(codeOf(attendanceRefusal({ ...stored, arrivedAt: '08:10' }, gia, stored))).toBe(
      'ACTIVITY_ARRIVAL_OUT_OF_RANGE',
    );
    expect(codeOf(attendanceRefusal({ ...stored, hours: 4 }, gia, stored))).toBe(
      'ACTIVITY_HOURS_INVALID',
    );
    // A new record is judged whole.
    expect(codeOf(attendanceRefusal(stored, gia, null))).toBe('ACTIVITY_HOURS_INVALID');
  });
});

describe('agenda by moments', () => {
  it('starts every type from its template, a copy the coach edits', () => {
    for (const type of ACTIVITY_TYPES) {
      const agenda = agendaTemplate(type);
      expect(agenda.length, type).toBeGreaterThan(0);
      expect(agendaMomentSchema.array().parse(agenda)).toEqual(agenda);
    }
    const mine = agendaTemplate('gia');
    (mine[0] as { moment: string }).moment = 'Otro';
    expect(agendaTemplate('gia')[0]?.moment).toBe('Inicio');
  });

  it('reads and writes the agenda as one line per moment', () => {
    const text = 'Inicio: Saberes previos\n\n  Análisis de casos  \nCierre: Acuerdos: dos';
    expect(parseAgenda(text)).toEqual([
      { moment: 'Inicio', description: 'Saberes previos' },
      { moment: 'Análisis de casos', description: '' },
      { moment: 'Cierre', description: 'Acuerdos: dos' },
    ]);
    expect(formatAgenda(parseAgenda(text))).toBe(
      'Inicio: Saberes previos\nAnálisis de casos\nCierre: Acuerdos: dos',
    );
  });
});
