import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  actaModelOf,
  fullName,
} from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session/SessionContext.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import { useMeta, useReference } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';
import { type CachedLadder, type CaseloadTeacher, LADDERS_KEY } from '../../offline/reference.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { IconDownload } from '../../ui/icons.ts';
import { useRubricDesempenos } from '../instruments/useRubricDesempenos.ts';
import { downloadActa } from './pdf/acta.ts';
import { useTypeLabel } from './types.ts';

// "Descargar acta (PDF)": built from what is on the device and generated there, offline (the same
// model and layout as the server's copy, core's actaModelOf and layoutActa). An organiser who
// is online may also download the server's copy (GET /activities/{id}/acta.pdf): every
// co-organiser's name and the marks each coach has synced, which one device may not hold.

export function ActaButton({
  activity,
  attendance,
  names,
  organiser,
}: {
  activity: LocalRecord<ActivityRecord>;
  attendance: LocalRecord<ActivityAttendanceRecord>[];
  names: Map<string, string>;
  organiser: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { online } = useOffline();
  // The server has it once a sync confirmed it (version > 0); it answers organisers only.
  const serverCopy = organiser && online && activity.version > 0;
  const reference = useReference('teacher');
  const interventions = useMeta<CachedLadder[]>(LADDERS_KEY);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const rubric = useRubricDesempenos();
  const typeLabel = useTypeLabel();
  const a = activity.data;

  const generate = async () => {
    setBusy(true);
    setMessage(t('activities.acta.working'));
    try {
      const school = (reference ?? [])
        .flatMap((r) => (r.data as unknown as CaseloadTeacher).schools ?? [])
        .find((s) => s.id === a.schoolId)?.name;
      await downloadActa(
        actaModelOf({
          activity: a,
          school: school ?? '',
          // The device knows its own user's name, not a co-organiser's; whole, as the server
          // prints it.
          organisers: a.organiserIds.includes(me.person.id) ? [fullName(me.person)] : [],
          names,
          attendance: new Map(attendance.map((r) => [r.data.teacherId, r.data.days])),
          desempenoNames: new Map((rubric ?? []).map((d) => [d.code, d.name])),
          // A built-in type's label is core's; an own type's, its stored name.
          typeName: typeLabel(a),
          interventionName: interventions?.find((i) => i.code === a.interventionCode)?.name,
          generatedAt: new Date(),
        }),
      );
      setMessage(t('activities.acta.ready'));
    } catch {
      setMessage(t('activities.acta.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-label={t('activities.acta.button')}>
      <div className="button-row">
        <Button
          variant="secondary"
          icon={IconDownload}
          loading={busy}
          loadingLabel={t('activities.acta.working')}
          onClick={() => void generate()}
        >
          {t('activities.acta.button')}
        </Button>
        {serverCopy ? (
          <ButtonLink
            to={`/api/v1/activities/${activity.id}/acta.pdf`}
            reloadDocument
            download
            variant="quiet"
            icon={IconDownload}
          >
            {t('activities.acta.download')}
          </ButtonLink>
        ) : null}
      </div>
      {serverCopy ? <p>{t('activities.acta.downloadHint')}</p> : null}
      <p role="status" className="form__status">
        {message}
      </p>
    </section>
  );
}
