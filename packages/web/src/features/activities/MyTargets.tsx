import {
  type ActivityAttendanceRecord,
  type ActivityKind,
  type ActivityRecord,
  activityProgress,
  currentSchoolYear,
  tallyAttendance,
} from '@acompana/core';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../offline/db.ts';
import { useMeta, useRecords } from '../../offline/hooks.ts';
import { Card } from '../../ui/Card.tsx';
import { Stat, StatGroup } from '../../ui/Stat.tsx';

// «Mis GIA y talleres»: the teacher's attended activities this school year against their
// intervention's catalogue targets as the device stores them (docs/ACTIVITIES.md, "Counting").
// The device does not know the teacher's grade, so each kind shows the catalogue's highest
// yearly target of the intervention.

type StoredTargets = Record<
  string,
  { year: number; rules: { activityKind: ActivityKind; perYear: number }[] }
>;

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
  const year = currentSchoolYear();
  const code = activities[0]?.data.interventionCode;
  const ofCode = code ? targets?.[code] : undefined;
  if (!attendance || !ofCode || ofCode.year !== year) return null;
  const highest = new Map<ActivityKind, number>();
  for (const r of ofCode.rules) {
    highest.set(r.activityKind, Math.max(highest.get(r.activityKind) ?? 0, r.perYear));
  }
  const tally = tallyAttendance(
    teacherId,
    year,
    new Map(activities.map((a) => [a.id, a.data])),
    (attendance as LocalRecord<ActivityAttendanceRecord>[]).map((a) => a.data),
  );
  const rows = activityProgress(
    tally,
    [...highest].map(([activityKind, perYear]) => ({ activityKind, perYear })),
  );
  if (rows.length === 0) return null;
  return (
    <Card title={t('activities.targets.title', { year })}>
      <StatGroup compact>
        {rows.map((row) => (
          <Stat
            key={row.kind}
            label={t(
              `activities.targets.kinds.${row.kind as 'gia' | 'ria' | 'taller' | 'reunion_familias'}`,
            )}
            value={t('activities.targets.value', { done: row.done, target: row.target })}
          />
        ))}
        {tally.tallerDays > 0 ? (
          <Stat label={t('activities.targets.tallerDays')} value={String(tally.tallerDays)} />
        ) : null}
      </StatGroup>
    </Card>
  );
}
