import type { InstrumentSummary } from '@acompana/core';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../app/roles.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { importInstrument, listInstruments } from './api.ts';
import { SaveError } from './DefinitionIssues.tsx';

// Instruments the person may use; equipo MINEDU also sees drafts and imports JSON.

function ImportForm() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('archivo');
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        setMessage(t('instruments.designer.importUnreadable'));
        return;
      }
      const v = await importInstrument(json);
      setMessage(t('instruments.designer.imported', { name: v.instrumentName, n: v.version }));
      navigate(`/instrumentos/${v.instrumentId}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby={`${id}-import`}>
      <h2 id={`${id}-import`}>{t('instruments.designer.import')}</h2>
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('instruments.designer.importFile')}</label>
          <input id={`${id}-file`} name="archivo" type="file" accept="application/json,.json" />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('instruments.designer.importSubmit')}
        </button>
      </form>
      <p role="status" className="form__status">
        {message}
      </p>
      {error ? <SaveError error={error} /> : null}
    </section>
  );
}

function InstrumentCard({ instrument }: { instrument: InstrumentSummary }) {
  const { t } = useTranslation();
  const current = instrument.versions.find((v) => v.status === 'published');
  return (
    <li className="card">
      <p className="instrument__eyebrow">{t(`instruments.types.${instrument.type}`)}</p>
      <h2 className="card__title">
        <Link to={`/instrumentos/${instrument.id}`}>{instrument.name}</Link>
      </h2>
      <p>{instrument.description}</p>
      <p className="field__hint">
        {instrument.versions
          .map(
            (v) =>
              `${t('instruments.versionLabel', { n: v.version })}: ${t(`instruments.status.${v.status}`)}`,
          )
          .join(' · ')}
      </p>
      {current ? null : <span className="badge badge--muted">{t('instruments.status.draft')}</span>}
    </li>
  );
}

export default function InstrumentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const data = useApiData('instruments', (signal) => listInstruments(signal));
  const designer = can(me, 'instrument_draft:create');
  const coach = me.roles.some((r) => r.role === 'acompanante');

  let content: ReactNode;
  if (data.status === 'loading') content = <Loading />;
  else if (data.status === 'error')
    content = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else if (data.data.length === 0) content = <p className="empty">{t('instruments.empty')}</p>;
  else
    content = (
      <ul className="cards">
        {data.data.map((i) => (
          <InstrumentCard key={i.id} instrument={i} />
        ))}
      </ul>
    );

  return (
    <>
      <PageHeading title={t('instruments.title')} />
      <p>{t('instruments.intro')}</p>
      {coach ? (
        <p>
          <Link className="button button--primary" to="/instrumentos/llenar">
            {t('instruments.fill')}
          </Link>
        </p>
      ) : null}
      {content}
      {designer ? <ImportForm /> : null}
    </>
  );
}
