import { describe, expect, it } from 'vitest';
import { ladderOf, stageLadderSchema } from './ladder.ts';
import { DEFAULT_STAGE_LADDER, suggestStage } from './stages.ts';

const custom = {
  window: 2,
  minObservations: 1,
  stages: [
    {
      code: 'inicial',
      name: 'Inicial',
      coachRole: 'modelo',
      coachRoleName: 'Modelo',
      minMean: 0,
      minShareSatisfactory: 0,
      minLevel: 1,
    },
    {
      code: 'autonomo',
      name: 'Autónomo',
      coachRole: 'amigo_critico',
      minMean: 3,
      minShareSatisfactory: 0.5,
      minLevel: 2,
    },
  ],
};

describe('a progress ladder per intervention', () => {
  it('accepts the default ladder and a custom one with names', () => {
    expect(stageLadderSchema.safeParse(DEFAULT_STAGE_LADDER).success).toBe(true);
    expect(stageLadderSchema.safeParse(custom).success).toBe(true);
  });

  it('refuses repeated codes, an easier later stage, a first stage with thresholds', () => {
    const messages = (ladder: unknown) => {
      const result = stageLadderSchema.safeParse(ladder);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    const [first, second] = custom.stages;
    expect(messages({ ...custom, stages: [first, { ...second, code: 'inicial' }] })).toContain(
      'El código «inicial» se repite.',
    );
    expect(
      messages({
        ...custom,
        stages: [
          first,
          { ...second, minMean: 0, minLevel: 1, minShareSatisfactory: 0 },
          { ...second, code: 'x', minMean: 2 },
        ],
      }),
    ).toEqual([]);
    expect(
      messages({ ...custom, stages: [first, second, { ...second, code: 'z', minMean: 2 }] }),
    ).toContain('La etapa «z» no puede pedir menos que la anterior.');
    expect(messages({ ...custom, stages: [{ ...first, minMean: 1 }, second] })).toContain(
      'La primera etapa no tiene umbrales: es donde empieza todo docente.',
    );
    expect(messages({ ...custom, minObservations: 3 })).toContain(
      'No puede pedir más observaciones que las que mira la ventana.',
    );
  });

  it('uses the stored ladder when valid and the default otherwise', () => {
    expect(ladderOf(null)).toBe(DEFAULT_STAGE_LADDER);
    expect(ladderOf({ stages: [] })).toBe(DEFAULT_STAGE_LADDER);
    const ladder = ladderOf(custom);
    expect(ladder.stages.map((s) => s.code)).toEqual(['inicial', 'autonomo']);
    // One observation is enough for this ladder, and level III everywhere reaches "autonomo".
    const suggestion = suggestStage([{ date: '2026-05-01', levels: { a: 3, b: 3 } }], ladder);
    expect(suggestion.stage?.code).toBe('autonomo');
    expect(suggestStage([{ date: '2026-05-01', levels: { a: 3, b: 3 } }]).stage).toBeNull();
  });
});
