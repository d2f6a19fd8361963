import { type ActivityAttendanceRecord, type ActivityRecord, activityDates } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session/SessionContext.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import { useReference } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { Button } from '../../ui/Button.tsx';
import { useRubricDesempenos } from '../instruments/useRubricDesempenos.ts';
import { downloadActa } from './pdf/acta.ts';

// "Imprimir acta": built from what is on the device and generated there, offline.

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
  const rubric = useRubricDesempenos();
  const desempenoName = new Map((rubric ?? []).map((d) => [d.code, d.name]));
  const a = activity.data;

  const generate = async () => {
    setBusy(true);
    setMessage(t('activities.acta.working'));
    try {
      const dates = activityDates(a);
      const school = (reference ?? [])
        .flatMap((r) => (r.data as unknown as CaseloadTeacher).schools ?? [])
        .find((s) => s.id === a.schoolId)?.name;
      const byTeacher = new Map(attendance.map((r) => [r.data.teacherId, r.data]));
      await downloadActa({
        title: `${t(`activityTypes.${a.type}`)}: ${a.theme}`,
        type: t(`activityTypes.${a.type}`),
        intervention: a.interventionCode,
        school: school ?? '',
        place: a.place,
        dates,
        time: a.startTime && a.endTime ? `${a.startTime}–${a.endTime}` : a.startTime,
        organisers: a.organiserIds.includes(me.person.id) ? [me.person.displayName] : [],
        agenda: a.agenda,
        agreements: a.agreements,
        desempenos: a.desempenos.map((code) => desempenoName.get(code) ?? code),
        topics: a.topics,
        attendees: a.inviteeIds.map((id) => ({
          name: names.get(id) || t('activities.page.teacher'),
          marks: dates.map((date) => {
            const mark = byTeacher.get(id)?.days.find((d) => d.date === date)?.mark;
            return t(`activities.acta.marks.${mark ?? 'none'}`);
          }),
        })),
        families: a.familyCounts
          ? (['mothers', 'fathers', 'relatives', 'community'] as const).map((key) => ({
              label: t(`activities.page.${key}`),
              count: a.familyCounts?.[key] ?? 0,
            }))
          : null,
      });
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
