import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api/endpoints.ts';
import { listSchools, listTeachers } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { can } from '../../app/roles.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { IconSchool, IconUserCheck, IconUsers } from '../../ui/icons.ts';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { type ApiData, useApiData } from '../../ui/useApiData.ts';
import type { HomeProps } from './types.ts';
import WarningsPanel from './WarningsPanel.tsx';

// Especialista (UGEL/DRE) and MINEDU homes: how much of the territory they can see, with the
// way into the lists. Each figure is the exact total the server counts within the person's
// reach (one row asked for, `total=true`), never "50 o más".

const COUNT_ONLY = { limit: 1, filters: { total: 'true' } };

/** The exact count of a list answer asked with `total=true`. */
export function overviewFigure(data: ApiData<Page<unknown>>): ReactNode {
  if (data.status === 'loading') return <Skeleton lines={1} />;
  if (data.status === 'error') return <ErrorNotice error={data.error} onRetry={data.reload} />;
  return formatNumber(data.data.total ?? data.data.items.length);
}

export default function OverviewHome({ me, scopeName }: HomeProps) {
  const { t } = useTranslation();
  const canTeachers = can(me, 'teacher:read');
  const schools = useApiData('overview-schools', (signal) => listSchools(COUNT_ONLY, signal));
  const teachers = useApiData('overview-teachers', (signal) =>
    canTeachers
      ? listTeachers(COUNT_ONLY, signal)
      : Promise.resolve({ items: [], nextCursor: null, total: 0 }),
  );

  return (
    <>
      <section className="section" aria-labelledby="cifras">
        <h2 id="cifras">{t('home.overview.figures')}</h2>
        <p>{t('home.overview.figuresNote', { scope: scopeName })}</p>
        <StatGroup>
          <Stat label={t('home.overview.schools')} value={overviewFigure(schools)} />
          {canTeachers ? (
            <Stat label={t('home.overview.teachers')} value={overviewFigure(teachers)} />
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
          {can(me, 'caseload:create') ? (
            <ButtonLink to="/asignaciones" variant="secondary" icon={IconUsers}>
              {t('home.overview.seeCaseloads')}
            </ButtonLink>
          ) : null}
        </div>
      </section>
      {can(me, 'roster_warning:read') ? <WarningsPanel scopeName={scopeName} /> : null}
    </>
  );
}
