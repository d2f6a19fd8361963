import { z } from 'zod';
import { interventionCodeSchema } from '../api/common.ts';
import { ACTIVITY_TYPE_CODE, activityTypeCodeSchema, isBuiltinActivityType } from './records.ts';

// The requests that configure an intervention's own activity types (POST/PATCH
// /interventions/{code}/activity-types; own-types.ts has the answers), and the code a name
// gives.

const typeName = z
  .string()
  .trim()
  .min(1, { error: 'Escribe el nombre del tipo de actividad.' })
  .max(80, { error: 'Debe tener como máximo 80 caracteres.' });

export const activityTypeCreateBodySchema = z.object({
  name: typeName,
  /** Optional: by default the code comes from the name (activityTypeCodeOf). */
  typeCode: activityTypeCodeSchema
    .refine((c) => !isBuiltinActivityType(c), { error: 'Ese código es de un tipo del sistema.' })
    .optional(),
});

export const activityTypeUpdateBodySchema = z
  .object({ name: typeName.optional(), active: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.active !== undefined, {
    error: 'Indica el nuevo nombre o si el tipo está activo.',
  });

/** Any code: one that is not a type of the intervention (well-formed or not) is a 404. */
export const activityTypeParamsSchema = z.object({
  code: interventionCodeSchema,
  type: z.string().min(1).max(40),
});

/** A stable code from a Spanish name: «Círculo de lectura docente» → `circulo_de_lectura_docente`.
 *  Never a built-in type's code (those get a `tipo_` prefix). */
export function activityTypeCodeOf(name: string): string {
  let code = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (isBuiltinActivityType(code) || !ACTIVITY_TYPE_CODE.test(code)) code = `tipo_${code}`;
  return code.slice(0, 40).replace(/_+$/, '');
}
