import { useTranslation } from 'react-i18next';
import type { HomeProps } from './types.ts';

// Formadores do not read teacher rosters (privacy policy), so this home asks the API nothing.

export default function FormadorHome({ scopeName }: HomeProps) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="ambito-formacion">
      <h2 id="ambito-formacion">{t('home.formador.scope')}</h2>
      <p className="lead">{scopeName}</p>
      <p>{t('home.formador.intro')}</p>
      <p>{t('home.formador.privacy')}</p>
    </section>
  );
}
