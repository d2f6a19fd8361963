import type { AttendanceDay, CommitmentRecord, InstrumentResponseRecord } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import {
  addTopic,
  desempenoOptions,
  hoursAfterTap,
  parseHours,
  plansFocus,
  suggestTopics,
} from './editing.ts';

// The organiser's editors (docs/ACTIVITIES.md, "Screens"): hours after a tap keep a hand
// correction within what the days allow; the desempeños offered put the invitees' plan focus
// first; the topics suggested come from the invitees' latest rubric levels and open commitments.

const ANA = '0190a000-0000-7000-8000-000000000001';
const LUIS = '0190a000-0000-7000-8000-000000000002';
const EVA = '0190a000-0000-7000-8000-000000000003';
const GIA = { startTime: '15:00', endTime: '17:00' };
const days = (...marks: AttendanceDay['mark'][]): AttendanceDay[] =>
  marks.map((mark, i) => ({ date: `2026-05-0${i + 1}`, mark }));

describe('hours after a tap', () => {
  it('follows the schedule while the hours are the schedule’s', () => {
    expect(hoursAfterTap(GIA, undefined, days('present'))).toBe(2);
    expect(hoursAfterTap(GIA, { days: days('present'), hours: 2 }, days('absent'))).toBe(0);
    expect(hoursAfterTap(GIA, { days: days('absent'), hours: 0 }, days('present'))).toBe(2);
  });

  it('keeps a hand correction, lowered only to what the new days allow', () => {
    const taller = { startTime: '08:30', endTime: '13:00' };
    const corrected = { days: days('present', 'present'), hours: 7 };
    expect(hoursAfterTap(taller, corrected, days('present', 'present', 'present'))).toBe(7);
    expect(hoursAfterTap(taller, corrected, days('present', 'absent'))).toBe(4.5);
    expect(hoursAfterTap(GIA, { days: days('present'), hours: 1.5 }, days('justified'))).toBe(0);
  });

  it('without a schedule keeps what there was, never past the days present', () => {
    const open = { startTime: null, endTime: null };
    expect(hoursAfterTap(open, undefined, days('present'))).toBeNull();
    expect(hoursAfterTap(open, { days: days('present'), hours: 3 }, days('present'))).toBe(3);
    expect(hoursAfterTap(open, { days: days('present'), hours: 3 }, days('absent'))).toBe(0);
  });
});

describe('hours typed by hand', () => {
  it('reads a comma or a point, empty as not recorded, the rest as not a number', () => {
    expect(parseHours('2,5')).toBe(2.5);
    expect(parseHours(' 3.5 ')).toBe(3.5);
    expect(parseHours('')).toBeNull();
    // Negative is a number: the core rule refuses it with its own message.
    expect(parseHours('-1')).toBe(-1);
    expect(parseHours('dos')).toBe('invalid');
    expect(parseHours('2,5,1')).toBe('invalid');
  });
});

describe('desempeños offered', () => {
  const rubric = [
    { code: 'D1', name: 'Involucra' },
    { code: 'D2', name: 'Razonamiento' },
    { code: 'D3', name: 'Evalúa' },
  ];

  it('puts the invitees’ plan focus first and keeps saved codes the rubric lacks', () => {
    const options = desempenoOptions(rubric, ['D3', 'D9'], ['D2', 'X7']);
    expect(options.map((d) => [d.code, d.prioritized])).toEqual([
      ['D3', true],
      ['D9', true],
      ['D1', false],
      ['D2', false],
      ['X7', false],
    ]);
    expect(options.find((d) => d.code === 'X7')?.name).toBe('X7');
  });

  it('reads the focus of the invited teachers’ plans of the activity’s year only', () => {
    const plan = (teacherId: string, schoolYear: number, focus: string[]) => ({
      data: { teacherId, schoolYear, focus },
    });
    const plans = [
      plan(ANA, 2026, ['D1', 'D3']),
      plan(LUIS, 2026, ['D3', 'D4']),
      plan(LUIS, 2025, ['D5']),
      plan(EVA, 2026, ['D6']),
    ];
    expect(plansFocus(plans, [ANA, LUIS], 2026)).toEqual(['D1', 'D3', 'D4']);
  });
});

describe('topics suggested from the visits', () => {
  let n = 0;
  const response = (teacherId: string, date: string, levels: Record<string, number>) => ({
    id: `r${++n}`,
    updatedAt: `${date}T20:00:00Z`,
    data: {
      visitId: null,
      teacherId,
      instrumentVersionId: 'v1',
      status: 'complete',
      answers: {
        scores: Object.fromEntries(Object.entries(levels).map(([c, level]) => [c, { level }])),
      },
    } satisfies InstrumentResponseRecord,
  });
  const commitment = (
    teacherId: string,
    desempeno: string,
    status: CommitmentRecord['status'],
  ) => ({
    id: `c${++n}`,
    updatedAt: '2026-05-01T00:00:00Z',
    data: {
      visitId: 'v',
      teacherId,
      owner: 'teacher',
      desempeno,
      text: 'Compromiso',
      dueDate: null,
      status,
      followUpNote: null,
    } satisfies CommitmentRecord,
  });

  it('counts invitees at level I or II in their latest observation, and open commitments', () => {
    const suggestions = suggestTopics({
      inviteeIds: [ANA, LUIS],
      responses: [
        // Ana rose from I to III in D1: her latest level is what counts.
        response(ANA, '2026-04-10', { D1: 1, D2: 2 }),
        response(ANA, '2026-06-10', { D1: 3, D2: 1 }),
        response(LUIS, '2026-05-10', { D1: 2, D2: 2, D3: 4 }),
        // Eva is not invited.
        response(EVA, '2026-05-10', { D4: 1 }),
      ],
      visits: [],
      versions: [],
      commitments: [
        commitment(ANA, 'D3', 'pending'),
        commitment(LUIS, 'D3', 'no_cumplido'),
        commitment(LUIS, 'D1', 'cumplido'),
        commitment(EVA, 'D4', 'pending'),
      ],
    });
    expect(suggestions).toEqual([
      { code: 'D2', lowLevels: 2, observed: 2, openCommitments: 0 },
      { code: 'D1', lowLevels: 1, observed: 2, openCommitments: 0 },
      { code: 'D3', lowLevels: 0, observed: 2, openCommitments: 2 },
    ]);
  });

  it('suggests nothing without visits or commitments of the invitees', () => {
    expect(
      suggestTopics({
        inviteeIds: [ANA],
        responses: [],
        visits: [],
        versions: [],
        commitments: [],
      }),
    ).toEqual([]);
  });
});

describe('topics by hand', () => {
  it('adds a trimmed topic once, at most ten', () => {
    expect(addTopic(['A'], '  B  ')).toEqual(['A', 'B']);
    expect(addTopic(['A'], 'A')).toEqual(['A']);
    expect(addTopic(['A'], '   ')).toEqual(['A']);
    const ten = Array.from({ length: 10 }, (_, i) => `T${i}`);
    expect(addTopic(ten, 'otro')).toEqual(ten);
    expect(addTopic([], 'x'.repeat(400))[0]).toHaveLength(300);
  });
});
