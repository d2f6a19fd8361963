import { z } from 'zod';
import { NUL_MESSAGE } from '../nul.ts';
import { normalizeCodigoModular } from '../validators.ts';
import { fold, parseCount, shown } from './text.ts';

// Field validators for import rows. Each one takes the cell as text (CSV and XLSX alike) and
// either returns the stored value or a Spanish problem that names what was read. Row schemas
// are zod objects of these, so every field of a row is checked and all problems are reported.

export class Problem {
  constructor(readonly text: string) {}
}

export function field<T>(check: (value: string) => T | Problem) {
  return z.string().transform((value, ctx): T => {
    // PostgreSQL cannot store U+0000 in text: a cell holding one is this row's problem.
    const result = value.includes('\u0000') ? new Problem(NUL_MESSAGE) : check(value);
    if (result instanceof Problem) {
      ctx.addIssue({ code: 'custom', message: result.text });
      return z.NEVER;
    }
    return result;
  });
}

export const codigoModularField = field((v) => {
  if (v === '') return new Problem('falta el código modular.');
  if (/^0+$/.test(v))
    return new Problem(`el código modular no puede ser cero (se leyó ${shown(v)}).`);
  return (
    normalizeCodigoModular(v) ??
    new Problem(`el código modular debe tener hasta 7 dígitos (se leyó ${shown(v)}).`)
  );
});

export function anexoField(emptyAs: number | null) {
  return field((v) => {
    if (v === '') return emptyAs ?? new Problem('falta el anexo (0 para la sede principal).');
    if (/^\d{1,2}$/.test(v) && Number(v) <= 9) return Number(v);
    return new Problem(`el anexo debe ser un número de 0 a 9 (se leyó ${shown(v)}).`);
  });
}

export function requiredText(missing: string, max: number) {
  return field((v) => {
    if (v === '') return new Problem(missing);
    if (v.length > max)
      return new Problem(`el texto es demasiado largo (máximo ${max} caracteres).`);
    return v;
  });
}

export function optionalText(max: number) {
  return field((v) => {
    if (v.length > max)
      return new Problem(`el texto es demasiado largo (máximo ${max} caracteres).`);
    return v === '' ? null : v;
  });
}

export function countField(what: string) {
  return field((v) => {
    if (v === '') return null;
    return (
      parseCount(v) ??
      new Problem(`${what} debe ser un número entero mayor o igual a 0 (se leyó ${shown(v)}).`)
    );
  });
}

/** A closed list of accepted values, compared without case or accents. */
export function choiceField<T>(choices: Readonly<Record<string, T>>, explain: string) {
  return field((v) => {
    const key = fold(v);
    return Object.hasOwn(choices, key)
      ? (choices[key] as T)
      : new Problem(`${explain} (se leyó ${shown(v)}).`);
  });
}
