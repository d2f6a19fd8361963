import type { CoachItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { listCoaches } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { IconUserCheck } from '../../ui/icons.ts';
import { ListItem } from '../../ui/ListItem.tsx';
import { codesOf, useVocabulary } from '../../ui/vocabulary.ts';
import type { FilterDef } from '../rosters/FilterPanel.tsx';
import { useTerritoryOptions } from '../rosters/options.ts';
import { RosterPage } from '../rosters/RosterPage.tsx';

// Coaches (acompañantes of every kind) with their caseload size against the maximum.

/** A coach as a list row: who, what kind (and specialty), the caseload against the maximum,
 *  and "Supera el máximo" as a badge. The whole row opens the coach's page. */
function CoachRow({ coach }: { coach: CoachItem }) {
  const { t } = useTranslation();
  const label = useVocabulary();
  const kind = [label('coachKinds', coach.kind), label('specialties', coach.specialty)]
    .filter(Boolean)
    .join(' · ');
  return (
    <ListItem
      to={`/acompanantes/${coach.id}`}
      icon={IconUserCheck}
      title={coach.displayName}
      secondary={kind}
      meta={`${t('rosters.coaches.caseload')}: ${t('rosters.coaches.caseloadOf', {
        n: formatNumber(coach.caseloadSize),
        max: formatNumber(coach.caseloadMax),
      })}`}
      badge={
        coach.aboveRange ? <Badge tone="warning">{t('rosters.coaches.above')}</Badge> : undefined
      }
    />
  );
}

const keyOf = (coach: CoachItem) => coach.id;
const renderItem = (coach: CoachItem) => <CoachRow coach={coach} />;

export default function CoachesPage() {
  const { t } = useTranslation();
  const label = useVocabulary();
  const { ugels, networks } = useTerritoryOptions();
  const filters: FilterDef[] = [
    ...(ugels.length > 1
      ? [{ name: 'ugel', label: t('rosters.filters.ugel'), options: ugels }]
      : []),
    ...(networks.length > 0
      ? [{ name: 'network', label: t('rosters.filters.network'), options: networks }]
      : []),
    {
      name: 'kind',
      label: t('rosters.filters.kind'),
      options: codesOf('coachKinds').map((code) => ({
        value: code,
        label: label('coachKinds', code),
      })),
    },
    {
      name: 'specialty',
      label: t('rosters.filters.specialty'),
      options: codesOf('specialties').map((code) => ({
        value: code,
        label: label('specialties', code),
      })),
    },
    {
      name: 'aboveRange',
      label: t('rosters.filters.load'),
      options: [
        { value: 'true', label: t('rosters.filters.aboveRange') },
        { value: 'false', label: t('rosters.filters.withinRange') },
      ],
    },
  ];
  return (
    <RosterPage
      title={t('rosters.coaches.title')}
      ability="coach:read"
      searchHint={t('rosters.coaches.searchHint')}
      fetchPage={listCoaches}
      keyOf={keyOf}
      renderItem={renderItem}
      shown={(count, n) => t('rosters.coaches.shown', { count, n })}
      empty={(q) => (q ? t('rosters.coaches.emptySearch', { q }) : t('rosters.coaches.empty'))}
      filters={filters}
      linkFilters={['school']}
    />
  );
}
