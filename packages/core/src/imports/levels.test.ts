import { describe, expect, it } from 'vitest';
import { mapColumns } from './columns.ts';
import { labelKey, resolveLevel } from './levels.ts';
import { SCHOOL_COLUMNS } from './schools.ts';

// The level of a padrón row from NIV_MOD codes, D_NIV_MOD labels (ESCALE's words) or both.

const COLUMNS = { niv_mod: 'NIV_MOD', d_niv_mod: 'D_NIV_MOD' };
const SERVED = 'Acompaña importa solo inicial, primaria y secundaria (A1, A2, A3, B0, F0)';

describe('padrón levels', () => {
  it('accepts a file with NIV_MOD, D_NIV_MOD or both, and asks for one of them', () => {
    const base = ['COD_MOD', 'ANEXO', 'CEN_EDU', 'CODGEO', 'CODOOII'];
    expect(mapColumns(SCHOOL_COLUMNS, [...base, 'D_NIV_MOD']).missing).toEqual([]);
    expect(mapColumns(SCHOOL_COLUMNS, [...base, 'NIV_MOD']).missing).toEqual([]);
    expect(mapColumns(SCHOOL_COLUMNS, base).missing).toEqual(['NIV_MOD o D_NIV_MOD']);
  });

  it.each([
    ['Inicial - Cuna', 'A1'],
    ['Inicial - Jardín', 'A2'],
    ['Inicial - Cuna-jardín', 'A3'],
    ['INICIAL - CUNA-JARDIN', 'A3'],
    ['Inicial-Jardin', 'A2'],
    ['Primaria', 'B0'],
    ['SECUNDARIA', 'F0'],
  ])('reads the label "%s" as %s', (label, level) => {
    expect(resolveLevel('', label, COLUMNS)).toEqual({ status: 'ok', level });
  });

  it.each([
    ['Básica Alternativa-Inicial e Intermedio', ' (D1)'],
    ['Básica Alternativa-Avanzado', ' (D2)'],
    ['Básica Alternativa', ''],
    ['Básica Especial-Primaria', ' (E2)'],
    ['Técnico Productiva', ''],
    ['Inicial - Programa no escolarizado', ' (A5)'],
    ['Instituto Superior Tecnológico', ''],
    ['Escuela Superior Pedagógica', ''],
    ['Primaria de Adultos', ' (C0)'],
  ])('skips "%s", a level Acompaña does not serve, saying so', (label, code) => {
    expect(resolveLevel('', label, COLUMNS)).toEqual({
      status: 'skipped',
      reason: `D_NIV_MOD "${label}"${code}: ${SERVED}`,
    });
  });

  it('skips "No aplica" rows (an ODEC office is not a school service), not invalid', () => {
    const noAplica = {
      status: 'skipped',
      reason:
        'nivel/modalidad "No aplica": no es un servicio educativo (por ejemplo, una oficina ODEC)',
    };
    expect(resolveLevel('', 'No aplica', COLUMNS)).toEqual(noAplica);
    expect(resolveLevel('', 'NO APLICA', COLUMNS)).toEqual(noAplica);
    expect(resolveLevel('No aplica', '', COLUMNS)).toEqual(noAplica);
  });

  it('takes a code and a label that agree, and says so on the line when they disagree', () => {
    expect(resolveLevel('B0', 'Primaria', COLUMNS)).toEqual({ status: 'ok', level: 'B0' });
    expect(resolveLevel('a2', 'Inicial - Jardín', COLUMNS)).toEqual({ status: 'ok', level: 'A2' });
    expect(resolveLevel('D1', 'Básica Alternativa', COLUMNS)).toMatchObject({
      status: 'skipped',
    });
    expect(resolveLevel('B0', 'Secundaria', COLUMNS)).toEqual({
      status: 'invalid',
      column: 'd_niv_mod',
      text: 'no coincide con NIV_MOD: NIV_MOD dice B0 y D_NIV_MOD dice "Secundaria" (F0); corrige una de las dos.',
    });
    expect(
      resolveLevel('A2', 'Inicial - Cuna-jardín', { niv_mod: 'niv_mod', d_niv_mod: 'Nivel' }),
    ).toMatchObject({ status: 'invalid', text: /niv_mod dice A2 y Nivel dice/ });
  });

  it('refuses a label that is not one of the padrón, and a row with neither', () => {
    expect(resolveLevel('', 'Universidad', COLUMNS)).toEqual({
      status: 'invalid',
      column: 'd_niv_mod',
      text: 'el nivel/modalidad no es uno de los del padrón, como "Inicial - Jardín", "Primaria" o "Secundaria" (se leyó "Universidad").',
    });
    expect(resolveLevel('', '', COLUMNS)).toEqual({
      status: 'invalid',
      column: 'niv_mod',
      text: 'falta el nivel/modalidad (NIV_MOD).',
    });
  });

  it('compares labels without case, accents or spaces around hyphens', () => {
    expect(labelKey(' Básica  Alternativa - Avanzado ')).toBe('BASICA ALTERNATIVA-AVANZADO');
  });
});
