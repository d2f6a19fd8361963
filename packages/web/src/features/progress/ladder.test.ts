import { DEFAULT_STAGE_LADDER } from '@acompana/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadTexts } from '../../app/i18n/index.ts';
import { ladderProblems } from '../catalog/LadderSection.tsx';
import { ladderFor } from './ladder.ts';
import { roleName, stageName } from './reasons.ts';

// Feature texts load with their screens; tests load them as the screens do.
beforeAll(() => loadTexts('progress'));

const CUSTOM = {
  window: 2,
  minObservations: 1,
  stages: [
    {
      code: 'inicial',
      name: 'Inicial',
      coachRole: 'guia',
      coachRoleName: 'Guía',
      minMean: 0,
      minShareSatisfactory: 0,
      minLevel: 1,
    },
    {
      code: 'autonomo',
      name: 'Autónomo',
      coachRole: 'par',
      minMean: 3,
      minShareSatisfactory: 0.5,
      minLevel: 2,
    },
  ],
};

describe('the ladder of an intervention on the device', () => {
  it("uses the intervention's cached ladder, else the default", () => {
    const cached = [{ code: 'SPI', stageLadder: CUSTOM }];
    expect(ladderFor(cached, 'SPI').stages.map((s) => s.code)).toEqual(['inicial', 'autonomo']);
    expect(ladderFor(cached, 'JEC')).toBe(DEFAULT_STAGE_LADDER);
    expect(ladderFor(undefined, 'SPI')).toBe(DEFAULT_STAGE_LADDER);
    expect(ladderFor([{ code: 'SPI', stageLadder: { stages: [] } }], 'SPI')).toBe(
      DEFAULT_STAGE_LADDER,
    );
  });

  it('names default stages from the catalog and configured ones by their names', () => {
    const ladder = ladderFor([{ code: 'SPI', stageLadder: CUSTOM }], 'SPI');
    expect(stageName(i18n.t, 'enfocado', ladder)).toBe('Enfocado en el aprendizaje');
    expect(stageName(i18n.t, 'autonomo', ladder)).toBe('Autónomo');
    expect(roleName(i18n.t, 'guia', ladder)).toBe('Guía');
    expect(roleName(i18n.t, 'par', ladder)).toBe('par');
  });

  it('checks a ladder typed as JSON with Spanish messages before it is sent', () => {
    expect(ladderProblems(JSON.stringify(CUSTOM), i18n.t).problems).toEqual([]);
    expect(ladderProblems('{ "stages": ', i18n.t).problems[0]).toMatch(
      /^El texto no es JSON válido/,
    );
    const easier = {
      ...CUSTOM,
      stages: [...CUSTOM.stages, { ...CUSTOM.stages[1], code: 'z', minMean: 1 }],
    };
    expect(ladderProblems(JSON.stringify(easier), i18n.t).problems).toEqual([
      'stages.2: La etapa «z» no puede pedir menos que la anterior.',
    ]);
  });
});
