import {
  limaToday,
  MANAGES,
  REGISTRABLE_ROLES,
  type RegistrableRole,
  type SchoolItem,
} from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { listSchools } from '../../app/api/endpoints.ts';
import { can } from '../../app/roles.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { useTerritoryOptions } from '../rosters/options.ts';
import { listRegions, registerPerson } from './api.ts';
import { PersonFields } from './PersonFields.tsx';
import { useRegistration } from './registration.ts';

// «Registrar persona» (issue 14): equipo MINEDU registers especialistas, formadores and MINEDU
// accounts; the especialista directors and teachers of their UGEL (coaches have their own
// form). The roles offered are those the person's roles administer (the policy's MANAGES);
// the server decides everything again (FORBIDDEN, OUTSIDE_SCOPE, DNI_TAKEN, ROLE_OVERLAP,
// ROLE_DATES_INVALID) and its messages go under the field they concern.

type Field =
  | 'dni'
  | 'givenNames'
  | 'paternalSurname'
  | 'maternalSurname'
  | 'role'
  | 'scopeId'
  | 'validFrom'
  | 'validTo';

const UNDER: Partial<Record<string, Field>> = {
  DNI_TAKEN: 'dni',
  ROLE_OVERLAP: 'dni',
  OUTSIDE_SCOPE: 'scopeId',
  ROLE_DATES_INVALID: 'validTo',
};

/** Where each role is held: the list the place is chosen from. */
const WHERE: Record<RegistrableRole, 'ugel' | 'region' | 'school' | null> = {
  minedu: null,
  especialista: 'ugel',
  formador: 'region',
  director: 'school',
  docente: 'school',
};

function PlaceField({ role, error }: { role: RegistrableRole; error?: string }) {
  const { t } = useTranslation();
  const { ugels } = useTerritoryOptions();
  const where = WHERE[role];
  const regions = useApiData(`register-regions:${where === 'region'}`, (signal) =>
    where === 'region' ? listRegions(signal) : Promise.resolve(null),
  );
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const schools = useApiData(`register-schools:${where === 'school'}:${q}`, (signal) =>
    where === 'school'
      ? listSchools({ q: q || undefined, limit: 100 }, signal)
      : Promise.resolve(null),
  );
  if (where === null) return <p>{t('registerPerson.national')}</p>;
  let options: { value: string; label: string }[] = [];
  if (where === 'ugel') options = ugels;
  if (where === 'region' && regions.status === 'ready' && regions.data)
    options = regions.data.items.map((r) => ({ value: r.id, label: r.name }));
  if (where === 'school' && schools.status === 'ready' && schools.data)
    options = schools.data.items.map((s: SchoolItem) => ({
      value: s.id,
      label: `${s.name} · ${s.codigoModular}`,
    }));
  return (
    <>
      {where === 'school' ? (
        <>
          <TextField
            label={t('registerPerson.schoolSearch')}
            hint={t('registerPerson.schoolSearchHint')}
            name="schoolSearch"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              // Enter searches the schools instead of submitting the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                setQ(search.trim());
              }
            }}
          />
          <div className="button-row">
            <Button type="button" variant="secondary" onClick={() => setQ(search.trim())}>
              {t('registerPerson.search')}
            </Button>
          </div>
        </>
      ) : null}
      {schools.status === 'error' ? (
        <ErrorNotice error={schools.error} onRetry={schools.reload} />
      ) : null}
      {regions.status === 'error' ? (
        <ErrorNotice error={regions.error} onRetry={regions.reload} />
      ) : null}
      <SelectField label={t(`registerPerson.place.${where}`)} name="scopeId" required error={error}>
        {options.length !== 1 ? <option value="">{t('registerCoach.choose')}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export default function RegisterPersonPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = REGISTRABLE_ROLES.filter((r) => me.roles.some((v) => MANAGES[v.role].includes(r)));
  const [role, setRole] = useState<RegistrableRole | ''>(
    roles.length === 1 ? (roles[0] ?? '') : '',
  );
  const { errors, alert, busy, onSubmitWith } = useRegistration<Field>(UNDER);

  if (!can(me, 'role_assignment:create') || roles.length === 0) {
    return (
      <div className="page">
        <PageHeading title={t('registerPerson.title')} />
        <ErrorNotice error={new ApiError(403, 'FORBIDDEN', '')} />
      </div>
    );
  }

  const onSubmit = onSubmitWith(
    ({ text }): Partial<Record<Field, string>> => {
      if (!role) return { role: t('registerPerson.chooseRole') };
      if (WHERE[role] && !text('scopeId')) return { scopeId: t('registerPerson.choosePlace') };
      return {};
    },
    ({ text, optional }) =>
      registerPerson({
        dni: text('dni'),
        givenNames: optional('givenNames'),
        paternalSurname: optional('paternalSurname'),
        maternalSurname: optional('maternalSurname'),
        // Checked by the first function: a role is chosen.
        role: role as RegistrableRole,
        scopeId: role && WHERE[role] ? text('scopeId') : undefined,
        validFrom: text('validFrom'),
        validTo: optional('validTo'),
      }),
  );

  return (
    <div className="page">
      <BackLink to="/personas">{t('registerCoach.back')}</BackLink>
      <PageHeading title={t('registerPerson.title')} />
      <p>{t('registerPerson.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={alert} />
        <SelectField
          label={t('registerPerson.role')}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as RegistrableRole | '')}
          required
          error={errors.role}
        >
          {roles.length !== 1 ? <option value="">{t('registerCoach.choose')}</option> : null}
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {role ? <PlaceField key={role} role={role} error={errors.scopeId} /> : null}
        <PersonFields errors={errors} />
        <TextField
          label={t('registerCoach.validFrom')}
          name="validFrom"
          type="date"
          defaultValue={limaToday()}
          required
          error={errors.validFrom}
        />
        <TextField
          label={t('registerCoach.validTo')}
          hint={t('registerCoach.validToHint')}
          name="validTo"
          type="date"
          error={errors.validTo}
        />
        <Button type="submit" block loading={busy} loadingLabel={t('person.working')}>
          {t('registerPerson.submit')}
        </Button>
      </form>
    </div>
  );
}
