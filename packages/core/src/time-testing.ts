import { expect, inject } from 'vitest';

// Shared by the *.tz.test.ts files, which vitest.config.ts runs twice: in the `tz-utc` project
// (TZ=UTC, as servers run) and in `tz-lima` (TZ=America/Lima, as a phone in Peru runs).

declare module 'vitest' {
  export interface ProvidedContext {
    /** The TZ the project set for its test processes. */
    timeZone: string;
  }
}

/** 23:30 in Lima on 31 December 2025: in UTC it is already 1 January 2026. */
export const LAST_NIGHT_OF_YEAR = new Date('2026-01-01T04:30:00Z');
/** 23:30 in Lima on 30 November 2025: in UTC it is already 1 December. */
export const LAST_NIGHT_OF_NOVEMBER = new Date('2025-12-01T04:30:00Z');

/** Fails unless the process really runs in the project's time zone (so a project that lost its
 *  TZ cannot pass by accident). */
export function expectProcessTimeZone(): void {
  const expected = inject('timeZone');
  expect(['UTC', 'America/Lima']).toContain(expected);
  const actual = Intl.DateTimeFormat().resolvedOptions().timeZone;
  expect(actual === 'Etc/UTC' ? 'UTC' : actual).toBe(expected);
  // Local midnight of 1 January 2026 is 05:00 UTC in Lima (UTC−5) and 00:00 in UTC.
  expect(new Date(2026, 0, 1).getUTCHours()).toBe(expected === 'UTC' ? 0 : 5);
}
