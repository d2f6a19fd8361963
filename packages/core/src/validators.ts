import { z } from 'zod';

// Peruvian identifiers. A DNI is 8 digits; a código modular identifies a school service and is
// 7 digits, zero-padded (ESCALE exports sometimes drop the leading zeros).

export const DNI_PATTERN = /^\d{8}$/;

export function isValidDni(value: string): boolean {
  return DNI_PATTERN.test(value);
}

export const dniSchema = z
  .string({ error: 'El DNI es obligatorio.' })
  .trim()
  .regex(DNI_PATTERN, { error: 'El DNI debe tener exactamente 8 dígitos.' });

/** Normalizes a código modular to 7 digits; returns null when it cannot be one. */
export function normalizeCodigoModular(value: string | number): string | null {
  const text = String(value).trim();
  if (!/^\d{1,7}$/.test(text)) return null;
  if (/^0+$/.test(text)) return null;
  return text.padStart(7, '0');
}

export const codigoModularSchema = z
  .union([z.string(), z.number()], { error: 'El código modular es obligatorio.' })
  .transform((value, ctx) => {
    const normalized = normalizeCodigoModular(value);
    if (normalized === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'El código modular debe tener hasta 7 dígitos (por ejemplo, 0512345).',
      });
      return z.NEVER;
    }
    return normalized;
  });
