import { describe, expect, it } from 'vitest';
import { findRawCodes } from './raw-codes.ts';

describe('findRawCodes', () => {
  it('finds snake_case codes and ALL-CAPS intervention codes in visible text', () => {
    expect(findRawCodes('Desempeño (involucra_estudiantes) [momento_critico, involucra]')).toEqual([
      'involucra_estudiantes',
      'momento_critico',
    ]);
    expect(findRawCodes('Intervención: MULTIGRADO · SPI · SP_URBANO')).toEqual([
      'MULTIGRADO',
      'SPI',
      'SP_URBANO',
    ]);
  });

  it('lets Spanish text, the allowed acronyms, rubric levels and placeholders through', () => {
    expect(
      findRawCodes(
        'La IE de tu UGEL: DNI 12345678, nivel III Satisfactorio, GIA del mes, ficha en PDF. {{teacher_name}} Á',
      ),
    ).toEqual([]);
  });
});
