import { formatLimaDate, type VisitRecord } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveRecord } from '../../offline/hooks.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextareaField } from '../../ui/Field.tsx';
import { IconUserCheck } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { useToast } from '../../ui/Toast.tsx';
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
  const toast = useToast();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await save('visit', id, { goals: splitLines(goals), focus });
      toast(t('cycle.agreementSaved'));
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextareaField
        id="before-goals"
        label={t('visits.goals')}
        hint={t('visits.goalsHint')}
        rows={4}
        value={goals}
        onChange={(event) => setGoals(event.target.value)}
      />
      <DesempenoChecks
        id="before-focus"
        legend={t('cycle.focus')}
        value={focus}
        onChange={setFocus}
      />
      <SaveError error={error} />
      <Button type="submit" variant="secondary">
        {t('cycle.saveAgreement')}
      </Button>
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
      <p className="field__hint">{t(asCoach ? 'cycle.beforeHint' : 'cycle.beforeHintTeacher')}</p>
      {asCoach && visit.status !== 'cancelled' ? (
        <Agreement id={id} visit={visit} />
      ) : (
        <>
          {visit.goals.length ? (
            <List label={t('visits.goals')}>
              {visit.goals.map((goal) => (
                <ListItem key={goal} title={goal} />
              ))}
            </List>
          ) : (
            <EmptyState title={t('cycle.noGoals')} />
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
        <Button
          icon={IconUserCheck}
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
        </Button>
      ) : null}
      <SaveError error={error} />
    </section>
  );
}
