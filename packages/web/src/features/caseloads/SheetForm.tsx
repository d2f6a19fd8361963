import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import { Button, type ButtonVariant } from '../../ui/Button.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import { Sheet } from '../../ui/Sheet.tsx';

// The sheets of «Asignaciones» (assign, move or end): a form in a sheet whose footer submits
// it, sent to the server, whose refusal shows in the form's alert and under its fields.

/** Sends the sheet's form: `saving` while on its way, the refusal as `alert` and `fields`. */
export function useSheetSubmit() {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = async (send: () => Promise<void>) => {
    setSaving(true);
    setAlert(null);
    setFields({});
    try {
      await send();
    } catch (error) {
      setAlert(errorMessage(t, error));
      setFields(fieldErrors(error));
    } finally {
      setSaving(false);
    }
  };
  return { saving, alert, fields, run };
}

export function SheetForm({
  open,
  onClose,
  title,
  submitLabel,
  submitVariant = 'primary',
  saving,
  savingLabel,
  alert,
  onSubmit,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  saving: boolean;
  savingLabel?: string;
  alert: string | null;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Sheet
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <div className="button-row">
          <Button
            type="submit"
            form={formId}
            variant={submitVariant}
            loading={saving}
            {...(savingLabel ? { loadingLabel: savingLabel } : {})}
          >
            {submitLabel}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('caseloads.assignSheet.cancel')}
          </Button>
        </div>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        <FormAlert message={alert} />
        {children}
      </form>
    </Sheet>
  );
}
