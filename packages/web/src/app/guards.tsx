import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { StartupScreen } from '../ui/Status.tsx';
import { useSession } from './session/SessionContext.tsx';

// Route guards: signed-in screens need a session; the login page is only for signed-out people.

const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));

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

export function RequireSession() {
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
  return <Outlet />;
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
