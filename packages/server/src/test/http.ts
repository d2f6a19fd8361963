import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { AppEnv } from '../http/env.ts';

// Drives the real application in-process (no port), with the Origin a browser would send.

export const ORIGIN = 'http://localhost';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON and assert on its shape
type Json = any;
/** A Response whose JSON tests can inspect without casting at every line. */
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<Json> };

export class TestClient {
  readonly app: Hono<AppEnv>;
  constructor(database: Database, config: Config = testConfig(), readDb?: Database['db']) {
    this.app = createApp(
      { db: database.db, config, ...(readDb ? { readDb } : {}) },
      {
        serveWeb: false,
      },
    ).app;
  }

  request(path: string, init: RequestInit = {}): Promise<TestResponse> {
    return Promise.resolve(this.app.request(path, init));
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    });
  }

  /** Logs in and returns the Cookie header for later requests. */
  async login(dni: string, password = 'acompana'): Promise<string> {
    const res = await this.post('/api/v1/auth/login', { dni, password });
    if (res.status !== 200) throw new Error(`login ${dni} → ${res.status} ${await res.text()}`);
    const setCookie = res.headers.get('set-cookie') ?? '';
    return setCookie.split(';')[0] ?? '';
  }

  async getJson(path: string, cookie: string): Promise<{ status: number; body: Json }> {
    const res = await this.request(path, { headers: { cookie } });
    return { status: res.status, body: await res.json() };
  }
}
