import { suggestStage } from '@acompana/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadTexts } from '../../app/i18n/index.ts';
import { levelName, levelRoman, reasonText, roleName, stageName } from './reasons.ts';

// The suggestion's reasons are facts from core; the screen words them through the catalog.

const t = i18n.t.bind(i18n);
const names = new Map([['D3', 'Promueve el razonamiento']]);
const nameOf = (code: string) => names.get(code) ?? code;

// Feature texts load with their screens; tests load them as the screens do.
beforeAll(() => loadTexts('progress', 'visits'));

describe('progress wording', () => {
  it('names stages, coach roles and rubric levels, falling back to the code', () => {
    expect(stageName(t, 'enfocado')).toBe('Enfocado en el aprendizaje');
    expect(stageName(t, 'etapa_local')).toBe('etapa_local');
    expect(roleName(t, 'amigo_critico')).toBe('Amigo crítico');
    expect(roleName(t, 'co_investigador')).toBe('Co-investigador');
    expect(levelName(t, 1)).toBe('I (Insatisfactorio)');
    expect(levelName(t, 4)).toBe('IV (Destacado)');
    expect(levelRoman(3)).toBe('III');
  });

  it('words a short history with the right plural', () => {
    expect(reasonText(t, { code: 'insufficient_history', observations: 1, needed: 2 })).toBe(
      'Aún hay 1 observación completa; se necesitan 2 para sugerir una etapa.',
    );
    expect(reasonText(t, { code: 'insufficient_history', observations: 0, needed: 2 })).toBe(
      'Aún no hay observaciones completas con rúbrica; se necesitan 2 para sugerir una etapa.',
    );
    expect(reasonText(t, { code: 'insufficient_history', observations: 2, needed: 3 })).toBe(
      'Aún hay 2 observaciones completas; se necesitan 3 para sugerir una etapa.',
    );
  });

  it('words the mean, the share and the trend with numbers', () => {
    expect(reasonText(t, { code: 'mean_level', value: 2.8, observations: 3 })).toBe(
      'Nivel promedio de las últimas 3 observaciones: 2.8.',
    );
    expect(reasonText(t, { code: 'share_satisfactory', value: 0.6 })).toBe(
      'El 60 % de los desempeños observados está en el nivel III o IV.',
    );
    expect(reasonText(t, { code: 'trend', from: 2, to: 2.4 })).toBe(
      'Va en subida: el nivel promedio pasó de 2 a 2.4.',
    );
    expect(reasonText(t, { code: 'trend', from: 3, to: 2.5 })).toMatch(/^Va en bajada/);
  });

  it('names the lowest desempeño and its level (or its mean over the window)', () => {
    expect(reasonText(t, { code: 'lowest_desempeno', desempeno: 'D3', level: 1 }, nameOf)).toBe(
      'El desempeño «Promueve el razonamiento» es el más bajo: está en el nivel I (Insatisfactorio).',
    );
    expect(reasonText(t, { code: 'lowest_desempeno', desempeno: 'D9', level: 1.5 }, nameOf)).toBe(
      'El desempeño «D9» es el más bajo: su nivel promedio es 1.5.',
    );
  });

  it('lists what the next stage needs, in one Spanish sentence', () => {
    expect(
      reasonText(t, {
        code: 'next_stage_needs',
        stage: 'enfocado',
        minMean: 2.75,
        minShareSatisfactory: 0.6,
        minLevel: 2,
      }),
    ).toBe(
      'Para pasar a «Enfocado en el aprendizaje» se necesita un nivel promedio de al menos 2.75, ' +
        'al menos el 60 % de los desempeños en el nivel III o IV y ningún desempeño por debajo ' +
        'del nivel II (En proceso).',
    );
    expect(
      reasonText(t, {
        code: 'next_stage_needs',
        stage: 'independiente',
        minMean: 3.25,
        minShareSatisfactory: 1,
        minLevel: 3,
      }),
    ).toContain('todos los desempeños en el nivel III o IV');
    expect(
      reasonText(t, {
        code: 'next_stage_needs',
        stage: 'supervisada',
        minMean: 2,
        minShareSatisfactory: 0,
        minLevel: 1,
      }),
    ).toBe('Para pasar a «Enseñanza supervisada» se necesita un nivel promedio de al menos 2.');
  });

  it('words every reason of a real suggestion without leaving keys or placeholders', () => {
    const { reasons } = suggestStage([
      { date: '2026-04-10', levels: { D1: 2, D2: 2, D3: 1 } },
      { date: '2026-05-10', levels: { D1: 3, D2: 3, D3: 2 } },
    ]);
    const texts = reasons.map((reason) => reasonText(t, reason, nameOf));
    expect(texts).toHaveLength(reasons.length);
    for (const text of texts) {
      expect(text).not.toMatch(/progress\.|\{\{|\}\}/);
    }
    expect(texts).toContain('Va en subida: el nivel promedio pasó de 1.67 a 2.67.');
  });
});
