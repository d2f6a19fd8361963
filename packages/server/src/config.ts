import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@acompana/core';
import { WEB_DIST_URL } from './paths.ts';

// All configuration comes from the environment (documented in the README). Parsed once, at
// start-up: a value that makes no sense (0 minutes of session, "yes" for a boolean, an origin
// without scheme) stops the server with a Spanish message naming the variable, instead of
// running with a setting nobody intended.

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent, embedded PGlite in `dataDir` is used. */
  databaseUrl: string | null;
  /** A read replica of `databaseUrl` for the read-only reports (docs/REPORTS.md); null: none. */
  databaseReadUrl: string | null;
  dataDir: string;
  production: boolean;
  /** Public origin (scheme://host[:port]) when behind a proxy; used for CSRF and Secure cookies. */
  publicOrigin: string | null;
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
  /** Proxies in front of the server that append to X-Forwarded-For (the client is that many
   *  entries from the right). */
  trustProxyHops: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginMaxPerIpPerMinute: number;
  webDistDir: string;
}

type Env = NodeJS.ProcessEnv;

class Problems {
  readonly list: string[] = [];

  int(env: Env, name: string, fallback: number, min: number, max: number): number {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    // Digits only: "1e3", "0x10", "1.5" and " 5" are typos, not numbers someone meant.
    const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= min && value <= max)) {
      this.list.push(
        `${name} debe ser un número entero entre ${min} y ${max} (recibido: "${raw}").`,
      );
      return fallback;
    }
    return value;
  }

  bool(env: Env, name: string): boolean {
    const raw = env[name];
    if (raw === undefined || raw === '') return false;
    const value = raw.toLowerCase();
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.list.push(`${name} debe ser true o false (recibido: "${raw}").`);
    return false;
  }

  origin(env: Env, name: string): string | null {
    const raw = env[name];
    if (!raw) return null;
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username;
    if (!url || !bare || !['http:', 'https:'].includes(url.protocol)) {
      this.list.push(
        `${name} debe ser solo el origen público, como https://acompana.example.pe (recibido: "${raw}").`,
      );
      return null;
    }
    return url.origin;
  }
}

export function loadConfig(env: Env = process.env): Config {
  const p = new Problems();
  const trustProxy = p.bool(env, 'TRUST_PROXY');
  if (env.TRUST_PROXY_HOPS && !trustProxy) {
    p.list.push('TRUST_PROXY_HOPS solo tiene sentido con TRUST_PROXY=true.');
  }
  const config: Config = {
    port: p.int(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    databaseReadUrl: env.DATABASE_READ_URL || null,
    dataDir: path.resolve(env.ACOMPANA_DATA_DIR || 'data'),
    production: env.NODE_ENV === 'production',
    publicOrigin: p.origin(env, 'PUBLIC_ORIGIN'),
    trustProxy,
    trustProxyHops: p.int(env, 'TRUST_PROXY_HOPS', 1, 1, 10),
    sessionIdleMinutes: p.int(env, 'SESSION_IDLE_MINUTES', 8 * 60, 1, 7 * 24 * 60),
    sessionMaxHours: p.int(env, 'SESSION_MAX_HOURS', 7 * 24, 1, 365 * 24),
    loginMaxFailures: p.int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: p.int(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginMaxPerIpPerMinute: p.int(env, 'LOGIN_MAX_PER_IP_PER_MINUTE', 30, 1, 100_000),
    webDistDir: path.resolve(env.ACOMPANA_WEB_DIST || fileURLToPath(WEB_DIST_URL)),
  };
  if (config.databaseReadUrl && !config.databaseUrl) {
    p.list.push(
      'DATABASE_READ_URL (réplica de lectura para los reportes) solo tiene sentido con DATABASE_URL (PostgreSQL).',
    );
  }
  if (p.list.length > 0) {
    throw new AppError(
      'CONFIG_INVALID',
      `La configuración no es válida: ${p.list.join(' ')} Corrige las variables de entorno y vuelve a iniciar.`,
      { problems: p.list },
    );
  }
  return config;
}
