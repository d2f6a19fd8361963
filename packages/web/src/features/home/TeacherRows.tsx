import type { TeacherItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { IconUser } from '../../ui/icons.ts';
import { ListItem } from '../../ui/ListItem.tsx';

// A teacher as a list row on the homes: who (name), where (schools), their coach, and a badge
// when they have none. The whole row opens the teacher's page.

/** `withCoach={false}` on the coach's own home, where the coach is always themself. */
export function TeacherRow({
  teacher,
  withCoach = true,
}: {
  teacher: TeacherItem;
  withCoach?: boolean;
}) {
  const { t } = useTranslation();
  const schools = teacher.schools.map((school) => school.name).join(', ');
  const coaches = teacher.coaches.map((coach) => coach.displayName).join(', ');
  return (
    <ListItem
      to={`/docentes/${teacher.id}`}
      icon={IconUser}
      title={teacher.displayName}
      secondary={schools || t('rosters.teachers.noSchool')}
      meta={
        coaches && withCoach
          ? `${t('rosters.teachers.coachesLabel', { count: teacher.coaches.length })}: ${coaches}`
          : undefined
      }
      badge={coaches ? undefined : <Badge tone="warning">{t('rosters.teachers.noCoach')}</Badge>}
    />
  );
}
