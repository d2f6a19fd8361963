import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  currentSchoolYear,
  type TargetPost,
  type TeacherPost,
} from '@acompana/core';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../offline/db.ts';
import { useMeta, useRecords, useReference } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { bySurname } from '../../offline/reference-order.ts';
import { Badge } from '../../ui/Badge.tsx';
import { IconUsers } from '../../ui/icons.ts';
import { CappedList, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { caseloadTargets, type StoredTargets, targetPostOf } from './targets.ts';

// The coach's day, collective half of the metas físicas: GIA, talleres and family meetings held
// with the caseload this school year and what each teacher attended, against the catalogue's
// targets (docs/ACTIVITIES.md, "Counting toward targets"). All from the device.

type Kind = 'gia' | 'ria' | 'taller' | 'reunion_familias';

export default function CaseloadTargets() {
  const { t } = useTranslation();
  const activities = useRecords('activity');
  const attendances = useRecords('activity_attendance');
  const caseload = useReference('teacher');
  const details = useReference('teacherDetail');
  const targets = useMeta<StoredTargets>('screens.targets');
  const year = currentSchoolYear();
  if (!activities || !attendances || !caseload || !details) return <Skeleton lines={3} />;

  const posts = new Map<string, TargetPost | null>(
    details.map((d) => [
      d.id,
      targetPostOf(d.data.posts as Pick<TeacherPost, 'schoolYear' | 'level' | 'grades'>[], year),
    ]),
  );
  const model = caseloadTargets({
    year,
    caseload: bySurname(caseload).map((r) => r.data as unknown as CaseloadTeacher),
    posts,
    targets,
    activities: new Map(
      (activities as LocalRecord<ActivityRecord>[]).map((a) => [a.id, a.data] as const),
    ),
    attendances: (attendances as LocalRecord<ActivityAttendanceRecord>[]).map((a) => a.data),
  });
  const kindName = (kind: string) => t(`activityTargets.kinds.${kind as Kind}`);
  // The catalogue is stored but has no collective targets for these teachers: nothing to show.
  if (targets && model.teachers.length === 0) return null;

  return (
    <section className="section" aria-labelledby="dia-metas-actividades">
      <h3 id="dia-metas-actividades">{t('activityTargets.caseloadTitle', { year })}</h3>
      {!targets ? (
        <p>{t('activityTargets.noTargets')}</p>
      ) : (
        <>
          <p>{t('activityTargets.caseloadIntro')}</p>
          <StatGroup compact>
            {model.summary.map((row) => (
              <Stat
                key={row.kind}
                label={t('activityTargets.held', { kind: kindName(row.kind) })}
                value={t('activityTargets.value', { done: row.held, target: row.target })}
              />
            ))}
          </StatGroup>
          <CappedList
            labelledBy="dia-metas-actividades"
            items={model.teachers.map((teacher) => (
              <ListItem
                key={teacher.teacherId}
                to={`/docentes/${teacher.teacherId}/plan`}
                icon={IconUsers}
                title={teacher.displayName}
                secondary={teacher.rows
                  .map((row) =>
                    t('activityTargets.teacherLine', {
                      kind: kindName(row.kind),
                      done: row.done,
                      target: row.target,
                    }),
                  )
                  .join(' · ')}
                badge={
                  teacher.missed > 0 ? (
                    <Badge tone="warning">
                      {t('activityTargets.missed', { count: teacher.missed })}
                    </Badge>
                  ) : undefined
                }
              />
            ))}
          />
        </>
      )}
    </section>
  );
}
