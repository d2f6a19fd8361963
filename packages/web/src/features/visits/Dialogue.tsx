import {
  DIALOGUE_MOMENTS,
  type Dialogue,
  REFLECTION_LEVELS,
  type VisitRecord,
} from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveRecord } from '../../offline/hooks.ts';
import { SaveError } from './parts.tsx';

// "Después": the reflective dialogue guided by its moments (apertura, reflexión on evidence,
// alternativas, compromisos) and the level of reflection reached. Coach-owned; the teacher
// reads it on their visit.

type Level = (typeof REFLECTION_LEVELS)[number];

const EMPTY: Dialogue = {
  apertura: '',
  reflexion: '',
  alternativas: '',
  compromisos: '',
  reflectionLevel: null,
};

function DialogueForm({ id, initial }: { id: string; initial: Dialogue }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const [dialogue, setDialogue] = useState<Dialogue>(initial);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage('');
    try {
      await save('visit', id, { dialogue });
      setMessage(t('cycle.dialogueSaved'));
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {DIALOGUE_MOMENTS.map((moment) => (
        <div className="field" key={moment}>
          <label htmlFor={`dialogue-${moment}`}>{t(`ficha.moments.${moment}`)}</label>
          <textarea
            id={`dialogue-${moment}`}
            rows={3}
            value={dialogue[moment]}
            aria-describedby={`dialogue-${moment}-hint`}
            onChange={(event) => setDialogue((d) => ({ ...d, [moment]: event.target.value }))}
          />
          <p id={`dialogue-${moment}-hint`} className="field__hint">
            {t(`cycle.momentHints.${moment}`)}
          </p>
        </div>
      ))}
      <fieldset className="choice">
        <legend>{t('cycle.reflectionLevel')}</legend>
        {REFLECTION_LEVELS.map((level) => (
          <label key={level} className="choice__option">
            <input
              type="radio"
              name="reflection-level"
              value={level}
              checked={dialogue.reflectionLevel === level}
              onChange={() => setDialogue((d) => ({ ...d, reflectionLevel: level as Level }))}
            />
            {t(`cycle.reflectionLevels.${level}`)}
          </label>
        ))}
      </fieldset>
      <SaveError error={error} />
      <button type="submit" className="button">
        {t('cycle.saveDialogue')}
      </button>
      <p role="status" className="form__status">
        {message}
      </p>
    </form>
  );
}

function DialogueView({ dialogue }: { dialogue: Dialogue | null }) {
  const { t } = useTranslation();
  if (!dialogue) return <p className="empty">{t('cycle.noDialogue')}</p>;
  return (
    <dl className="facts">
      {DIALOGUE_MOMENTS.filter((moment) => dialogue[moment].trim()).map((moment) => (
        <div key={moment}>
          <dt>{t(`ficha.moments.${moment}`)}</dt>
          <dd>{dialogue[moment]}</dd>
        </div>
      ))}
      <div>
        <dt>{t('cycle.reflectionLevel')}</dt>
        <dd>
          {dialogue.reflectionLevel
            ? t(`cycle.reflectionLevels.${dialogue.reflectionLevel}`)
            : t('cycle.notReached')}
        </dd>
      </div>
    </dl>
  );
}

export function DialogueSection({
  id,
  visit,
  asCoach,
}: {
  id: string;
  visit: VisitRecord;
  asCoach: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="dialogo">
      <h2 id="dialogo">{t('cycle.dialogue')}</h2>
      <p className="field__hint">{t('cycle.dialogueHint')}</p>
      {asCoach && visit.status !== 'cancelled' ? (
        <DialogueForm id={id} initial={visit.dialogue ?? EMPTY} />
      ) : (
        <DialogueView dialogue={visit.dialogue} />
      )}
    </section>
  );
}
