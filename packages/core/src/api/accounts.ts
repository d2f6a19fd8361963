import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { dniSchema } from '../validators.ts';

// Contract of the account endpoints: unlock (issue 11); activation, password change, sessions
// and the administration of accounts (issue 14).

export const accountParamsSchema = z.object({
  personId: z.uuid({ error: 'Debe ser un identificador válido (UUID).' }),
});

export const accountUnlockSchema = z.object({
  personId: z.string(),
  dni: z.string(),
  /** A lock was in force (otherwise only failure counters were cleared). */
  wasLocked: z.boolean(),
});
export type AccountUnlock = z.infer<typeof accountUnlockSchema>;

/** Activation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const ACTIVATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACTIVATION_CODE_LENGTH = 8;

/** What a person types, as stored: capitals, without spaces or dashes ("abcd-efgh" works). */
export function normalizeActivationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

const newPasswordSchema = z
  .string({ error: 'La contraseña nueva es obligatoria.' })
  .min(1, { error: 'La contraseña nueva es obligatoria.' })
  .max(200, { error: 'La contraseña es demasiado larga.' });

export const activationRequestSchema = z.object({
  dni: dniSchema,
  code: z
    .string({ error: 'El código de activación es obligatorio.' })
    .transform(normalizeActivationCode)
    .pipe(
      z.string().regex(/^[A-Z0-9]{8}$/, {
        error: 'El código de activación tiene 8 letras y números.',
      }),
    ),
  password: newPasswordSchema,
});
export type ActivationRequest = z.infer<typeof activationRequestSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z
    .string({ error: 'La contraseña actual es obligatoria.' })
    .min(1, { error: 'La contraseña actual es obligatoria.' })
    .max(200, { error: 'La contraseña es demasiado larga.' }),
  newPassword: newPasswordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const sessionViewSchema = z.object({
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  /** The session of this request. */
  current: z.boolean(),
});
export const sessionListSchema = z.object({ items: z.array(sessionViewSchema) });
export type SessionList = z.infer<typeof sessionListSchema>;
export const sessionsEndedSchema = z.object({ ended: z.number().int() });

export const ACCOUNT_STATUSES = ['none', 'pending', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A code as handed out once: the plain code exists only in this answer. */
export const issuedCodeSchema = z.object({
  personId: z.string(),
  dni: z.string(),
  code: z.string(),
  expiresAt: z.string(),
  /** An earlier code of this person stopped working (printing again issues new ones). */
  replacedCode: z.boolean(),
});
export type IssuedCode = z.infer<typeof issuedCodeSchema>;

export const accountChangeSchema = z.object({
  personId: z.string(),
  status: z.enum(ACCOUNT_STATUSES),
  sessionsEnded: z.number().int(),
  /** Present after a reset: the new activation code, shown once. */
  issued: issuedCodeSchema.nullable(),
});
export type AccountChange = z.infer<typeof accountChangeSchema>;

export const accountAuditEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const accountViewSchema = z.object({
  personId: z.string(),
  dni: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  status: z.enum(ACCOUNT_STATUSES),
  /** Expiry of the code that still works, if any (never the code itself). */
  codeExpiresAt: z.string().nullable(),
  history: z.array(accountAuditEntrySchema),
});
export type AccountView = z.infer<typeof accountViewSchema>;
