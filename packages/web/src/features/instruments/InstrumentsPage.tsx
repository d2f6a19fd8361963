import type { InstrumentSummary } from '@acompana/core';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/roles.ts';
import { useNavigate } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextField } from '../../ui/Field.tsx';
import { IconClipboard, IconNotebook, IconUpload } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { importInstrument, listInstruments } from './api.ts';
import { SaveError } from './DefinitionIssues.tsx';

// Instruments the person may use; equipo MINEDU also sees drafts and imports JSON.

function ImportForm() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [unreadable, setUnreadable] = useState(false);
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('archivo');
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setError(null);
    setUnreadable(false);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        setUnreadable(true);
        return;
      }
      const v = await importInstrument(json);
      toast(t('instruments.designer.imported', { name: v.instrumentName, n: v.version }));
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
        <TextField
          label={t('instruments.designer.importFile')}
          name="archivo"
          type="file"
          accept="application/json,.json"
        />
        <Button type="submit" variant="secondary" icon={IconUpload} loading={busy}>
          {t('instruments.designer.importSubmit')}
        </Button>
      </form>
      <FormAlert message={unreadable ? t('instruments.designer.importUnreadable') : null} />
      {error ? <SaveError error={error} /> : null}
    </section>
  );
}

/** An instrument as a list row: its name, what kind, its versions and their state. */
function InstrumentRow({ instrument }: { instrument: InstrumentSummary }) {
  const { t } = useTranslation();
  const current = instrument.versions.find((v) => v.status === 'published');
  return (
    <ListItem
      to={`/instrumentos/${instrument.id}`}
      icon={IconClipboard}
      title={instrument.name}
      secondary={`${t(`instruments.types.${instrument.type}`)} · ${instrument.description}`}
      meta={instrument.versions
        .map(
          (v) =>
            `${t('instruments.versionLabel', { n: v.version })}: ${t(`instruments.status.${v.status}`)}`,
        )
        .join(' · ')}
      badge={current ? undefined : <Badge tone="neutral">{t('instruments.status.draft')}</Badge>}
    />
  );
}

export default function InstrumentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const data = useApiData('instruments', (signal) => listInstruments(signal));
  const designer = can(me, 'instrument_draft:create');
  const coach = me.roles.some((r) => r.role === 'acompanante');

  let content: ReactNode;
  if (data.status === 'loading') content = <Skeleton lines={4} />;
  else if (data.status === 'error')
    content = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else if (data.data.length === 0) content = <EmptyState title={t('instruments.empty')} />;
  else
    content = (
      <List label={t('instruments.title')}>
        {data.data.map((i) => (
          <InstrumentRow key={i.id} instrument={i} />
        ))}
      </List>
    );

  return (
    <>
      <PageHeading title={t('instruments.title')} />
      <p>{t('instruments.intro')}</p>
      {coach ? (
        <p>
          <ButtonLink to="/instrumentos/llenar" icon={IconNotebook}>
            {t('instruments.fill')}
          </ButtonLink>
        </p>
      ) : null}
      {content}
      {designer ? <ImportForm /> : null}
    </>
  );
}
