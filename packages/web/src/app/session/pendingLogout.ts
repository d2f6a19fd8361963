// A logout made without a connection cannot reach the server, and the session cookie is
// HttpOnly: the browser keeps it. So the logout is remembered here and sent first thing once
// the device is online again, before any other request (api/client.ts waits for it), so
// nothing is ever sent under the session of a person who already left.

const PENDING = 'acompana.pendingLogout';

export function hasPendingLogout(): boolean {
  try {
    return localStorage.getItem(PENDING) !== null;
  } catch {
    return false;
  }
}

export function setPendingLogout(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(PENDING, new Date().toISOString());
    else localStorage.removeItem(PENDING);
  } catch {
    // No storage (private mode): nothing to remember; the session then expires on its own.
  }
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * Ends the session on the server now, or remembers to do it first thing once online. A device
 * that says it is offline is not asked to try: the request could only fail, or hang on a dead
 * connection. `send` rejects with `{ status }` for a server's answer; a 401 means the session
 * had already ended (expired, or ended from another tab), so nothing is left to send.
 */
export async function logoutNowOrLater(send: () => Promise<void>): Promise<void> {
  if (isOffline()) {
    setPendingLogout(true);
    return;
  }
  try {
    await send();
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (status !== 401) setPendingLogout(true);
  }
}

let inFlight: Promise<boolean> | null = null;

/** Sends a pending logout; true when none is left (sent now, or nothing was pending). */
export function flushPendingLogout(): Promise<boolean> {
  if (!hasPendingLogout()) return Promise.resolve(true);
  // Offline, as the sync engine judges it (offline/runtime.ts): wait for the 'online' event.
  if (isOffline()) return Promise.resolve(false);
  inFlight ??= (async () => {
    try {
      const response = await fetch('/api/v1/auth/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      // 204: ended now. 401: it had already ended (expired, or ended from another tab).
      const done = response.status === 204 || response.status === 401;
      if (done) setPendingLogout(false);
      return done;
    } catch {
      return false; // still offline
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}
