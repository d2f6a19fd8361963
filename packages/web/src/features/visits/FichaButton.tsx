import type { CommitmentRecord, VisitRecord } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useRecords, useReference } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { useDeviceVersions } from './During.tsx';
import { downloadFicha } from './pdf/ficha.ts';
import { fichaModel } from './pdf/model.ts';

// "Ficha de visita": built from what is on the device and generated there (jsPDF is loaded on
// click and precached by the service worker), so coach and teacher get it offline.

/** The teacher's last visit held before this one: the ficha reports its commitments' follow-up. */
function previousVisit(
  visits: { id: string; data: VisitRecord }[],
  visit: VisitRecord,
): { id: string } | undefined {
  return visits
    .filter((v) => v.data.status === 'done' && v.data.plannedDate < visit.plannedDate)
    .sort((a, b) => b.data.plannedDate.localeCompare(a.data.plannedDate))[0];
}

export function FichaButton({ id, visit }: { id: string; visit: VisitRecord }) {
  const { t } = useTranslation();
  const me = useMe();
  const versions = useDeviceVersions();
  const responses = useRecords('instrument_response', { visitId: id });
  const commitments = useRecords('commitment', { teacherId: visit.teacherId });
  const visits = useRecords('visit', { teacherId: visit.teacherId });
  const reference = useReference('teacher');
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
          teacher: entry?.displayName ?? (isCoach ? '' : me.person.displayName),
          school: entry?.schools?.find((s) => s.id === visit.schoolId)?.name ?? '',
          coach: isCoach ? me.person.displayName : '',
        },
        responses: responses.map((r) => ({
          data: r.data,
          version: versions.byId.get(r.data.instrumentVersionId),
        })),
        commitments: commitments
          .filter((c) => c.data.visitId === id)
          .map((c): CommitmentRecord => c.data),
        followUps: commitments
          .filter((c) => c.data.visitId === previousVisit(visits, visit)?.id)
          .map((c) => c.data),
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
      <button
        type="button"
        className="button button--secondary"
        disabled={!ready || busy}
        onClick={() => void generate()}
      >
        {t('cycle.pdf')}
      </button>
      <p role="status" className="form__status">
        {message}
      </p>
    </section>
  );
}
