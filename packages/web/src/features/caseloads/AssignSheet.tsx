import { limaToday, type Warnings } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/i18n/index.ts';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { SelectField, TextareaField, TextField } from '../../ui/Field.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { useInterventionOptions } from '../rosters/options.ts';
import { assignCaseload } from './api.ts';
import { SheetForm, useSheetSubmit } from './SheetForm.tsx';

// «Asignar docentes»: a coach, an intervention, and the teachers — a selection among those
// without a coach, or every teacher of a school. The server decides everything (scope,
// overlaps, the reason a change of coach needs) and saves all or nothing.

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (count: number) => void;
  coaches: { id: string; displayName: string }[];
  warnings: Warnings;
}

type How = 'selection' | 'school';

export function AssignSheet({ open, onClose, onDone, coaches, warnings }: Props) {
  const { t } = useTranslation();
  const uncoached = warnings.withoutCoach.items;
  const interventions = useInterventionOptions();
  const common = uncoached.flatMap((i) => i.interventions)[0] ?? '';
  const schools = new Map(uncoached.flatMap((i) => i.schools.map((s) => [s.id, s.name])));
  const [coachId, setCoachId] = useState('');
  const [intervention, setIntervention] = useState(common);
  const [how, setHow] = useState<How>('selection');
  const [teacherIds, setTeacherIds] = useState<string[]>([]);
  const [schoolId, setSchoolId] = useState('');
  const [validFrom, setValidFrom] = useState(limaToday());
  const [reason, setReason] = useState('');
  const { saving, alert, fields, run } = useSheetSubmit();

  const submit = () =>
    run(async () => {
      const result = await assignCaseload({
        coachId,
        intervention,
        validFrom,
        ...(how === 'selection' ? { teacherIds } : { schoolId }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setTeacherIds([]);
      setReason('');
      onDone(result.created.length);
    });

  return (
    <SheetForm
      open={open}
      onClose={onClose}
      title={t('caseloads.assignSheet.title')}
      submitLabel={t('caseloads.assignSheet.submit')}
      saving={saving}
      savingLabel={t('caseloads.assignSheet.saving')}
      alert={alert}
      onSubmit={submit}
    >
      <SelectField
        label={t('caseloads.assignSheet.coach')}
        value={coachId}
        onChange={(e) => setCoachId(e.target.value)}
        error={fields.coachId}
        required
      >
        <option value="">{t('caseloads.assignSheet.choose')}</option>
        {coaches.map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('caseloads.assignSheet.intervention')}
        value={intervention}
        onChange={(e) => setIntervention(e.target.value)}
        error={fields.intervention}
        required
      >
        <option value="">{t('caseloads.assignSheet.choose')}</option>
        {interventions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <SegmentedControl<How>
        label={t('caseloads.assignSheet.how')}
        value={how}
        onChange={setHow}
        options={[
          {
            value: 'selection',
            label: t('caseloads.assignSheet.bySelection'),
            description: t('caseloads.assignSheet.bySelectionHint'),
          },
          {
            value: 'school',
            label: t('caseloads.assignSheet.bySchool'),
            description: t('caseloads.assignSheet.bySchoolHint'),
          },
        ]}
      />
      {how === 'selection' ? (
        uncoached.length === 0 ? (
          <p>{t('caseloads.assignSheet.noTeachers')}</p>
        ) : (
          <CheckboxGroup
            legend={`${t('caseloads.assignSheet.teachers')} (${formatNumber(uncoached.length)})`}
            options={uncoached.map((i) => ({
              value: i.teacher.id,
              label: `${i.teacher.displayName} · ${i.schools.map((s) => s.name).join(', ')}`,
            }))}
            value={teacherIds}
            onChange={setTeacherIds}
          />
        )
      ) : (
        <SelectField
          label={t('caseloads.assignSheet.school')}
          value={schoolId}
          onChange={(e) => setSchoolId(e.target.value)}
          error={fields.schoolId}
        >
          <option value="">{t('caseloads.assignSheet.choose')}</option>
          {[...schools].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        type="date"
        label={t('caseloads.assignSheet.validFrom')}
        value={validFrom}
        onChange={(e) => setValidFrom(e.target.value)}
        error={fields.validFrom}
      />
      <TextareaField
        label={t('caseloads.assignSheet.reason')}
        hint={t('caseloads.assignSheet.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
        rows={3}
      />
    </SheetForm>
  );
}
