import type { CaseloadItem } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { loadTone, twoCoachesIn } from './flags.ts';

const row = (
  teacher: string,
  coach: string,
  intervention = 'MULTIGRADO',
  current = true,
  specialty: string | null = null,
) =>
  ({
    id: `${teacher}-${coach}-${intervention}`,
    coach: { id: coach, displayName: `Acompañante ${coach}` },
    teacher: { id: teacher, displayName: `Docente ${teacher}`, dni: '00000000' },
    schools: [],
    masked: false,
    intervention,
    specialty,
    validFrom: '2026-03-01',
    validTo: null,
    current,
  }) satisfies CaseloadItem;

describe('board flags', () => {
  it('flags a teacher with two current coaches in one intervention, and nobody else', () => {
    const flagged = twoCoachesIn([
      row('b', '1'),
      row('b', '2'),
      row('a', '1'),
      row('a', '2', 'SPI'),
      row('c', '1'),
      row('c', '3', 'MULTIGRADO', false),
      // SPI: one ASPI per specialty is the design, not a flag.
      row('d', '4', 'SPI', true, 'matematica'),
      row('d', '5', 'SPI', true, 'comunicacion'),
    ]);
    expect(flagged).toEqual([
      {
        teacherId: 'b',
        teacherName: 'Docente b',
        intervention: 'MULTIGRADO',
        coaches: ['Acompañante 1', 'Acompañante 2'],
      },
    ]);
  });

  it('places a load against the range', () => {
    expect(loadTone(7, 15, 8)).toBe('below');
    expect(loadTone(8, 15, 8)).toBe('within');
    expect(loadTone(15, 15, 8)).toBe('within');
    expect(loadTone(16, 15, 8)).toBe('above');
  });
});
