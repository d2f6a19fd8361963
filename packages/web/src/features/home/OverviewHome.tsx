import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../app/api/endpoints.ts';
import { listSchools, listTeachers } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { can } from '../../app/roles.ts';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { type ApiData, useApiData } from '../../ui/useApiData.ts';
import type { HomeProps } from './types.ts';
import WarningsPanel from './WarningsPanel.tsx';

// Especialista (UGEL/DRE) and MINEDU homes: how much of the territory they can see, with the
// way into the lists. Counts come from the first page; a further page reads as "50 o más".

const LIMIT = 50;

function Figure({ label, data }: { label: string; data: ApiData<Page<unknown>> }) {
  const { t } = useTranslation();
  let value: ReactNode;
  if (data.status === 'loading') value = <Loading />;
  else if (data.status === 'error') {
    value = <ErrorNotice error={data.error} onRetry={data.reload} />;
  } else {
    const n = formatNumber(data.data.items.length);
    value = data.data.nextCursor ? t('home.overview.atLeast', { n }) : n;
  }
  return (
    <div className="stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{value}</dd>
    </div>
  );
}

export default function OverviewHome({ me, scopeName }: HomeProps) {
  const canTeachers = can(me, 'teacher:read');
  const schools = useApiData('overview-schools', (signal) => listSchools({ limit: LIMIT }, signal));
  const teachers = useApiData('overview-teachers', (signal) =>
    canTeachers
      ? listTeachers({ limit: LIMIT }, signal)
      : Promise.resolve({ items: [], nextCursor: null }),
  );

  return (
    <>
      <FiguresSection
        me={me}
        scopeName={scopeName}
        canTeachers={canTeachers}
        schools={schools}
        teachers={teachers}
      />
      {can(me, 'roster_warning:read') ? <WarningsPanel scopeName={scopeName} /> : null}
    </>
  );
}

function FiguresSection({
  me,
  scopeName,
  canTeachers,
  schools,
  teachers,
}: {
  me: HomeProps['me'];
  scopeName: string;
  canTeachers: boolean;
  schools: ApiData<Page<unknown>>;
  teachers: ApiData<Page<unknown>>;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="cifras">
      <h2 id="cifras">{t('home.overview.figures')}</h2>
      <p>{t('home.overview.figuresNote', { scope: scopeName })}</p>
      <dl className="stats">
        <Figure label={t('home.overview.schools')} data={schools} />
        {canTeachers ? <Figure label={t('home.overview.teachers')} data={teachers} /> : null}
      </dl>
      <ul className="link-list">
        <li>
          <Link to="/instituciones" className="button button--secondary">
            {t('home.overview.seeSchools')}
          </Link>
        </li>
        {canTeachers ? (
          <li>
            <Link to="/docentes" className="button button--secondary">
              {t('home.overview.seeTeachers')}
            </Link>
          </li>
        ) : null}
        {can(me, 'coach:read') ? (
          <li>
            <Link to="/acompanantes" className="button button--secondary">
              {t('home.overview.seeCoaches')}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
