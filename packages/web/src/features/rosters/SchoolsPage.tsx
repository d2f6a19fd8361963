import type { SchoolItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { listSchools } from '../../app/api/endpoints.ts';
import { deviceSchools } from '../../offline/reference-screens.ts';
import { codesOf, useVocabulary } from '../../ui/vocabulary.ts';
import { SchoolRow } from './cards.tsx';
import type { FilterDef } from './FilterPanel.tsx';
import { useInterventionOptions, useTerritoryOptions } from './options.ts';
import { RosterPage } from './RosterPage.tsx';

// Schools (instituciones educativas) inside the person's scope, with padrón filters.

const keyOf = (school: SchoolItem) => school.id;

export default function SchoolsPage() {
  const { t } = useTranslation();
  const label = useVocabulary();
  const { ugels, networks } = useTerritoryOptions();
  const interventions = useInterventionOptions();
  const names = new Map(interventions.map((option) => [option.value, option.label]));
  const interventionName = (code: string) => names.get(code) ?? code;
  const renderItem = (school: SchoolItem) => (
    <SchoolRow school={school} interventionName={interventionName} />
  );
  const filters: FilterDef[] = [
    ...(ugels.length > 1
      ? [{ name: 'ugel', label: t('rosters.filters.ugel'), options: ugels }]
      : []),
    ...(networks.length > 0
      ? [{ name: 'network', label: t('rosters.filters.network'), options: networks }]
      : []),
    {
      name: 'level',
      label: t('rosters.filters.level'),
      options: codesOf('levels').map((code) => ({ value: code, label: label('levels', code) })),
    },
    {
      name: 'characteristic',
      label: t('rosters.filters.characteristic'),
      options: codesOf('characteristics').map((code) => ({
        value: code,
        label: label('characteristics', code),
      })),
    },
    {
      name: 'area',
      label: t('rosters.filters.area'),
      options: codesOf('areas').map((code) => ({ value: code, label: label('areas', code) })),
    },
    { name: 'intervention', label: t('rosters.filters.intervention'), options: interventions },
    {
      name: 'active',
      label: t('rosters.filters.state'),
      options: [
        { value: 'true', label: t('rosters.filters.activeYes') },
        { value: 'false', label: t('rosters.filters.activeNo') },
      ],
    },
  ];
  return (
    <RosterPage
      title={t('rosters.schools.title')}
      ability="school:read"
      searchHint={t('rosters.searchHintSchools')}
      fetchPage={listSchools}
      local={deviceSchools}
      keyOf={keyOf}
      renderItem={renderItem}
      shown={(count, n) => t('rosters.schools.shown', { count, n })}
      empty={(q) => (q ? t('rosters.schools.emptySearch', { q }) : t('rosters.schools.empty'))}
      filters={filters}
    />
  );
}
