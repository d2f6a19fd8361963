import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.ts';
import { limaToday } from '../time.ts';
import { expectProcessTimeZone, LAST_NIGHT_OF_YEAR } from '../time-testing.ts';
import { doneDateProblem, visitDoneRefusal } from './visit-date.ts';

// A visit cannot be done in the future of Lima's calendar (warned on its eve, refused before),
// under TZ=UTC and TZ=America/Lima at 23:30 in Lima on 31 December (1 January in UTC).

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a visit marked done in the future (Lima today)', () => {
  const visit = (plannedDate: string, status: 'planned' | 'done' = 'done') => ({
    plannedDate,
    status,
  });

  it('runs in the time zone its project names', () => {
    expectProcessTimeZone();
  });

  it('warns for tomorrow and refuses the day after, counted from Lima’s today', () => {
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    const today = limaToday();
    expect(doneDateProblem(visit('2025-12-31'), today)).toBeNull();
    expect(doneDateProblem(visit('2025-12-20'), today)).toBeNull();
    // In UTC it is already 1 January: the 1st is "today" there but "tomorrow" in Lima.
    expect(doneDateProblem(visit('2026-01-01'), today)).toBe('future');
    expect(doneDateProblem(visit('2026-01-02'), today)).toBe('too_far');
  });

  it('refuses with a stable code and a Spanish message naming the date', () => {
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    const refusal = visitDoneRefusal(
      visit('2026-01-02', 'planned'),
      visit('2026-01-02'),
      limaToday(),
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal?.code).toBe('VISIT_DONE_IN_FUTURE');
    expect(refusal?.status).toBe(422);
    expect(refusal?.message).toContain('2 de enero de 2026');
    expect(refusal?.message).toContain('víspera');
    expect(refusal?.details).toEqual({
      fields: [
        { path: 'payload.plannedDate', message: 'El 2 de enero de 2026 es posterior a mañana.' },
      ],
    });
    expect(visitDoneRefusal(null, visit('2026-01-01'), limaToday())).toBeNull();
    expect(visitDoneRefusal(null, visit('2026-01-05', 'planned'), limaToday())).toBeNull();
  });

  it('checks only writes that set the status or the date', () => {
    vi.setSystemTime(LAST_NIGHT_OF_YEAR);
    const today = limaToday();
    // Moving a done visit's date far ahead is refused like marking it done.
    expect(visitDoneRefusal(visit('2025-12-10'), visit('2026-02-10'), today)?.code).toBe(
      'VISIT_DONE_IN_FUTURE',
    );
    // An old record (e.g. saved before the rule) can still get other edits.
    expect(visitDoneRefusal(visit('2026-02-10'), visit('2026-02-10'), today)).toBeNull();
  });
});
