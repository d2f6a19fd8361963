import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  type AttendanceMark,
  activityDates,
  arrivalWithin,
  attendanceIdOf,
  limaToday,
} from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import type { LocalRecord } from '../../offline/db.ts';
import { useSaveRecord } from '../../offline/hooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { SaveError } from '../visits/parts.tsx';
import { hoursAfterTap } from './editing.ts';
import { limaTimeNow, markTone, nextMark } from './parts.ts';

// Attendance as one tap per person: each invited teacher of the coach's caseload is a row
// whose button cycles the day's mark (asistió → faltó → justificó). A taller picks the day
// first. Each teacher's marks are their own record (activity_attendance), so two coaches
// marking their own teachers never touch the same record. Teachers of a co-organiser show
// their mark read-only. Marking someone present on the activity's first day, that same day,
// records their arrival time; the hours attended follow the schedule of the days present, and
// hours corrected by hand (HoursEditor) are kept, lowered only to what the days allow.

export function Attendance({
  activity,
  attendance,
  names,
  mine,
}: {
  activity: LocalRecord<ActivityRecord>;
  attendance: LocalRecord<ActivityAttendanceRecord>[];
  names: Map<string, string>;
  /** Teachers this coach marks (their current caseload). */
  mine: Set<string>;
}) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const dates = activityDates(activity.data);
  const [day, setDay] = useState(dates[0] ?? activity.data.startDate);
  const [error, setError] = useState<unknown>(null);
  const byTeacher = new Map(attendance.map((a) => [a.data.teacherId, a.data]));
  const markOf = (teacherId: string): AttendanceMark | null =>
    byTeacher.get(teacherId)?.days.find((d) => d.date === day)?.mark ?? null;
  const present = activity.data.inviteeIds.filter((id) => markOf(id) === 'present').length;
  const arrivalOf = (teacherId: string) => {
    const arrived = byTeacher.get(teacherId)?.arrivedAt;
    return arrived && day === activity.data.startDate
      ? t('activities.page.arrived', { time: arrived })
      : undefined;
  };

  const tap = async (teacherId: string) => {
    setError(null);
    const current = byTeacher.get(teacherId);
    const days = (current?.days ?? []).filter((d) => d.date !== day);
    const mark = nextMark(markOf(teacherId));
    days.push({ date: day, mark });
    days.sort((a, b) => a.date.localeCompare(b.date));
    // The tap's clock is the arrival only while the activity's schedule runs (a mark made
    // after it ended says nothing about when the teacher came; it can be set by hand).
    const now = limaTimeNow();
    const arriving =
      mark === 'present' &&
      day === activity.data.startDate &&
      day === limaToday() &&
      arrivalWithin(activity.data, now);
    const arrivedAt = current?.arrivedAt ?? (arriving ? now : null);
    try {
      await save('activity_attendance', attendanceIdOf(activity.id, teacherId), {
        activityId: activity.id,
        teacherId,
        days,
        hours: hoursAfterTap(activity.data, current, days),
        arrivedAt,
      });
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Card title={t('activities.page.attendance')}>
      <p>{t('activities.page.attendanceHint')}</p>
      {dates.length > 1 ? (
        <SegmentedControl<string>
          label={t('activities.page.when')}
          options={dates.map((date, i) => ({
            value: date,
            label: String(i + 1),
            description: formatDate(date),
          }))}
          value={day}
          onChange={setDay}
        />
      ) : null}
      <p>{t('activities.page.present', { present, total: activity.data.inviteeIds.length })}</p>
      <List label={t('activities.page.attendance')}>
        {activity.data.inviteeIds.map((teacherId) => {
          const mark = markOf(teacherId);
          const name = names.get(teacherId) || t('activities.page.teacher');
          const label = t(`activities.marks.${mark ?? 'none'}`);
          return (
            <ListItem
              key={teacherId}
              title={name}
              badge={mine.has(teacherId) ? undefined : <Badge tone={markTone(mark)}>{label}</Badge>}
              secondary={
                mine.has(teacherId) ? arrivalOf(teacherId) : t('activities.page.othersMark')
              }
              action={
                mine.has(teacherId) ? (
                  <Button
                    variant="secondary"
                    aria-label={`${name}: ${label}`}
                    onClick={() => void tap(teacherId)}
                  >
                    {label}
                  </Button>
                ) : undefined
              }
            />
          );
        })}
      </List>
      <SaveError error={error} />
    </Card>
  );
}
