import { useTranslation } from 'react-i18next';
import { useNavItems } from '../../app/nav-items.ts';
import { primaryRole, rolesOf } from '../../app/roles.ts';
import { useMe, useSession } from '../../app/session/SessionContext.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { useHighContrast } from '../../ui/contrast-setting.ts';
import { IconUser } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Switch } from '../../ui/Switch.tsx';
import { LogoutControl } from '../sync/LogoutControl.tsx';

// "Más": everything else the person's roles use (what is not on the bottom bar), the homes of
// their other roles, the display setting (high contrast) and the account with the logout.

export default function MorePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const { more } = useNavItems(me);
  const [highContrast, setHighContrast] = useHighContrast();
  const roles = rolesOf(me);
  const primary = primaryRole(me);

  return (
    <div className="page">
      <PageHeading title={t('more.title')} />
      {more.length > 0 ? (
        <nav aria-label={t('more.sections')}>
          <List>
            {more.map((item) => (
              <ListItem
                key={item.key}
                to={item.to}
                icon={item.icon}
                title={item.label}
                secondary={item.description}
              />
            ))}
          </List>
        </nav>
      ) : null}
      {roles.length > 1 ? (
        <section className="section" aria-labelledby="mas-roles">
          <h2 id="mas-roles">{t('more.roles')}</h2>
          <List labelledBy="mas-roles">
            {roles.map((role) => (
              <ListItem
                key={role}
                to={role === primary ? '/' : `/inicio/${role}`}
                icon={IconUser}
                title={t(`roles.${role}`)}
                secondary={t(`home.titles.${role}`)}
              />
            ))}
          </List>
        </section>
      ) : null}
      <section className="section" aria-labelledby="mas-pantalla">
        <h2 id="mas-pantalla">{t('more.display')}</h2>
        <Card as="div">
          <Switch
            label={t('more.highContrast')}
            checked={highContrast}
            onChange={setHighContrast}
            stateText={highContrast ? t('ui.on') : t('ui.off')}
          />
          <p className="field__hint">{t('more.highContrastHint')}</p>
        </Card>
      </section>
      <section className="section" aria-labelledby="mas-cuenta">
        <h2 id="mas-cuenta">{t('more.account')}</h2>
        <p>{t('more.signedInAs', { name: me.person.displayName })}</p>
        <ButtonLink to="/mi-cuenta" variant="secondary" block>
          {t('more.myAccount')}
        </ButtonLink>
        <LogoutControl signOut={signOut} />
      </section>
    </div>
  );
}
