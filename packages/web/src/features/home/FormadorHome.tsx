import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/Card.tsx';
import { Notice } from '../../ui/Notice.tsx';
import type { HomeProps } from './types.ts';

// Formadores do not read teacher rosters (privacy policy), so this home asks the API nothing.

export default function FormadorHome({ scopeName }: HomeProps) {
  const { t } = useTranslation();
  return (
    <div className="section">
      <Card title={t('home.formador.scope')}>
        <p className="lead">{scopeName}</p>
        <p>{t('home.formador.intro')}</p>
        <Notice live={false}>{t('home.formador.privacy')}</Notice>
      </Card>
    </div>
  );
}
