import { currentSchoolYear, limaDateOf, limaToday } from '@acompana/core';
import { expectProcessTimeZone, LAST_NIGHT_OF_YEAR } from '@acompana/core/time-testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoSchoolYear } from './demo-coaching.ts';
import { demoYear } from './demo-coaching-plan.ts';

// The demo's calendar under TZ=UTC and TZ=America/Lima (the tz-* projects): the school year it
// shows and the dates and times of its records are Lima's, whatever the server's zone.

/** 23:30 in Lima on 31 March 2026: already 1 April in UTC. */
const LAST_NIGHT_OF_MARCH = new Date('2026-04-01T04:30:00Z');

const teacher = {
  teacherId: '00000000-0000-4000-8000-000000000001',
  schoolId: '00000000-0000-4000-8000-000000000002',
  regionId: '00000000-0000-4000-8000-000000000003',
  ugelId: '00000000-0000-4000-8000-000000000004',
  interventionCode: 'MULTIGRADO',
  seed: 30000001,
  grades: [1, 2],
  studentsPerGrade: 12,
};
const COACH = '00000000-0000-4000-8000-000000000005';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('demo calendar', () => {
  it('runs in the time zone its project names', () => {
    expectProcessTimeZone();
  });

  it('shows last year’s coaching until the last night of March in Lima', () => {
    vi.setSystemTime(LAST_NIGHT_OF_MARCH);
    expect(demoSchoolYear(limaToday())).toEqual({ year: 2025, until: '2025-12-15' });
    expect(currentSchoolYear()).toBe(2026);
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    expect(demoSchoolYear(limaToday())).toEqual({ year: 2025, until: '2025-12-31' });
    expect(currentSchoolYear()).toBe(2025);
  });

  it('records nothing after Lima’s today and times visits on Lima’s clock', () => {
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    const { year, until } = demoSchoolYear(limaToday());
    const rows = demoYear(teacher, COACH, year, until);
    const done = rows.visit.filter((v) => v.status === 'done');
    expect(done.length).toBeGreaterThan(5);
    for (const v of done) {
      expect(String(v.planned_date) <= until).toBe(true);
      expect(limaDateOf(String(v.started_at)), String(v.id)).toBe(v.planned_date);
      expect(limaDateOf(String(v.ended_at)), String(v.id)).toBe(v.planned_date);
    }
    for (const v of rows.visit.filter((x) => x.status === 'planned')) {
      expect(v.started_at).toBeNull();
    }
  });
});
