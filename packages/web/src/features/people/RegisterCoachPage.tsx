import { COACH_KINDS, limaToday } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api/client.ts';
import { listInterventions } from '../../app/api/endpoints.ts';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import { can } from '../../app/roles.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { useVocabulary } from '../../ui/vocabulary.ts';
import { useTerritoryOptions } from '../rosters/options.ts';
import { registerCoach } from './api.ts';
import { PersonFields } from './PersonFields.tsx';

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
  const navigate = useNavigate();
  const label = useVocabulary();
  const { ugels } = useTerritoryOptions();
  // Online only (administration): the interventions from the server, not the device's copy.
  const catalog = useApiData('register-interventions', (signal) => listInterventions(signal));
  const interventions =
    catalog.status === 'ready' ? catalog.data.map((i) => ({ value: i.code, label: i.name })) : [];
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!can(me, 'role_assignment:create')) {
    return (
      <div className="page">
        <PageHeading title={t('registerCoach.title')} />
        <ErrorNotice error={new ApiError(403, 'FORBIDDEN', '')} />
      </div>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const text = (name: Field) => String(data.get(name) ?? '').trim();
    const optional = (name: Field) => text(name) || undefined;
    setAlert(null);
    // An empty list choice reads better said here than as the server's format rule.
    const unchosen: Partial<Record<Field, string>> = {};
    if (!text('interventionCode'))
      unchosen.interventionCode = t('registerCoach.chooseIntervention');
    if (!text('ugelId')) unchosen.ugelId = t('registerCoach.chooseUgel');
    setErrors(unchosen);
    if (Object.keys(unchosen).length > 0) return;
    setBusy(true);
    try {
      const done = await registerCoach({
        dni: text('dni'),
        givenNames: optional('givenNames'),
        paternalSurname: optional('paternalSurname'),
        maternalSurname: optional('maternalSurname'),
        interventionCode: text('interventionCode'),
        ugelId: text('ugelId'),
        kind: optional('kind') as (typeof COACH_KINDS)[number] | undefined,
        validFrom: text('validFrom'),
        validTo: optional('validTo'),
      });
      navigate(`/personas/${done.personId}`);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      const fields = fieldErrors(error) as Partial<Record<Field, string>>;
      const under = UNDER[code];
      if (under) fields[under] = error instanceof ApiError ? error.message : '';
      setErrors(fields);
      if (Object.keys(fields).length === 0) setAlert(errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <BackLink to="/personas">{t('registerCoach.back')}</BackLink>
      <PageHeading title={t('registerCoach.title')} />
      <p>{t('registerCoach.intro')}</p>
      {alert ? <Notice tone="error">{alert}</Notice> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
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
