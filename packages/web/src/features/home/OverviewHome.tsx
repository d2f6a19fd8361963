import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api/endpoints.ts';
import { listSchools, listTeachers } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { can } from '../../app/roles.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { IconSchool, IconUserCheck, IconUsers } from '../../ui/icons.ts';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { type ApiData, useApiData } from '../../ui/useApiData.ts';
import type { HomeProps } from './types.ts';
import WarningsPanel from './WarningsPanel.tsx';

// Especialista (UGEL/DRE) and MINEDU homes: how much of the territory they can see, with the
// way into the lists. Counts come from the first page; a further page reads as "50 o más".

const LIMIT = 50;

function figure(data: ApiData<Page<unknown>>, atLeast: (n: string) => string): ReactNode {
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorNotice error={data.error} onRetry={data.reload} />;
  const n = formatNumber(data.data.items.length);
  return data.data.nextCursor ? atLeast(n) : n;
}

export default function OverviewHome({ me, scopeName }: HomeProps) {
  const { t } = useTranslation();
  const canTeachers = can(me, 'teacher:read');
  const schools = useApiData('overview-schools', (signal) => listSchools({ limit: LIMIT }, signal));
  const teachers = useApiData('overview-teachers', (signal) =>
    canTeachers
      ? listTeachers({ limit: LIMIT }, signal)
      : Promise.resolve({ items: [], nextCursor: null }),
  );
  const atLeast = (n: string) => t('home.overview.atLeast', { n });

  return (
    <>
      <section className="section" aria-labelledby="cifras">
        <h2 id="cifras">{t('home.overview.figures')}</h2>
        <p>{t('home.overview.figuresNote', { scope: scopeName })}</p>
        <StatGroup>
          <Stat label={t('home.overview.schools')} value={figure(schools, atLeast)} />
          {canTeachers ? (
            <Stat label={t('home.overview.teachers')} value={figure(teachers, atLeast)} />
          ) : null}
        </StatGroup>
        <div className="button-row">
          <ButtonLink to="/instituciones" variant="secondary" icon={IconSchool}>
            {t('home.overview.seeSchools')}
          </ButtonLink>
          {canTeachers ? (
            <ButtonLink to="/docentes" variant="secondary" icon={IconUsers}>
              {t('home.overview.seeTeachers')}
            </ButtonLink>
          ) : null}
          {can(me, 'coach:read') ? (
            <ButtonLink to="/acompanantes" variant="secondary" icon={IconUserCheck}>
              {t('home.overview.seeCoaches')}
            </ButtonLink>
          ) : null}
        </div>
      </section>
      {can(me, 'roster_warning:read') ? <WarningsPanel scopeName={scopeName} /> : null}
    </>
  );
}
