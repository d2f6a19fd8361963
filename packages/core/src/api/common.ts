import { z } from 'zod';

// Building blocks of the roster and catalogue contracts: identifiers in paths and filters,
// yes/no filters, school years, and the vocabularies of the padrón and the programme.

/** An id in a path or filter (UUID). */
export const idSchema = z.guid({ error: 'Debe ser un identificador válido.' });

/** A yes/no filter in a query string: "true" or "false". */
export const booleanQuery = z
  .enum(['true', 'false'], { error: 'Debe ser «true» o «false».' })
  .transform((value) => value === 'true');

export const schoolYearSchema = z.coerce
  .number({ error: 'El año escolar debe ser un número.' })
  .int({ error: 'El año escolar debe ser un número entero.' })
  .min(2000, { error: 'El año escolar debe ser 2000 o posterior.' })
  .max(2100, { error: 'El año escolar debe ser 2100 o anterior.' });

export const interventionCodeSchema = z
  .string({ error: 'El código de intervención es obligatorio.' })
  .regex(/^[A-Z][A-Z0-9_]{1,29}$/, {
    error: 'El código de intervención usa mayúsculas, dígitos y guiones bajos (por ejemplo, SPI).',
  });

/** NIV_MOD of the ESCALE padrón: A1/A2/A3 inicial, B0 primaria, F0 secundaria. */
export const SCHOOL_LEVELS = ['A1', 'A2', 'A3', 'B0', 'F0'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** D_COD_CAR of the padrón. */
export const SCHOOL_CHARACTERISTICS = [
  'unidocente',
  'polidocente_multigrado',
  'polidocente_completo',
] as const;
export type SchoolCharacteristic = (typeof SCHOOL_CHARACTERISTICS)[number];

export const SCHOOL_AREAS = ['urbana', 'rural'] as const;
export type SchoolArea = (typeof SCHOOL_AREAS)[number];

/** Kinds of coach (docs/DOMAIN.md §2). */
export const COACH_KINDS = [
  'acompanante_pedagogico',
  'aspi',
  'coordinador_jec',
  'acompanante_social_comunitario',
  'ap_secundaria',
] as const;
export type CoachKind = (typeof COACH_KINDS)[number];

/** ASPI specialties (SPI) and AP areas (secundaria rural). */
export const COACH_SPECIALTIES = [
  'inicial',
  'comunicacion_lengua_originaria',
  'castellano_l2',
  'matematica',
  'personal_social_ciencia_ambiente',
  'comunicacion',
] as const;
export type CoachSpecialty = (typeof COACH_SPECIALTIES)[number];

export const ENROLLMENT_STATUSES = ['activa', 'egresada', 'permanece', 'retirada'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Enrollment statuses of a school that is in the intervention now. */
export const RUNNING_STATUSES = ['activa', 'permanece'] as const satisfies EnrollmentStatus[];

export const TARGET_LEVELS = ['inicial', 'primaria', 'secundaria'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

export const ACTIVITY_KINDS = [
  'visita',
  'gia',
  'ria',
  'taller',
  'reunion_familias',
  'colegiado',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A person as other screens refer to them. */
export const personRefSchema = z.object({ id: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

export const schoolRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  codigoModular: z.string(),
  anexo: z.number().int(),
});
export type SchoolRef = z.infer<typeof schoolRefSchema>;

/** One of a fixed list; the message lists the accepted values (the field is named by the caller). */
export function enumQuery<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `Usa uno de estos valores: ${values.join(', ')}.` });
}
