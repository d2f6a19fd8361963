import { currentSchoolYear, type DiagnosisRecord, LEARNING_LEVELS } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useParams } from '../../app/router.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { IconCalendar } from '../../ui/icons.ts';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { PendingBadge, SaveError } from '../visits/parts.tsx';
import { BaselineEditor } from './BaselineEditor.tsx';
import {
  baselineIssues,
  DIAGNOSIS_LISTS,
  diagnosisDraftOf,
  diagnosisRecordOf,
} from './diagnosis-model.ts';
import { useTeacherAccess, useYearRecord } from './hooks.ts';
import { AccessDenied, LineListEditor, LinesView, PlanFrame } from './parts.tsx';
import { useYearRecordForm } from './record-form.ts';
import { SchoolField } from './SchoolField.tsx';

// The diagnosis of the school year for one teacher (docs/DOMAIN.md §4 step 2): strengths and
// weaknesses of the practice and of the school's management, and a baseline of learning. The
// coach edits it on the device (saved with its outbox entry, sent at the next sync); the
// teacher reads it.

type DiagnosisLocal = LocalRecord<DiagnosisRecord>;

function DiagnosisForm({
  teacher,
  record,
  year,
}: {
  teacher: CaseloadTeacher;
  record: DiagnosisLocal | null;
  year: number;
}) {
  const { t } = useTranslation();
  const visits = useRecords('visit', { teacherId: teacher.teacherId });
  const { draft, update, attempted, error, recordId, onSubmit } = useYearRecordForm({
    kind: 'diagnosis',
    recordId: record?.id ?? null,
    initial: () => diagnosisDraftOf(record?.data ?? null, teacher.schools[0]?.id ?? ''),
    blocked: (current) => baselineIssues(current.baseline).length > 0,
    toRecord: (current) =>
      diagnosisRecordOf(current, { teacherId: teacher.teacherId, schoolYear: year }),
  });
  const issues = baselineIssues(draft.baseline);

  const diagnosticVisits = (visits ?? [])
    .filter((visit) => visit.data.kind === 'diagnostic')
    .sort((a, b) => b.data.plannedDate.localeCompare(a.data.plannedDate));
  const missingVisit =
    draft.visitId !== '' && !diagnosticVisits.some((visit) => visit.id === draft.visitId);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {recordId ? null : <EmptyState title={t('plan.diagnosis.notCreated', { year })} />}
      <SchoolField
        id="diagnosis-school"
        schools={teacher.schools}
        value={draft.schoolId}
        onChange={(schoolId) => update({ schoolId })}
      />
      <SelectField
        id="diagnosis-visit"
        label={t('plan.diagnosis.visit')}
        hint={t('plan.diagnosis.visitHint')}
        value={draft.visitId}
        onChange={(event) => update({ visitId: event.target.value })}
      >
        <option value="">{t('plan.diagnosis.noVisit')}</option>
        {diagnosticVisits.map((visit) => (
          <option key={visit.id} value={visit.id}>
            {t('plan.diagnosis.visitOption', {
              date: formatDate(visit.data.plannedDate),
              status: t(`visits.statuses.${visit.data.status}`),
            })}
          </option>
        ))}
        {missingVisit ? (
          <option value={draft.visitId}>{t('plan.diagnosis.visitMissing')}</option>
        ) : null}
      </SelectField>
      {DIAGNOSIS_LISTS.map((list) => (
        <LineListEditor
          key={list}
          id={`diagnosis-${list}`}
          legend={t(`plan.diagnosis.lists.${list}`)}
          lines={draft.lists[list]}
          onChange={(lines) => update({ lists: { ...draft.lists, [list]: lines } })}
        />
      ))}
      <BaselineEditor
        rows={draft.baseline}
        onChange={(baseline) => update({ baseline })}
        issues={issues}
        showAll={attempted}
      />
      <SaveError error={error} />
      <div className="button-row">
        <Button type="submit">{t('plan.diagnosis.save')}</Button>
        {recordId ? <PendingBadge id={recordId} /> : null}
      </div>
    </form>
  );
}

function DiagnosisView({ record, year }: { record: DiagnosisLocal | null; year: number }) {
  const { t } = useTranslation();
  if (!record) return <EmptyState title={t('plan.diagnosis.notCreatedTeacher', { year })} />;
  const diagnosis = record.data;
  return (
    <>
      <p className="lead">{t('plan.diagnosis.readOnly')}</p>
      {diagnosis.visitId ? (
        <p>
          <ButtonLink to={`/visitas/${diagnosis.visitId}`} variant="secondary" icon={IconCalendar}>
            {t('plan.diagnosis.visit')}
          </ButtonLink>
        </p>
      ) : null}
      {DIAGNOSIS_LISTS.map((list) => (
        <LinesView
          key={list}
          id={`diagnosis-${list}`}
          title={t(`plan.diagnosis.lists.${list}`)}
          lines={diagnosis[list]}
        />
      ))}
      <section className="section" aria-labelledby="diagnosis-baseline">
        <h2 id="diagnosis-baseline">{t('plan.diagnosis.baseline')}</h2>
        {diagnosis.learningBaseline.length === 0 ? (
          <EmptyState title={t('plan.emptyList')} />
        ) : (
          <ul className="cards" aria-labelledby="diagnosis-baseline">
            {diagnosis.learningBaseline.map((row) => (
              <Card
                as="li"
                level={3}
                key={`${row.area}-${row.grade}`}
                title={`${row.area} · ${
                  row.grade === 0
                    ? t('plan.diagnosis.gradeInicial')
                    : t('plan.diagnosis.gradeN', { n: row.grade })
                }`}
              >
                <dl className="card__facts">
                  <div>
                    <dt>{t('plan.diagnosis.students')}</dt>
                    <dd>{row.students}</dd>
                  </div>
                  {LEARNING_LEVELS.map((level) => (
                    <div key={level}>
                      <dt>{t(`plan.learningLevels.${level}`)}</dt>
                      <dd>{row.levels[level]}</dd>
                    </div>
                  ))}
                </dl>
              </Card>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default function DiagnosisPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const year = currentSchoolYear();
  const access = useTeacherAccess(id);
  const record = useYearRecord('diagnosis', id, year);

  if (access === undefined || record === undefined) return <Skeleton lines={6} />;
  if (access.kind === 'notInCaseload' || access.kind === 'noAccess') {
    return <AccessDenied access={access} title={t('plan.diagnosis.title')} teacherId={id} />;
  }
  const name = access.kind === 'coach' ? access.teacher.displayName : access.displayName;
  return (
    <PlanFrame
      teacherId={id}
      to="plan"
      kicker={t('plan.diagnosis.kicker')}
      title={t('plan.diagnosis.titleOf', { year, name })}
    >
      {access.kind === 'coach' ? (
        <DiagnosisForm key={`${id}-${year}`} teacher={access.teacher} record={record} year={year} />
      ) : (
        <DiagnosisView record={record} year={year} />
      )}
    </PlanFrame>
  );
}
