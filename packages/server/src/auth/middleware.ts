import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../http/env.ts';
import { isSecureRequest } from '../http/security.ts';

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
