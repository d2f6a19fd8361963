import path from 'node:path';

// All configuration comes from the environment (documented in the README). Parsed once.

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent, embedded PGlite in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  production: boolean;
  /** Public origin (scheme://host[:port]) when behind a proxy; used for CSRF and Secure cookies. */
  publicOrigin: string | null;
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginMaxPerIpPerMinute: number;
  webDistDir: string;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `La variable de entorno ${name} debe ser un número entero (recibido: "${raw}").`,
    );
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicOrigin = env.PUBLIC_ORIGIN ? env.PUBLIC_ORIGIN.replace(/\/+$/, '') : null;
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.ACOMPANA_DATA_DIR || 'data'),
    production: env.NODE_ENV === 'production',
    publicOrigin,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 8 * 60),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 7 * 24),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5),
    loginLockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', 15),
    loginMaxPerIpPerMinute: int(env, 'LOGIN_MAX_PER_IP_PER_MINUTE', 30),
    webDistDir: path.resolve(
      env.ACOMPANA_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname,
    ),
  };
}
