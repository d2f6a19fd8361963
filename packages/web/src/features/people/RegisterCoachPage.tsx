import { COACH_KINDS, limaToday } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { listInterventions } from '../../app/api/endpoints.ts';
import { can } from '../../app/roles.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { useVocabulary } from '../../ui/vocabulary.ts';
import { useTerritoryOptions } from '../rosters/options.ts';
import { registerCoach } from './api.ts';
import { PersonFields } from './PersonFields.tsx';
import { useRegistration } from './registration.ts';

// «Registrar acompañante» (issue 14): a person from the rosters by DNI (names may be left out)
// or a new one, with the intervention, UGEL, start and optional end of the role. The server
// decides and checks everything (DNI_TAKEN, OUTSIDE_SCOPE, ROLE_OVERLAP, ROLE_DATES_INVALID);
// its messages go under the field they concern. On success, the person's page.

type Field =
  | 'dni'
  | 'givenNames'
  | 'paternalSurname'
  | 'maternalSurname'
  | 'interventionCode'
  | 'ugelId'
  | 'kind'
  | 'validFrom'
  | 'validTo';

const UNDER: Partial<Record<string, Field>> = {
  DNI_TAKEN: 'dni',
  ROLE_OVERLAP: 'dni',
  OUTSIDE_SCOPE: 'ugelId',
  ROLE_DATES_INVALID: 'validTo',
};

export default function RegisterCoachPage() {
  const { t } = useTranslation();
  const me = useMe();
  const label = useVocabulary();
  const { ugels } = useTerritoryOptions();
  // Online only (administration): the interventions from the server, not the device's copy.
  const catalog = useApiData('register-interventions', (signal) => listInterventions(signal));
  const interventions =
    catalog.status === 'ready' ? catalog.data.map((i) => ({ value: i.code, label: i.name })) : [];
  const { errors, alert, busy, onSubmitWith } = useRegistration<Field>(UNDER);

  if (!can(me, 'role_assignment:create')) {
    return (
      <div className="page">
        <PageHeading title={t('registerCoach.title')} />
        <ErrorNotice error={new ApiError(403, 'FORBIDDEN', '')} />
      </div>
    );
  }

  const onSubmit = onSubmitWith(
    ({ text }) => ({
      ...(text('interventionCode')
        ? {}
        : { interventionCode: t('registerCoach.chooseIntervention') }),
      ...(text('ugelId') ? {} : { ugelId: t('registerCoach.chooseUgel') }),
    }),
    ({ text, optional }) =>
      registerCoach({
        dni: text('dni'),
        givenNames: optional('givenNames'),
        paternalSurname: optional('paternalSurname'),
        maternalSurname: optional('maternalSurname'),
        interventionCode: text('interventionCode'),
        ugelId: text('ugelId'),
        kind: optional('kind') as (typeof COACH_KINDS)[number] | undefined,
        validFrom: text('validFrom'),
        validTo: optional('validTo'),
      }),
  );

  return (
    <div className="page">
      <BackLink to="/personas">{t('registerCoach.back')}</BackLink>
      <PageHeading title={t('registerCoach.title')} />
      <p>{t('registerCoach.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={alert} />
        <PersonFields errors={errors} />
        <SelectField
          label={t('registerCoach.intervention')}
          name="interventionCode"
          required
          error={errors.interventionCode}
        >
          <option value="">{t('registerCoach.choose')}</option>
          {interventions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('registerCoach.ugel')} name="ugelId" required error={errors.ugelId}>
          {ugels.length !== 1 ? <option value="">{t('registerCoach.choose')}</option> : null}
          {ugels.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('registerCoach.kind')} name="kind" error={errors.kind}>
          {COACH_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {label('coachKinds', kind)}
            </option>
          ))}
        </SelectField>
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
          {t('registerCoach.submit')}
        </Button>
      </form>
    </div>
  );
}
