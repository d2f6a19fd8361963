import type { Answers, VersionDetail } from '@acompana/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from '../../app/router.tsx';
import { useReference } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { getVersion } from './api.ts';
import { cachedVersion, cacheVersions, getResponse, type ResponseRecord } from './local.ts';
import { InstrumentForm } from './renderer/index.ts';

// A filled instrument, always shown with the exact version it was filled with (never the
// current one): publishing a new version does not change how a past record reads.

type State =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; record: ResponseRecord; version: VersionDetail };

const noop = () => {};

export default function RecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { db } = useOffline();
  const [state, setState] = useState<State>({ status: 'loading' });
  const teachers = useReference('teacher');

  useEffect(() => {
    let live = true;
    (async () => {
      const record = await getResponse(db, id);
      if (!record) return { status: 'missing' } as const;
      const versionId = record.data.instrumentVersionId;
      // Fresh from the server when online (its status may have changed), else the device copy.
      let version: VersionDetail | null = null;
      try {
        version = await getVersion(versionId);
        await cacheVersions(db, [version]);
      } catch (error) {
        version = await cachedVersion(db, versionId);
        if (!version) throw error;
      }
      return { status: 'ready', record, version } as const;
    })().then(
      (next) => live && setState(next),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [db, id]);

  let body: ReactNode;
  if (state.status === 'loading') body = <Loading />;
  else if (state.status === 'missing')
    body = <EmptyState title={t('instruments.record.notFound')} />;
  else if (state.status === 'error') body = <ErrorNotice error={state.error} />;
  else {
    const { record, version } = state;
    const teacher = teachers?.find((item) => item.id === record.data.teacherId);
    body = (
      <>
        <Card
          as="div"
          actions={
            record.data.status === 'draft' ? (
              <ButtonLink variant="secondary" to={`/instrumentos/llenar?registro=${record.id}`}>
                {t('instruments.record.edit')}
              </ButtonLink>
            ) : null
          }
        >
          {teacher ? (
            <p>
              <strong>
                {t('instruments.fillPage.forTeacher', { name: String(teacher.data.displayName) })}
              </strong>
            </p>
          ) : null}
          <p className="field__hint">
            {t('instruments.record.filledWith', {
              name: version.instrumentName,
              n: version.version,
              status: t(`instruments.status.${version.status}`),
            })}
          </p>
          <p>
            <Badge tone={record.data.status === 'complete' ? 'success' : 'warning'}>
              {t(`instruments.fillPage.recordStatus.${record.data.status}`)}
            </Badge>
          </p>
        </Card>
        <InstrumentForm
          definition={version.definition}
          answers={record.data.answers as unknown as Answers}
          setAnswers={noop}
          readOnly
        />
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('instruments.record.title')} />
      {body}
    </>
  );
}
