import {
  DIALOGUE_MOMENTS,
  type Dialogue,
  REFLECTION_LEVELS,
  type VisitRecord,
} from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveRecord } from '../../offline/hooks.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextareaField } from '../../ui/Field.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { useToast } from '../../ui/Toast.tsx';
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
  const toast = useToast();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await save('visit', id, { dialogue });
      toast(t('cycle.dialogueSaved'));
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {DIALOGUE_MOMENTS.map((moment) => (
        <TextareaField
          key={moment}
          id={`dialogue-${moment}`}
          label={t(`ficha.moments.${moment}`)}
          hint={t(`cycle.momentHints.${moment}`)}
          rows={3}
          value={dialogue[moment]}
          onChange={(event) => setDialogue((d) => ({ ...d, [moment]: event.target.value }))}
        />
      ))}
      <SegmentedControl<Level>
        label={t('cycle.reflectionLevel')}
        options={REFLECTION_LEVELS.map((level) => ({
          value: level,
          label: t(`cycle.reflectionLevelNames.${level}`),
          description: t(`cycle.reflectionLevelHints.${level}`),
        }))}
        value={dialogue.reflectionLevel}
        onChange={(level) => setDialogue((d) => ({ ...d, reflectionLevel: level }))}
      />
      <SaveError error={error} />
      <Button type="submit">{t('cycle.saveDialogue')}</Button>
    </form>
  );
}

function DialogueView({ dialogue }: { dialogue: Dialogue | null }) {
  const { t } = useTranslation();
  if (!dialogue) return <EmptyState title={t('cycle.noDialogue')} />;
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
      <p className="field__hint">
        {t(asCoach ? 'cycle.dialogueHint' : 'cycle.dialogueHintTeacher')}
      </p>
      {asCoach && visit.status !== 'cancelled' ? (
        <DialogueForm id={id} initial={visit.dialogue ?? EMPTY} />
      ) : (
        <DialogueView dialogue={visit.dialogue} />
      )}
    </section>
  );
}
