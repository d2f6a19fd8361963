import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../api/client.ts';
import { logout } from '../api/endpoints.ts';
import {
  flushPendingLogout,
  hasPendingLogout,
  logoutNowOrLater,
  setPendingLogout,
} from './pendingLogout.ts';

// A logout made offline is sent before anything else once the device is online (issue 11,
// item 10). In Node: localStorage and fetch are stand-ins.

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const sent: string[] = [];
let online = true;
let logoutStatus = 204;

beforeEach(() => {
  sent.length = 0;
  online = true;
  logoutStatus = 204;
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('navigator', {
    get onLine() {
      return online;
    },
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push(`${init?.method ?? 'GET'} ${path}`);
      const status = path === '/api/v1/auth/logout' ? logoutStatus : 200;
      return new Response(status === 204 ? null : '{}', { status });
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pending logout', () => {
  // Nothing is tried while the device says it is offline: in Chromium's offline emulation a
  // request tried anyway could still reach the server through the service worker.
  it('sends the logout before the first request once online, and only once', async () => {
    setPendingLogout(true);
    online = false;
    const offline = await apiRequest('/api/v1/me').catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(ApiError);
    expect((offline as ApiError).code).toBe('NETWORK');
    expect(hasPendingLogout()).toBe(true);

    expect(vi.mocked(fetch)).not.toHaveBeenCalled();

    online = true;
    await apiRequest('/api/v1/me');
    await apiRequest('/api/v1/teachers');
    expect(sent).toEqual(['POST /api/v1/auth/logout', 'GET /api/v1/me', 'GET /api/v1/teachers']);
    expect(hasPendingLogout()).toBe(false);
  });

  it('sends nothing else while the server cannot take the logout', async () => {
    setPendingLogout(true);
    logoutStatus = 503;
    const error = await apiRequest('/api/v1/auth/login', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect((error as ApiError).code).toBe('NETWORK');
    expect(sent).toEqual(['POST /api/v1/auth/logout']);
    expect(hasPendingLogout()).toBe(true);
  });

  it('counts a session that had already ended as logged out', async () => {
    setPendingLogout(true);
    logoutStatus = 401;
    expect(await flushPendingLogout()).toBe(true);
    expect(hasPendingLogout()).toBe(false);
  });

  it('sends one logout when several requests wait for it', async () => {
    setPendingLogout(true);
    await Promise.all([apiRequest('/api/v1/me'), apiRequest('/api/v1/me'), flushPendingLogout()]);
    expect(sent.filter((s) => s.includes('logout'))).toHaveLength(1);
  });

  it('adds nothing when no logout is pending', async () => {
    await apiRequest('/api/v1/me');
    expect(sent).toEqual(['GET /api/v1/me']);
  });

  it('logs out at once when online', async () => {
    await logoutNowOrLater(logout);
    expect(sent).toEqual(['POST /api/v1/auth/logout']);
    expect(hasPendingLogout()).toBe(false);
  });

  it('only remembers the logout when the device says it is offline', async () => {
    online = false;
    const tried = vi.mocked(fetch).mock.calls.length;
    await logoutNowOrLater(logout);
    expect(vi.mocked(fetch).mock.calls.length).toBe(tried);
    expect(hasPendingLogout()).toBe(true);

    online = true;
    await apiRequest('/api/v1/me');
    expect(sent).toEqual(['POST /api/v1/auth/logout', 'GET /api/v1/me']);
    expect(hasPendingLogout()).toBe(false);
  });

  it('remembers the logout when the server could not take it, not when it had already ended', async () => {
    logoutStatus = 503;
    await logoutNowOrLater(logout);
    expect(hasPendingLogout()).toBe(true);

    setPendingLogout(false);
    logoutStatus = 401;
    await logoutNowOrLater(logout);
    expect(hasPendingLogout()).toBe(false);
  });
});
