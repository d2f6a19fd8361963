import type { CoachDetail } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { getCoach } from '../../app/api/endpoints.ts';
import { formatDate, formatNumber } from '../../app/i18n/index.ts';
import { useParams } from '../../app/router.tsx';
import { DetailPage } from '../../ui/DetailPage.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconUser, IconUsers } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useVocabulary } from '../../ui/vocabulary.ts';
import { useInterventionName } from '../rosters/options.ts';

// A coach: profile, current caseload (teachers masked for their formador) and network teams.

function CoachBody({ coach }: { coach: CoachDetail }) {
  const { t } = useTranslation();
  const label = useVocabulary();
  const interventionName = useInterventionName();
  const anyMasked = coach.caseload.some((entry) => entry.masked);
  return (
    <>
      <section className="section" aria-labelledby="perfil">
        <h2 id="perfil">{t('coach.profile')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('coach.dni')}</dt>
            <dd>{coach.dni}</dd>
          </div>
          <div>
            <dt>{t('coach.kind')}</dt>
            <dd>{label('coachKinds', coach.kind)}</dd>
          </div>
          {coach.specialty ? (
            <div>
              <dt>{t('coach.specialty')}</dt>
              <dd>{label('specialties', coach.specialty)}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="section" aria-labelledby="grupo">
        <h2 id="grupo">{t('coach.caseload')}</h2>
        <p className="count">
          {t('coach.caseloadCount', {
            n: formatNumber(coach.caseloadSize),
            max: formatNumber(coach.caseloadMax),
          })}
        </p>
        {coach.aboveRange ? (
          <Notice tone="warning" live={false}>
            {t('coach.above', { max: formatNumber(coach.caseloadMax) })}
          </Notice>
        ) : null}
        {anyMasked ? <Notice live={false}>{t('coach.maskedNote')}</Notice> : null}
        {coach.caseload.length === 0 ? (
          <EmptyState title={t('coach.empty')} />
        ) : (
          <List labelledBy="grupo">
            {coach.caseload.map((entry) => (
              <ListItem
                key={entry.id}
                to={entry.teacher ? `/docentes/${entry.teacher.id}` : undefined}
                icon={IconUser}
                title={entry.teacher ? entry.teacher.displayName : t('coach.masked')}
                secondary={entry.schools.map((s) => s.name).join(', ') || undefined}
                meta={[
                  interventionName(entry.intervention),
                  label('specialties', entry.specialty),
                  `${t('coach.start')}: ${formatDate(entry.validFrom)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </List>
        )}
      </section>
      <section className="section" aria-labelledby="equipos">
        <h2 id="equipos">{t('coach.teams')}</h2>
        {coach.networkTeams.length === 0 ? (
          <EmptyState title={t('coach.noTeams')} />
        ) : (
          <List labelledBy="equipos">
            {coach.networkTeams.map((team) => (
              <ListItem
                key={`${team.network.id}-${team.schoolYear}`}
                icon={IconUsers}
                title={t('coach.team', { network: team.network.name, year: team.schoolYear })}
                secondary={label('specialties', team.specialty)}
              />
            ))}
          </List>
        )}
      </section>
    </>
  );
}

export default function CoachDetailPage() {
  const { id = '' } = useParams();
  return (
    <DetailPage
      id={id}
      load={getCoach}
      listPath="/acompanantes"
      titleOf={(coach) => coach.displayName}
      render={(coach) => <CoachBody coach={coach} />}
    />
  );
}
