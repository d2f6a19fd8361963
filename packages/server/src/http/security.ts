import { isIP } from 'node:net';
import { AppError } from '@acompana/core';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';

// Standard security headers, the Host check, CSRF protection and the client's address.

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'] },
  });
}

/** True when the person reaches us over HTTPS (directly or through a trusted proxy). */
export function isSecureRequest(c: Context, config: Config): boolean {
  if (config.publicOrigin) return config.publicOrigin.startsWith('https://');
  if (config.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

export function expectedOrigin(c: Context, config: Config): string {
  if (config.publicOrigin) return config.publicOrigin;
  const url = new URL(c.req.url);
  const proto = config.trustProxy
    ? (c.req.header('x-forwarded-proto') ?? url.protocol.slice(0, -1))
    : url.protocol.slice(0, -1);
  return `${proto}://${url.host}`;
}

/**
 * DNS rebinding: a page on evil.example whose name is re-pointed at this server is same-origin
 * with it for the browser, so the Origin check alone passes. Only names that cannot be
 * re-pointed by someone else are accepted: the configured public origin's host, loopback names
 * and addresses (health checks and a reverse proxy on the same machine), and, without a public
 * origin (development, a LAN demo reached from a phone), any IP address.
 */
export function hostAllowed(hostname: string, config: Config): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (config.publicOrigin && host === new URL(config.publicOrigin).hostname.toLowerCase()) {
    return true;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || (isIP(host) === 4 && host.startsWith('127.'))) return true;
  return !config.publicOrigin && isIP(host) !== 0;
}

/** Refuses requests addressed to a host name that is not ours (421); liveness stays open. */
export function hostCheck(config: Config): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path === '/api/health') return next();
    const { hostname } = new URL(c.req.url);
    if (!hostAllowed(hostname, config)) {
      throw new AppError('HOST_NOT_ALLOWED', undefined, { host: hostname.slice(0, 255) });
    }
    return next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes (and the login itself) must come from our own origin. Browsers
 * always send Origin on such requests; a programmatic client sends it explicitly. Requests
 * without Origin are accepted only when the browser vouches with Sec-Fetch-Site: same-origin.
 */
export function csrfProtection(config: Config): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const ok = origin ? origin === expectedOrigin(c, config) : fetchSite === 'same-origin';
    if (!ok) {
      throw new AppError('CSRF_REJECTED', undefined, {
        hint: 'Envía la cabecera Origin con el origen del servidor.',
      });
    }
    return next();
  };
}

/**
 * The address the login throttle counts. Behind TRUST_PROXY the client is the entry that the
 * nearest trusted proxy appended to X-Forwarded-For (TRUST_PROXY_HOPS proxies: that many
 * entries from the right); anything further left was written by the client and proves nothing.
 */
export function clientIp(c: Context, config: Config): string | null {
  if (config.trustProxy) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const client = chain[Math.max(0, chain.length - config.trustProxyHops)];
    if (client) return client.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not running on @hono/node-server (e.g. app.request in tests)
  }
}
