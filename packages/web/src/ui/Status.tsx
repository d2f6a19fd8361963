import { useTranslation } from 'react-i18next';
import { errorMessage, isRetryable } from '../app/api/errorMessage.ts';
import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';

// Small shared states: loading, failure with a retry, and the full-page variants used while
// the session starts.

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

interface ErrorNoticeProps {
  error: unknown;
  /** Offered only when trying again may help (see isRetryable). */
  onRetry?: () => void;
  /** false inside a live region already there (FormAlert): one announcement. */
  live?: false;
}

export function ErrorNotice({ error, onRetry, live }: ErrorNoticeProps) {
  const { t } = useTranslation();
  return (
    <Notice
      tone="error"
      live={live}
      action={
        onRetry && isRetryable(error) ? (
          <Button variant="secondary" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : null
      }
    >
      <p>{errorMessage(t, error)}</p>
    </Notice>
  );
}

/** Start-up screen: the app name and a loading or error state, before the session is known. */
export function StartupScreen({ error, onRetry }: { error?: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <main id="contenido" className="startup" tabIndex={-1}>
      <p className="startup__brand">{t('app.name')}</p>
      {error ? <ErrorNotice error={error} onRetry={onRetry} /> : <Loading />}
    </main>
  );
}
