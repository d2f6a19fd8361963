import { type CaseloadItem, limaToday } from '@acompana/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextareaField, TextField } from '../../ui/Field.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { Sheet } from '../../ui/Sheet.tsx';
import { endCaseload, moveCaseload } from './api.ts';

// One assignment: move the teacher to another coach (a reason is required — continuity) or end
// it (it stays in the history). The server checks dates and scope; its codes become Spanish.

type What = 'move' | 'end';

interface Props {
  row: CaseloadItem | null;
  coaches: { id: string; displayName: string }[];
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ChangeSheet({ row, coaches, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [what, setWhat] = useState<What>('move');
  const [coachId, setCoachId] = useState('');
  const [date, setDate] = useState(limaToday());
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const name = row?.teacher?.displayName ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!row) return;
    setSaving(true);
    setAlert(null);
    setFields({});
    const why = reason.trim() ? { reason: reason.trim() } : {};
    try {
      if (what === 'move') {
        await moveCaseload(row.id, { coachId, date, ...why });
        onDone(t('caseloads.changeSheet.moved', { name }));
      } else {
        await endCaseload(row.id, { validTo: date, ...why });
        onDone(t('caseloads.changeSheet.ended', { name }));
      }
      setReason('');
    } catch (error) {
      setAlert(errorMessage(t, error));
      setFields(fieldErrors(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Sheet
      open={row !== null}
      onClose={onClose}
      title={t('caseloads.changeSheet.title', { name })}
      footer={
        <div className="button-row">
          <Button
            type="submit"
            form={formId}
            variant={what === 'end' ? 'danger' : 'primary'}
            disabled={saving}
          >
            {what === 'move'
              ? t('caseloads.changeSheet.submitMove')
              : t('caseloads.changeSheet.submitEnd')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('caseloads.assignSheet.cancel')}
          </Button>
        </div>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        {alert ? (
          <p role="alert" className="field__error">
            {alert}
          </p>
        ) : null}
        <SegmentedControl<What>
          label={t('caseloads.changeSheet.what')}
          value={what}
          onChange={setWhat}
          options={[
            {
              value: 'move',
              label: t('caseloads.changeSheet.move'),
              description: t('caseloads.changeSheet.moveHint'),
            },
            {
              value: 'end',
              label: t('caseloads.changeSheet.end'),
              description: t('caseloads.changeSheet.endHint'),
            },
          ]}
        />
        {what === 'move' ? (
          <SelectField
            label={t('caseloads.changeSheet.newCoach')}
            value={coachId}
            onChange={(e) => setCoachId(e.target.value)}
            error={fields.coachId}
            required
          >
            <option value="">{t('caseloads.assignSheet.choose')}</option>
            {coaches
              .filter((c) => c.id !== row?.coach.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
          </SelectField>
        ) : null}
        <TextField
          type="date"
          label={
            what === 'move' ? t('caseloads.changeSheet.date') : t('caseloads.changeSheet.endDate')
          }
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={fields.date ?? fields.validTo}
        />
        <TextareaField
          label={
            what === 'move'
              ? t('caseloads.changeSheet.reason')
              : t('caseloads.changeSheet.endReason')
          }
          hint={what === 'move' ? t('caseloads.changeSheet.reasonHint') : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fields.reason}
          required={what === 'move'}
          rows={3}
        />
      </form>
    </Sheet>
  );
}
