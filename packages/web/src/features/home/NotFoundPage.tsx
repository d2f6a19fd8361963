import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconHome } from '../../ui/icons.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('notFound.title')} />
      <EmptyState
        title={t('notFound.body')}
        action={
          <ButtonLink to="/" variant="secondary" icon={IconHome}>
            {t('notFound.home')}
          </ButtonLink>
        }
      />
    </div>
  );
}
