import type { CoachDetail } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getCoach } from '../../app/api/endpoints.ts';
import { formatDate, formatNumber } from '../../app/i18n/index.ts';
import { DetailPage } from '../../ui/DetailPage.tsx';
import { useVocabulary } from '../../ui/vocabulary.ts';

// A coach: profile, current caseload (teachers masked for their formador) and network teams.

function CoachBody({ coach }: { coach: CoachDetail }) {
  const { t } = useTranslation();
  const label = useVocabulary();
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
          <p className="notice notice--warning">
            {t('coach.above', { max: formatNumber(coach.caseloadMax) })}
          </p>
        ) : null}
        {anyMasked ? <p className="notice notice--info">{t('coach.maskedNote')}</p> : null}
        {coach.caseload.length === 0 ? (
          <p className="empty">{t('coach.empty')}</p>
        ) : (
          <ul className="cards">
            {coach.caseload.map((entry) => (
              <li className="card" key={entry.id}>
                <h3 className="card__title">
                  {entry.teacher ? (
                    <Link to={`/docentes/${entry.teacher.id}`}>{entry.teacher.displayName}</Link>
                  ) : (
                    t('coach.masked')
                  )}
                </h3>
                <dl className="card__facts">
                  {entry.schools.length > 0 ? (
                    <div>
                      <dt>{t('rosters.teachers.schools')}</dt>
                      <dd>{entry.schools.map((s) => s.name).join(', ')}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t('teacher.intervention')}</dt>
                    <dd>
                      {entry.intervention}
                      {entry.specialty ? ` · ${label('specialties', entry.specialty)}` : null}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('coach.start')}</dt>
                    <dd>{formatDate(entry.validFrom)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="equipos">
        <h2 id="equipos">{t('coach.teams')}</h2>
        {coach.networkTeams.length === 0 ? (
          <p className="empty">{t('coach.noTeams')}</p>
        ) : (
          <ul className="plain-list">
            {coach.networkTeams.map((team) => (
              <li key={`${team.network.id}-${team.schoolYear}`}>
                {t('coach.team', { network: team.network.name, year: team.schoolYear })}
                {' · '}
                {label('specialties', team.specialty)}
              </li>
            ))}
          </ul>
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
