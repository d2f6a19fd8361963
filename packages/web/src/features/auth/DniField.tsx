import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field.tsx';

// The DNI box of the sign-in and activation forms: eight digits, a numeric keyboard on phones,
// and the password manager's username.

export interface DniFieldProps {
  id: string;
  error?: string;
  inputRef: (element: HTMLInputElement | null) => void;
  onChange: () => void;
}

export function DniField({ id, error, inputRef, onChange }: DniFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      inputRef={inputRef}
      id={id}
      label={t('auth.dni')}
      hint={t('auth.dniHint')}
      error={error}
      name="dni"
      type="text"
      inputMode="numeric"
      autoComplete="username"
      maxLength={8}
      pattern="[0-9]*"
      spellCheck={false}
      required
      onChange={onChange}
    />
  );
}
