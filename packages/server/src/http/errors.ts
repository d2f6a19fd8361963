import { AppError } from '@acompana/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Every failure leaves the server as {"error":{"code","message","details"}}. Unknown errors are
// logged here and become a 500 that says nothing about internals.

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400 && /json/i.test(error.message)) return new AppError('MALFORMED_JSON');
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    // A route declares its body's media type; anything else (text/plain, a form) is a 415.
    if (error.status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (error.status === 404) return new AppError('NOT_FOUND');
  }
  return new AppError('INTERNAL');
}

export function errorResponse(c: Context, error: AppError): Response {
  return c.json(error.toBody(), error.status as ContentfulStatusCode);
}

export function onError(error: unknown, c: Context): Response {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') {
    console.error('[acompana] error no controlado en', c.req.method, c.req.path, error);
  }
  return errorResponse(c, appError);
}
