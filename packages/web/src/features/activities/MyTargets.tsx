import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  activityProgress,
  activityTargetsFor,
  currentSchoolYear,
  type TeacherDetail,
  tallyAttendance,
} from '@acompana/core';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../offline/db.ts';
import { useMeta, useRecords, useReference } from '../../offline/hooks.ts';
import { Card } from '../../ui/Card.tsx';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { type StoredTargets, storedRules, targetPostOf } from './targets.ts';

// «Mis GIA y talleres»: the teacher's attended activities this school year against their
// intervention's catalogue targets as the device stores them (docs/ACTIVITIES.md, "Counting").
// The targets are those of the teacher's level and grades (their stored detail); with the
// post unknown, the intervention's highest of each kind (core `activityTargetsFor`).

export function MyTargets({
  teacherId,
  activities,
}: {
  teacherId: string;
  activities: LocalRecord<ActivityRecord>[];
}) {
  const { t } = useTranslation();
  const attendance = useRecords('activity_attendance', { teacherId });
  const targets = useMeta<StoredTargets>('screens.targets');
  const details = useReference('teacherDetail');
  const year = currentSchoolYear();
  if (!attendance || !details) return null;
  const detail = details.find((d) => d.id === teacherId)?.data as
    | Pick<TeacherDetail, 'posts' | 'caseloads'>
    | undefined;
  // The teacher's intervention: their current caseload's, else their activities'.
  const code =
    detail?.caseloads.find((c) => c.current)?.intervention ?? activities[0]?.data.interventionCode;
  const rules = storedRules(targets, code, year);
  if (!rules) return null;
  const post = targetPostOf(detail?.posts, year);
  const tally = tallyAttendance(
    teacherId,
    year,
    new Map(activities.map((a) => [a.id, a.data])),
    (attendance as LocalRecord<ActivityAttendanceRecord>[]).map((a) => a.data),
  );
  const rows = activityProgress(tally, activityTargetsFor(rules, post));
  if (rows.length === 0) return null;
  return (
    <Card title={t('activityTargets.title', { year })}>
      <StatGroup compact>
        {rows.map((row) => (
          <Stat
            key={row.kind}
            label={t(
              `activityTargets.kinds.${row.kind as 'gia' | 'ria' | 'taller' | 'reunion_familias'}`,
            )}
            value={t('activityTargets.value', { done: row.done, target: row.target })}
          />
        ))}
        {tally.tallerDays > 0 ? (
          <Stat label={t('activityTargets.tallerDays')} value={String(tally.tallerDays)} />
        ) : null}
      </StatGroup>
    </Card>
  );
}
