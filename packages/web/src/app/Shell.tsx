import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AppUpdates } from '../features/sync/AppUpdates.tsx';
import { OfflineProvider, useOfflineSlot } from '../offline/OfflineProvider.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { BottomNav, SideNav, TopBar } from '../ui/Shell.tsx';
import { Loading } from '../ui/Status.tsx';
import { ToastProvider } from '../ui/Toast.tsx';
import { useNavItems } from './nav-items.ts';
import { doesFieldWork } from './navigation.ts';
import { useLocation } from './router.tsx';
import { useMe, useSession } from './session/SessionContext.tsx';

// The frame of every signed-in screen (docs/UI.md, "Shell"): skip link, a compact top bar with
// the sync chip, the main landmark, and the navigation: a bottom bar of ≤ 5 items for the
// person's main role on phones and tablets, a side navigation with everything on desktop.

// The sync chip reads the local store: it arrives with the offline runtime, after the page.
const SyncChip = lazy(() => import('../features/sync/SyncChip.tsx'));

function SyncState({ personId }: { personId: string }) {
  const { current } = useOfflineSlot();
  if (!current) return null;
  return (
    <Suspense fallback={null}>
      <SyncChip personId={personId} />
    </Suspense>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { expire } = useSession();
  const location = useLocation();
  const items = useNavItems(me);
  const [home, ...rest] = items.primary;
  const more = rest.pop();
  // Desktop: the bar's items, then everything on "Más", then "Más" itself (settings, logout).
  const side = [home, ...rest, ...items.more, more].filter((item) => item !== undefined);

  return (
    <OfflineProvider me={me} onSessionEnded={expire}>
      <ToastProvider>
        <a className="skip-link" href="#contenido">
          {t('app.skipToContent')}
        </a>
        <TopBar brand={t('app.name')}>
          {doesFieldWork(me) ? <SyncState personId={me.person.id} /> : null}
        </TopBar>
        <div className="app-notices">
          <AppUpdates />
        </div>
        <div className="app-body">
          <SideNav label={t('shell.mainNav')} items={side} />
          <main id="contenido" className="app-main" tabIndex={-1}>
            <ErrorBoundary key={location.pathname}>
              <Suspense fallback={<Loading />}>{children}</Suspense>
            </ErrorBoundary>
          </main>
        </div>
        <BottomNav label={t('shell.mainNav')} items={items.primary} />
      </ToastProvider>
    </OfflineProvider>
  );
}
