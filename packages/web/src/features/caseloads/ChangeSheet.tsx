import { type CaseloadItem, limaToday } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextareaField, TextField } from '../../ui/Field.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { endCaseload, moveCaseload } from './api.ts';
import { SheetForm, useSheetSubmit } from './SheetForm.tsx';

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
  const [what, setWhat] = useState<What>('move');
  const [coachId, setCoachId] = useState('');
  const [date, setDate] = useState(limaToday());
  const [reason, setReason] = useState('');
  const { saving, alert, fields, run } = useSheetSubmit();
  const name = row?.teacher?.displayName ?? '';

  const submit = () =>
    run(async () => {
      if (!row) return;
      const why = reason.trim() ? { reason: reason.trim() } : {};
      if (what === 'move') {
        await moveCaseload(row.id, { coachId, date, ...why });
        onDone(t('caseloads.changeSheet.moved', { name }));
      } else {
        await endCaseload(row.id, { validTo: date, ...why });
        onDone(t('caseloads.changeSheet.ended', { name }));
      }
      setReason('');
    });

  return (
    <SheetForm
      open={row !== null}
      onClose={onClose}
      title={t('caseloads.changeSheet.title', { name })}
      submitLabel={
        what === 'move'
          ? t('caseloads.changeSheet.submitMove')
          : t('caseloads.changeSheet.submitEnd')
      }
      submitVariant={what === 'end' ? 'danger' : 'primary'}
      saving={saving}
      alert={alert}
      onSubmit={submit}
    >
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
          what === 'move' ? t('caseloads.changeSheet.reason') : t('caseloads.changeSheet.endReason')
        }
        hint={what === 'move' ? t('caseloads.changeSheet.reasonHint') : undefined}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
        required={what === 'move'}
        rows={3}
      />
    </SheetForm>
  );
}
