import {
  type ChecklistAnswers,
  checklistSummary,
  type NotebookAnswers,
  type RubricAnswers,
  rubricSummary,
  type VersionDetail,
  type VisitRecord,
} from '@acompana/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconClock } from '../../ui/icons.ts';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { cachedVersions, latestPublished } from '../instruments/local.ts';
import { timeOf } from '../instruments/renderer/format.ts';
import { PendingBadge, SaveError } from './parts.tsx';

// "Durante": the observation of the lesson with the instruments kept on the device (rubric
// levels with evidence, checklist, timestamped field notes), each filled in the instrument
// renderer and linked to this visit.

const TYPE_ORDER = ['rubric', 'checklist', 'notebook'];

/** Published versions on the device, newest per instrument, and every cached version by id. */
export function useDeviceVersions():
  | { current: VersionDetail[]; byId: Map<string, VersionDetail> }
  | undefined {
  const { db } = useOffline();
  return useLiveQuery(async () => {
    const all = await cachedVersions(db);
    const current = latestPublished(all).sort(
      (a, b) =>
        TYPE_ORDER.indexOf(a.definition.type) - TYPE_ORDER.indexOf(b.definition.type) ||
        a.instrumentName.localeCompare(b.instrumentName, 'es'),
    );
    return { current, byId: new Map(all.map((version) => [version.id, version])) };
  }, [db]);
}

function Progress({ version, answers }: { version: VersionDetail; answers: unknown }) {
  const { t } = useTranslation();
  const definition = version.definition;
  if (definition.type === 'rubric') {
    const summary = rubricSummary(definition, answers as RubricAnswers);
    return <>{t('cycle.rubricSummary', { answered: summary.answered, total: summary.total })}</>;
  }
  if (definition.type === 'checklist') {
    const summary = checklistSummary(definition, answers as ChecklistAnswers);
    return <>{t('cycle.checklistSummary', { score: summary.score, max: summary.max })}</>;
  }
  if (definition.type === 'notebook') {
    const count = (answers as NotebookAnswers).notes?.length ?? 0;
    return <>{t('cycle.notesCount', { count })}</>;
  }
  return null;
}

export function DuringSection({
  id,
  visit,
  asCoach,
}: {
  id: string;
  visit: VisitRecord;
  asCoach: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const versions = useDeviceVersions();
  const responses = useRecords('instrument_response', { visitId: id });
  const [error, setError] = useState<unknown>(null);
  const editable = asCoach && visit.status !== 'cancelled';

  const rows = (versions?.current ?? []).map((version) => {
    const response = (responses ?? []).find(
      (r) => versions?.byId.get(r.data.instrumentVersionId)?.instrumentId === version.instrumentId,
    );
    // A record keeps the exact version it was started with, even if a newer one is published.
    const used = response
      ? (versions?.byId.get(response.data.instrumentVersionId) ?? version)
      : version;
    return { version: used, response };
  });

  return (
    <section className="section" aria-labelledby="durante">
      <h2 id="durante">{t('cycle.during')}</h2>
      <p className="field__hint">{t(asCoach ? 'cycle.duringHint' : 'cycle.duringHintTeacher')}</p>
      {visit.startedAt ? (
        <p>{t('cycle.startedAt', { time: timeOf(visit.startedAt) })}</p>
      ) : editable && visit.status === 'planned' ? (
        <Button
          variant="secondary"
          icon={IconClock}
          onClick={async () => {
            setError(null);
            try {
              await save('visit', id, { startedAt: new Date().toISOString() });
            } catch (cause) {
              setError(cause);
            }
          }}
        >
          {t('cycle.start')}
        </Button>
      ) : null}
      <SaveError error={error} />
      {versions === undefined ? <Skeleton lines={2} /> : null}
      {versions && versions.current.length === 0 ? (
        <EmptyState title={t('cycle.noInstruments')} />
      ) : null}
      {rows.length ? (
        <ul className="cards" aria-labelledby="durante">
          {rows.map(({ version, response }) => {
            const name = version.instrumentName;
            return (
              <Card key={version.instrumentId} as="li" level={3} title={name}>
                <p className="badge-row">
                  {response ? (
                    <>
                      <Badge tone={response.data.status === 'complete' ? 'success' : 'warning'}>
                        {t(`cycle.responseStatus.${response.data.status}`)}
                      </Badge>
                      <span>
                        <Progress version={version} answers={response.data.answers} />
                      </span>
                      <PendingBadge id={response.id} />
                    </>
                  ) : (
                    <Badge tone="neutral">{t('cycle.notFilled')}</Badge>
                  )}
                </p>
                {response ? (
                  <ButtonLink
                    variant="secondary"
                    to={
                      editable
                        ? `/instrumentos/llenar?registro=${response.id}`
                        : `/instrumentos/registros/${response.id}`
                    }
                  >
                    {editable ? t('cycle.continue', { name }) : t('cycle.see', { name })}
                  </ButtonLink>
                ) : editable ? (
                  <ButtonLink to={`/instrumentos/llenar?visita=${id}&version=${version.id}`}>
                    {t('cycle.fill', { name })}
                  </ButtonLink>
                ) : null}
              </Card>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
