import { formatLimaDate, formatLimaDateTime, type PersonDetail } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/roles.ts';
import { Link, useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { DetailPage } from '../../ui/DetailPage.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconClock } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { getPerson } from './api.ts';
import { STATUS_TONE } from './labels.ts';
import { NO_OUTCOME, type Outcome, PersonActions } from './PersonActions.tsx';
import { PersonRoles } from './PersonRoles.tsx';

// A person's page (issue 14): who they are, their account, their roles with dates (ended ones
// kept), the account actions the server allows the asker, and the audited history of changes
// (only for the especialista of their UGEL and equipo MINEDU).

type Entry = NonNullable<PersonDetail['history']>[number];

function statusWord(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function HistoryItem({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const known = `person.audit.${entry.action}`;
  const title = t(known as 'person.audit.account.create', { defaultValue: entry.action });
  const before = statusWord((entry.detail.before as { status?: unknown } | undefined)?.status);
  const after = statusWord((entry.detail.after as { status?: unknown } | undefined)?.status);
  const change =
    before && after
      ? t('person.change', {
          before: t(`people.status.${before as 'none'}`, { defaultValue: before }),
          after: t(`people.status.${after as 'none'}`, { defaultValue: after }),
        })
      : undefined;
  return (
    <ListItem
      icon={IconClock}
      title={title}
      secondary={change}
      meta={t('person.historyBy', {
        who: entry.actorName ?? t('person.operator'),
        when: formatLimaDateTime(entry.at),
      })}
    />
  );
}

interface BodyProps {
  person: PersonDetail;
  reload: () => void;
  outcome: Outcome;
  onOutcome: (outcome: Outcome) => void;
}

function PersonBody({ person, reload, outcome, onOutcome }: BodyProps) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <section className="section" aria-labelledby="datos">
        <h2 id="datos">{t('person.data')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('person.dni')}</dt>
            <dd>{person.dni}</dd>
          </div>
          <div>
            <dt>{t('person.account')}</dt>
            <dd>
              <Badge tone={STATUS_TONE[person.status]}>{t(`people.status.${person.status}`)}</Badge>
            </dd>
          </div>
          <div>
            <dt>{t('person.currentRoles')}</dt>
            <dd>
              {person.roles.map((role) => t(`roles.${role}`)).join(', ') || t('people.noRole')}
            </dd>
          </div>
          {person.schools.length > 0 ? (
            <div>
              <dt>{t('person.schools')}</dt>
              <dd>
                {person.schools.map((school, i) => (
                  <span key={school.id}>
                    {i > 0 ? ', ' : null}
                    <Link to={`/personas?school=${school.id}`}>{school.name}</Link>
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
        {person.codeExpiresAt ? (
          <Notice tone="info" live={false}>
            {t('person.codeUntil', { date: formatLimaDate(person.codeExpiresAt) })}
          </Notice>
        ) : null}
      </section>
      <PersonRoles person={person} onChanged={reload} />
      {person.roles.includes('acompanante') && can(me, 'activation_sheet:create') ? (
        <p>
          <ButtonLink to={`/personas/hoja-activacion?coach=${person.id}`} variant="secondary">
            {t('sheet.openCaseload')}
          </ButtonLink>
        </p>
      ) : null}
      <PersonActions person={person} outcome={outcome} onOutcome={onOutcome} onChanged={reload} />
      {person.history ? (
        <section className="section" aria-labelledby="historial">
          <h2 id="historial">{t('person.history')}</h2>
          {person.history.length === 0 ? (
            <EmptyState title={t('person.historyEmpty')} />
          ) : (
            <List labelledBy="historial">
              {person.history.map((entry) => (
                <HistoryItem key={`${entry.at}-${entry.action}`} entry={entry} />
              ))}
            </List>
          )}
        </section>
      ) : null}
    </>
  );
}

export default function PersonPage() {
  const { id = '' } = useParams();
  return <PersonFrame key={id} id={id} />;
}

/** Keeps an action's outcome (a code shown once) across the reload that follows it. */
function PersonFrame({ id }: { id: string }) {
  const [outcome, setOutcome] = useState<Outcome>(NO_OUTCOME);
  return (
    <DetailPage
      id={id}
      load={getPerson}
      listPath="/personas"
      titleOf={(person) => person.displayName}
      render={(person, reload) => (
        <PersonBody person={person} reload={reload} outcome={outcome} onOutcome={setOutcome} />
      )}
    />
  );
}
