import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplyUpdate,
  registerServiceWorker,
  requestPersistentStorage,
  STORAGE_WARNING,
  storageUse,
} from '../../offline/pwa.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';

// The new-version prompt and the storage warning. The update is applied only when the person
// accepts; the storage share is checked at start and every few minutes.

const CHECK_EVERY_MS = 10 * 60_000;

export function AppUpdates() {
  const { t } = useTranslation();
  const [apply, setApply] = useState<ApplyUpdate | null>(null);
  const [used, setUsed] = useState<number | null>(null);

  useEffect(() => {
    void registerServiceWorker((next) => setApply(() => next)).catch(() => undefined);
    void requestPersistentStorage().catch(() => false);
    const check = () => void storageUse().then(setUsed, () => setUsed(null));
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <>
      {apply ? (
        <Notice
          action={
            <div className="button-row">
              <Button onClick={() => void apply()}>{t('pwa.updateNow')}</Button>
              <Button variant="quiet" onClick={() => setApply(null)}>
                {t('pwa.updateLater')}
              </Button>
            </div>
          }
        >
          <p>
            {t('pwa.updateReady')} {t('pwa.updateSafe')}
          </p>
        </Notice>
      ) : null}
      {used !== null && used >= STORAGE_WARNING ? (
        <Notice tone="warning" live="alert">
          {t('pwa.storageLow', { percent: Math.round(used * 100) })}
        </Notice>
      ) : null}
    </>
  );
}
