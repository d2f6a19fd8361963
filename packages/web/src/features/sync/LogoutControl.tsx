import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineSlot } from '../../offline/OfflineProvider.tsx';

// Logout never wipes unsent work silently: with changes still on the device it explains and
// offers to sync first or to leave keeping them; after a complete sync it clears this person's
// local data, so the device can be handed to someone else.

export function LogoutControl({ signOut }: { signOut: () => Promise<void> }) {
  const { t } = useTranslation();
  const slot = useOfflineSlot();
  const [held, setHeld] = useState(0);
  const [leaving, setLeaving] = useState(false);

  const onLogout = async () => {
    setLeaving(true);
    const offline = await slot.ready;
    const count = await offline.held();
    if (count > 0) {
      setHeld(count);
      setLeaving(false);
      return;
    }
    await offline.forget();
    await signOut();
  };

  const leaveKeeping = async () => {
    setLeaving(true);
    await (await slot.ready).stop();
    await signOut();
  };

  return (
    <>
      <button
        type="button"
        className="button button--quiet app-logout"
        onClick={() => void onLogout()}
        disabled={leaving}
      >
        {leaving ? t('shell.loggingOut') : t('shell.logout')}
      </button>
      {held > 0 ? (
        <div
          className="notice notice--warning logout-warning"
          role="alertdialog"
          aria-labelledby="logout-title"
          aria-describedby="logout-body"
        >
          <h2 id="logout-title">{t('logout.pendingTitle')}</h2>
          <p id="logout-body">{t('logout.pendingBody', { count: held })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={async () => {
                setHeld(0);
                await (await slot.ready).engine.sync();
              }}
            >
              {t('logout.syncFirst')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void leaveKeeping()}
            >
              {t('logout.leaveKeeping')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setHeld(0)}>
              {t('logout.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
