import { describe, expect, it } from 'vitest';
import { findRawCodes } from '../../raw-codes.ts';
import { RUBRIC_2017, RUBRIC_2018 } from './rubric.ts';

// Issue 12.15: the rubric's instructions state one session length (sessionMinutes, which the
// form shows), not a second one in the description.

describe('the seeded rubrics’ instructions', () => {
  for (const rubric of [RUBRIC_2018, RUBRIC_2017]) {
    it(`${rubric.title}: one duration, no raw code`, () => {
      expect(rubric.sessionMinutes).toBe(60);
      expect(rubric.description ?? '').not.toMatch(/minut/);
      expect(findRawCodes(rubric.description ?? '')).toEqual([]);
    });
  }
});
