import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { AppUpdates } from '../features/sync/AppUpdates.tsx';
import { LogoutControl } from '../features/sync/LogoutControl.tsx';
import { OfflineProvider, useOfflineSlot } from '../offline/OfflineProvider.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Loading } from '../ui/Status.tsx';
import { can } from './roles.ts';
import { useMe, useSession } from './session/SessionContext.tsx';

// The sync state reads the local store: it arrives with the offline runtime, after the page.
const SyncBar = lazy(() => import('../features/sync/SyncBar.tsx'));

function SyncState({ personId }: { personId: string }) {
  const { current } = useOfflineSlot();
  if (!current) return null;
  return (
    <Suspense fallback={null}>
      <SyncBar personId={personId} />
    </Suspense>
  );
}

// The frame of every signed-in screen: skip link, header with the person and the logout, a
// navigation shaped by the person's abilities, and the main landmark.

export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut, expire } = useSession();
  const location = useLocation();
  const atHome = location.pathname === '/' || location.pathname.startsWith('/inicio/');
  const fieldWork = me.roles.some(
    (grant) => grant.role === 'acompanante' || grant.role === 'docente',
  );

  return (
    <OfflineProvider me={me} onSessionEnded={expire}>
      <a className="skip-link" href="#contenido">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="app-brand">
            {t('app.name')}
          </Link>
          <span className="app-user">{me.person.displayName}</span>
          <LogoutControl signOut={signOut} />
        </div>
        <nav className="app-nav" aria-label={t('shell.mainNav')}>
          <ul>
            <li>
              <Link to="/" className="app-nav__link" aria-current={atHome ? 'page' : undefined}>
                {t('shell.nav.home')}
              </Link>
            </li>
            {fieldWork ? (
              <li>
                <NavLink to="/visitas" className="app-nav__link">
                  {t('shell.nav.visits')}
                </NavLink>
              </li>
            ) : null}
            {can(me, 'teacher:read') ? (
              <li>
                <NavLink to="/docentes" className="app-nav__link">
                  {t('shell.nav.teachers')}
                </NavLink>
              </li>
            ) : null}
            {can(me, 'school:read') ? (
              <li>
                <NavLink to="/instituciones" className="app-nav__link">
                  {t('shell.nav.schools')}
                </NavLink>
              </li>
            ) : null}
            {can(me, 'coach:read') ? (
              <li>
                <NavLink to="/acompanantes" className="app-nav__link">
                  {t('shell.nav.coaches')}
                </NavLink>
              </li>
            ) : null}
            {can(me, 'catalog:read') ? (
              <li>
                <NavLink to="/catalogo" className="app-nav__link">
                  {t('shell.nav.catalog')}
                </NavLink>
              </li>
            ) : null}
            {can(me, 'instrument:read') ? (
              <li>
                <NavLink to="/instrumentos" className="app-nav__link">
                  {t('shell.nav.instruments')}
                </NavLink>
              </li>
            ) : null}
            {can(me, 'school:create') ? (
              <li>
                <NavLink to="/importar" className="app-nav__link">
                  {t('shell.nav.imports')}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <SyncState personId={me.person.id} />
        <AppUpdates />
      </header>
      <main id="contenido" className="app-main" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </OfflineProvider>
  );
}
