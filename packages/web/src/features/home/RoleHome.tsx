import type { Role } from '@acompana/core';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTexts } from '../../app/i18n/index.ts';
import { NotFoundPage } from '../../app/pages.ts';
import { isRole, primaryRole, rolesOf, scopeNameOf } from '../../app/roles.ts';
import { Link, useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Loading } from '../../ui/Status.tsx';
import type { HomeProps } from './types.ts';

// `/` shows the home of the person's first role (ROLE_PRIORITY); `/inicio/<role>` shows any
// other role they hold. The heading renders at once; the body of each home is its own chunk.

type HomeBody = LazyExoticComponent<ComponentType<HomeProps>>;

const overview = lazy(() => import('./OverviewHome.tsx'));

const BODIES: Record<Role, HomeBody> = {
  acompanante: lazy(() => import('./CoachHome.tsx')),
  // The teacher's space uses the coaching-cycle texts, loaded with its chunk.
  docente: lazy(
    async () => (await Promise.all([import('./TeacherHome.tsx'), loadTexts('visits')]))[0],
  ),
  director: lazy(() => import('./DirectorHome.tsx')),
  formador: lazy(() => import('./FormadorHome.tsx')),
  especialista: overview,
  minedu: overview,
};

export default function RoleHome() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const roles = rolesOf(me);
  const primary = primaryRole(me);

  if (params.role !== undefined && !(isRole(params.role) && roles.includes(params.role))) {
    return <NotFoundPage />;
  }
  const role = isRole(params.role) ? params.role : primary;
  if (!role) {
    return (
      <div className="page">
        <PageHeading title={t('home.noRoleTitle')} />
        <p>{t('home.noRole')}</p>
      </div>
    );
  }

  const Body = BODIES[role];
  const scopeName = scopeNameOf(me, role);
  return (
    <div className="page" key={role}>
      <PageHeading title={t(`home.titles.${role}`)} />
      <p className="page-kicker">
        {t('home.roleScope', { role: t(`roles.${role}`), scope: scopeName })}
      </p>
      {roles.length > 1 ? (
        <nav className="role-switch" aria-label={t('home.switchRoles')}>
          <ul>
            {roles.map((other) => (
              <li key={other}>
                <Link
                  to={other === primary ? '/' : `/inicio/${other}`}
                  className="role-switch__link"
                  aria-current={other === role ? 'page' : undefined}
                >
                  {t(`roles.${other}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Suspense fallback={<Loading />}>
        <Body me={me} role={role} scopeName={scopeName} />
      </Suspense>
    </div>
  );
}
