import { limaToday } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/router.tsx';
import { useReference, useSaveRecord } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { bySurname } from '../../offline/reference-order.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextareaField, TextField } from '../../ui/Field.tsx';
import { IconUsers } from '../../ui/icons.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { SaveError } from './parts.tsx';

// "Programar visita": a teacher of the coach's caseload, the date, the kind and the goals
// agreed for the lesson. Saved locally (with its outbox entry); sync sends it later.

export default function NewVisitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRecord();
  const caseload = useReference('teacher');
  const [teacherId, setTeacherId] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [date, setDate] = useState(() => limaToday());
  const [kind, setKind] = useState<'regular' | 'diagnostic'>('regular');
  const [goals, setGoals] = useState('');
  const [error, setError] = useState<unknown>(null);
  // A choice still to make, shown on its own control (the school and intervention follow from
  // the teacher, so they are never named on their own).
  const [missing, setMissing] = useState<'teacher' | 'school' | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();

  if (caseload === undefined) return <Skeleton lines={5} />;
  const teachers = bySurname(caseload).map((item) => item.data as unknown as CaseloadTeacher);
  const teacher = teachers.find((item) => item.teacherId === teacherId);
  const schools = teacher?.schools ?? [];
  const school = schools.length === 1 ? schools[0]?.id : schoolId;
  // A teacher with no post this year has no school to visit her at: said as soon as she is
  // chosen, not after a refused save.
  const noSchool = teacher !== undefined && schools.length === 0;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const unchosen =
      !teacher || noSchool
        ? 'teacher'
        : schools.length > 1 && !schools.some((item) => item.id === schoolId)
          ? 'school'
          : null;
    setMissing(unchosen);
    if (unchosen) {
      document.getElementById(unchosen === 'teacher' ? 'visit-teacher' : 'visit-school')?.focus();
      return;
    }
    setSaving(true);
    try {
      const visit = await save('visit', null, {
        teacherId,
        schoolId: school ?? '',
        interventionCode: teacher?.interventionCode ?? '',
        kind,
        status: 'planned',
        plannedDate: date,
        startedAt: null,
        endedAt: null,
        cancelReason: null,
        cancelNote: null,
        goals: goals
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        focus: [],
        teacherConfirmedAt: null,
      });
      toast(t('visits.scheduled'));
      navigate(`/visitas/${visit.id}`);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="page">
      <BackLink to="/visitas">{t('visits.back')}</BackLink>
      <PageHeading title={t('visits.schedule')} />
      {teachers.length === 0 ? (
        <EmptyState icon={IconUsers} title={t('visits.noCaseload')} />
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="visit-teacher"
          label={t('visits.teacher')}
          value={teacherId}
          onChange={(event) => {
            setTeacherId(event.target.value);
            // Another teacher's schools are others: the school chosen for the first is not kept.
            setSchoolId('');
            setMissing(null);
          }}
          error={
            noSchool
              ? t('visits.teacherNoSchool')
              : missing === 'teacher'
                ? t('visits.teacherMissing')
                : undefined
          }
          required
        >
          <option value="">{t('visits.chooseTeacher')}</option>
          {teachers.map((item) => (
            <option key={item.teacherId} value={item.teacherId}>
              {item.displayName}
            </option>
          ))}
        </SelectField>
        {schools.length > 1 ? (
          <SelectField
            id="visit-school"
            label={t('visits.school')}
            value={schoolId}
            onChange={(event) => {
              setSchoolId(event.target.value);
              setMissing(null);
            }}
            error={missing === 'school' ? t('visits.schoolMissing') : undefined}
            required
          >
            <option value="" />
            {schools.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id="visit-date"
          label={t('visits.date')}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          required
        />
        <SegmentedControl<'regular' | 'diagnostic'>
          label={t('visits.kind')}
          options={[
            { value: 'regular', label: t('visits.kinds.regular') },
            { value: 'diagnostic', label: t('visits.kinds.diagnostic') },
          ]}
          value={kind}
          onChange={setKind}
        />
        <TextareaField
          id="visit-goals"
          label={t('visits.goals')}
          hint={t('visits.goalsHint')}
          rows={4}
          value={goals}
          onChange={(event) => setGoals(event.target.value)}
        />
        <SaveError error={error} />
        <Button type="submit" block loading={saving} loadingLabel={t('visits.saving')}>
          {t('visits.save')}
        </Button>
      </form>
    </div>
  );
}
