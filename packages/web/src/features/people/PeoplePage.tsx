import {
  ACCOUNT_STATUSES,
  MANAGES,
  type PersonItem,
  REGISTRABLE_ROLES,
  ROLES,
  type Role,
} from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/roles.ts';
import { useSearchParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { IconIdCard } from '../../ui/icons.ts';
import { ListItem } from '../../ui/ListItem.tsx';
import type { FilterDef } from '../rosters/FilterPanel.tsx';
import { RosterPage } from '../rosters/RosterPage.tsx';
import { listPeople } from './api.ts';
import { STATUS_TONE } from './labels.ts';

// «Personas» (issue 14): everyone working in the supervisor's territory, searched by name or
// DNI and filtered by role and account status (and by school, from a link: ?school=…). Each
// row leads to the person's page. Online only: it is administration, not field work.

function PersonRow({ person }: { person: PersonItem }) {
  const { t } = useTranslation();
  const roles = person.roles.map((role) => t(`roles.${role}`)).join(', ') || t('people.noRole');
  return (
    <ListItem
      to={`/personas/${person.id}`}
      icon={IconIdCard}
      title={person.displayName}
      secondary={roles}
      meta={[`${t('person.dni')} ${person.dni}`, ...person.schools.map((s) => s.name)].join(' · ')}
      badge={<Badge tone={STATUS_TONE[person.status]}>{t(`people.status.${person.status}`)}</Badge>}
    />
  );
}

const keyOf = (person: PersonItem) => person.id;
const renderItem = (person: PersonItem) => <PersonRow person={person} />;

export default function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  // The registration forms offered: the roles this person's roles administer (the policy's
  // MANAGES; equipo MINEDU registers no coaches, the especialista no especialistas).
  const manages = (role: Role) => me.roles.some((v) => MANAGES[v.role].includes(role));
  // A director's sheet is their school's, without having to filter by it first.
  const school =
    params.get('school') ??
    me.roles.find((r) => r.role === 'director' && r.scope.level === 'school')?.scope.id ??
    null;
  const filters: FilterDef[] = [
    {
      name: 'role',
      label: t('people.filters.role'),
      options: ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
    },
    {
      name: 'status',
      label: t('people.filters.status'),
      options: ACCOUNT_STATUSES.map((status) => ({
        value: status,
        label: t(`people.status.${status}`),
      })),
    },
  ];
  return (
    <RosterPage
      title={t('people.title')}
      ability="person:read"
      searchHint={t('people.searchHint')}
      fetchPage={listPeople}
      keyOf={keyOf}
      renderItem={renderItem}
      shown={(count, n) => t('people.shown', { count, n })}
      empty={(q) => (q ? t('people.emptySearch', { q }) : t('people.empty'))}
      filters={filters}
      linkFilters={['school']}
      action={
        <>
          {can(me, 'role_assignment:create') && manages('acompanante') ? (
            <ButtonLink to="/personas/registrar-acompanante" variant="secondary">
              {t('registerCoach.open')}
            </ButtonLink>
          ) : null}
          {can(me, 'role_assignment:create') && REGISTRABLE_ROLES.some((role) => manages(role)) ? (
            <ButtonLink to="/personas/registrar" variant="secondary">
              {t('registerPerson.open')}
            </ButtonLink>
          ) : null}
          {school && can(me, 'activation_sheet:create') ? (
            <ButtonLink to={`/personas/hoja-activacion?school=${school}`} variant="secondary">
              {t('sheet.open')}
            </ButtonLink>
          ) : null}
        </>
      }
    />
  );
}
