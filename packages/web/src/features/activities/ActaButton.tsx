import { type ActivityAttendanceRecord, type ActivityRecord, actaModelOf } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session/SessionContext.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import { useReference } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { Button } from '../../ui/Button.tsx';
import { downloadActa } from './pdf/acta.ts';

// "Imprimir acta": built from what is on the device and generated there, offline (the same
// model and layout as the server's copy, core's actaModelOf and layoutActa).

export function ActaButton({
  activity,
  attendance,
  names,
}: {
  activity: LocalRecord<ActivityRecord>;
  attendance: LocalRecord<ActivityAttendanceRecord>[];
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const reference = useReference('teacher');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
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
          // The device knows its own user's name, not a co-organiser's.
          organisers: a.organiserIds.includes(me.person.id) ? [me.person.displayName] : [],
          names,
          attendance: new Map(attendance.map((r) => [r.data.teacherId, r.data.days])),
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
      <Button
        variant="secondary"
        loading={busy}
        loadingLabel={t('activities.acta.working')}
        onClick={() => void generate()}
      >
        {t('activities.acta.button')}
      </Button>
      <p role="status" className="form__status">
        {message}
      </p>
    </section>
  );
}
