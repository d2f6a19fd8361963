import type { SchoolItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { listSchools } from '../../app/api/endpoints.ts';
import { SchoolCard } from './cards.tsx';
import { RosterPage } from './RosterPage.tsx';

// Schools (instituciones educativas) inside the person's scope.

const keyOf = (school: SchoolItem) => school.id;
const renderItem = (school: SchoolItem) => <SchoolCard school={school} />;

export default function SchoolsPage() {
  const { t } = useTranslation();
  return (
    <RosterPage
      title={t('rosters.schools.title')}
      ability="school:read"
      searchHint={t('rosters.searchHintSchools')}
      fetchPage={listSchools}
      keyOf={keyOf}
      renderItem={renderItem}
      shown={(count, n) => t('rosters.schools.shown', { count, n })}
      empty={(q) => (q ? t('rosters.schools.emptySearch', { q }) : t('rosters.schools.empty'))}
    />
  );
}
