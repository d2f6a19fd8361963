import { type CommitmentRecord, fullName, type VisitRecord } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useMeta, useRecords, useReference } from '../../offline/hooks.ts';
import { type CachedLadder, type CaseloadTeacher, LADDERS_KEY } from '../../offline/reference.ts';
import { Button } from '../../ui/Button.tsx';
import { useDeviceVersions } from './During.tsx';
import { openBefore } from './FollowUps.tsx';
import { downloadFicha } from './pdf/ficha.ts';
import { fichaModel } from './pdf/model.ts';

// "Ficha de visita": built from what is on the device and generated there (jsPDF is loaded on
// click and precached by the service worker), so coach and teacher get it offline.

export function FichaButton({ id, visit }: { id: string; visit: VisitRecord }) {
  const { t } = useTranslation();
  const me = useMe();
  const versions = useDeviceVersions();
  const responses = useRecords('instrument_response', { visitId: id });
  const commitments = useRecords('commitment', { teacherId: visit.teacherId });
  const visits = useRecords('visit', { teacherId: visit.teacherId });
  const reference = useReference('teacher');
  const interventions = useMeta<CachedLadder[]>(LADDERS_KEY);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const ready = versions && responses && commitments && visits && reference;
  const generate = async () => {
    if (!ready) return;
    setBusy(true);
    setMessage(t('cycle.pdfWorking'));
    try {
      const entry = reference.find((r) => r.id === visit.teacherId)?.data as
        | Partial<CaseloadTeacher>
        | undefined;
      const isCoach = visit.teacherId !== me.person.id;
      const model = fichaModel(t, {
        visit,
        names: {
          teacher: entry?.displayName ?? (isCoach ? '' : fullName(me.person)),
          school: entry?.schools?.find((s) => s.id === visit.schoolId)?.name ?? '',
          coach: isCoach ? fullName(me.person) : '',
          intervention: interventions?.find((i) => i.code === visit.interventionCode)?.name ?? '',
        },
        responses: responses.map((r) => ({
          data: r.data,
          version: versions.byId.get(r.data.instrumentVersionId),
        })),
        commitments: commitments
          .filter((c) => c.data.visitId === id)
          .map((c): CommitmentRecord => c.data),
        // The same commitments the visit's follow-up section shows: all still open from
        // earlier visits.
        followUps: openBefore(
          commitments,
          new Map(visits.map((v) => [v.id, v.data.plannedDate])),
          visit.plannedDate,
        ).map((c) => c.data),
        desempenoNames: new Map(
          [...versions.byId.values()].flatMap((v) =>
            v.definition.type === 'rubric'
              ? v.definition.desempenos.map((d): [string, string] => [d.code, d.name])
              : [],
          ),
        ),
      });
      await downloadFicha(model);
      setMessage(t('cycle.pdfReady'));
    } catch {
      setMessage(t('cycle.pdfFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="ficha">
      <h2 id="ficha" className="visually-hidden">
        {t('ficha.title')}
      </h2>
      <Button
        variant="secondary"
        disabled={!ready}
        loading={busy}
        loadingLabel={t('cycle.pdfWorking')}
        onClick={() => void generate()}
      >
        {t('cycle.pdf')}
      </Button>
      <p role="status" className="form__status">
        {message}
      </p>
    </section>
  );
}
