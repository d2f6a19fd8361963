import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';

// The school the record belongs to: fixed when the teacher has one school in the caseload,
// a choice when they teach in several.

interface Props {
  id: string;
  schools: { id: string; name: string }[];
  value: string;
  onChange: (schoolId: string) => void;
}

export function SchoolField({ id, schools, value, onChange }: Props) {
  const { t } = useTranslation();
  if (schools.length === 0) {
    return (
      <Notice tone="warning" live="alert">
        <p>{t('plan.noSchool')}</p>
      </Notice>
    );
  }
  if (schools.length === 1 && schools[0]?.id === value) {
    return (
      <dl className="facts">
        <div>
          <dt>{t('plan.school')}</dt>
          <dd>{schools[0]?.name}</dd>
        </div>
      </dl>
    );
  }
  return (
    <SelectField
      id={id}
      label={t('plan.school')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t('plan.chooseSchool')}</option>
      {schools.map((school) => (
        <option key={school.id} value={school.id}>
          {school.name}
        </option>
      ))}
    </SelectField>
  );
}
