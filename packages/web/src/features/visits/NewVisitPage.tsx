import { limaToday } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReference, useSaveRecord } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Loading } from '../../ui/Status.tsx';
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

  if (caseload === undefined) return <Loading />;
  const teachers = caseload.map((item) => item.data as unknown as CaseloadTeacher);
  const teacher = teachers.find((item) => item.teacherId === teacherId);
  const schools = teacher?.schools ?? [];
  const school = schools.length === 1 ? schools[0]?.id : schoolId;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
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
      navigate(`/visitas/${visit.id}`);
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <div className="page">
      <PageHeading title={t('visits.schedule')} />
      {teachers.length === 0 ? <p className="empty">{t('visits.noCaseload')}</p> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="visit-teacher">{t('visits.teacher')}</label>
          <select
            id="visit-teacher"
            value={teacherId}
            onChange={(event) => setTeacherId(event.target.value)}
            required
          >
            <option value="">{t('visits.chooseTeacher')}</option>
            {teachers.map((item) => (
              <option key={item.teacherId} value={item.teacherId}>
                {item.displayName}
              </option>
            ))}
          </select>
        </div>
        {schools.length > 1 ? (
          <div className="field">
            <label htmlFor="visit-school">{t('visits.school')}</label>
            <select
              id="visit-school"
              value={schoolId}
              onChange={(event) => setSchoolId(event.target.value)}
            >
              <option value="" />
              {schools.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="visit-date">{t('visits.date')}</label>
          <input
            id="visit-date"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="visit-kind">{t('visits.kind')}</label>
          <select
            id="visit-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as 'regular' | 'diagnostic')}
          >
            <option value="regular">{t('visits.kinds.regular')}</option>
            <option value="diagnostic">{t('visits.kinds.diagnostic')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="visit-goals">{t('visits.goals')}</label>
          <textarea
            id="visit-goals"
            rows={4}
            value={goals}
            aria-describedby="visit-goals-hint"
            onChange={(event) => setGoals(event.target.value)}
          />
          <p id="visit-goals-hint" className="field__hint">
            {t('visits.goalsHint')}
          </p>
        </div>
        <SaveError error={error} />
        <button type="submit" className="button">
          {t('visits.save')}
        </button>
      </form>
    </div>
  );
}
