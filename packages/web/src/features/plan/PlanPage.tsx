import { type CoachingPlanRecord, currentSchoolYear } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { useParams } from '../../app/router.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { FieldGrid, FieldGroup } from '../../ui/FieldGroup.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useStageLadder } from '../progress/ladder.ts';
import { stageName } from '../progress/reasons.ts';
import { PendingBadge, SaveError } from '../visits/parts.tsx';
import { CalendarEditor } from './CalendarEditor.tsx';
import { FocusPicker } from './FocusPicker.tsx';
import {
  type RubricDesempeno,
  useRubricDesempenos,
  useTeacherAccess,
  useYearRecord,
} from './hooks.ts';
import { ModellingEditor } from './ModellingEditor.tsx';
import { MONTHS, monthName, stageCodes } from './model.ts';
import { PlanCheckView } from './PlanCheckView.tsx';
import { PlanView } from './PlanView.tsx';
import { AccessDenied, LineListEditor, PlanFrame } from './parts.tsx';
import { blockerText, planBlockers, planDraftOf, planRecordOf } from './plan-model.ts';
import { useYearRecordForm } from './record-form.ts';
import { SchoolField } from './SchoolField.tsx';

// The individual coaching plan of the school year (docs/DOMAIN.md §4 step 2): desempeños in focus,
// differentiated strategies, planned modelling, the target stage and the calendar of visits,
// checked live against the intervention's target. The coach edits it on the device; the
// teacher reads it.

type PlanLocal = LocalRecord<CoachingPlanRecord>;

function PlanForm({
  teacher,
  record,
  year,
  desempenos,
}: {
  teacher: CaseloadTeacher;
  record: PlanLocal | null;
  year: number;
  desempenos: RubricDesempeno[];
}) {
  const { t } = useTranslation();
  const ladder = useStageLadder(teacher.interventionCode);
  const { draft, update, attempted, error, recordId, onSubmit } = useYearRecordForm({
    kind: 'coaching_plan',
    recordId: record?.id ?? null,
    initial: () => planDraftOf(record?.data ?? null, teacher.schools[0]?.id ?? ''),
    blocked: (current) => planBlockers(current).length > 0,
    toRecord: (current) =>
      planRecordOf(current, {
        teacherId: teacher.teacherId,
        schoolYear: year,
        interventionCode: teacher.interventionCode,
      }),
  });
  const blockers = planBlockers(draft);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {recordId ? null : <EmptyState title={t('plan.notCreated', { year })} />}
      <SchoolField
        id="plan-school"
        schools={teacher.schools}
        value={draft.schoolId}
        onChange={(schoolId) => update({ schoolId })}
      />
      <FocusPicker
        desempenos={desempenos}
        focus={draft.focus}
        onChange={(focus) => update({ focus })}
      />
      <LineListEditor
        id="plan-strategies"
        legend={t('plan.strategies')}
        lines={draft.strategies}
        onChange={(strategies) => update({ strategies })}
      />
      <ModellingEditor
        rows={draft.modelling}
        defaultMonth={draft.fromMonth}
        onChange={(modelling) => update({ modelling })}
      />
      <SelectField
        id="plan-stage"
        label={t('plan.stage')}
        value={draft.targetStage}
        onChange={(event) => update({ targetStage: event.target.value })}
      >
        <option value="">{t('plan.noStage')}</option>
        {stageCodes(ladder).map((code) => (
          <option key={code} value={code}>
            {stageName(t, code, ladder)}
          </option>
        ))}
        {draft.targetStage && !stageCodes(ladder).includes(draft.targetStage) ? (
          <option value={draft.targetStage}>{draft.targetStage}</option>
        ) : null}
      </SelectField>
      <FieldGroup legend={t('plan.period.legend')}>
        <FieldGrid pair>
          {(['fromMonth', 'toMonth'] as const).map((field) => (
            <SelectField
              key={field}
              id={`plan-${field}`}
              label={field === 'fromMonth' ? t('plan.period.from') : t('plan.period.to')}
              value={draft[field]}
              onChange={(event) => update({ [field]: Number(event.target.value) })}
            >
              {MONTHS.map((month) => (
                <option key={month} value={month}>
                  {monthName(t, month)}
                </option>
              ))}
            </SelectField>
          ))}
        </FieldGrid>
      </FieldGroup>
      <CalendarEditor teacherId={teacher.teacherId} year={year} draft={draft} onChange={update} />
      <PlanCheckView
        teacherId={teacher.teacherId}
        interventionCode={teacher.interventionCode}
        year={year}
        draft={draft}
      />
      <FormAlert
        message={
          attempted && blockers.length > 0 ? (
            <>
              <p>{t('plan.cantSave')}</p>
              <ul>
                {blockers.map((blocker) => (
                  <li key={blocker.code}>{blockerText(t, blocker)}</li>
                ))}
              </ul>
            </>
          ) : null
        }
      />
      <SaveError error={error} />
      <div className="button-row">
        <Button type="submit">{t('plan.save')}</Button>
        {recordId ? <PendingBadge id={recordId} /> : null}
      </div>
    </form>
  );
}

export default function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const year = currentSchoolYear();
  const access = useTeacherAccess(id);
  const record = useYearRecord('coaching_plan', id, year);
  const desempenos = useRubricDesempenos();

  if (access === undefined || record === undefined || desempenos === undefined) {
    return <Skeleton lines={6} />;
  }
  if (access.kind === 'notInCaseload' || access.kind === 'noAccess') {
    return <AccessDenied access={access} title={t('plan.title')} teacherId={id} />;
  }
  const name = access.kind === 'coach' ? access.teacher.displayName : access.displayName;
  return (
    <PlanFrame
      teacherId={id}
      to="diagnosis"
      kicker={t('plan.kicker')}
      title={t('plan.titleOf', { year, name })}
    >
      {access.kind === 'coach' ? (
        <PlanForm
          key={`${id}-${year}`}
          teacher={access.teacher}
          record={record}
          year={year}
          desempenos={desempenos}
        />
      ) : record ? (
        <PlanView plan={record.data} teacherId={id} year={year} desempenos={desempenos} />
      ) : (
        <EmptyState title={t('plan.notCreatedTeacher', { year })} />
      )}
    </PlanFrame>
  );
}
