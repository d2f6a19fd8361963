import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineSlot } from '../../offline/OfflineProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { IconLogOut } from '../../ui/icons.ts';
import { Sheet } from '../../ui/Sheet.tsx';

// Logout never wipes unsent work silently: with changes still on the device it explains (a
// full-width sheet on phones) and offers to sync first or to leave keeping them; after a
// complete sync it clears this person's local data, so the device can be handed to someone else.

export function LogoutControl({ signOut }: { signOut: () => Promise<void> }) {
  const { t } = useTranslation();
  const slot = useOfflineSlot();
  const bodyId = useId();
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
      <Button
        variant="secondary"
        block
        icon={IconLogOut}
        onClick={() => void onLogout()}
        loading={leaving}
        loadingLabel={t('shell.loggingOut')}
      >
        {t('shell.logout')}
      </Button>
      <Sheet
        open={held > 0}
        alert
        onClose={() => setHeld(0)}
        title={t('logout.pendingTitle')}
        describedBy={bodyId}
        footer={
          <>
            <Button
              block
              onClick={async () => {
                setHeld(0);
                await (await slot.ready).engine.sync();
              }}
            >
              {t('logout.syncFirst')}
            </Button>
            <Button variant="secondary" block onClick={() => void leaveKeeping()}>
              {t('logout.leaveKeeping')}
            </Button>
            <Button variant="quiet" block onClick={() => setHeld(0)}>
              {t('logout.cancel')}
            </Button>
          </>
        }
      >
        <p id={bodyId}>{t('logout.pendingBody', { count: held })}</p>
      </Sheet>
    </>
  );
}
