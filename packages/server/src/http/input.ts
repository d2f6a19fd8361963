import { AppError, apiFieldLabel, NUL_MESSAGE, nulPath } from '@acompana/core';
import type { Context, MiddlewareHandler } from 'hono';

// The door every /api/v1 request passes before any route: text PostgreSQL cannot store (U+0000)
// in the path, a query parameter or a JSON body is refused with the usual 400 naming the field,
// so no route can turn it into a 500. (Bodies of the wrong media type are refused by the
// routes' declared content types; errors.ts maps that to 415 with our body.)

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
/** In JSON text a NUL can only travel as the escape \u0000 (an odd run of backslashes). */
const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/;

function nulError(path: string): AppError {
  return AppError.validation([
    { path, message: `Revisa el campo «${apiFieldLabel(path)}»: ${NUL_MESSAGE}` },
  ]);
}

function checkUrl(c: Context): void {
  const url = new URL(c.req.url);
  let pathname = url.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // A malformed escape is left to the router (it answers 404/400 on its own).
  }
  if (pathname.includes('\u0000')) throw nulError('(ruta)');
  for (const [key, value] of url.searchParams) {
    if (key.includes('\u0000') || value.includes('\u0000')) throw nulError(key);
  }
}

async function checkJsonBody(c: Context): Promise<void> {
  if (!BODY_METHODS.has(c.req.method)) return;
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) return;
  // Read once; Hono caches the text, so the route's validator parses the same bytes.
  const text = await c.req.text();
  if (!NUL_ESCAPE.test(text)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return; // the route's validator answers MALFORMED_JSON
  }
  const path = nulPath(parsed);
  if (path !== null) throw nulError(path || '(cuerpo)');
}

/** Path and query parameters of every API request. */
export function rejectNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    checkUrl(c);
    await next();
  };
}

/**
 * JSON bodies. Not mounted on file uploads (multipart, their own limits) nor on sync pushes:
 * those are admitted a few at a time before their body is read, and their mutations are checked
 * one by one (core `mutationSchema`), so one bad record never blocks a device's whole batch.
 */
export function rejectNulInJson(): MiddlewareHandler {
  return async (c, next) => {
    await checkJsonBody(c);
    await next();
  };
}
