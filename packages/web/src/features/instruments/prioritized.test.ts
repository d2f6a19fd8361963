import { type InstrumentSummary, PRE_OBSERVATION_CHECKLIST, RUBRIC_2018 } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { namingVersionId, prioritizedNames } from './prioritized.ts';

// Issue 12.15: the prioritized-desempeño line of an instrument names the desempeños (as the
// rubric does), not their codes.

describe('prioritized desempeños by name', () => {
  it('names each code from the rubric, in the order of priority', () => {
    const [first, second] = RUBRIC_2018.desempenos;
    if (!first || !second) throw new Error('the seeded rubric has desempeños');
    const codes = [second.code, first.code];
    expect(prioritizedNames(codes, RUBRIC_2018)).toEqual([second.name, first.name]);
    for (const name of prioritizedNames(codes, RUBRIC_2018)) {
      expect(codes).not.toContain(name);
    }
  });

  it('keeps a code the definition does not define (and every code without a rubric)', () => {
    expect(prioritizedNames(['ya_no_existe'], RUBRIC_2018)).toEqual(['ya_no_existe']);
    expect(prioritizedNames(['a'], PRE_OBSERVATION_CHECKLIST)).toEqual(['a']);
    expect(prioritizedNames(['a'], undefined)).toEqual(['a']);
  });

  it('reads the names of the newest published version, else the newest visible', () => {
    const version = (id: string, status: 'draft' | 'published' | 'retired') => ({
      id,
      status,
    });
    const instrument = (versions: { id: string; status: string }[]) =>
      ({ versions }) as unknown as InstrumentSummary;
    expect(namingVersionId(instrument([version('v3', 'draft'), version('v2', 'published')]))).toBe(
      'v2',
    );
    expect(namingVersionId(instrument([version('v1', 'retired')]))).toBe('v1');
    expect(namingVersionId(instrument([]))).toBeNull();
  });
});
