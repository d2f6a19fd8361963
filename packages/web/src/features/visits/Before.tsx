import { formatLimaDate, type VisitRecord } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveRecord } from '../../offline/hooks.ts';
import { DesempenoChecks, useDesempenoName } from './Desempenos.tsx';
import { SaveError } from './parts.tsx';

// "Antes": the goals of the lesson and what will be recorded, agreed with the teacher. The
// coach writes them; the teacher sees them and confirms (teacherConfirmedAt is theirs).

export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function Agreement({ id, visit }: { id: string; visit: VisitRecord }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const [goals, setGoals] = useState(visit.goals.join('\n'));
  const [focus, setFocus] = useState<string[]>(visit.focus);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage('');
    try {
      await save('visit', id, { goals: splitLines(goals), focus });
      setMessage(t('cycle.agreementSaved'));
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="before-goals">{t('visits.goals')}</label>
        <textarea
          id="before-goals"
          rows={4}
          value={goals}
          aria-describedby="before-goals-hint"
          onChange={(event) => setGoals(event.target.value)}
        />
        <p id="before-goals-hint" className="field__hint">
          {t('visits.goalsHint')}
        </p>
      </div>
      <DesempenoChecks
        id="before-focus"
        legend={t('cycle.focus')}
        value={focus}
        onChange={setFocus}
      />
      <SaveError error={error} />
      <button type="submit" className="button button--secondary">
        {t('cycle.saveAgreement')}
      </button>
      <p role="status" className="form__status">
        {message}
      </p>
    </form>
  );
}

export function BeforeSection({
  id,
  visit,
  asCoach,
  isTeacher,
}: {
  id: string;
  visit: VisitRecord;
  asCoach: boolean;
  isTeacher: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const name = useDesempenoName();
  const [error, setError] = useState<unknown>(null);
  const confirmed = visit.teacherConfirmedAt;
  return (
    <section className="section" aria-labelledby="antes">
      <h2 id="antes">{t('cycle.before')}</h2>
      <p className="field__hint">{t('cycle.beforeHint')}</p>
      {asCoach && visit.status !== 'cancelled' ? (
        <Agreement id={id} visit={visit} />
      ) : (
        <>
          {visit.goals.length ? (
            <ul className="plain-list">
              {visit.goals.map((goal) => (
                <li key={goal}>{goal}</li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('cycle.noGoals')}</p>
          )}
          {visit.focus.length ? (
            <p>
              {t('cycle.focus')}: {visit.focus.map(name).join(', ')}
            </p>
          ) : null}
        </>
      )}
      <p>
        {/* The teacher is addressed as «tú» in their own space. */}
        {confirmed
          ? t(isTeacher ? 'cycle.confirmedByMe' : 'cycle.confirmed', {
              date: formatLimaDate(confirmed),
            })
          : t(isTeacher ? 'cycle.notConfirmedByMe' : 'cycle.notConfirmed')}
      </p>
      {isTeacher && !confirmed && visit.goals.length > 0 ? (
        <button
          type="button"
          className="button"
          onClick={async () => {
            setError(null);
            try {
              await save('visit', id, { teacherConfirmedAt: new Date().toISOString() });
            } catch (cause) {
              setError(cause);
            }
          }}
        >
          {t('cycle.confirm')}
        </button>
      ) : null}
      <SaveError error={error} />
    </section>
  );
}
