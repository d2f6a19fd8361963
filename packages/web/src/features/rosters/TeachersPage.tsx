import type { TeacherItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { listTeachers } from '../../app/api/endpoints.ts';
import { TeacherCard } from './cards.tsx';
import { RosterPage } from './RosterPage.tsx';

// Teachers the person may see; the server applies the privacy scope (a formador gets 403).

const keyOf = (teacher: TeacherItem) => teacher.id;
const renderItem = (teacher: TeacherItem) => <TeacherCard teacher={teacher} />;

export default function TeachersPage() {
  const { t } = useTranslation();
  return (
    <RosterPage
      title={t('rosters.teachers.title')}
      ability="teacher:read"
      searchHint={t('rosters.searchHintTeachers')}
      fetchPage={listTeachers}
      keyOf={keyOf}
      renderItem={renderItem}
      shown={(count, n) => t('rosters.teachers.shown', { count, n })}
      empty={(q) => (q ? t('rosters.teachers.emptySearch', { q }) : t('rosters.teachers.empty'))}
    />
  );
}
