import { z } from 'zod';
import { ROLES, SCOPE_LEVELS } from '../roles.ts';
import { dniSchema } from '../validators.ts';

// Contract of the authentication endpoints, shared by server (validation, OpenAPI) and web.

export const loginRequestSchema = z.object({
  dni: dniSchema,
  password: z
    .string({ error: 'La contraseña es obligatoria.' })
    .min(1, { error: 'La contraseña es obligatoria.' })
    .max(200, { error: 'La contraseña es demasiado larga.' }),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const personSummarySchema = z.object({
  id: z.string(),
  dni: z.string(),
  givenNames: z.string(),
  paternalSurname: z.string(),
  maternalSurname: z.string().nullable(),
  displayName: z.string(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

/** A person's whole name, «Given Paternal Maternal», as documents print it (an acta, a ficha)
 *  and the server names people in them; `displayName` is the shorter form of greetings. */
export function fullName(
  p: Pick<PersonSummary, 'givenNames' | 'paternalSurname' | 'maternalSurname'>,
): string {
  return `${p.givenNames} ${p.paternalSurname}${p.maternalSurname ? ` ${p.maternalSurname}` : ''}`;
}

export const roleViewSchema = z.object({
  role: z.enum(ROLES),
  scope: z.object({
    level: z.enum(SCOPE_LEVELS),
    id: z.string().nullable(),
    /** Human name of the scope, e.g. "UGEL Gran Chimú" or "Perú". */
    name: z.string(),
  }),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type RoleView = z.infer<typeof roleViewSchema>;

export const meSchema = z.object({
  person: personSummarySchema,
  roles: z.array(roleViewSchema),
  /** "kind:action" pairs from the privacy policy; the UI shows only what is allowed. */
  abilities: z.array(z.string()),
  session: z.object({ expiresAt: z.string() }),
});
export type Me = z.infer<typeof meSchema>;
