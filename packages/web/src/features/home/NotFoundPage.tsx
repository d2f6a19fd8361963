import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/" className="button button--secondary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
