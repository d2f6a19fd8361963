import type { TFunction } from 'i18next';
import { esPE } from '../i18n/es-PE.ts';
import { ApiError } from './client.ts';

// Turns any failure into one Spanish sentence: the catalog text for known codes, else the
// server's own (already Spanish) message, else a generic one.

type KnownCode = keyof typeof esPE.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(esPE.errors, code);
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.INTERNAL');
  if (error.code === 'NETWORK') return t('clientErrors.network');
  if (error.code === 'BAD_RESPONSE') return t('clientErrors.badResponse');
  if (!isKnownCode(error.code)) return error.message || t('errors.INTERNAL');
  const base = t(`errors.${error.code}`);
  const retryAfter = error.details?.retryAfterSeconds;
  if (error.code === 'ACCOUNT_LOCKED' && typeof retryAfter === 'number' && retryAfter > 0) {
    // Locks double each time (up to a day): long ones read in hours.
    const minutes = Math.ceil(retryAfter / 60);
    const wait =
      minutes >= 120
        ? t('clientErrors.retryAfterHours', { count: Math.ceil(minutes / 60) })
        : t('clientErrors.retryAfter', { count: minutes });
    return `${base} ${wait}`;
  }
  return base;
}

/** Field-level messages of a VALIDATION_FAILED answer, keyed by the field's dotted path. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return out;
  const fields = error.details?.fields;
  if (!Array.isArray(fields)) return out;
  for (const field of fields) {
    if (typeof field?.path === 'string' && typeof field.message === 'string') {
      out[field.path] ??= field.message;
    }
  }
  return out;
}

/** Whether trying again may help: not for refusals (403), absent things (404) or bad input. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.status === 0 ||
    error.status === 429 ||
    error.status >= 500 ||
    error.code === 'BAD_RESPONSE'
  );
}
