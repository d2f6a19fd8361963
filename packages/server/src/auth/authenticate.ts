import { AppError } from '@acompana/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../http/env.ts';
import { auditRefusal } from '../modules/audit/events.ts';
import { actorFrom } from './actor.ts';
import { clearSessionCookie, readSessionCookie } from './middleware.ts';
import { SessionLookups } from './sessions.ts';

// Authentication in ONE place (docs/SECURITY.md): every /api/v1 request needs a valid session,
// except the routes listed here. Modules never register their own check, so a new route is
// protected the day it is added (auth/authenticate.test.ts walks the OpenAPI document).

/** The only /api/v1 operations answered without a session. The OpenAPI document describes
 *  the open-source API and holds no data; /api/health lives outside /api/v1. */
export const PUBLIC_ROUTES: readonly { method: string; path: string }[] = [
  { method: 'POST', path: '/api/v1/auth/login' },
  { method: 'POST', path: '/api/v1/auth/activate' },
  { method: 'GET', path: '/api/v1/openapi.json' },
  { method: 'HEAD', path: '/api/v1/openapi.json' },
];

const isPublic = (method: string, path: string) =>
  PUBLIC_ROUTES.some((r) => r.method === method && r.path === path);

export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  const sessions = new SessionLookups(deps.db, deps.config);
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const token = readSessionCookie(c);
    if (!token) throw new AppError('UNAUTHENTICATED');
    const session = await sessions.resolve(token);
    if (session.state !== 'valid') {
      clearSessionCookie(c, deps);
      throw new AppError(session.state === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    }
    const roles = session.roles;
    const actor = actorFrom(session.personId, roles);
    c.set('auth', {
      personId: session.personId,
      tokenHash: session.tokenHash,
      expiresAt: session.expiresAt,
      roles,
      person: session.person,
      actor,
    });
    await next();
    // The handler's error was already turned into the answer (c.error keeps it): a refusal
    // decided by the policy (403, or 404 so as not to reveal that something exists) is
    // audited here, once for every route.
    if (c.error instanceof AppError && (c.error.status === 403 || c.error.status === 404)) {
      await auditRefusal(deps.db, actor, c.req.method, c.req.path, c.error);
    }
  };
}
