import type { TeacherItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { listTeachers } from '../../app/api/endpoints.ts';
import { deviceTeachers } from '../../offline/reference-screens.ts';
import { TeacherRow } from '../home/TeacherRows.tsx';
import type { FilterDef } from './FilterPanel.tsx';
import { useInterventionOptions, useTerritoryOptions } from './options.ts';
import { RosterPage } from './RosterPage.tsx';

// Teachers the person may see; the server applies the privacy scope (a formador gets 403).

const keyOf = (teacher: TeacherItem) => teacher.id;
const renderItem = (teacher: TeacherItem) => <TeacherRow teacher={teacher} />;
const LINK_FILTERS = ['school'];

export default function TeachersPage() {
  const { t } = useTranslation();
  const { ugels, networks } = useTerritoryOptions();
  const interventions = useInterventionOptions();
  const filters: FilterDef[] = [
    ...(ugels.length > 1
      ? [{ name: 'ugel', label: t('rosters.filters.ugel'), options: ugels }]
      : []),
    ...(networks.length > 0
      ? [{ name: 'network', label: t('rosters.filters.network'), options: networks }]
      : []),
    { name: 'intervention', label: t('rosters.filters.intervention'), options: interventions },
    {
      name: 'withoutCoach',
      label: t('rosters.filters.coverage'),
      options: [
        { value: 'true', label: t('rosters.filters.withoutCoach') },
        { value: 'false', label: t('rosters.filters.withCoach') },
      ],
    },
  ];
  return (
    <RosterPage
      title={t('rosters.teachers.title')}
      ability="teacher:read"
      searchHint={t('rosters.searchHintTeachers')}
      fetchPage={listTeachers}
      local={deviceTeachers}
      keyOf={keyOf}
      renderItem={renderItem}
      shown={(count, n) => t('rosters.teachers.shown', { count, n })}
      empty={(q) => (q ? t('rosters.teachers.emptySearch', { q }) : t('rosters.teachers.empty'))}
      filters={filters}
      linkFilters={LINK_FILTERS}
    />
  );
}
