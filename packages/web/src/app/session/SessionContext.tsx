import type { Me } from '@acompana/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { rememberPerson } from '../../offline/last-person.ts';
import { ApiError, setUnauthenticatedHandler } from '../api/client.ts';
import { fetchMe, logout } from '../api/endpoints.ts';
import { flushPendingLogout, hasPendingLogout, logoutNowOrLater } from './pendingLogout.ts';

// Who is signed in. Started by GET /me; any 401 from any request ends the session here, and
// the route guard then sends the person to the login page. A logout always ends the session on
// this device at once; without a connection it also ends it on the server first thing once
// online (pendingLogout.ts), and until then the device asks for a login.

/** Why the person is not signed in: shown on the login page when it deserves a word. */
export type SignedOutReason = 'logout' | 'SESSION_EXPIRED' | 'UNAUTHENTICATED' | null;

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous'; reason: SignedOutReason }
  | { status: 'authenticated'; me: Me };

interface Session {
  state: SessionState;
  signIn: (me: Me) => void;
  signOut: () => Promise<void>;
  /** The server ended the session (seen by sync): log in again; local work stays. */
  expire: (code: string) => void;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    if (hasPendingLogout()) {
      // Someone logged out offline: nobody is signed in here, whatever the cookie says.
      setState({ status: 'anonymous', reason: 'logout' });
      void flushPendingLogout();
      return;
    }
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => setState({ status: 'authenticated', me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          const reason = error.code === 'SESSION_EXPIRED' ? 'SESSION_EXPIRED' : null;
          setState({ status: 'anonymous', reason });
        } else if (error instanceof ApiError && error.code === 'NETWORK') {
          // Offline start: the last person's cached profile opens their local data; the
          // server checks the session again at the first sync.
          import('../../offline/device.ts')
            .then(({ cachedMe }) => cachedMe())
            .then(
              (me) => setState(me ? { status: 'authenticated', me } : { status: 'error', error }),
              () => setState({ status: 'error', error }),
            );
        } else {
          setState({ status: 'error', error });
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    setUnauthenticatedHandler((error) => {
      setState((current) => {
        if (current.status === 'anonymous') return current;
        const reason = error.code === 'SESSION_EXPIRED' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED';
        return { status: 'anonymous', reason };
      });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  useEffect(() => {
    const onOnline = () => void flushPendingLogout();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  const signIn = useCallback((me: Me) => setState({ status: 'authenticated', me }), []);

  const signOut = useCallback(async () => {
    // The next start never opens this person's data without a login.
    rememberPerson(null);
    // Leaving is always possible. Not ended on the server (no connection, a server error):
    // it is sent first thing once online.
    await logoutNowOrLater(logout);
    setState({ status: 'anonymous', reason: 'logout' });
  }, []);

  const expire = useCallback((code: string) => {
    setState({
      status: 'anonymous',
      reason: code === 'SESSION_EXPIRED' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
    });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return (
    <SessionContext.Provider value={{ state, signIn, signOut, expire, retry }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in person; only for screens rendered behind <RequireSession>. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe needs an authenticated session');
  return state.me;
}
