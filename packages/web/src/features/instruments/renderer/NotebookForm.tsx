import type {
  FieldNote,
  NotebookAnswers,
  NotebookDefinition,
  RubricDefinition,
} from '@acompana/core';
import { memo, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeOf } from './format.ts';
import type { SetAnswers } from './types.ts';

// The field notebook: timestamped notes with the template's tags, optionally answering a guide
// question and linked as evidence to a desempeño (and one of its aspects) of the rubric in use.
// The composer keeps its own state, so typing a note does not re-render the list.

interface ComposerProps {
  definition: NotebookDefinition;
  rubric: RubricDefinition | null;
  onAdd: (note: FieldNote) => void;
}

function Composer({ definition, rubric, onAdd }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [prompt, setPrompt] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [desempeno, setDesempeno] = useState('');
  const [aspect, setAspect] = useState('');
  const aspects = rubric?.desempenos.find((d) => d.code === desempeno)?.aspects ?? [];

  const add = () => {
    if (!text.trim()) return;
    onAdd({
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      text: text.trim(),
      tags,
      prompt: prompt || null,
      desempeno: desempeno || null,
      aspect: desempeno && aspect ? aspect : null,
    });
    setText('');
    setTags([]);
    setAspect('');
  };

  return (
    <div className="instrument__card">
      <div className="field">
        <label htmlFor={`${id}-prompt`}>{t('instruments.renderer.notePrompt')}</label>
        <select id={`${id}-prompt`} value={prompt} onChange={(e) => setPrompt(e.target.value)}>
          <option value="">{t('instruments.renderer.noPrompt')}</option>
          {definition.prompts.map((p) => (
            <option key={p.code} value={p.code}>
              {p.text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('instruments.renderer.noteText')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <fieldset className="instrument__choices">
        <legend>{t('instruments.renderer.noteTags')}</legend>
        <div className="instrument__inline">
          {definition.tags.map((tag) => (
            <label key={tag.code} className="instrument__option">
              <input
                type="checkbox"
                checked={tags.includes(tag.code)}
                onChange={(e) =>
                  setTags((prev) =>
                    e.target.checked ? [...prev, tag.code] : prev.filter((c) => c !== tag.code),
                  )
                }
              />
              {tag.label}
            </label>
          ))}
        </div>
      </fieldset>
      {rubric ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-desempeno`}>{t('instruments.renderer.noteDesempeno')}</label>
            <select
              id={`${id}-desempeno`}
              value={desempeno}
              onChange={(e) => {
                setDesempeno(e.target.value);
                setAspect('');
              }}
            >
              <option value="">{t('instruments.renderer.noDesempeno')}</option>
              {rubric.desempenos.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          {aspects.length > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-aspect`}>{t('instruments.renderer.noteAspect')}</label>
              <select
                id={`${id}-aspect`}
                value={aspect}
                onChange={(e) => setAspect(e.target.value)}
              >
                <option value="">{t('instruments.renderer.noAspect')}</option>
                {aspects.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.text}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        onClick={add}
        disabled={!text.trim()}
      >
        {t('instruments.renderer.addNote')}
      </button>
    </div>
  );
}

const NoteItem = memo(function NoteItem({
  note,
  definition,
  rubric,
  readOnly,
  onRemove,
}: {
  note: FieldNote;
  definition: NotebookDefinition;
  rubric: RubricDefinition | null;
  readOnly: boolean;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const time = timeOf(note.at);
  const d = rubric?.desempenos.find((x) => x.code === note.desempeno);
  const a = d?.aspects.find((x) => x.code === note.aspect);
  const prompt = definition.prompts.find((p) => p.code === note.prompt);
  return (
    <li className="instrument__note">
      <p className="instrument__eyebrow">
        <time dateTime={note.at}>{t('instruments.renderer.noteAt', { time })}</time>
        {note.tags.length > 0
          ? ` · ${note.tags.map((c) => definition.tags.find((x) => x.code === c)?.label ?? c).join(', ')}`
          : null}
      </p>
      {prompt ? <p className="field__hint">{prompt.text}</p> : null}
      <p>{note.text}</p>
      {d || note.desempeno ? (
        <p className="field__hint">
          {d?.name ?? note.desempeno}
          {a ? ` · ${a.text}` : null}
        </p>
      ) : null}
      {readOnly ? null : (
        <button type="button" className="button button--quiet" onClick={() => onRemove(note.id)}>
          {t('instruments.renderer.removeNote', { time })}
        </button>
      )}
    </li>
  );
});

interface Props {
  definition: NotebookDefinition;
  answers: NotebookAnswers;
  setAnswers: SetAnswers<NotebookAnswers>;
  readOnly: boolean;
  /** The rubric the notes link to (the one filled in the same visit), if any. */
  rubric: RubricDefinition | null;
}

export function NotebookForm({ definition, answers, setAnswers, readOnly, rubric }: Props) {
  const { t } = useTranslation();
  const onAdd = useCallback(
    (note: FieldNote) => setAnswers((prev) => ({ ...prev, notes: [...prev.notes, note] })),
    [setAnswers],
  );
  const onRemove = useCallback(
    (id: string) =>
      setAnswers((prev) => ({ ...prev, notes: prev.notes.filter((n) => n.id !== id) })),
    [setAnswers],
  );
  return (
    <div className="instrument__list">
      {readOnly ? null : <Composer definition={definition} rubric={rubric} onAdd={onAdd} />}
      <section className="instrument__card" aria-label={t('instruments.renderer.notes')}>
        <h3>{t('instruments.renderer.notes')}</h3>
        {answers.notes.length === 0 ? (
          <p className="empty">{t('instruments.renderer.noNotes')}</p>
        ) : (
          <ol className="plain-list">
            {answers.notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                definition={definition}
                rubric={rubric}
                readOnly={readOnly}
                onRemove={onRemove}
              />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
