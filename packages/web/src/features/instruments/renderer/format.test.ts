import { RUBRIC_2017, RUBRIC_2018 } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { statesDuration } from './format.ts';

// Issue 12.15: one duration in the rubric's instructions. The seeded rubrics say "(45 a 60
// minutos)" in their description and carry sessionMinutes 60: the form shows only the first.

describe('statesDuration', () => {
  it('sees the duration the seeded rubrics’ instructions give, so the form adds none', () => {
    for (const rubric of [RUBRIC_2018, RUBRIC_2017]) {
      expect(rubric.sessionMinutes).toBe(60);
      expect(statesDuration(rubric.description)).toBe(true);
    }
  });

  it('is false for instructions without a duration (the form then states sessionMinutes)', () => {
    expect(statesDuration('Para cada desempeño, elige el nivel que describe lo que viste.')).toBe(
      false,
    );
    expect(statesDuration(undefined)).toBe(false);
    expect(statesDuration('Una sesión de 2 horas')).toBe(true);
  });
});
