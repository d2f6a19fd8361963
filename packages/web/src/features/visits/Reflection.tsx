import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { PendingBadge, SaveError } from './parts.tsx';

// The teacher's own reflection on a visit (teacher-owned; their coach reads it).

export function ReflectionSection({ visitId, teacherId }: { visitId: string; teacherId: string }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const reflections = useRecords('reflection', { visitId });
  const mine = reflections?.find((record) => record.data.teacherId === teacherId);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [savedText, setSavedText] = useState<string | null>(null);

  useEffect(() => {
    if (mine && savedText === null) setSavedText(mine.data.text);
    if (mine && text === '') setText(mine.data.text);
  }, [mine, savedText, text]);

  return (
    <section className="section" aria-labelledby="mi-reflexion">
      <h2 id="mi-reflexion">
        {t('reflections.title')} {mine ? <PendingBadge id={mine.id} /> : null}
      </h2>
      <form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          try {
            await save('reflection', mine?.id ?? null, { visitId, teacherId, text });
            setSavedText(text);
          } catch (cause) {
            setError(cause);
          }
        }}
      >
        <div className="field">
          <label htmlFor="reflection-text">{t('reflections.text')}</label>
          <textarea
            id="reflection-text"
            rows={5}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <SaveError error={error} />
        <button type="submit" className="button">
          {t('reflections.save')}
        </button>
      </form>
    </section>
  );
}
