import { useTranslation } from 'react-i18next';

// A loading placeholder shaped like the content to come; announced once as "Cargando…".

export function Skeleton({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label ?? t('app.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder lines
        <span key={i} className="skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
