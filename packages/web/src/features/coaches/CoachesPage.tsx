import type { CoachItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listCoaches } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { codesOf, useVocabulary } from '../../ui/vocabulary.ts';
import type { FilterDef } from '../rosters/FilterPanel.tsx';
import { useTerritoryOptions } from '../rosters/options.ts';
import { RosterPage } from '../rosters/RosterPage.tsx';

// Coaches (acompañantes of every kind) with their caseload size against the maximum.

function CoachCard({ coach }: { coach: CoachItem }) {
  const { t } = useTranslation();
  const label = useVocabulary();
  return (
    <li className={coach.aboveRange ? 'card card--warning' : 'card'}>
      <h3 className="card__title">
        <Link to={`/acompanantes/${coach.id}`}>{coach.displayName}</Link>
        {coach.aboveRange ? (
          <span className="badge badge--warning">{t('rosters.coaches.above')}</span>
        ) : null}
      </h3>
      <dl className="card__facts">
        <div>
          <dt>{t('rosters.coaches.kind')}</dt>
          <dd>{label('coachKinds', coach.kind)}</dd>
        </div>
        {coach.specialty ? (
          <div>
            <dt>{t('rosters.coaches.specialty')}</dt>
            <dd>{label('specialties', coach.specialty)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('rosters.coaches.caseload')}</dt>
          <dd>
            {t('rosters.coaches.caseloadOf', {
              n: formatNumber(coach.caseloadSize),
              max: formatNumber(coach.caseloadMax),
            })}
          </dd>
        </div>
      </dl>
    </li>
  );
}

const keyOf = (coach: CoachItem) => coach.id;
const renderItem = (coach: CoachItem) => <CoachCard coach={coach} />;

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
