import { formatLimaDate, type InstrumentSummary, type VersionSummary } from '@acompana/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/roles.ts';
import { useNavigate, useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { IconLayers } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { useInterventionName } from '../rosters/options.ts';
import { exportInstrument, getInstrument, getVersion, newDraft, transition } from './api.ts';
import { SaveError } from './DefinitionIssues.tsx';
import { DiffView } from './DiffView.tsx';
import { Preview } from './Preview.tsx';
import { usePrioritizedNames } from './prioritized.ts';

// One instrument: its versions (drafts for equipo MINEDU), the designer's actions, a preview
// exactly as a coach fills it, and what changed between two versions.

function VersionPreview({ versionId }: { versionId: string }) {
  const data = useApiData(`version-${versionId}`, (signal) => getVersion(versionId, signal));
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorNotice error={data.error} onRetry={data.reload} />;
  return <Preview definition={data.data.definition} />;
}

async function download(instrumentId: string, v: VersionSummary) {
  const exported = await exportInstrument(instrumentId, v.id);
  const blob = new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${exported.code.toLowerCase()}-v${exported.version}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

function VersionRow({
  instrument,
  v,
  designer,
  onChanged,
}: {
  instrument: InstrumentSummary;
  v: VersionSummary;
  designer: boolean;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (to: 'publish' | 'retire') => {
    const question =
      to === 'publish'
        ? 'instruments.designer.confirmPublish'
        : 'instruments.designer.confirmRetire';
    if (!window.confirm(t(question))) return;
    try {
      await transition(instrument.id, v.id, to);
      onChanged(
        t(to === 'publish' ? 'instruments.designer.published' : 'instruments.designer.retired'),
      );
    } catch (e) {
      setError(e);
    }
  };
  const label = t('instruments.versionLabel', { n: v.version });
  return (
    <Card
      as="li"
      level={3}
      title={
        <>
          {label}{' '}
          <Badge tone={v.status === 'published' ? 'success' : 'neutral'}>
            {t(`instruments.status.${v.status}`)}
          </Badge>
        </>
      }
    >
      {v.changeNote ? <p>{v.changeNote}</p> : null}
      <p className="field__hint">
        {v.publishedAt
          ? t('instruments.publishedOn', { date: formatLimaDate(v.publishedAt) })
          : t('instruments.createdOn', { date: formatLimaDate(v.createdAt) })}
        {v.retiredAt
          ? ` · ${t('instruments.retiredOn', { date: formatLimaDate(v.retiredAt) })}`
          : null}
      </p>
      <div className="button-row">
        <Button variant="secondary" aria-expanded={preview} onClick={() => setPreview((p) => !p)}>
          {t('instruments.designer.showPreview')}
        </Button>
        {designer && v.status === 'draft' ? (
          <>
            <ButtonLink variant="secondary" to={`/instrumentos/${instrument.id}/versiones/${v.id}`}>
              {t('instruments.designer.edit')}
            </ButtonLink>
            <Button onClick={() => void act('publish')}>{t('instruments.designer.publish')}</Button>
          </>
        ) : null}
        {designer && v.status === 'published' ? (
          <Button variant="secondary" onClick={() => void act('retire')}>
            {t('instruments.designer.retire')}
          </Button>
        ) : null}
        <Button variant="quiet" onClick={() => void download(instrument.id, v).catch(setError)}>
          {t('instruments.designer.export')}
        </Button>
      </div>
      {error ? <SaveError error={error} /> : null}
      {preview ? (
        <section aria-label={t('instruments.designer.previewOf', { n: v.version })}>
          <h4>{t('instruments.designer.preview')}</h4>
          <VersionPreview versionId={v.id} />
        </section>
      ) : null}
    </Card>
  );
}

export default function InstrumentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const headingId = useId();
  const designer = can(me, 'instrument_draft:create');
  const interventionName = useInterventionName();
  const data = useApiData(`instrument-${id}`, (signal) => getInstrument(id, signal));
  const toast = useToast();
  const names = usePrioritizedNames(data.status === 'ready' ? data.data : null);
  const [error, setError] = useState<unknown>(null);

  let body: ReactNode;
  if (data.status === 'loading') body = <Skeleton lines={4} />;
  else if (data.status === 'error') body = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else {
    const instrument = data.data;
    const hasDraft = instrument.versions.some((v) => v.status === 'draft');
    body = (
      <>
        <p>{instrument.description}</p>
        <section className="section" aria-labelledby={`${headingId}-uses`}>
          <h2 id={`${headingId}-uses`}>{t('instruments.uses')}</h2>
          <List labelledBy={`${headingId}-uses`}>
            {instrument.uses.map((u) => (
              <ListItem
                key={u.interventionCode}
                icon={IconLayers}
                title={interventionName(u.interventionCode)}
                secondary={t(`instruments.roles.${u.role}`)}
                meta={
                  u.prioritized.length > 0 && names
                    ? t('instruments.prioritized', { list: names(u.prioritized).join(', ') })
                    : undefined
                }
              />
            ))}
          </List>
        </section>
        <section className="section" aria-labelledby={`${headingId}-versions`}>
          <h2 id={`${headingId}-versions`}>{t('instruments.versions')}</h2>
          {designer && !hasDraft ? (
            <p>
              <Button
                onClick={() =>
                  void newDraft(instrument.id).then(
                    (v) => navigate(`/instrumentos/${instrument.id}/versiones/${v.id}`),
                    setError,
                  )
                }
              >
                {t('instruments.designer.newDraft')}
              </Button>
            </p>
          ) : null}
          {error ? <SaveError error={error} /> : null}
          <ul className="cards">
            {instrument.versions.map((v) => (
              <VersionRow
                key={v.id}
                instrument={instrument}
                v={v}
                designer={designer}
                onChanged={(m) => {
                  toast(m);
                  data.reload();
                }}
              />
            ))}
          </ul>
        </section>
        <DiffView instrument={instrument} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={data.status === 'ready' ? data.data.name : t('instruments.title')} />
      <BackLink to="/instrumentos">{t('instruments.back')}</BackLink>
      {body}
    </>
  );
}
