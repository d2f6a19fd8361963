import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../http/env.ts';
import { isSecureRequest } from '../http/security.ts';
import { hashToken } from './sessions.ts';

// The OWASP "device cookie": after a successful login the browser keeps a random token that
// proves "this device logged in as this DNI before". Its attempts are counted apart from
// everyone else's, so failures from elsewhere never lock the person out of their own phone.
// A shared phone keeps one token per person (the newest few). Only SHA-256 hashes are stored.

const PLAIN = 'acompana_device';
/** __Secure- rather than __Host-: the cookie is sent only to the login (a path of its own). */
const SECURE = '__Secure-acompana_device';
const PATH = '/api/v1/auth';
export const DEVICE_DAYS = 180;
const MAX_TOKENS = 5;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function readDeviceTokens(c: Context): string[] {
  const raw = getCookie(c, SECURE) ?? getCookie(c, PLAIN) ?? '';
  return raw
    .split('.')
    .filter((t) => TOKEN.test(t))
    .slice(-MAX_TOKENS);
}

export function writeDeviceTokens(c: Context, deps: Deps, tokens: string[]): void {
  const secure = isSecureRequest(c, deps.config);
  setCookie(c, secure ? SECURE : PLAIN, tokens.slice(-MAX_TOKENS).join('.'), {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: PATH,
    maxAge: DEVICE_DAYS * 86_400,
  });
}

const freshSince = () => new Date(Date.now() - DEVICE_DAYS * 86_400_000);

/** The hash of the presented token that belongs to a device this DNI logged in from. */
export async function knownDevice(
  db: Kysely<DB>,
  dni: string,
  tokens: readonly string[],
): Promise<string | null> {
  if (tokens.length === 0) return null;
  const row = await db
    .selectFrom('login_device')
    .select('token_hash')
    .where('token_hash', 'in', tokens.map(hashToken))
    .where('dni', '=', dni)
    .where('last_used_at', '>', freshSince())
    .executeTakeFirst();
  return row?.token_hash ?? null;
}

/** Remembers this device for the DNI; the token goes into the cookie. */
export async function registerDevice(db: Kysely<DB>, dni: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('login_device')
    .values({ token_hash: hashToken(token), dni })
    .execute();
  return token;
}

export async function touchDevice(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db
    .updateTable('login_device')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteStaleDevices(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('login_device').where('last_used_at', '<', freshSince()).execute();
}
