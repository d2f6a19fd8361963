import { AppError } from '@acompana/core';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '../http/env.ts';
import { isSecureRequest } from '../http/security.ts';
import { actorFrom, loadRoleViews } from './actor.ts';
import { resolveSession } from './sessions.ts';

// The session cookie. Over HTTPS it gets the __Host- prefix (Secure, Path=/, no Domain).
const PLAIN = 'acompana_session';
const HOST_PREFIXED = '__Host-acompana_session';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, HOST_PREFIXED) ?? getCookie(c, PLAIN);
}

export function writeSessionCookie(c: Context, deps: Deps, token: string): void {
  const secure = isSecureRequest(c, deps.config);
  setCookie(c, secure ? HOST_PREFIXED : PLAIN, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: deps.config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(c: Context, deps: Deps): void {
  const secure = isSecureRequest(c, deps.config);
  deleteCookie(c, secure ? HOST_PREFIXED : PLAIN, { path: '/', secure });
}

export function requireAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    if (!token) throw new AppError('UNAUTHENTICATED');
    const session = await resolveSession(deps.db, deps.config, token);
    if (session.state !== 'valid') {
      clearSessionCookie(c, deps);
      throw new AppError(session.state === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    }
    const roles = await loadRoleViews(deps.db, session.personId);
    c.set('auth', {
      personId: session.personId,
      tokenHash: session.tokenHash,
      expiresAt: session.expiresAt,
      roles,
      actor: actorFrom(session.personId, roles),
    });
    await next();
  };
}
