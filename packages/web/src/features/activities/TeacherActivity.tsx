import type {
  ActivityAttendanceRecord,
  ActivityRecord,
  ActivityReflectionRecord,
} from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextareaField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { SaveError } from '../visits/parts.tsx';
import { markTone } from './parts.ts';

// The teacher's view of an activity they were invited to: the agreements, their own
// attendance (never another teacher's: it does not reach their device) and their reflection or
// commitment, which is theirs alone to write (activity_reflection, teacher-owned).

export function TeacherActivity({
  activity,
  attendance,
}: {
  activity: LocalRecord<ActivityRecord>;
  attendance: LocalRecord<ActivityAttendanceRecord>[];
}) {
  const { t } = useTranslation();
  const me = useMe();
  const save = useSaveRecord();
  const toast = useToast();
  const reflections = useRecords('activity_reflection', { teacherId: me.person.id });
  const existing = (reflections as LocalRecord<ActivityReflectionRecord>[] | undefined)?.find(
    (r) => r.data.activityId === activity.id,
  );
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const own = attendance.find((a) => a.data.teacherId === me.person.id);
  const value = text ?? existing?.data.text ?? '';

  const onSave = async () => {
    setError(null);
    try {
      await save('activity_reflection', existing?.id ?? null, {
        activityId: activity.id,
        teacherId: me.person.id,
        text: value,
      });
      toast(t('activities.teacher.saved'));
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <>
      <Card title={t('activities.teacher.myAttendance')}>
        {own && own.data.days.length > 0 ? (
          <ul className="plain-list">
            {own.data.days.map((d) => (
              <li key={d.date}>
                {formatDate(d.date)}{' '}
                <Badge tone={markTone(d.mark)}>{t(`activities.marks.${d.mark}`)}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('activities.teacher.noAttendance')}</p>
        )}
      </Card>
      <Card title={t('activities.page.agreements')}>
        {activity.data.agreements.length > 0 ? (
          <ul>
            {activity.data.agreements.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p>{t('activities.teacher.noAgreements')}</p>
        )}
      </Card>
      <Card title={t('activities.teacher.reflection')}>
        <TextareaField
          id="activity-reflection"
          label={t('activities.teacher.reflectionLabel')}
          hint={t('activities.teacher.reflectionHint')}
          rows={4}
          value={value}
          onChange={(event) => setText(event.target.value)}
        />
        <SaveError error={error} />
        <Button onClick={() => void onSave()}>{t('activities.teacher.save')}</Button>
      </Card>
    </>
  );
}
