import type { Me } from '@acompana/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { Loading, StartupScreen } from '../ui/Status.tsx';
import { doesFieldWork } from './navigation.ts';
import { Navigate, useLocation } from './router.tsx';
import { useMe, useSession } from './session/SessionContext.tsx';

// Route guards: signed-in screens need a session; the login page is only for signed-out people.

const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const NotFoundPage = lazy(() => import('../features/home/NotFoundPage.tsx'));

interface FromState {
  from?: unknown;
}

/** Only same-app paths are honoured as a return address (no open redirects). */
function returnPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

function SessionStartup() {
  const { state, retry } = useSession();
  if (state.status === 'error') return <StartupScreen error={state.error} onRetry={retry} />;
  return <StartupScreen />;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading' || state.status === 'error') return <SessionStartup />;
  if (state.status === 'anonymous') {
    // After an explicit logout the next person starts from the home, not from our last screen.
    const from = state.reason === 'logout' ? undefined : location.pathname + location.search;
    return (
      <>
        <Navigate to="/login" replace state={{ from }} />
        <StartupScreen />
      </>
    );
  }
  return children;
}

export function LoginRoute() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading' || state.status === 'error') return <SessionStartup />;
  if (state.status === 'authenticated') {
    // The start-up screen covers the moment until the next screen's code has arrived.
    return (
      <>
        <Navigate to={returnPath(location.state)} replace />
        <StartupScreen />
      </>
    );
  }
  return (
    <Suspense fallback={<StartupScreen />}>
      <LoginPage reason={state.reason} />
    </Suspense>
  );
}

/** Screens of people who record field work (the sync page): anyone else (a supervisor, who has
 *  no sync scope, issue 12.2) opening them by URL gets "page not found", never the screen. */
export function FieldWorkRoute({ me, children }: { me: Me; children: ReactNode }) {
  if (doesFieldWork(me)) return children;
  return (
    <Suspense fallback={<Loading />}>
      <NotFoundPage />
    </Suspense>
  );
}

export function RequireFieldWork({ children }: { children: ReactNode }) {
  return <FieldWorkRoute me={useMe()}>{children}</FieldWorkRoute>;
}
