import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field.tsx';

// The DNI and names of a registration form (a coach, or another role): the names are for
// someone not yet in the lists; left blank, the person with that DNI is used.

export function PersonFields({ errors }: { errors: Partial<Record<string, string>> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('person.dni')}
        name="dni"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        required
        error={errors.dni}
      />
      <TextField
        label={t('registerCoach.givenNames')}
        hint={t('registerCoach.namesHint')}
        name="givenNames"
        error={errors.givenNames}
      />
      <TextField
        label={t('registerCoach.paternalSurname')}
        name="paternalSurname"
        error={errors.paternalSurname}
      />
      <TextField
        label={t('registerCoach.maternalSurname')}
        name="maternalSurname"
        error={errors.maternalSurname}
      />
    </>
  );
}
