import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  AppError,
  arrivalWindow,
  attendanceIdOf,
  attendanceRefusal,
  maxAttendedHours,
} from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../offline/db.ts';
import { useSaveRecord } from '../../offline/hooks.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { SaveError } from '../visits/parts.tsx';
import { parseHours } from './editing.ts';

// Correcting by hand what the tap recorded: a teacher's hours attended and arrival time. Only
// teachers this coach marks and who already have a mark; the same core rule as the device
// store and the server (attendanceRefusal) judges the values first, so the message sits on
// the field it is about. Saving writes only these two fields: the marks stay as they are.

const hoursText = (hours: number | null) => (hours === null ? '' : String(hours).replace('.', ','));

export function HoursEditor({
  activity,
  attendance,
  names,
  mine,
}: {
  activity: LocalRecord<ActivityRecord>;
  attendance: LocalRecord<ActivityAttendanceRecord>[];
  names: Map<string, string>;
  mine: Set<string>;
}) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const marked = activity.data.inviteeIds
    .map((id) => attendance.find((r) => r.data.teacherId === id))
    .filter((r): r is LocalRecord<ActivityAttendanceRecord> => !!r && mine.has(r.data.teacherId));
  const [teacherId, setTeacherId] = useState('');
  const [hours, setHours] = useState('');
  const [arrival, setArrival] = useState('');
  const [errors, setErrors] = useState<{ hours?: string; arrival?: string }>({});
  const [error, setError] = useState<unknown>(null);
  if (marked.length === 0) return null;

  const record = marked.find((r) => r.data.teacherId === teacherId) ?? null;
  const pick = (id: string) => {
    const chosen = marked.find((r) => r.data.teacherId === id);
    setTeacherId(id);
    setHours(hoursText(chosen?.data.hours ?? null));
    setArrival(chosen?.data.arrivedAt ?? '');
    setErrors({});
    setError(null);
  };
  const bounds = arrivalWindow(activity.data);
  const max = record ? maxAttendedHours(activity.data, record.data.days) : null;

  const onSave = async () => {
    if (!record) return;
    setError(null);
    const parsed = parseHours(hours);
    if (parsed === 'invalid') {
      setErrors({ hours: t('activities.hours.notNumber') });
      return;
    }
    const next = { ...record.data, hours: parsed, arrivedAt: arrival || null };
    const refusal = attendanceRefusal(next, activity.data);
    if (refusal) {
      const onArrival = refusal.code === 'ACTIVITY_ARRIVAL_OUT_OF_RANGE';
      setErrors(onArrival ? { arrival: refusal.message } : { hours: refusal.message });
      return;
    }
    setErrors({});
    try {
      await save('activity_attendance', attendanceIdOf(activity.id, record.data.teacherId), {
        hours: next.hours,
        arrivedAt: next.arrivedAt,
      });
      toast(t('activities.hours.saved'));
    } catch (cause) {
      // The store's own check (the same rules) or the schema: on its field when it names one.
      if (cause instanceof AppError && cause.code === 'ACTIVITY_ARRIVAL_OUT_OF_RANGE') {
        setErrors({ arrival: cause.message });
      } else if (cause instanceof AppError && cause.code === 'ACTIVITY_HOURS_INVALID') {
        setErrors({ hours: cause.message });
      } else setError(cause);
    }
  };

  return (
    <Card title={t('activities.hours.title')}>
      <p>{t('activities.hours.intro')}</p>
      <SelectField
        id="hours-teacher"
        label={t('activities.hours.teacher')}
        value={teacherId}
        onChange={(event) => pick(event.target.value)}
      >
        <option value="">{t('activities.hours.chooseTeacher')}</option>
        {marked.map((r) => (
          <option key={r.data.teacherId} value={r.data.teacherId}>
            {names.get(r.data.teacherId) || t('activities.page.teacher')}
          </option>
        ))}
      </SelectField>
      {record ? (
        <>
          <TextField
            id="hours-hours"
            label={t('activities.hours.hours')}
            hint={t('activities.hours.hoursHint', { max: hoursText(max) })}
            inputMode="decimal"
            autoComplete="off"
            value={hours}
            error={errors.hours}
            onChange={(event) => setHours(event.target.value)}
          />
          <TextField
            id="hours-arrival"
            label={t('activities.hours.arrival')}
            hint={t('activities.hours.arrivalHint', bounds)}
            type="time"
            value={arrival}
            error={errors.arrival}
            onChange={(event) => setArrival(event.target.value)}
          />
          <SaveError error={error} />
          <Button variant="secondary" onClick={() => void onSave()}>
            {t('activities.hours.save')}
          </Button>
        </>
      ) : null}
    </Card>
  );
}
