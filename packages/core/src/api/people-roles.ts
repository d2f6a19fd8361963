import { z } from 'zod';
import { isCalendarDate } from '../time.ts';
import { dniSchema } from '../validators.ts';
import { COACH_KINDS, COACH_SPECIALTIES, idSchema, interventionCodeSchema } from './common.ts';

// Registering a coach and ending a role (issue 14). Dates are Lima calendar dates.

export const calendarDateSchema = z
  .string({ error: 'La fecha es obligatoria.' })
  .trim()
  .refine(isCalendarDate, { error: 'Escribe la fecha como AAAA-MM-DD (por ejemplo, 2027-03-01).' });

const name = (what: string) =>
  z
    .string()
    .trim()
    .max(100, { error: `${what} es demasiado largo.` })
    .optional()
    .transform((value) => (value ? value : undefined));

/** A coach from the rosters (by DNI: the names may be left out) or a new person. An end
 *  before the start is refused by the server with ROLE_DATES_INVALID. */
export const coachRegistrationSchema = z.object({
  dni: dniSchema,
  givenNames: name('El nombre'),
  paternalSurname: name('El apellido paterno'),
  maternalSurname: name('El apellido materno'),
  interventionCode: interventionCodeSchema,
  ugelId: idSchema,
  kind: z.enum(COACH_KINDS, { error: 'Elige un tipo de acompañante de la lista.' }).optional(),
  specialty: z.enum(COACH_SPECIALTIES, { error: 'Elige una especialidad de la lista.' }).optional(),
  validFrom: calendarDateSchema,
  validTo: calendarDateSchema.optional(),
});
export type CoachRegistration = z.infer<typeof coachRegistrationSchema>;

export const coachRegisteredSchema = z.object({
  personId: z.string(),
  assignmentId: z.string(),
  /** The person was new (false: found in the rosters by DNI). */
  created: z.boolean(),
});
export type CoachRegistered = z.infer<typeof coachRegisteredSchema>;

/** The roles registered from «Personas» besides coaches (who have their own form, with the
 *  intervention): equipo MINEDU registers especialistas, formadores and MINEDU; the especialista
 *  directors and teachers of their UGEL. Decided by the policy (`role_assignment`, `manages`). */
export const REGISTRABLE_ROLES = [
  'especialista',
  'formador',
  'minedu',
  'director',
  'docente',
] as const;
export type RegistrableRole = (typeof REGISTRABLE_ROLES)[number];

/** A person (from the rosters by DNI, or new) given a dated role where it is held: the UGEL
 *  (especialista), the region (formador), the school (director, docente), nowhere (equipo
 *  MINEDU: the whole country). A teacher also gets their post in that school year. */
export const personRegistrationSchema = z.object({
  dni: dniSchema,
  givenNames: name('El nombre'),
  paternalSurname: name('El apellido paterno'),
  maternalSurname: name('El apellido materno'),
  role: z.enum(REGISTRABLE_ROLES, { error: 'Elige un rol de la lista.' }),
  scopeId: idSchema.optional(),
  validFrom: calendarDateSchema,
  validTo: calendarDateSchema.optional(),
});
export type PersonRegistration = z.infer<typeof personRegistrationSchema>;

export const personRegisteredSchema = coachRegisteredSchema;
export type PersonRegistered = CoachRegistered;

export const roleEndSchema = z.object({ validTo: calendarDateSchema });
export type RoleEnd = z.infer<typeof roleEndSchema>;
export const roleParamsSchema = z.object({ id: idSchema, assignmentId: idSchema });
