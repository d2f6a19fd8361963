import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isAppError } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

// Configuration that makes no sense stops the start with a Spanish message naming the variable.

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFIG_INVALID') return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      trustProxy: false,
      trustProxyHops: 1,
      sessionIdleMinutes: 480,
      sessionMaxHours: 168,
      loginMaxFailures: 5,
      loginLockoutMinutes: 15,
      loginMaxPerIpPerMinute: 30,
      publicOrigin: null,
    });
  });

  it.each([
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_IDLE_MINUTES', '-5'],
    ['SESSION_IDLE_MINUTES', '1.5'],
    ['SESSION_IDLE_MINUTES', '1e3'],
    ['SESSION_IDLE_MINUTES', 'ocho'],
    ['SESSION_IDLE_MINUTES', '99999999'],
    ['SESSION_MAX_HOURS', '0'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['LOGIN_LOCKOUT_MINUTES', '0'],
    ['LOGIN_MAX_PER_IP_PER_MINUTE', '0'],
    ['PORT', '70000'],
    ['PORT', '0x10'],
  ])('rejects %s=%s', (name, value) => {
    const message = problem({ [name]: value });
    expect(message).toContain(`${name} debe ser un número entero entre`);
    expect(message).toContain(`(recibido: "${value}")`);
  });

  it('reads reports from DATABASE_READ_URL only next to a PostgreSQL DATABASE_URL', () => {
    expect(loadConfig({}).databaseReadUrl).toBeNull();
    const both = {
      DATABASE_URL: 'postgres://a@h/db',
      DATABASE_READ_URL: 'postgres://a@replica/db',
    };
    expect(loadConfig(both).databaseReadUrl).toBe('postgres://a@replica/db');
    expect(problem({ DATABASE_READ_URL: 'postgres://a@replica/db' })).toContain(
      'DATABASE_READ_URL (réplica de lectura para los reportes) solo tiene sentido con DATABASE_URL',
    );
  });

  it('rejects booleans and origins that are not what they claim', () => {
    expect(problem({ TRUST_PROXY: 'yes' })).toContain('TRUST_PROXY debe ser true o false');
    for (const origin of [
      'acompana.example.pe',
      'ftp://x.pe',
      'https://x.pe/app',
      'https://x.pe?a=1',
    ]) {
      expect(problem({ PUBLIC_ORIGIN: origin })).toContain('PUBLIC_ORIGIN debe ser solo el origen');
    }
    expect(problem({ TRUST_PROXY_HOPS: '2' })).toContain('solo tiene sentido con TRUST_PROXY=true');
    expect(problem({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '0' })).toContain('TRUST_PROXY_HOPS');
  });

  it('lists every problem at once', () => {
    const message = problem({ SESSION_IDLE_MINUTES: '0', LOGIN_MAX_FAILURES: 'x' });
    expect(message).toMatch(
      /^La configuración no es válida: SESSION_IDLE_MINUTES .* LOGIN_MAX_FAILURES /,
    );
  });

  it('accepts sensible values and normalises the origin', () => {
    const config = loadConfig({
      PUBLIC_ORIGIN: 'https://Acompana.Example.pe/',
      TRUST_PROXY: 'TRUE',
      TRUST_PROXY_HOPS: '2',
      SESSION_IDLE_MINUTES: '1',
      PORT: '0',
    });
    expect(config).toMatchObject({
      publicOrigin: 'https://acompana.example.pe',
      trustProxy: true,
      trustProxyHops: 2,
      sessionIdleMinutes: 1,
      port: 0,
    });
  });

  it('stops `acompana start` with the message and exit code 1', async () => {
    const bin = fileURLToPath(new URL('../bin/acompana.mjs', import.meta.url));
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'start'], {
        env: { ...process.env, SESSION_IDLE_MINUTES: '0', ACOMPANA_DATA_DIR: '/nonexistent' },
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(code).toBe(1);
    expect(out).toContain(
      'error [CONFIG_INVALID]: La configuración no es válida: SESSION_IDLE_MINUTES',
    );
  });
});
