import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  currentSchoolYear,
  dayOfWeek,
  daysBetween,
  formatCalendarDate,
  formatLimaDate,
  formatLimaDateTime,
  formatLimaTime,
  isCalendarDate,
  limaDateOf,
  limaInstant,
  limaMonth,
  limaToday,
  schoolYearOf,
} from './time.ts';
import {
  expectProcessTimeZone,
  LAST_NIGHT_OF_NOVEMBER,
  LAST_NIGHT_OF_YEAR,
} from './time-testing.ts';

// Runs under TZ=UTC and TZ=America/Lima (the tz-* projects of vitest.config.ts), at 23:30 in
// Lima on the last day of a month, when UTC is already in the next day, month and year.

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Lima calendar time, whatever the process time zone', () => {
  it('runs in the time zone its project names', () => {
    expectProcessTimeZone();
  });

  it('keeps today, the month and the school year of Lima at 23:30 on 31 December', () => {
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    expect(limaToday()).toBe('2025-12-31');
    expect(limaMonth()).toBe('2025-12');
    expect(currentSchoolYear()).toBe(2025);
    expect(schoolYearOf(limaToday())).toBe(2025);
    expect(limaDateOf(new Date().toISOString())).toBe('2025-12-31');
  });

  it('keeps the month of Lima at 23:30 on 30 November', () => {
    vi.setSystemTime(LAST_NIGHT_OF_NOVEMBER);
    expect(limaToday()).toBe('2025-11-30');
    expect(limaMonth()).toBe('2025-11');
    expect(limaMonth('2025-11-30')).toBe('2025-11');
  });

  it('turns to the next day at Lima midnight, not at UTC midnight', () => {
    vi.setSystemTime(new Date('2026-01-01T04:59:59Z'));
    expect(limaToday()).toBe('2025-12-31');
    vi.setSystemTime(new Date('2026-01-01T05:00:00Z'));
    expect(limaToday()).toBe('2026-01-01');
    expect(currentSchoolYear()).toBe(2026);
  });

  it('keeps the date of each instant when one minute is asked for again and again', () => {
    // limaDateOf remembers the last minute it answered: the next minute, or the same minute
    // asked after another one, is still the right date.
    expect(limaDateOf('2026-01-01T04:59:00Z')).toBe('2025-12-31');
    expect(limaDateOf('2026-01-01T04:59:59.999Z')).toBe('2025-12-31');
    expect(limaDateOf('2026-01-01T05:00:00Z')).toBe('2026-01-01');
    expect(limaDateOf('2026-01-01T04:59:30Z')).toBe('2025-12-31');
    expect(limaDateOf('2026-01-01T05:00:59Z')).toBe('2026-01-01');
    // Before 1908 Lima kept its local mean time (−5:08:36): its midnight fell within a UTC
    // minute, so old instants are never answered from the remembered minute.
    expect(limaDateOf('1900-01-02T05:08:00Z')).toBe('1900-01-01');
    expect(limaDateOf('1900-01-02T05:08:40Z')).toBe('1900-01-02');
    expect(limaDateOf('1900-01-02T05:08:00Z')).toBe('1900-01-01');
  });

  it('shows instants in Lima and calendar dates as written', () => {
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    const now = new Date().toISOString(); // 2026-01-01T04:30:00.000Z
    expect(formatLimaDate(now)).toBe('31 de diciembre de 2025');
    expect(formatLimaTime(now)).toBe('11:30 p. m.');
    expect(formatLimaDateTime(now)).toContain('31 dic');
    expect(formatLimaDateTime(now)).toContain('11:30');
    expect(formatCalendarDate('2025-12-31')).toBe('31 de diciembre de 2025');
    expect(formatCalendarDate('2026-01-01')).toBe('1 de enero de 2026');
    expect(formatCalendarDate('no es fecha')).toBe('no es fecha');
  });

  it('finds the instant of a Lima wall-clock time', () => {
    expect(limaInstant('2025-12-31', '08:00')).toBe('2025-12-31T13:00:00.000Z');
    expect(limaInstant('2025-12-31', '23:30')).toBe(LAST_NIGHT_OF_YEAR.toISOString());
    expect(limaDateOf(limaInstant('2025-11-30', '23:59'))).toBe('2025-11-30');
  });

  it('does calendar arithmetic on dates without a time zone', () => {
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    expect(addDays(limaToday(), 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-12-31', '2026-01-02')).toBe(2);
    expect(dayOfWeek('2025-12-31')).toBe(3); // a Wednesday
    expect(dayOfWeek('2026-01-04')).toBe(0);
    expect(daysBetween('2026-01-02', '2025-12-31')).toBe(-2);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2024-2-9')).toBe(false);
  });
});
